/**
 * Learns the GoEmotions corrections to the sentiment lexicon (src/facets/valence-goemotions.ts).
 *
 *   node --import tsx scripts/train-valence.ts [DATA_DIR]   (default ../shared/data)
 *
 * VADER's lexicon was rated word by word, out of context. In conversation some of its words carry
 * little feeling ("friend", "hand", "free", "clearly") and some feelings it lacks ("apologies",
 * "idiots"). This script fits, on human-labelled comments, one additive correction per word, inside
 * the same rules the rater applies (negation, "but", boosters, emphasis, feeling verbs): a correction
 * is just another lexicon value, and `convoscope explain` shows it like any other.
 *
 * Data: GoEmotions train.tsv (Demszky et al. 2020, CC BY 4.0), read from DATA_DIR, never copied.
 * Comments labelled only with positive emotions are +1, only with negative ones -1, only "neutral" 0
 * (this keeps the words of plain statements and requests near zero). The comments the evaluation
 * scores as its dev part are left out, and dev.tsv (the held-out part) is never read. Nothing from
 * ESConv (CC BY-NC) is used.
 *
 * Model: rating = tanh(a * s), where s is the rater's pre-squash sum with corrected word valences and
 * a is a fitted scale; squared error plus an L2 penalty on the corrections; full-batch Adam from zero
 * (deterministic: same data, same table). Constraints keep it a correction of a lexicon written for
 * any text, not a model of Reddit:
 * - a word VADER (or chat-valence.ts) rates never changes sign; a positive word may fade to zero or
 *   grow to twice its valence (Reddit's "friend", "free", "win" are rarely feelings);
 * - a negative word may only grow stronger: trouble words ("pain", "problems", "alone", "fired") are
 *   softened on Reddit by sympathy and jokes about other people's trouble, which does not carry over
 *   to people telling an assistant about their own;
 * - a word VADER lacks gets at most NEW_WORD_BOUND, and is kept only if its correction reaches
 *   NEW_WORD_MIN and it is not a stop word (stop words of a Reddit thread are not feelings);
 * - words seen in fewer than MIN_COMMENTS comments and words written with a capital in most of their
 *   uses inside a sentence (names, teams, places) are not learnt; corrections under PRUNE are dropped.
 * Only the word table is written: no comment text, no excerpt.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { eng } from "stopword";
import { goemotionsDevPart, loadGoemotions } from "../eval/datasets/goemotions.ts";
import { tokenize } from "../src/facets/text.ts";
import { lexiconValence, type ValenceTokens, valenceOfTokens } from "../src/facets/valence.ts";
import { GOEMOTIONS_VALENCE } from "../src/facets/valence-goemotions.ts";
import { entry, lookup, type WordInfo } from "../src/facets/vocab.ts";

const MIN_COMMENTS = 10;
const POSITIVE_RANGE = 1;
const NEGATIVE_RANGE = 1;
const NEW_WORD_BOUND = 2.5;
const NEW_WORD_MIN = 0.75;
const PRUNE = 0.25;
const L2 = 1e-4;
const STEPS = 300;
const LEARNING_RATE = 0.05;
const STOP_WORDS = new Set(eng);

const dataDir = resolve(process.argv[2] ?? "../shared/data");
const out = new URL("../src/facets/valence-goemotions.ts", import.meta.url);

// Train against the base lexicon (VADER + chat entries), without the corrections shipped now.
for (const w of Object.keys(GOEMOTIONS_VALENCE)) entry(w).valence = lexiconValence(w);

interface Example {
  text: string;
  target: number;
}
const excluded = new Set(goemotionsDevPart(dataDir).map((x) => x.id));
const examples: Example[] = loadGoemotions(dataDir, "train.tsv")
  .filter((x) => !excluded.has(x.id))
  .map((x) => ({ text: x.text, target: x.positive ? 1 : -1 }));
const names = readFileSync(join(dataDir, "goemotions", "emotions.txt"), "utf8")
  .trim()
  .split("\n");
const NEUTRAL = String(names.indexOf("neutral"));
for (const line of readFileSync(join(dataDir, "goemotions", "train.tsv"), "utf8").split("\n")) {
  const [text, labels, id] = line.split("\t");
  if (text && labels === NEUTRAL && id && !excluded.has(id)) examples.push({ text, target: 0 });
}

/** The rater's sum before compound = s / sqrt(s^2 + 15), recovered from the compound score. */
function sumOf(tokens: ValenceTokens): number {
  const c = valenceOfTokens(tokens);
  return c * Math.sqrt(15 / Math.max(1e-12, 1 - c * c));
}

