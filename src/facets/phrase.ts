/**
 * Cue lexicons as word phrases, compiled once into the shared word table (vocab.ts): a phrase is
 * indexed under its first word, so a message is matched by one pass over its tokens, trying only the
 * phrases that start with the word at hand. Every hit names its cue, for `convoscope explain`.
 *
 * Phrase syntax, one slot per space-separated item, matched against lower-cased tokens in which
 * contractions are already expanded (write "i am", "can not", "do not"):
 *   a|b|c   one of these words; `stem*` matches any word starting with the stem. Alternatives are single
 *           words: "get along|on with" is the slots get, along|on, with; write two phrases instead
 *   x?      the slot may be absent            _   any one word        #   a number
 *   ..N     up to N words, within one sentence ^   (first) the message starts here
 */
import { eng } from "stopword";
import {
  addStemPhrase,
  cueWordCount,
  cueWordOf,
  entry,
  lookup,
  NUMBER,
  type PhraseRole,
  SENTENCE_END,
  secondWords,
  startsOf,
  type WordIds,
} from "./vocab.ts";

export type LexiconRole = "user" | "assistant" | "any";

interface Slot {
  words: Set<string>;
  /** The words as a bit set over their cue-word numbers (vocab.ts), the form matching reads. */
  bits: Uint32Array;
  prefixes: string[];
  any: boolean;
  number: boolean;
  optional: boolean;
  gap: number;
}

export interface Phrase {
  lexicon: Lexicon;
  name: string;
  weight: number;
  atStart: boolean;
  slots: Slot[];
  source: string;
  /**
   * The cue-word numbers of the fixed slot (past those the index matches) least likely to be there
   * (commonness), if it names few; else null. Where none of them follows the phrase's first word, it cannot match: one
   * look per word says so before any slot is tried (many of the phrases tried fail there).
   */
  needs: number[] | null;
}

/** One cue that fired: which lexicon and cue, in which message, at which tokens. */
export interface Hit {
  lexicon: Lexicon;
  name: string;
  weight: number;
  /** Index of the message in the conversation. */
  message: number;
  /** Token span [at, end) in that message. */
  at: number;
  end: number;
}

const NO_BITS = new Uint32Array(0);
const NO_HITS: readonly Hit[] = Object.freeze([]);

function bitsOf(ids: number[]): Uint32Array {
  const bits = new Uint32Array((Math.max(0, ...ids) >>> 5) + 1);
  for (const id of ids) bits[id >>> 5] = (bits[id >>> 5] as number) | (1 << (id & 31));
  return bits;
}

function hasBit(bits: Uint32Array, id: number): boolean {
  const w = id >>> 5;
  return w < bits.length && ((bits[w] as number) & (1 << (id & 31))) !== 0;
}

function parseSlot(item: string, source: string): Slot {
  const slot: Slot = {
    words: new Set(),
    bits: NO_BITS,
    prefixes: [],
    any: false,
    number: false,
    optional: false,
    gap: 0,
  };
  if (item.startsWith("..")) {
    slot.gap = Number(item.slice(2));
    if (!Number.isInteger(slot.gap) || slot.gap < 1) throw new Error(`bad gap "${item}" in "${source}"`);
    return slot;
  }
  let body = item;
  if (body.length > 1 && body.endsWith("?")) {
    slot.optional = true;
    body = body.slice(0, -1);
  }
  if (body === "_") slot.any = true;
  else if (body === "#") slot.number = true;
  else {
    for (const alt of body.split("|")) {
      if (alt.length === 0) throw new Error(`empty alternative in "${source}"`);
      if (alt.endsWith("*")) slot.prefixes.push(alt.slice(0, -1));
      else {
        if (lookup(alt).expand)
          throw new Error(`write "${lookup(alt).expand?.join(" ")}" for "${alt}" in "${source}"`);
        slot.words.add(alt);
      }
    }
    slot.bits = bitsOf([...slot.words].map(cueWordOf));
  }
  return slot;
}

/** Whether token `id` fills a slot (not a gap). */
function slotMatches(slot: Slot, id: number, vocab: WordIds): boolean {
  if (slot.any) return ((vocab.kind[id] as number) & SENTENCE_END) === 0;
  if (slot.number) return ((vocab.kind[id] as number) & NUMBER) !== 0;
  if (hasBit(slot.bits, vocab.cueWord[id] as number)) return true;
  if (slot.prefixes.length === 0) return false;
  const word = vocab.words[id] as string;
  for (const p of slot.prefixes) if (word.startsWith(p)) return true;
  return false;
}

