/**
 * Sentence valence on VADER's lexicon (Hutto & Gilbert 2014, shipped in `vader-sentiment`), scored
 * over the engine's tokens. It follows VADER's main rules — lexicon valence, boosters and negation in
 * a three-word window, "but" shifting weight to the second clause, capitals and exclamation emphasis,
 * compound = s / sqrt(s^2 + 15) — in one pass, without re-tokenising (the package's own analyser is
 * far too slow for per-message ratings at ingest speed). A small chat lexicon adds words VADER lacks
 * or misreads in conversations with an assistant (chat-valence.ts), corrections learnt from
 * GoEmotions adjust words VADER rates out of context (valence-goemotions.ts, made by
 * scripts/train-valence.ts), and a few chat rules (social formulas, feeling verbs, hopes, "can't
 * wait") read words in their place.
 */
import { createRequire } from "node:module";
import { CHAT_VALENCE } from "./chat-valence.ts";
import { tokenize } from "./text.ts";
import { GOEMOTIONS_VALENCE } from "./valence-goemotions.ts";
import { entry, type WordInfo } from "./vocab.ts";

const require = createRequire(import.meta.url);
const VADER: Record<string, number> = require("vader-sentiment/src/vader_lexicon.js").lexicon;

/** A word's valence before the learnt corrections: the chat lexicon's, else VADER's, else 0. */
export function lexiconValence(word: string): number {
  if (Object.hasOwn(CHAT_VALENCE, word)) return CHAT_VALENCE[word] as number;
  return /^[a-z]+$/.test(word) && Object.hasOwn(VADER, word) ? (VADER[word] as number) : 0;
}

for (const [w, v] of Object.entries(VADER)) if (/^[a-z]+$/.test(w)) entry(w).valence = v;
for (const [w, v] of Object.entries(CHAT_VALENCE)) entry(w).valence = v;
for (const [w, d] of Object.entries(GOEMOTIONS_VALENCE)) entry(w).valence = lexiconValence(w) + d;

for (const w of [
  "not",
  "never",
  "none",
  "nobody",
  "nothing",
  "neither",
  "nor",
  "nowhere",
  "without",
  "rarely",
  "seldom",
  "hardly",
  "despite",
]) {
  entry(w).negation = true;
}
const B = 0.293;
for (const w of [
  "absolutely",
  "amazingly",
  "awfully",
  "completely",
  "considerably",
  "deeply",
  "enormously",
  "entirely",
  "especially",
  "exceptionally",
  "extremely",
  "fully",
  "greatly",
  "highly",
  "hugely",
  "incredibly",
  "intensely",
  "majorly",
  "more",
  "most",
  "particularly",
  "purely",
  "quite",
  "really",
  "remarkably",
  "so",
  "substantially",
  "thoroughly",
  "totally",
  "tremendously",
  "truly",
  "unbelievably",
  "unusually",
  "utterly",
  "very",
  "super",
  "such",
  "too",
]) {
  entry(w).booster = B;
}
for (const w of [
  "almost",
  "barely",
  "kinda",
  "less",
  "little",
  "marginally",
  "occasionally",
  "partly",
  "scarcely",
  "slightly",
  "somewhat",
  "sorta",
]) {
  entry(w).booster = -B;
}

/** "like" is a preposition or filler unless a subject precedes it ("I like", "we really like"). */
const LIKE_SUBJECTS = new Set([
  "i",
  "you",
  "we",
  "they",
  "really",
  "also",
  "would",
  "do",
  "not",
  "just",
  "totally",
  "definitely",
]);
const LIKE_VERB = 1.5;
const HEDGES = new Map([
  ["kind", "of"],
  ["sort", "of"],
]);
const END = new Set([".", "!", "?"]);
/** "I feel better", "feeling so alone": a word saying how the writer feels counts one and a half. */
const FEELING_VERBS = new Set(["feel", "feels", "feeling", "felt"]);
const FEELING_WEIGHT = 1.5;
const CAN = new Set(["can", "could"]);
const EAGER = 2.0;
const HOPES = new Set(["hope", "hoping", "hopefully"]);
const HOPED_WEIGHT = 0.5;

/**
 * Social formulas carry no sentiment of their own in chat: greetings and wishes ("good morning",
 * "have a nice day"), "take care", "nice to meet you", and "ok" / "well" opening a sentence as an
 * acknowledgement. People open and close conversations with them whatever they feel, so rating them
 * would only add the same noise to the start and end of every conversation.
 */
const TIMES = new Set(["morning", "afternoon", "evening", "night", "day", "weekend"]);
const WISHES = new Set(["good", "great", "nice", "lovely", "wonderful", "fantastic", "blessed"]);
const GREETINGS = new Set(["hi", "hello", "hey", "and"]);
const ACKNOWLEDGEMENTS = new Set(["ok", "okay", "well"]);

function isFormula(t: ValenceTokens, i: number): boolean {
  const w = at(t, i) as string;
  const next = at(t, i + 1);
  const prev = i > 0 ? (at(t, i - 1) as string) : ".";
  if (WISHES.has(w) && next !== undefined && TIMES.has(next))
    return END.has(prev) || GREETINGS.has(prev) || (prev === "a" && at(t, i - 2) === "have");
  if (WISHES.has(w) && next === "to" && at(t, i + 2) === "meet") return true;
  if (w === "care") return prev === "take";
  if (ACKNOWLEDGEMENTS.has(w)) return END.has(prev);
  return false;
}
/**
 * What scoring reads of a text: its token ids and the words and entries they stand for (a Tokens, or
 * a variant a tool builds, see scripts/train-valence.ts).
 */
