/**
 * A conversation prepared once for every offline extractor: each message tokenised in one pass
 * (lower-cased words, contractions expanded, sentence punctuation kept as tokens) and matched once
 * against every cue lexicon. Facets then read tokens and hits instead of re-scanning text.
 */
import type { Conversation } from "../types.ts";
import { type Hit, scan } from "./phrase.ts";
import { HASH_SEED, hashStep } from "./slice-table.ts";
import { lookup, surfaceAt, vocabulary, type WordIds } from "./vocab.ts";

/**
 * A tokenised text: its tokens as word ids (vocab.ts); readers that want strings take one (wordAt) or
 * the whole list (`words`, built on first use, then kept) from the id table.
 */
export class Tokens {
  /** Token ids in `vocab`: lower-cased words, numbers, and ".", "!", "?" (commas and other marks are dropped). */
  readonly ids: number[];
  readonly vocab: WordIds;
  /** Tokens written in capitals ("NEVER") in a text that mixes cases (VADER's emphasis), or null. */
  readonly shouted: number[] | null;
  #words: string[] | undefined;

  constructor(ids: number[], vocab: WordIds, shouted: number[] | null) {
    this.ids = ids;
    this.vocab = vocab;
    this.shouted = shouted;
  }

  get length(): number {
    return this.ids.length;
  }

  /** Token i as a string (undefined past the end), without building the whole `words` list. */
  wordAt(i: number): string | undefined {
    return i >= 0 && i < this.ids.length ? this.vocab.words[this.ids[i] as number] : undefined;
  }

  /** The tokens as strings (for readers that want a list; most facets read ids or wordAt). */
  get words(): string[] {
    if (this.#words === undefined) {
      const table = this.vocab.words;
      const ids = this.ids;
      const words: string[] = new Array(ids.length);
      for (let k = 0; k < ids.length; k++) words[k] = table[ids[k] as number] as string;
      this.#words = words;
    }
    return this.#words;
  }
}

export class MessageText extends Tokens {
  /** Index in conversation.messages. */
  readonly index: number;
  readonly role: "user" | "assistant";
  readonly raw: string;
  /** Every cue of every lexicon in this message. */
  readonly hits: Hit[] = [];

  constructor(index: number, role: "user" | "assistant", raw: string, tokens: Tokens) {
    super(tokens.ids, tokens.vocab, tokens.shouted);
    this.index = index;
    this.role = role;
    this.raw = raw;
  }
}

export interface ConversationText {
  conversation: Conversation;
  user: MessageText[];
  assistant: MessageText[];
  /** Both roles, in conversation order. */
  messages: MessageText[];
  /** Every hit in the human's messages, and in the assistant's, in conversation order. */
  userHits: Hit[];
  assistantHits: Hit[];
}

/**
 * 1 for the code units words are made of (after lower-casing): ASCII letters and digits, and the
 * letters of other scripts — not punctuation, symbols, emoji halves or CJK punctuation. One table
 * lookup per character.
 */
const WORD_CHAR = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) {
  const word =
    c < 128
      ? (c >= 97 && c <= 122) || (c >= 48 && c <= 57)
      : c >= 0xc0 &&
        c !== 0xd7 &&
        c !== 0xf7 &&
        !(c >= 0x2000 && c <= 0x2bff) &&
        !(c >= 0x3000 && c <= 0x303f) &&
        !(c >= 0xd800 && c <= 0xdfff) &&
        c !== 0xfeff;
  WORD_CHAR[c] = word ? 1 : 0;
}

/** Past the end of a text, charCodeAt gives NaN, which is no word character. */
function isWordChar(c: number): boolean {
  return WORD_CHAR[c] === 1;
}

const APOSTROPHE = 39;
const RIGHT_QUOTE = 0x2019;

/**
 * Tokenises one text, at most `limit` characters of it (see Tokens.ids): one pass over the
 * lower-cased text's character codes. A word is a run of word characters, joined across an apostrophe
 * between letters ("don't") and a decimal point between digits ("3.5"); its hash is computed on the
 * way, so a word seen before is found in the word table's surface forms without taking a substring.
 */