/** End (exclusive) of a match of slots[k..] starting at token j, or -1. */
function matchFrom(slots: Slot[], k: number, ids: number[], vocab: WordIds, j: number): number {
  if (k === slots.length) return j;
  const slot = slots[k] as Slot;
  if (slot.gap > 0) {
    for (let g = 0; g <= slot.gap; g++) {
      if (g > 0) {
        const at = j + g - 1;
        if (at >= ids.length || ((vocab.kind[ids[at] as number] as number) & SENTENCE_END) !== 0) return -1;
      }
      const end = matchFrom(slots, k + 1, ids, vocab, j + g);
      if (end >= 0) return end;
    }
    return -1;
  }
  if (j < ids.length && slotMatches(slot, ids[j] as number, vocab)) {
    const end = matchFrom(slots, k + 1, ids, vocab, j + 1);
    if (end >= 0 || !slot.optional) return end;
  } else if (!slot.optional) return -1;
  return matchFrom(slots, k + 1, ids, vocab, j);
}

/** A slot that matches only the words it names (no stem, wildcard, gap, or absence). */
function isFixed(slot: Slot): boolean {
  return !slot.optional && !slot.any && !slot.number && slot.gap === 0 && slot.prefixes.length === 0;
}

const MAX_NEEDS = 8;

/**
 * How often a slot's words are likely to follow a phrase's first word: its size, and much more for
 * each function word in it ("to", "you"), which almost every message holds.
 */
function commonness(slot: Slot): number {
  let cost = slot.words.size;
  for (const w of slot.words) if (FUNCTION_WORDS.has(w)) cost += MAX_NEEDS;
  return cost;
}
const FUNCTION_WORDS = new Set(eng);

/** Phrase.needs for these slots: the fixed slot least likely to be there. */
function leastCommonSlot(slots: Slot[]): number[] | null {
  let best: Slot | undefined;
  for (const s of slots)
    if (isFixed(s) && s.words.size <= MAX_NEEDS && (best === undefined || commonness(s) < commonness(best)))
      best = s;
  return best === undefined ? null : [...best.words].map(cueWordOf);
}

export class Lexicon {
  readonly id: string;
  readonly role: LexiconRole;
  private readonly byName = new Map<string, Phrase[]>();

  constructor(
    id: string,
    role: LexiconRole,
    cues: [name: string, phrases: string | string[], weight?: number][],
  ) {
    this.id = id;
    this.role = role;
    for (const [name, phrases, weight] of cues) {
      for (const source of Array.isArray(phrases) ? phrases : [phrases])
        this.compile(name, source, weight ?? 1);
    }
  }

  private compile(name: string, source: string, weight: number): void {
    const items = source.trim().split(/\s+/);
    const atStart = items[0] === "^";
    if (atStart) items.shift();
    const slots = items.map((item) => parseSlot(item, source));
    const first = slots[0];
    if (!first || first.any || first.number || first.optional || first.gap > 0) {
      throw new Error(`a phrase must start with a word: "${source}"`);
    }
    const second = slots[1];
    const fixedSecond = second !== undefined && isFixed(second);
    const needs = leastCommonSlot(slots.slice(fixedSecond ? 2 : 1));
    const phrase: Phrase = { lexicon: this, name, weight, atStart, slots, source, needs };
    this.byName.set(name, [...(this.byName.get(name) ?? []), phrase]);
    // Indexed per role, so a message only ever tries the phrases its role can match.
    const roles: PhraseRole[] = this.role === "any" ? ["user", "assistant"] : [this.role];
    for (const w of first.words) {
      const info = entry(w);
      for (const role of roles) {
        const starts = startsOf(info, role);
        if (!fixedSecond) {
          starts.phrases.push(phrase);
          continue;
        }
        if (starts.next === 0) starts.next = secondWords.newList();
        for (const w2 of second.words) secondWords.add(starts.next, cueWordOf(w2), phrase);
      }
    }
    for (const p of first.prefixes) addStemPhrase(p, phrase, roles);
  }

  phrasesNamed(name: string): Phrase[] {
    return this.byName.get(name) ?? [];
  }

