/**
 * The one word table every offline facet reads. Each word maps to a single entry holding everything
 * any facet knows about it — its sentiment valence, whether it negates or boosts, which languages use
 * it as a function word, which cue phrases start with it, and how a contraction expands — so the
 * engine looks each token up once per message instead of running one regular expression per cue.
 */
import type { Phrase } from "./phrase.ts";
import { SliceTable } from "./slice-table.ts";

/** The cue phrases that start with a word, for messages of one role. */
export interface PhraseStarts {
  /** Phrases whose second slot is not one fixed word, tried wherever the word stands. */
  phrases: Phrase[];
  /**
   * The number of this word's phrases indexed by their fixed second word in `secondWords` (0: none),
   * so fewer phrases are tried per token. Shared between an entry and its stem copies (copyOf).
   */
  next: number;
}

/**
 * Phrases by (PhraseStarts.next, cue-word number of their second word), in one open-addressing
 * table: most tokens that start phrases ("i", "is", "you") are followed by no indexed second word,
 * which one probe of a flat array tells, without going through an object per word.
 */
class SecondWords {
  /** Per slot: list number (0: empty), second cue word, index + 1 in `phrases`. */
  private slots = new Int32Array(3 * 1024);
  private phrases: Phrase[][] = [];
  private lists = 0;

  /** A new list number (for PhraseStarts.next). */
  newList(): number {
    return ++this.lists;
  }

  add(list: number, cueWord: number, phrase: Phrase): void {
    const at = this.find(list, cueWord);
    if (this.slots[at] !== 0) {
      const k = (this.slots[at + 2] as number) - 1;
      this.phrases[k] = [...(this.phrases[k] as Phrase[]), phrase];
      return;
    }
    if ((this.phrases.length + 1) * 2 * 3 > this.slots.length) {
      this.rehash();
      this.add(list, cueWord, phrase);
      return;
    }
    this.phrases.push([phrase]);
    this.slots[at] = list;
    this.slots[at + 1] = cueWord;
    this.slots[at + 2] = this.phrases.length;
  }

  /** The phrases of this list whose second word has this cue-word number (not 0), else undefined. */
  get(list: number, cueWord: number): Phrase[] | undefined {
    const at = this.find(list, cueWord);
    return this.slots[at] === 0 ? undefined : this.phrases[(this.slots[at + 2] as number) - 1];
  }

  /** The slot holding (list, cueWord), or the empty slot where it would go. */
  private find(list: number, cueWord: number): number {
    const slots = this.slots;
    const size = slots.length / 3;
    for (
      let k = (Math.imul(list, 0x9e3779b1) ^ Math.imul(cueWord, 0x85ebca6b)) & (size - 1);
      ;
      k = (k + 1) & (size - 1)
    ) {
      const at = 3 * k;
      const l = slots[at] as number;
      if (l === 0 || (l === list && slots[at + 1] === cueWord)) return at;
    }
  }

  private rehash(): void {
    const old = this.slots;
    this.slots = new Int32Array(2 * old.length);
    for (let at = 0; at < old.length; at += 3) {
      if (old[at] === 0) continue;
      const to = this.find(old[at] as number, old[at + 1] as number);
      this.slots[to] = old[at] as number;
      this.slots[to + 1] = old[at + 1] as number;
      this.slots[to + 2] = old[at + 2] as number;
    }
  }
}
export const secondWords = new SecondWords();

export interface WordInfo {
  /** Valence on VADER's -4..4 scale; 0 when the word carries none. */
  valence: number;
  negation: boolean;
  /** VADER booster ("very" +0.293, "slightly" -0.293); 0 when not a booster. */
  booster: number;
  /** Bit mask of languages (see language.ts) that use the word as a common function word. */
  lang: number;
  /** Cue phrases starting with this word, in user messages and in assistant messages (null: none). */
  user: PhraseStarts | null;
  assistant: PhraseStarts | null;
  /** A contraction's expansion ("can't" -> "can", "not"), or null. */
  expand: string[] | null;
  /**
   * The word's number among the words cue phrases name (1, 2, ...; 0 for any other word), so a
   * phrase slot tests a token with one bit instead of a string lookup (phrase.ts).
   */
  cueWord: number;
}

