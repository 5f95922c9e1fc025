/**
 * Person names. Running a full NLP tagger on every message is far too slow at ingest (compromise's
 * `people()` takes ~3 ms a message here), so this detector works from word lists instead: compromise's
 * own lexicon supplies ~4,000 first and last names and the common English words and places that are
 * *not* names, and a single regular expression finds capitalised word sequences. A sequence is a name
 * when it holds a known name, follows a cue ("my name is", "Dr.", "Dear", "Thanks,"), stands as a
 * speaker label ("Nicole: ..."), or is two or three capitalised words none of which is a known English
 * word or place (most unfamiliar names: "Krisztián Szöllösy").
 */
import { createRequire } from "node:module";
import type { PiiSpan } from "./types.ts";

export interface Lists {
  firstNames: Set<string>;
  lastNames: Set<string>;
  /** Lower-cased words that are common English words, places or organisations: not names on their own. */
  common: Set<string>;
  /** Lower-cased cities, countries and regions (address lines end with them). */
  places: Set<string>;
}

let lists: Lists | null = null;
const POPULAR_WORDS = 10000;

/** The word lists, built once on first use. */
export function wordLists(): Lists {
  if (lists) return lists;
  const require = createRequire(import.meta.url);
  const nlp = require("compromise") as { model(): { one: { lexicon: Record<string, string | string[]> } } };
  const vader: Record<string, number> = require("vader-sentiment/src/vader_lexicon.js").lexicon;
  const stop: Record<string, string[]> = require("stopword");
  // The most frequent English words (from Wikipedia) widen compromise's small lexicon of everyday words.
  const popular: string[] = require("popular-english-words/words.js").words.slice(0, POPULAR_WORDS);
  const firstNames = new Set<string>();
  const lastNames = new Set<string>();
  const common = new Set<string>(Object.keys(vader));
  const places = new Set<string>();
  for (const w of stop.eng ?? []) common.add(w);
  for (const [word, tag] of Object.entries(nlp.model().one.lexicon)) {
    const tags = Array.isArray(tag) ? tag : [tag];
    if (tags.some((t) => t === "FemaleName" || t === "MaleName" || t === "FirstName")) firstNames.add(word);
    else if (tags.includes("LastName")) lastNames.add(word);
    else common.add(word);
    if (tags.some((t) => PLACE_TAGS.has(t))) places.add(word);
  }
  for (const w of popular) if (!firstNames.has(w) && !lastNames.has(w)) common.add(w);
  // Words that are names and everyday words at once ("will", "may", "mark") count as names only in a
  // sequence or after a cue; they are in both sets on purpose.
  for (const w of EVERYDAY) common.add(w);
  lists = { firstNames, lastNames, common, places };
  return lists;
}

const PLACE_TAGS = new Set(["City", "Country", "Place", "Region", "Address"]);

/** Capitalised words that open sentences and labels in chats but never name a person. */
const EVERYDAY = [
  "i",
  "hi",
  "hello",
  "hey",
  "dear",
  "thanks",
  "thank",
  "please",
  "yes",
  "no",
  "ok",
  "okay",
  "sure",
  "also",
  "but",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
  "january",
  "february",
  "march",
  "april",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
  "god",
  "christmas",
  "easter",
  "bot",
  "user",
  "assistant",
  "human",
  "ai",
  "chatgpt",
  "claude",
  "gpt",
  "gemini",
  "copilot",
  "siri",
  "alexa",
  "google",
  "python",
  "javascript",
  "java",
  "excel",
  "english",
  "spanish",
  "french",
  "german",
  "street",
  "road",
  "avenue",
  "apt",
  "suite",
  "inc",
  "ltd",
  "llc",
  "corp",
  "university",
  "college",
  "school",
  "hospital",
  "bank",
  "company",
  "team",
  "department",
  "info",
  "e-mail",
  "email",
  "website",
  "phone",
  "address",
  "name",
  "date",
  "fax",
  "mobile",
  "desk",
  "office",
  "personal",
  "contact",
  "streets",
  "str",
  "dept",
  "ave",
  "blvd",
  "tel",
  "re",
  "fwd",
  "subject",
  "ps",
  "ok",
  "lol",
  "omg",
  "tv",
  "usa",
  // Chat interjections and words of the day that open sentences ("Covid is ...", "Hmm, ...").
  "bleh",
  "gday",
  "hmm",
  "meh",
  "ugh",
  "yh",
  "yeah",
  "yep",
  "yup",
  "nope",
  "haha",
  "lmao",
  "wow",
  "aww",
  "oops",
  "whoa",
  "yay",
  "covid",
  "corona",
  "coronavirus",
  "pandemic",
  "zoom",
  "facetime",
  "i've",
  "i'll",
  "i'd",
  "i'm",
  "ive",
  "im",
  "i’ve",
  "i’ll",
  "i’d",
  "i’m",
];