  /** This lexicon's hits among a message's (or conversation's) hits (most lists have none: one shared empty list). */
  of(hits: readonly Hit[]): readonly Hit[] {
    let out: Hit[] | undefined;
    for (const h of hits) {
      if (h.lexicon !== this) continue;
      if (out === undefined) out = [h];
      else out.push(h);
    }
    return out ?? NO_HITS;
  }
}

/**
 * Every cue of every lexicon in one message's tokens, in order. Tokens are visited last to first, so
 * that at each one the cue words of the tokens after it are known (Phrase.needs); the hits found that
 * way, in reverse, are put back in order at the end.
 */
export function scan(
  ids: number[],
  vocab: WordIds,
  role: "user" | "assistant",
  message: number,
  out: Hit[],
): void {
  const r = role === "user" ? 0 : 1;
  const { cueWord, next, list, lists } = vocab;
  const n = ids.length;
  const first = out.length;
  const seen = after.start();
  const stamp = after.stamp;
  for (let i = n - 1; i >= 0; i--) {
    const id = ids[i] as number;
    const at = 2 * id + r;
    const nextList = next[at] as number;
    if (nextList !== 0 && i + 1 < n) {
      const second = cueWord[ids[i + 1] as number] as number;
      const phrases = second === 0 ? undefined : secondWords.get(nextList, second);
      // Found by their second word, these phrases match from their third slot on.
      if (phrases !== undefined) tryPhrases(phrases, 2, ids, vocab, i, message, out);
    }
    const phraseList = list[at] as number;
    if (phraseList !== 0) tryPhrases(lists[phraseList] as Phrase[], 1, ids, vocab, i, message, out);
    seen[cueWord[id] as number] = stamp;
  }
  reverse(out, first);
}

/**
 * The cue words of the tokens after the one a scan is at: a cue word is there when its stamp is the
 * scan's own, so no scan clears what the one before marked.
 */
class CueWordsAfter {
  stamps = new Int32Array(1024);
  stamp = 0;

  /** A new stamp for a scan, with room for every cue-word number given so far; the stamps. */
  start(): Int32Array {
    if (this.stamps.length <= cueWordCount()) {
      const grown = new Int32Array(2 * (cueWordCount() + 1));
      grown.set(this.stamps);
      this.stamps = grown;
    }
    if (++this.stamp === 0x7fffffff) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
    return this.stamps;
  }

  any(ids: number[]): boolean {
    const stamps = this.stamps;
    const stamp = this.stamp;
    for (let k = 0; k < ids.length; k++) if (stamps[ids[k] as number] === stamp) return true;
    return false;
  }
}
const after = new CueWordsAfter();

function reverse(hits: Hit[], from: number): void {
  for (let a = from, b = hits.length - 1; a < b; a++, b--) {
    const h = hits[a] as Hit;
    hits[a] = hits[b] as Hit;
    hits[b] = h;
  }
}

/**
 * Each phrase that matches at token i, its slots before `from` already matched (one per token), in
 * reverse order (see scan).
 */
function tryPhrases(
  phrases: Phrase[],
  from: number,
  ids: number[],
  vocab: WordIds,
  i: number,
  message: number,
  out: Hit[],
): void {
  for (let p = phrases.length - 1; p >= 0; p--) {
    const phrase = phrases[p] as Phrase;
    if ((phrase.atStart && i !== 0) || (phrase.needs !== null && !after.any(phrase.needs))) continue;
    const end = matchFrom(phrase.slots, from, ids, vocab, i + from);
    if (end >= 0)
      out.push({ lexicon: phrase.lexicon, name: phrase.name, weight: phrase.weight, message, at: i, end });
  }
}

/**
 * The matched words of a hit, for explanations: only words the cue itself names are shown; any other
 * word (matched by `_` or a gap) becomes "…", so no text beyond the lexicon ever leaves a message.
 */
export function quote(hit: Hit, words: string[]): string {
  const known = new Set<string>();
  const stems: string[] = [];
  for (const phrase of hit.lexicon.phrasesNamed(hit.name)) {
    for (const s of phrase.slots) {
      for (const w of s.words) known.add(w);
      stems.push(...s.prefixes);
    }
  }
  const out: string[] = [];
  for (let i = hit.at; i < hit.end; i++) {
    const w = words[i] as string;
    const stem = stems.find((s) => w.startsWith(s));
    const shown = known.has(w) ? w : stem !== undefined ? `${stem}*` : "…";
    if (shown !== "…" || out.at(-1) !== "…") out.push(shown);
  }
  return out.join(" ");
}