/** Every entry has the same fields in the same order, so the engine's reads of them stay monomorphic. */
function blank(): WordInfo {
  return {
    valence: 0,
    negation: false,
    booster: 0,
    lang: 0,
    user: null,
    assistant: null,
    expand: null,
    cueWord: 0,
  };
}

function copyOf(info: WordInfo): WordInfo {
  const copy = blank();
  copy.valence = info.valence;
  copy.negation = info.negation;
  copy.booster = info.booster;
  copy.lang = info.lang;
  copy.user = copyStarts(info.user);
  copy.assistant = copyStarts(info.assistant);
  copy.expand = info.expand;
  copy.cueWord = info.cueWord;
  return copy;
}

function copyStarts(starts: PhraseStarts | null): PhraseStarts | null {
  return starts && { phrases: [...starts.phrases], next: starts.next };
}

const table = new Map<string, WordInfo>();
/** Cue phrases that start with a word stem ("suicid*"), matched by prefix when a word is first seen. */
const prefixed: { prefix: string; phrase: Phrase; roles: PhraseRole[] }[] = [];
/** The numbers of cue words (WordInfo.cueWord), also of words that have no entry of their own. */
const cueWords = new Map<string, number>();
/** Resolved entries (table entry + stem phrases + cue-word number), memoised; cleared when too large. */
let resolved = new Map<string, WordInfo>();
const MAX_RESOLVED = 200_000;
/**
 * Surface forms already resolved, found by the slice of text the tokeniser is at and the hash it
 * computed while scanning it (slice-table.ts). Bounded like `resolved`: past MAX_RESOLVED forms it
 * starts afresh.
 */
const forms = new SliceTable<Surface>();
/** The entry of every word the table does not know (read-only by convention: frozen, it would change shape). */
export const NONE: WordInfo = blank();

export type PhraseRole = "user" | "assistant";

/** Anything registered changes what words resolve to: forget what was resolved before. */
function changed(): void {
  if (resolved.size > 0) resolved = new Map();
  if (forms.size > 0) forms.clear();
  if (current.size > 0) current = new WordIds();
}

/** WordIds.kind: the token is ".", "!" or "?". */
export const SENTENCE_END = 1;
/** WordIds.kind: the token starts with a digit. */
export const NUMBER = 2;
/** WordIds.kind: the token is "?" (also a SENTENCE_END). */
export const QUESTION = 4;

/**
 * Integer ids for the words the tokeniser emits, given once per distinct word, with what cue matching
 * reads of each in flat typed arrays (indexed by id, or 2 * id + role for the per-role ones): reading a
 * number from an array is cheaper than loading fields of per-word objects, and a message's tokens are
 * then one list of small integers. The strings and entries stay at hand for the readers that need them.
 *
 * One set of ids lives as long as the resolved surface forms it belongs to (see `vocabulary`); tokens
 * keep a reference to theirs, so ids are only ever compared with ids of the same set.
 */
export class WordIds {
  readonly words: string[] = [];
  readonly infos: WordInfo[] = [];
  private readonly byWord = new Map<string, number>();
  /** Per id: the word's cue-word number (WordInfo.cueWord). */
  cueWord = new Int32Array(1024);
  /** Per id: SENTENCE_END | NUMBER | QUESTION bits. */
  kind = new Uint8Array(1024);
  /** Per 2 * id + role (0 user, 1 assistant): PhraseStarts.next, and the index of PhraseStarts.phrases in `lists` (0: none). */
  next = new Int32Array(2 * 1024);
  list = new Int32Array(2 * 1024);
  /** Phrase lists by number; 0 is the empty list. */
  readonly lists: Phrase[][] = [[]];

  get size(): number {
    return this.words.length;
  }

