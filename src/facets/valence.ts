/**
 * Sentence valence on VADER's lexicon (Hutto & Gilbert 2014, shipped in `vader-sentiment`), scored
 * over the engine's tokens. It follows VADER's main rules — lexicon valence, boosters and negation in
 * a three-word window, "but" shifting weight to the second clause, capitals and exclamation emphasis,
 * compound = s / sqrt(s^2 + 15) — in one pass, without re-tokenising (the package's own analyser is
 * far too slow for per-message ratings at ingest speed). A small chat lexicon adds words VADER lacks
 * or misreads in conversations with an assistant (chat.ts).
 */
import { createRequire } from "node:module";
import { CHAT_VALENCE } from "./chat-valence.ts";
import { type Tokens, tokenize } from "./text.ts";
import { entry, type WordInfo } from "./vocab.ts";

const require = createRequire(import.meta.url);
const VADER: Record<string, number> = require("vader-sentiment/src/vader_lexicon.js").lexicon;

for (const [w, v] of Object.entries(VADER)) if (/^[a-z]+$/.test(w)) entry(w).valence = v;
for (const [w, v] of Object.entries(CHAT_VALENCE)) entry(w).valence = v;

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
const CAPS_INCR = 0.733;
const NEGATION_SCALAR = -0.74;
const NEGATED_NEUTRAL = -0.3;

/** VADER-style compound score in [-1, 1] for one tokenised text. */
export function valenceOfTokens(tokens: Tokens): number {
  const { words, infos, shouted } = tokens;
  let sum = 0;
  let before = 0;
  let butSeen = false;
  let exclaims = 0;
  let questions = 0;
  let negated = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (w === "!") {
      exclaims++;
      continue;
    }
    if (w === "?") {
      questions++;
      continue;
    }
    if (w === "but" && !butSeen) {
      butSeen = true;
      before = sum;
      sum = 0;
      continue;
    }
    const info = infos[i] as WordInfo;
    if (info.negation) negated = true;
    let v = info.valence;
    if (v === 0 && w === "like" && i > 0 && LIKE_SUBJECTS.has(words[i - 1] as string)) v = LIKE_VERB;
    if (v === 0 || info.booster !== 0) continue;
    // "pretty bad", "kind of sad": a degree word, not a judgement.
    if (HEDGES.has(w) && HEDGES.get(w) === (words[i + 1] ?? ".")) continue;
    if (w === "pretty" && i + 1 < words.length && !END.has(words[i + 1] as string)) continue;
    if (shouted?.includes(i)) v += v > 0 ? CAPS_INCR : -CAPS_INCR;
    for (let back = 1; back <= 3 && i - back >= 0; back++) {
      const prev = infos[i - back] as WordInfo;
      if (prev.booster !== 0)
        v += (v > 0 ? prev.booster : -prev.booster) * (back === 1 ? 1 : back === 2 ? 0.95 : 0.9);
      if (prev.negation) v *= NEGATION_SCALAR;
    }
    sum += v;
  }
  // A negated statement with no other sentiment word ("didn't find it believable") leans negative.
  if (sum === 0 && before === 0 && negated) sum = NEGATED_NEUTRAL;
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