export function tokenize(raw: string, limit = Number.POSITIVE_INFINITY): Tokens {
  const text = raw.length > limit ? raw.slice(0, limit) : raw;
  const lower = text.toLowerCase();
  // Capitals count only where lower-casing kept every offset and the text is not all capitals
  // (decided at the first word written in capitals, as most texts have none).
  let mixed: boolean | undefined;
  const vocab = vocabulary();
  const ids: number[] = [];
  let shouted: number[] | null = null;
  const n = lower.length;
  let i = 0;
  while (i < n) {
    const c = lower.charCodeAt(i);
    if (c === 32) {
      i++;
      continue;
    }
    if (WORD_CHAR[c] !== 1) {
      if (c === 46 || c === 33 || c === 63) {
        // Sentence punctuation is a form of the table too: found there like a word.
        ids.push(surfaceAt(lower, i, i + 1, hashStep(HASH_SEED, c)).id);
        i++;
        continue;
      }
      const p = c < 58 ? undefined : symbolAt(lower, i);
      if (p !== undefined) {
        ids.push(vocab.idOf(p));
        i += p.length;
      } else i++;
      continue;
    }
    const start = i;
    let hash = hashStep(HASH_SEED, c);
    i++;
    while (i < n) {
      const d = lower.charCodeAt(i);
      if (WORD_CHAR[d] === 1) {
        hash = hashStep(hash, d);
        i++;
        continue;
      }
      // An apostrophe between letters ("don't", hashed as a straight one), a decimal point between
      // digits ("3.5"); the character after is read only then (most words end at a space).
      if (d === APOSTROPHE || d === RIGHT_QUOTE) {
        const e = lower.charCodeAt(i + 1);
        if (!isWordChar(e)) break;
        hash = hashStep(hashStep(hash, APOSTROPHE), e);
        i += 2;
      } else if (d === 46) {
        const e = lower.charCodeAt(i + 1);
        if (!isDigit(e) || !isDigit(lower.charCodeAt(i - 1))) break;
        hash = hashStep(hashStep(hash, d), e);
        i += 2;
      } else break;
    }
    const surface = surfaceAt(lower, start, i, hash);
    if (isShouted(text, start, i)) {
      mixed ??= isMixed(text, lower);
      if (mixed) {
        shouted ??= [];
        shouted.push(ids.length);
      }
    }
    const expansion = surface.expansion;
    if (expansion === null) ids.push(surface.id);
    else for (let k = 0; k < expansion.length; k++) ids.push(expansion[k] as number);
  }
  return new Tokens(ids, vocab, shouted);
}

function isMixed(text: string, lower: string): boolean {
  return lower.length === text.length && lower !== text && text.toUpperCase() !== text;
}

const EMOTICONS = [":'(", ":-)", ":-(", ":)", ":(", ":d", ";)", ":p", ":/", "<3"];
/** Their second characters: most colons are followed by none of these, and are no emoticon. */
const EMOTICON_SECOND = new Set(EMOTICONS.map((e) => e.charCodeAt(1)));

/** An emoticon or an emoji with a sentiment valence starting at i (sentiment evidence), else undefined. */
function symbolAt(lower: string, i: number): string | undefined {
  const c = lower.charCodeAt(i);
  if (c === 58 || c === 59 || c === 60) {
    if (!EMOTICON_SECOND.has(lower.charCodeAt(i + 1))) return undefined;
    for (const e of EMOTICONS) {
      if (!lower.startsWith(e, i)) continue;
      const after = lower.charCodeAt(i + e.length);
      if (Number.isNaN(after) || !(isWordChar(after) || after === 47)) return e;
    }
    return undefined;
  }
  if (c === 0x2764 || (c >= 0xd800 && c <= 0xdbff)) {
    const symbol = lower.slice(i, c === 0x2764 ? i + 1 : i + 2);
    if (lookup(symbol).valence !== 0) return symbol;
  }
  return undefined;
}

/** A word of two or more letters, all capitals ("NEVER"), as VADER's emphasis rule reads it. */
function isShouted(raw: string, start: number, end: number): boolean {
  const first = raw.charCodeAt(start);
  if (end - start < 2 || first < 65 || first > 90) return false;
  for (let k = start + 1; k < end; k++) {
    const c = raw.charCodeAt(k);
    if (c >= 97 && c <= 122) return false;
  }
  return true;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Assistant replies are read up to this many characters: refusals and empathy open a reply. */
export const ASSISTANT_CHARS = 2000;

export function prepareText(conversation: Conversation): ConversationText {
  const user: MessageText[] = [];
  const assistant: MessageText[] = [];
  const messages: MessageText[] = [];
  const userHits: Hit[] = [];
  const assistantHits: Hit[] = [];
  const all = conversation.messages;
  // Every message is tokenised first and matched after: each loop keeps its own code and tables
  // in the processor's caches, which interleaving them per message would evict.
  for (let index = 0; index < all.length; index++) {
    const m = all[index];
    if (m === undefined || m.role === "system") continue;
    const tokens = tokenize(m.text, m.role === "assistant" ? ASSISTANT_CHARS : Number.POSITIVE_INFINITY);
    const text = new MessageText(index, m.role, m.text, tokens);
    (m.role === "user" ? user : assistant).push(text);
    messages.push(text);
  }
  for (const m of messages) {
    scan(m.ids, m.vocab, m.role, m.index, m.hits);
    const roleHits = m.role === "user" ? userHits : assistantHits;
    for (const h of m.hits) roleHits.push(h);
  }
  return { conversation, user, assistant, messages, userHits, assistantHits };
}

/** The hits of some messages, in order (a plain loop: Array.prototype.flatMap is slow in V8). */
export function hitsOf(messages: readonly MessageText[]): Hit[] {
  const out: Hit[] = [];
  for (const m of messages) for (const h of m.hits) out.push(h);
  return out;
}
