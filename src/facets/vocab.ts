/**
 * The one word table every offline facet reads. Each word maps to a single entry holding everything
 * any facet knows about it — its sentiment valence, whether it negates or boosts, which languages use
 * it as a function word, which cue phrases start with it, and how a contraction expands — so the
 * engine looks each token up once per message instead of running one regular expression per cue.
 */
import type { Phrase } from "./phrase.ts";

export interface WordInfo {
  /** Valence on VADER's -4..4 scale; 0 when the word carries none. */
  valence: number;
  negation: boolean;
  /** VADER booster ("very" +0.293, "slightly" -0.293); 0 when not a booster. */
  booster: number;
  /** Bit mask of languages (see language.ts) that use the word as a common function word. */
  lang: number;
  /** Cue phrases whose first word this is (those whose second word is not fixed). */
  phrases: Phrase[];
  /** Cue phrases whose first word this is, by their fixed second word (fewer phrases tried per token). */
  next: Map<string, Phrase[]> | null;
  /** A contraction's expansion ("can't" -> "can", "not"), or null. */
  expand: string[] | null;
}

function blank(): WordInfo {
  return { valence: 0, negation: false, booster: 0, lang: 0, phrases: [], next: null, expand: null };
}

const table = new Map<string, WordInfo>();
/** Cue phrases that start with a word stem ("suicid*"), matched by prefix when a word is first seen. */
const prefixed: { prefix: string; phrase: Phrase }[] = [];
/** Resolved entries (table entry + stem phrases), memoised; cleared when it grows too large. */
let resolved = new Map<string, WordInfo>();
const MAX_RESOLVED = 200_000;
export const NONE: WordInfo = Object.freeze(blank()) as WordInfo;

/** The writable entry of a word (creating it), for modules that register their vocabulary at load. */
export function entry(word: string): WordInfo {
  let info = table.get(word);
  if (!info) {
    info = blank();
    table.set(word, info);
  }
  resolved = new Map();
  return info;
}

export function addStemPhrase(prefix: string, phrase: Phrase): void {
  prefixed.push({ prefix, phrase });
  resolved = new Map();
}

/** Everything known about a word; one Map lookup after the first time a word is seen. */
export function lookup(word: string): WordInfo {
  const hit = resolved.get(word);
  if (hit !== undefined) return hit;
  let info = table.get(word) ?? NONE;
  for (const p of prefixed) {
    if (word.length > p.prefix.length && word.startsWith(p.prefix)) {
      if (info === NONE || info === table.get(word)) info = { ...info, phrases: [...info.phrases] };
      info.phrases.push(p.phrase);
    }
  }
  if (resolved.size >= MAX_RESOLVED) resolved = new Map();
  resolved.set(word, info);
  return info;
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