  /** The id of a word (as emitted: lower-cased, contractions expanded), given on first sight. */
  idOf(word: string): number {
    const known = this.byWord.get(word);
    if (known !== undefined) return known;
    const id = this.words.length;
    if (id === this.cueWord.length) this.grow();
    const info = lookup(word);
    this.words.push(word);
    this.infos.push(info);
    this.byWord.set(word, id);
    this.cueWord[id] = info.cueWord;
    const c = word.charCodeAt(0);
    this.kind[id] =
      (word.length === 1 && (c === 46 || c === 33 || c === 63) ? SENTENCE_END : 0) |
      (c >= 48 && c <= 57 ? NUMBER : 0) |
      (word === "?" ? QUESTION : 0);
    this.setStarts(2 * id, info.user);
    this.setStarts(2 * id + 1, info.assistant);
    return id;
  }

  private setStarts(at: number, starts: PhraseStarts | null): void {
    if (starts === null) return;
    this.next[at] = starts.next;
    if (starts.phrases.length > 0) {
      this.list[at] = this.lists.length;
      this.lists.push(starts.phrases);
    }
  }

  private grow(): void {
    const n = 2 * this.cueWord.length;
    this.cueWord = resized(this.cueWord, n);
    this.kind = resized(this.kind, n);
    this.next = resized(this.next, 2 * n);
    this.list = resized(this.list, 2 * n);
  }
}

function resized<T extends Int32Array | Uint8Array>(array: T, size: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(size);
  bigger.set(array);
  return bigger;
}

let current = new WordIds();

/**
 * The ids tokens get now. Past MAX_RESOLVED surface forms, the forms and ids start afresh (so memory
 * stays bounded on text with endless distinct words); called before each text is tokenised, so one
 * text's ids are all of one set.
 */
export function vocabulary(): WordIds {
  if (forms.size >= MAX_RESOLVED || current.size >= MAX_RESOLVED) {
    forms.clear();
    current = new WordIds();
  }
  return current;
}

/** The writable entry of a word (creating it), for modules that register their vocabulary at load. */
export function entry(word: string): WordInfo {
  let info = table.get(word);
  if (!info) {
    info = blank();
    info.cueWord = cueWords.get(word) ?? 0;
    table.set(word, info);
  }
  changed();
  return info;
}

/** The phrase lists of a word for one role, created on first use. */
export function startsOf(info: WordInfo, role: PhraseRole): PhraseStarts {
  const starts = info[role] ?? { phrases: [], next: 0 };
  info[role] = starts;
  return starts;
}

export function addStemPhrase(prefix: string, phrase: Phrase, roles: PhraseRole[]): void {
  prefixed.push({ prefix, phrase, roles });
  changed();
}

/**
 * The cue-word number of a word a phrase slot names, given on first use. A word with no entry gets
 * none here (an entry would change how the word tokenises, see resolveSurface): lookup adds the number.
 */
export function cueWordOf(word: string): number {
  let id = cueWords.get(word);
  if (id === undefined) {
    id = cueWords.size + 1;
    cueWords.set(word, id);
    const own = table.get(word);
    if (own) own.cueWord = id;
    changed();
  }
  return id;
}

/** How many cue-word numbers have been given (the highest). */
export function cueWordCount(): number {
  return cueWords.size;
}

/** Everything known about a word; one Map lookup after the first time a word is seen. */
export function lookup(word: string): WordInfo {
  const hit = resolved.get(word);
  if (hit !== undefined) return hit;
  const own = table.get(word) ?? NONE;
  let info = own;
  for (const p of prefixed) {
    if (word.length > p.prefix.length && word.startsWith(p.prefix)) {
      // A copy, so the stem's phrases are not added to the shared entry.
      if (info === own) info = copyOf(own);
      for (const role of p.roles) startsOf(info, role).phrases.push(p.phrase);
    }
  }
  // A cue word with no entry of its own (entries carry their number already).
  const cueWord = cueWords.get(word) ?? 0;
  if (info.cueWord !== cueWord) {
    if (info === own) info = copyOf(own);
    info.cueWord = cueWord;
  }
  if (resolved.size >= MAX_RESOLVED) resolved = new Map();
  resolved.set(word, info);
  return info;
}