// One optional inner capital for names such as McDowell, MacLeod, DeSantis.
const CAP_WORD = "[\\p{Lu}][\\p{Ll}\\p{M}'’-]+(?:[\\p{Lu}][\\p{Ll}\\p{M}'’-]+)?";
const INITIAL = "[\\p{Lu}]\\.?";
// No lookbehind: it would run at every position; the character before a match is checked by hand.
const SEQUENCE = new RegExp(`${CAP_WORD}(?:[ \\t]+(?:${INITIAL}[ \\t]+)?${CAP_WORD}){0,2}(?![\\p{L}])`, "gu");
const CUE_BEFORE =
  /(?:\bmy name is|\bname'?s|\bname:|\bi am|\bi'm|\bcall me|\bthis is|\b(?:dr|mr|mrs|ms|miss|prof|sir|madam)\.?|\bdear|\bhi|\bhello|\bhey|\bthanks,?|\bregards,?|\bcheers,?|\bsincerely,?|\bbest,?|\blove,?|\bsigned|\bcorrect it to|\bdirected by:?|\bwritten by|\bby|\bwith|\bmeet|\bnamed|\bcalled|\bsurname(?: is)?|\b(?:last|first|middle|maiden|full|real) name(?: is)?[?:]?|\bcalls? me|\bstarring|\bfeaturing|\bsung by|\bproducer|\bsinger|\b(?:him|her|me) and|\bsays|\bsaid|\bnamed(?: him| her| it)?|\bmy (?:kid|son|daughter|wife|husband|boyfriend|girlfriend|partner|friend|mom|mum|dad|brother|sister|boss|cousin|aunt|uncle|grandma|grandpa|niece|nephew)|\buser:|\bcustomer:)\s*$/i;

/** A name needs a capital letter; most chat messages have one only at sentence starts, if at all. */
const MAYBE_CAPITAL = /[A-Z\u00c0-\u024f\u0370-\u052f]/;

/** After the strongest cues a name may be written in lower case ("call me višeslav", "name: hyuuma t. maida"). */
const STRONG_CUE =
  /\b(?:my name is|my name's|call me|calls me|name:|i am called|i'm called)[ \t]+([\p{L}][\p{L}'’-]+(?:[ \t]+[\p{L}]\.?)?(?:[ \t]+[\p{L}][\p{L}'’-]+)?)/giu;

