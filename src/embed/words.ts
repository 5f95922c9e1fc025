/**
 * Words that carry no topic, shared by the offline embedder and the offline cluster names: the
 * stopword package's English list, and chat filler (words of every conversation whatever it is
 * about, which pull unrelated texts together and would name every cluster alike).
 */
import { createRequire } from "node:module";
import { stemmer } from "stemmer";

const require = createRequire(import.meta.url);

export const STOPWORDS: ReadonlySet<string> = new Set<string>((require("stopword") as { eng: string[] }).eng);

/** Filler the embedder drops (the list the topic evaluations were measured with). */
export const CHAT_FILLER: ReadonlySet<string> = new Set(
  "feel feeling felt know think really just like want get got going would could also well much lot thing things something anything yes yeah okay ok hi hello hey thanks thank sure maybe im dont ive cant i'm don't i've can't it's that's good great time people right way make need help try trying".split(
    " ",
  ),
);

/** More words too general to name a topic by (names read better without them; clustering is unaffected). */
export const NAME_FILLER: ReadonlySet<string> = new Set([
  ...CHAT_FILLER,
  ..."feels not why please can still one many bit even tried use using used said says tell told everything someone anyone youre wont didnt doesnt isnt thats keep keeps kept start starting started look looking little sometimes actually quick asked ask asking say saying makes made enough whether lol".split(
    " ",
  ),
]);

const stems = new Map<string, string>();

/** Porter stem of a lower-case word, remembered (a corpus has far fewer distinct words than tokens). */
export function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = stemmer(word);
    if (stems.size < 500_000) stems.set(word, s);
  }
  return s;
}
