/**
 * A fast sentence-valence scorer on VADER's lexicon (Hutto & Gilbert 2014, shipped in the
 * `vader-sentiment` package). It follows VADER's main rules — lexicon valence, boosters, negation in a
 * three-word window, "but" shifting weight to the second clause, capitals and exclamation emphasis,
 * compound = s / sqrt(s^2 + 15) — in one pass over the tokens. The package's own analyser runs at
 * ~25k messages/s here, too slow for per-message ratings at ingest speed (`npm run bench` measures
 * both); this scorer also adds a small chat lexicon of words VADER lacks or misreads in chats with an
 * assistant (e.g. "overwhelmed", "afraid", "thanks so much").
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const VADER: Record<string, number> = require("vader-sentiment/src/vader_lexicon.js").lexicon;

/** Words VADER lacks or rates oddly for conversations with an assistant (valence on VADER's -4..4 scale). */
const CHAT_LEXICON: Record<string, number> = {
  overwhelmed: -1.8,
  afraid: -1.8,
  terrified: -2.8,
  anxiety: -1.6,
  depression: -2.0,
  suicidal: -3.2,
  heartbroken: -2.8,
  exhausting: -1.6,
  lighter: 1.2,
  calmer: 1.6,
  relieved: 1.9,
  hopeful: 2.1,
  unmotivated: -1.6,
  insecure: -1.6,
  ashamed: -2.0,
  guilty: -1.8,
  stuck: -1.2,
  burnout: -1.9,
  "burned-out": -1.9,
  // Words that name a topic more than a feeling in help-seeking chats.
  help: 0.3,
  please: 0.3,
  problem: -0.6,
  error: -0.3,
  no: -0.3,
  yes: 0.8,
  sorry: -0.5,
  kill: -1.5,
  bug: -0.3,
  like: 0,
};

const LEXICON = new Map<string, number>(Object.entries(VADER));
for (const [w, v] of Object.entries(CHAT_LEXICON)) LEXICON.set(w, v);

const NEGATIONS = new Set([
  "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "nowhere", "without", "cannot", "cant", "can't",
  "dont", "don't", "doesnt", "doesn't", "didnt", "didn't", "isnt", "isn't", "arent", "aren't", "wasnt", "wasn't",
  "werent", "weren't", "wont", "won't", "wouldnt", "wouldn't", "shouldnt", "shouldn't", "couldnt", "couldn't",
  "aint", "ain't", "hasnt", "hasn't", "havent", "haven't", "hadnt", "hadn't", "neednt", "needn't", "rarely", "seldom",
]);

const B = 0.293;
const BOOSTERS = new Map<string, number>([
  ...["absolutely", "amazingly", "awfully", "completely", "considerably", "deeply", "enormously", "entirely", "especially",
    "exceptionally", "extremely", "fully", "greatly", "highly", "hugely", "incredibly", "intensely", "majorly", "more",
    "most", "particularly", "purely", "quite", "really", "remarkably", "so", "substantially", "thoroughly", "totally",
    "tremendously", "truly", "unbelievably", "unusually", "utterly", "very", "super", "way", "such"].map((w) => [w, B] as [string, number]),
  ...["almost", "barely", "hardly", "kinda", "kindof", "less", "little", "marginally", "occasionally", "partly", "scarcely",
    "slightly", "somewhat", "sorta"].map((w) => [w, -B] as [string, number]),
]);

const TOKEN = /[a-z0-9'\-]+|[:;=8][-o^']?[()dp\][/\\|*]+|<3|[!?]/gi;
const ALPHA = /[a-z]/i;

/**
 * VADER-style compound score in [-1, 1] for one text.
 * (A text is scored as a whole; VADER also scores one sentence or a whole comment this way.)
 */
export function valence(text: string): number {
  const tokens = text.match(TOKEN);
  if (!tokens) return 0;
  // Capitals count as emphasis only when the text mixes cases (all-caps text is just shouting style).
  let upper = 0;
  let words = 0;
  for (const t of tokens) {
    if (!ALPHA.test(t)) continue;
    words++;
    if (t.length > 1 && t === t.toUpperCase()) upper++;
  }
  const mixed = upper > 0 && upper < words;
  const lower = tokens.map((t) => t.toLowerCase());
  const scores: number[] = [];
  let butAt = -1;
  let exclaims = 0;
  let questions = 0;
  for (let i = 0; i < lower.length; i++) {
    const w = lower[i] as string;
    if (w === "!") {
      exclaims++;
      continue;
    }
    if (w === "?") {
      questions++;
      continue;
    }
    if (w === "but" && butAt === -1) butAt = scores.length;
    let v = LEXICON.get(w);
    if (v === undefined && w.endsWith("'s")) v = LEXICON.get(w.slice(0, -2));
    if (v === undefined || v === 0 || BOOSTERS.has(w)) {
      scores.push(0);
      continue;
    }
    if (mixed && (tokens[i] as string).length > 1 && tokens[i] === (tokens[i] as string).toUpperCase()) v += v > 0 ? 0.733 : -0.733;
    // Boosters and negations in the three words before, with VADER's decay.
    for (let back = 1; back <= 3 && i - back >= 0; back++) {
      const prev = lower[i - back] as string;
      const boost = BOOSTERS.get(prev);
      if (boost !== undefined) v += (v > 0 ? boost : -boost) * (back === 1 ? 1 : back === 2 ? 0.95 : 0.9);
      if (NEGATIONS.has(prev) || prev.endsWith("n't")) {
        v *= -0.74;
        break;
      }
    }
    scores.push(v);
  }
  if (butAt >= 0) {
    for (let i = 0; i < scores.length; i++) scores[i] = (scores[i] as number) * (i < butAt ? 0.5 : 1.5);
  }
  let sum = 0;
  for (const s of scores) sum += s;
  if (sum !== 0) {
    const emphasis = Math.min(exclaims, 4) * 0.292 + (questions > 1 ? Math.min(questions, 3) * 0.18 : 0);
    sum += sum > 0 ? emphasis : -emphasis;
  }
  const compound = sum / Math.sqrt(sum * sum + 15);
  return Math.max(-1, Math.min(1, compound));
}

/** The five-point scale of the affective-use study, from a compound score. */
export function fivePoint(compound: number): -1 | -0.5 | 0 | 0.5 | 1 {
  if (compound <= -0.6) return -1;
  if (compound <= -0.05) return -0.5;
  if (compound < 0.05) return 0;
  if (compound < 0.6) return 0.5;
  return 1;
}