function cuedNames(text: string, common: Set<string>, firstNames: Set<string>): PiiSpan[] {
  const spans: PiiSpan[] = [];
  STRONG_CUE.lastIndex = 0;
  for (let m = STRONG_CUE.exec(text); m !== null; m = STRONG_CUE.exec(text)) {
    const words = (m[1] as string).split(/[ \t]+/);
    // Keep the words up to the first everyday one ("call me maybe" is not a name).
    let keep = 0;
    for (const w of words) {
      const l = w.toLowerCase().replace(/[.'’]+$/, "");
      if (l.length > 1 && common.has(l) && !firstNames.has(l)) break;
      keep++;
    }
    if (keep === 0) continue;
    const name = words.slice(0, keep).join(" ");
    const start = m.index + m[0].length - (m[1] as string).length;
    spans.push({ type: "PERSON", start, end: start + name.length });
  }
  return spans;
}

export function detectNames(text: string): PiiSpan[] {
  const { firstNames, lastNames, common } = wordLists();
  const spans: PiiSpan[] =
    text.includes(":") || /\b(?:name|call)/i.test(text) ? cuedNames(text, common, firstNames) : [];
  if (!MAYBE_CAPITAL.test(text)) return spans;
  SEQUENCE.lastIndex = 0;
  for (let m = SEQUENCE.exec(text); m !== null; m = SEQUENCE.exec(text)) {
    if (m.index > 0 && insideWord(text, m.index - 1)) continue;
    // Fast exit for the common case: one capitalised everyday word ("Can", "Thanks", "Python").
    if (everydayWord(m[0], common, firstNames, lastNames)) continue;
    // Leading everyday words ("I'm Sam", "Hi Marcus", "Dear Priya") are context, not part of the name.
    let seq = m[0];
    let at = m.index;
    for (let lead = LEADING_WORD.exec(seq); lead; lead = LEADING_WORD.exec(seq)) {
      const w = (lead[1] as string).toLowerCase().replace(/[.,'’]+$/, "");
      if (!(EVERYDAY_SET.has(w) || w === "i'm" || w === "i’m" || (common.has(w) && !firstNames.has(w))))
        break;
      seq = seq.slice(lead[0].length);
      at += lead[0].length;
    }
    // Trailing everyday words ("Cindy Holinka Apt") are not part of the name either.
    let parts = seq.split(/[ \t]+/);
    while (parts.length > 1) {
      const last = (parts[parts.length - 1] as string).toLowerCase().replace(/[.,'’]+$/, "");
      if (!(EVERYDAY_SET.has(last) || (common.has(last) && !firstNames.has(last) && !lastNames.has(last))))
        break;
      parts = parts.slice(0, -1);
    }
    const end = at + parts.join(" ").length;
    const words = parts.filter((w) => w.length > 1 || /\p{Lu}/u.test(w));
    const lower = words.map((w) =>
      w
        .toLowerCase()
        .replace(/[.'’]+$/, "")
        .replace(/['’]s$/, ""),
    );
    // Plurals and possessives of common words are common words too ("Languages").
    const full = lower
      .filter((w) => w.length > 1)
      .map((w) => (!common.has(w) && w.endsWith("s") && common.has(w.slice(0, -1)) ? w.slice(0, -1) : w));
    // Every rule below needs a sequence with no everyday word in it.
    const allUncommon =
      full.every((w) => !common.has(w) || firstNames.has(w) || lastNames.has(w)) &&
      !full.some((w) => EVERYDAY_SET.has(w));
    if (full.length === 0 || !allUncommon) continue;
    const after = text.slice(end, end + 2);
    // A capitalised sequence followed by a number is a street or a product ("Joaquin Suarez 2906").
    if (/^ ?\d/.test(after)) continue;
    const before = text.slice(Math.max(0, at - 24), at);
    const lineStart = /(?:^|\n)[ \t]*$/.test(before);
    const knownName = full.some((w) => (firstNames.has(w) || lastNames.has(w)) && !EVERYDAY_SET.has(w));
    const unknown = full.filter((w) => !common.has(w) && !firstNames.has(w) && !lastNames.has(w));
    const midSentence = !lineStart && !sentenceStart(before);
    let person = false;
    if (CUE_BEFORE.test(before)) person = true;
    // A speaker label ("Nicole: ...") in a text that is a dialogue (several labelled lines).
    else if (lineStart && after.startsWith(":") && full.length <= 2 && (knownName || dialogue(text)))
      person = true;
    else if (full.length >= 2 && (knownName || unknown.length === full.length)) person = true;
    // A lone word: a known name in mid-sentence, or one that opens a sentence as its subject.
    else if (full.length === 1) {
      const next = text.slice(end, end + 12);
      // An unfamiliar word as the subject of a verb ("Tomomi is from...", "that McDowell was") or one of
      // a pair ("Usamov and Bowers"); a label ("Languages:") is not one.
      const subject = SUBJECT_AFTER.test(next) && !next.startsWith(":");
      const paired = /^ and [\p{Lu}]/u.test(next) || /[\p{Lu}][\p{Ll}]+ and $/u.test(before);
      person = knownName ? midSentence || subject : (subject || paired) && nameShaped(m[0]);
    }
    if (person) spans.push({ type: "PERSON", start: at, end });
  }
  return spans;
}

const EVERYDAY_SET = new Set(EVERYDAY);

/**
 * Whether a match is one capitalised everyday word, remembered per spelling: the same few hundred
 * words open most sentences, and the answer depends on the word alone (the lists never change).
 */
const everydayWords = new Map<string, boolean>();
const MAX_EVERYDAY_WORDS = 100_000;

function everydayWord(
  match: string,
  common: Set<string>,
  firstNames: Set<string>,
  lastNames: Set<string>,
): boolean {
  const known = everydayWords.get(match);
  if (known !== undefined) return known;
  let everyday = false;
  if (match.indexOf(" ") === -1 && match.indexOf("\t") === -1) {
    const w = match.toLowerCase();
    everyday = EVERYDAY_SET.has(w) || (common.has(w) && !firstNames.has(w) && !lastNames.has(w));
  }
  if (everydayWords.size >= MAX_EVERYDAY_WORDS) everydayWords.clear();
  everydayWords.set(match, everyday);
  return everyday;
}

/** A letter or digit at text[i] (INSIDE_WORD), decided without a regular expression for ASCII. */
function insideWord(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return INSIDE_WORD.test(text[i] as string);
}
const LABEL_LINE = /(?:^|\n)[ \t]*[\p{Lu}][\p{L}]+(?: [\p{Lu}][\p{L}]+)?:/gu;

function dialogue(text: string): boolean {
  return (text.match(LABEL_LINE)?.length ?? 0) >= 2;
}
const INSIDE_WORD = /[\p{L}\p{N}]/u;
const LEADING_WORD = /^(\S+)[ \t]+/;
const SUBJECT_AFTER =
  /^(?:,|:| (?:is|was|were|has|had|said|says|will|would|spent|shouted|asked|told|explained|wrote|and) )/;

/**
 * An unfamiliar lone word can still be an ordinary one: a brand in camel case ("LinkedIn"; "McDowell"
 * is a name), a drawn-out interjection ("Awww"), or a long word with an abstract-noun or adjective
 * ending ("Fidelity is ...", "Venting is ...").
 */
function nameShaped(word: string): boolean {
  if (
    /^\p{Lu}\p{Ll}+\p{Lu}/u.test(word) &&
    !/^(?:Mc|Mac|O'|O’|De|Di|Da|La|Le|Van|Von|Fitz)\p{Lu}/u.test(word)
  )
    return false;
  if (/(\p{L})\1\1/u.test(word) || !/[aeiouyà-ÿ]/i.test(word)) return false;
  return !(word.length >= 7 && ABSTRACT.test(word));
}
const ABSTRACT = /(?:ing|tion|sion|ness|ity|ment|ism|ance|ence|ship|istic|ical|ive|ful|less|able|ous)$/;

function sentenceStart(before: string): boolean {
  return /(?:^|[.!?]\s+|\n\s*)$/.test(before);
}