/** True for a word with no entry and no stem phrase: nothing in the engine knows it. */
function isUnknown(word: string): boolean {
  return (
    !table.has(word) && !prefixed.some((p) => word.length > p.prefix.length && word.startsWith(p.prefix))
  );
}

/**
 * What the tokeniser emits for one surface form (a lower-cased run of word characters, a curly
 * apostrophe read as a straight one): the form itself, or a possessive's stem ("john's" -> "john",
 * for words nothing knows), with its entry; or a contraction's words with theirs.
 */
export interface Surface {
  /** The word's id (in the current WordIds), or its first word's for a contraction. */
  id: number;
  /** A contraction's words' ids, else null. */
  expansion: number[] | null;
}

function resolveSurface(form: string, ids: WordIds): Surface {
  let word = form;
  let info = lookup(word);
  if (info.expand === null && word.endsWith("'s") && word.length > 2 && isUnknown(word)) {
    word = word.slice(0, -2);
    info = lookup(word);
  }
  const expansion = info.expand?.map((w) => ids.idOf(w)) ?? null;
  return { id: expansion ? (expansion[0] as number) : ids.idOf(word), expansion };
}

/**
 * The resolved surface of text[start, end), whose hash (hashStep, a curly apostrophe read as straight)
 * is `hash`; its ids are those of `vocabulary()`, which the caller took before this text.
 */
export function surfaceAt(text: string, start: number, end: number, hash: number): Surface {
  const known = forms.get(text, start, end, hash);
  if (known !== undefined) return known;
  const form = text.slice(start, end).replaceAll("\u2019", "'");
  const surface = resolveSurface(form, current);
  forms.add(form, hash, surface);
  return surface;
}

/**
 * Contractions expand to their words so that cues are written once ("can not" covers "can't",
 * "cant" and "cannot"). Apostrophe-less spellings are common in chat; "wont", "ill", "id", "its",
 * "were" and "hell" are real words and stay as they are.
 */
const CONTRACTIONS: Record<string, string> = {
  "i'm": "i am",
  im: "i am",
  "i've": "i have",
  ive: "i have",
  "i'll": "i will",
  "i'd": "i would",
  "you're": "you are",
  youre: "you are",
  "you've": "you have",
  "you'll": "you will",
  "you'd": "you would",
  "we're": "we are",
  "we've": "we have",
  "we'll": "we will",
  "they're": "they are",
  theyre: "they are",
  "they've": "they have",
  "it's": "it is",
  "that's": "that is",
  thats: "that is",
  "what's": "what is",
  whats: "what is",
  "there's": "there is",
  "here's": "here is",
  "he's": "he is",
  "she's": "she is",
  "let's": "let us",
  "who's": "who is",
  "how's": "how is",
  "where's": "where is",
  "can't": "can not",
  cant: "can not",
  cannot: "can not",
  "won't": "will not",
  "don't": "do not",
  dont: "do not",
  "doesn't": "does not",
  doesnt: "does not",
  "didn't": "did not",
  didnt: "did not",
  "isn't": "is not",
  isnt: "is not",
  "aren't": "are not",
  arent: "are not",
  "wasn't": "was not",
  wasnt: "was not",
  "weren't": "were not",
  werent: "were not",
  "wouldn't": "would not",
  wouldnt: "would not",
  "shouldn't": "should not",
  shouldnt: "should not",
  "couldn't": "could not",
  couldnt: "could not",
  "haven't": "have not",
  havent: "have not",
  "hasn't": "has not",
  hasnt: "has not",
  "hadn't": "had not",
  "mustn't": "must not",
  "needn't": "need not",
  "ain't": "is not",
  aint: "is not",
  "shan't": "shall not",
  "y'all": "you all",
  gonna: "going to",
  wanna: "want to",
  gotta: "got to",
};
for (const [word, expansion] of Object.entries(CONTRACTIONS)) entry(word).expand = expansion.split(" ");