export interface ValenceTokens {
  readonly ids: readonly number[];
  readonly vocab: { readonly words: readonly string[]; readonly infos: readonly WordInfo[] };
  readonly shouted: readonly number[] | null;
}

/** Token k as a string, undefined outside the text. */
function at(t: ValenceTokens, k: number): string | undefined {
  return k >= 0 && k < t.ids.length ? t.vocab.words[t.ids[k] as number] : undefined;
}

const FORMULA_WORDS = new Set([...WISHES, ...ACKNOWLEDGEMENTS, "care"]);
const CAPS_INCR = 0.733;
const NEGATION_SCALAR = -0.74;
const NEGATED_NEUTRAL = -0.3;

/**
 * VADER-style compound score in [-1, 1] for one tokenised text. With `trace`, each word that counted
 * is appended with what it counted for (lexicon words only), for `convoscope explain`.
 */
export function valenceOfTokens(tokens: ValenceTokens, trace?: string[]): number {
  const { ids, shouted } = tokens;
  const { words: table, infos } = tokens.vocab;
  let sum = 0;
  let before = 0;
  let butSeen = false;
  let exclaims = 0;
  let questions = 0;
  let negated = false;
  let hoping = false;
  for (let i = 0; i < ids.length; i++) {
    const w = table[ids[i] as number] as string;
    if (w === "!") {
      exclaims++;
      hoping = false;
      continue;
    }
    if (w === "?") {
      questions++;
      hoping = false;
      continue;
    }
    if (w === ".") hoping = false;
    if (w === "but" && !butSeen) {
      butSeen = true;
      before = sum;
      sum = 0;
      continue;
    }
    const info = infos[ids[i] as number] as WordInfo;
    if (info.negation) negated = true;
    let v = info.valence;
    // "can't wait": eagerness, not a negated wait.
    if (w === "wait" && at(tokens, i - 1) === "not" && CAN.has(at(tokens, i - 2) as string)) {
      sum += EAGER;
      trace?.push(`can not wait ${EAGER}`);
      continue;
    }
    if (v === 0 && w === "like" && i > 0 && LIKE_SUBJECTS.has(at(tokens, i - 1) as string)) v = LIKE_VERB;
    if (v === 0 || info.booster !== 0) continue;
    // Hope words carry valence themselves; what follows them in the sentence is hoped for.
    if (HOPES.has(w)) hoping = true;
    // "pretty bad", "kind of sad": a degree word, not a judgement.
    if (HEDGES.has(w) && HEDGES.get(w) === (at(tokens, i + 1) ?? ".")) continue;
    if (w === "pretty" && i + 1 < ids.length && !END.has(at(tokens, i + 1) as string)) continue;
    if (FORMULA_WORDS.has(w) && isFormula(tokens, i)) {
      trace?.push(`${w} 0 (formula)`);
      continue;
    }
    if (shouted?.includes(i)) v += v > 0 ? CAPS_INCR : -CAPS_INCR;
    // "I hope it gets less painful": the trouble is what the writer hopes past, not what they feel.
    if (hoping && v < 0) v *= HOPED_WEIGHT;
    let felt = false;
    for (let back = 1; back <= 3 && i - back >= 0; back++) {
      const prev = infos[ids[i - back] as number] as WordInfo;
      if (!felt && FEELING_VERBS.has(at(tokens, i - back) as string)) {
        v *= FEELING_WEIGHT;
        felt = true;
      }
      if (prev.booster !== 0)
        v += (v > 0 ? prev.booster : -prev.booster) * (back === 1 ? 1 : back === 2 ? 0.95 : 0.9);
      if (prev.negation) v *= NEGATION_SCALAR;
    }
    trace?.push(`${w} ${Number(v.toFixed(2))}${v !== info.valence ? ` (lexicon ${info.valence})` : ""}`);
    sum += v;
  }
  // A negated statement with no other sentiment word ("didn't find it believable") leans negative.
  if (sum === 0 && before === 0 && negated) {
    sum = NEGATED_NEUTRAL;
    trace?.push(`negated, no other sentiment word ${NEGATED_NEUTRAL}`);
  }
  // "but": the clause before counts half, the clause after one and a half.
  if (butSeen) sum = before * 0.5 + sum * 1.5;
  if (sum !== 0) {
    const emphasis =
      Math.min(exclaims, 4) * 0.292 + (questions > 1 ? (questions > 3 ? 0.96 : questions * 0.18) : 0);
    sum += sum > 0 ? emphasis : -emphasis;
  }
  return Math.max(-1, Math.min(1, sum / Math.sqrt(sum * sum + 15)));
}

/** Compound valence of a raw text. */
export function valence(text: string): number {
  return valenceOfTokens(tokenize(text));
}

/** The five-point scale of the affective-use study, from a compound score. */
export function fivePoint(compound: number): -1 | -0.5 | 0 | 0.5 | 1 {
  if (compound <= -0.6) return -1;
  if (compound <= -0.05) return -0.5;
  if (compound < 0.05) return 0;
  if (compound < 0.6) return 0.5;
  return 1;
}