// For each comment: how its sum moves per unit of valence added to each of its words, rules included.
interface Row {
  base: number;
  idx: number[];
  slope: number[];
  target: number;
}
const capitals = new Map<string, [upper: number, lower: number]>();
const slopes: { base: number; words: string[]; slopes: number[]; target: number }[] = [];
for (const ex of examples) {
  const tokens = tokenize(ex.text);
  const base = sumOf(tokens);
  const words: string[] = [];
  const ws: number[] = [];
  for (const w of new Set(tokens.words)) {
    if (!/^[a-z][a-z']*$/.test(w)) continue;
    const { words: table, infos: entries } = tokens.vocab;
    const infos = tokens.ids.map((id) => {
      const info = entries[id] as WordInfo;
      return table[id] === w ? { ...info, valence: info.valence + 1 } : info;
    });
    // Ids by position, so one word's entries can differ from the table's.
    const positions = tokens.ids.map((_, k) => k);
    const slope =
      sumOf({ ids: positions, vocab: { words: tokens.words, infos }, shouted: tokens.shouted }) - base;
    if (Math.abs(slope) > 1e-9) {
      words.push(w);
      ws.push(slope);
    }
  }
  // Words inside a sentence (after a lower-case letter or a comma) tell names from common words.
  for (const m of ex.text.matchAll(/(?<=[a-z,;] )([A-Za-z][a-z']+)/g)) {
    const raw = m[1] as string;
    const w = raw.toLowerCase();
    const c = capitals.get(w) ?? [0, 0];
    c[raw[0] === w[0] ? 1 : 0]++;
    capitals.set(w, c);
  }
  slopes.push({ base, words, slopes: ws, target: ex.target });
}

const df = new Map<string, number>();
for (const r of slopes) for (const w of r.words) df.set(w, (df.get(w) ?? 0) + 1);
const isName = (w: string) => {
  const [upper, lower] = capitals.get(w) ?? [0, 0];
  return upper > lower;
};
const vocab = [...df]
  .filter(([w, n]) => n >= MIN_COMMENTS && !isName(w) && !(lookup(w).valence === 0 && STOP_WORDS.has(w)))
  .map(([w]) => w);
const index = new Map(vocab.map((w, i) => [w, i]));
const bounds = vocab.map((w): readonly [number, number] => {
  const v = lookup(w).valence;
  if (v > 0) return [-POSITIVE_RANGE * v, POSITIVE_RANGE * v];
  if (v < 0) return [NEGATIVE_RANGE * v, 0];
  return [-NEW_WORD_BOUND, NEW_WORD_BOUND];
});
const rows: Row[] = slopes.map((r) => {
  const idx: number[] = [];
  const slope: number[] = [];
  r.words.forEach((w, k) => {
    const j = index.get(w);
    if (j !== undefined) {
      idx.push(j);
      slope.push(r.slopes[k] as number);
    }
  });
  return { base: r.base, idx, slope, target: r.target };
});

/** Fits the corrections within `bounds` (full-batch Adam from zero; deterministic). */
function fit(bounds: readonly (readonly [number, number])[]): Float64Array {
  const delta = new Float64Array(vocab.length);
  const m1 = new Float64Array(vocab.length);
  const m2 = new Float64Array(vocab.length);
  let scale = 0.25;
  let s1 = 0;
  let s2 = 0;
  for (let step = 1; step <= STEPS; step++) {
    const grad = new Float64Array(vocab.length);
    let gScale = 0;
    let loss = 0;
    for (const r of rows) {
      let s = r.base;
      for (let k = 0; k < r.idx.length; k++)
        s += (delta[r.idx[k] as number] as number) * (r.slope[k] as number);
      const h = Math.tanh(scale * s);
      loss += (h - r.target) ** 2;
      const e = 2 * (h - r.target) * (1 - h * h);
      gScale += e * s;
      for (let k = 0; k < r.idx.length; k++) {
        const j = r.idx[k] as number;
        grad[j] = (grad[j] as number) + e * scale * (r.slope[k] as number);
      }
    }
    const n = rows.length;
    const c1 = 1 - 0.9 ** step;
    const c2 = 1 - 0.999 ** step;
    for (let j = 0; j < vocab.length; j++) {
      const g = (grad[j] as number) / n + L2 * (delta[j] as number);
      m1[j] = 0.9 * (m1[j] as number) + 0.1 * g;
      m2[j] = 0.999 * (m2[j] as number) + 0.001 * g * g;
      const [lo, hi] = bounds[j] as readonly [number, number];
      const next =
        (delta[j] as number) -
        (LEARNING_RATE * (m1[j] as number)) / c1 / (Math.sqrt((m2[j] as number) / c2) + 1e-8);
      delta[j] = Math.max(lo, Math.min(hi, next));
    }
    gScale /= n;
    s1 = 0.9 * s1 + 0.1 * gScale;
    s2 = 0.999 * s2 + 0.001 * gScale * gScale;
    scale -= (0.01 * s1) / c1 / (Math.sqrt(s2 / c2) + 1e-8);
    if (step % 100 === 0) console.error(`step ${step}: mean squared error ${(loss / n).toFixed(4)}`);
  }
  return delta;
}

const delta = fit(bounds);

const table = vocab
  .map((w, j) => [w, Math.round((delta[j] as number) * 100) / 100] as const)
  .filter(([w, d]) => Math.abs(d) >= (lookup(w).valence === 0 ? NEW_WORD_MIN : PRUNE))
  .sort((a, b) => (a[0] < b[0] ? -1 : 1));
const body = table.map(([w, d]) => `  ${/^[a-z]+$/.test(w) ? w : JSON.stringify(w)}: ${d},`).join("\n");
writeFileSync(
  out,
  `/**
 * Corrections to the sentiment lexicon learnt from GoEmotions, generated by scripts/train-valence.ts
 * (do not edit by hand: rerun the script). Each value is added to the word's VADER / chat valence
 * (-4..4 scale); the script describes the data, the model and the constraints.
 *
 * Learnt from GoEmotions (Demszky et al., 2020, "GoEmotions: A Dataset of Fine-Grained Emotions"),
 * Google Research, licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/):
 * https://github.com/google-research/google-research/tree/master/goemotions
 * The table holds ${table.length} word weights and no text from the dataset.
 */
export const GOEMOTIONS_VALENCE: Record<string, number> = {
${body}
};
`,
);
console.error(
  `wrote ${table.length} corrections (of ${vocab.length} words seen in >= ${MIN_COMMENTS} comments)`,
);
