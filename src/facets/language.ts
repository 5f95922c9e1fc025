/**
 * `language`: the language the human writes in, as a full English name ("English", "Spanish").
 * Offline: a non-Latin writing system decides by itself; for Latin scripts, counts of each language's
 * most frequent function words (looked up with every other word feature, vocab.ts) decide, and `franc`
 * settles the close calls on a bounded slice of text. Too little text defaults to English, the
 * language of most assistant conversations, and says so in its cue.
 */
import { franc } from "franc";
import { FacetRecordSchema } from "../types.ts";
import type { FacetDefinition } from "./facet.ts";
import { MessageText, tokenize } from "./text.ts";
import { entry, NUMBER, SENTENCE_END, type WordInfo } from "./vocab.ts";

const FUNCTION_WORDS: [name: string, words: string][] = [
  [
    "English",
    "the and is are you i to of it that this my with for not have what how can do be was me in a on as come son van die also per men den but so just really feel still than please help they we your will would there about an at if or from get want like know think been has had he she his her them our when which who why all some any could should",
  ],
  ["Spanish", "el la los las que de y en un una es por para con no mi me lo se como pero más está son"],
  ["French", "le la les des est et je tu vous une un que qui pas pour dans avec ne mon ce sur au du"],
  ["German", "der die das und ist ich nicht ein eine zu mit sie es den dem wie auch auf für sich mein"],
  ["Portuguese", "o a os as que de e em um uma não para com é eu meu por se mas você está do da"],
  ["Italian", "il la di che e è un una non per con mi io sono ma come del della gli le ho"],
  ["Dutch", "de het een en is ik niet dat van je met op te zijn voor maar wat hoe mijn"],
  ["Swedish", "och att det är jag inte en som på med för av har min hur vad kan"],
  ["Polish", "i w nie na to jest że się z do jak co mnie mam czy ale"],
  ["Turkish", "ve bir bu da de için ne ben çok var mı gibi daha ama nasıl"],
  ["Indonesian", "dan yang di itu saya tidak ini dengan untuk ada apa bisa aku"],
  ["Vietnamese", "và là của có không tôi được cho này một những người với"],
];
FUNCTION_WORDS.forEach(([, words], bit) => {
  for (const w of words.split(" ")) entry(w).lang |= 1 << bit;
});

/** The language of a word used by exactly one language, else -1. */
function singleLanguage(mask: number): number {
  return mask !== 0 && (mask & (mask - 1)) === 0 ? 31 - Math.clz32(mask) : -1;
}

/** franc's fixed candidate list (ISO 639-3 -> English name): the ~20 languages most seen in chats. */
const FRANC_NAMES: Record<string, string> = {
  eng: "English",
  spa: "Spanish",
  fra: "French",
  deu: "German",
  por: "Portuguese",
  ita: "Italian",
  nld: "Dutch",
  swe: "Swedish",
  pol: "Polish",
  tur: "Turkish",
  ind: "Indonesian",
  vie: "Vietnamese",
  ces: "Czech",
  ron: "Romanian",
  hun: "Hungarian",
  dan: "Danish",
  fin: "Finnish",
  tgl: "Tagalog",
  swh: "Swahili",
  cat: "Catalan",
};
const FRANC_ONLY = Object.keys(FRANC_NAMES);

const SCRIPTS: [RegExp, string][] = [
  [/[\u3040-\u30ff]/g, "Japanese"],
  [/[\uac00-\ud7af]/g, "Korean"],
  [/[\u4e00-\u9fff]/g, "Chinese"],
  [/[\u0400-\u04ff]/g, "Russian"],
  [/[\u0600-\u06ff]/g, "Arabic"],
  [/[\u0590-\u05ff]/g, "Hebrew"],
  [/[\u0370-\u03ff]/g, "Greek"],
  [/[\u0900-\u097f]/g, "Hindi"],
  [/[\u0e00-\u0e7f]/g, "Thai"],
];
const NON_LATIN = /[\u0370-\u06ff\u0900-\u097f\u0e00-\u0e7f\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]/;
const SAMPLE_CHARS = 500;
const SAMPLE_WORDS = 100;

function byScript(sample: string): { language: string; cue: string } | null {
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  for (const [re, lang] of SCRIPTS) {
    const n = sample.match(re)?.length ?? 0;
    if (letters > 0 && n / letters > 0.3) {
      if (lang === "Russian" && /[іїєґ]/.test(sample))
        return { language: "Ukrainian", cue: "script: Cyrillic with Ukrainian letters" };
      if (lang === "Arabic" && /[پچژگ]/.test(sample))
        return { language: "Persian", cue: "script: Arabic with Persian letters" };
      // Kana decides Japanese even where kanji outnumber it.
      return { language: lang, cue: `script: ${lang}` };
    }
  }
  return null;
}

/** The text the script test and franc read: the first SAMPLE_CHARS characters of the human's messages. */
function sampleOf(user: readonly MessageText[]): string {
  let sample = "";
  for (const m of user) {
    if (sample.length >= SAMPLE_CHARS) break;
    sample += `${m.raw.slice(0, SAMPLE_CHARS - sample.length)}\n`;
  }
  return sample;
}

/**
 * Whether the sample holds a character of a non-Latin script, tested message by message (a native
 * scan of each piece, and no sample is built).
 */
function sampleHasNonLatin(user: readonly MessageText[]): boolean {
  let length = 0;
  for (const m of user) {
    if (length >= SAMPLE_CHARS) break;
    const end = Math.min(m.raw.length, SAMPLE_CHARS - length);
    if (NON_LATIN.test(end === m.raw.length ? m.raw : m.raw.slice(0, end))) return true;
    length += end + 1;
  }
  return false;
}

/** Function words per language, reused by every call (a typed array is slow to allocate). */
const COUNTS = new Int32Array(FUNCTION_WORDS.length);

export function detectLanguageOfMessages(user: readonly MessageText[]): {
  language: string | null;
  cue: string;
} {
  if (sampleHasNonLatin(user)) {
    const script = byScript(sampleOf(user));
    if (script) return script;
  }
  const counts = COUNTS.fill(0);
  let words = 0;
  for (const m of user) {
    const { ids, vocab } = m;
    for (let i = 0; i < ids.length && words < SAMPLE_WORDS; i++) {
      const id = ids[i] as number;
      if (((vocab.kind[id] as number) & (SENTENCE_END | NUMBER)) !== 0) continue;
      words++;
      // Only words of a single language count: "de", "la", "i" or "is" say little on their own.
      const bit = singleLanguage((vocab.infos[id] as WordInfo).lang);
      if (bit >= 0) counts[bit] = (counts[bit] as number) + 1;
    }
  }
  if (words === 0) return { language: null, cue: "no words" };
  let best = 0;
  for (let bit = 1; bit < counts.length; bit++)
    if ((counts[bit] as number) > (counts[best] as number)) best = bit;
  let second = -1;
  for (let bit = 0; bit < counts.length; bit++) {
    if (bit !== best && (second < 0 || (counts[bit] as number) > (counts[second] as number))) second = bit;
  }
  const top = counts[best] as number;
  const runnerUp = second < 0 ? 0 : (counts[second] as number);
  const bestName = (FUNCTION_WORDS[best] as [string, string])[0];
  if ((top >= 1 && runnerUp === 0) || (top >= 2 && top >= 2 * runnerUp))
    return { language: bestName, cue: `function words: ${bestName}` };
  if (words < 4) return { language: top > 0 ? bestName : "English", cue: "too short: default" };
  const code = franc(sampleOf(user), { only: FRANC_ONLY, minLength: 3 });
  return { language: FRANC_NAMES[code] ?? (top > 0 ? bestName : "English"), cue: `franc: ${code}` };
}

/** The language of a raw text (tests, tools). */
export function detectLanguage(text: string): { language: string | null; cue: string } {
  return detectLanguageOfMessages([new MessageText(0, "user", text, tokenize(text))]);
}

export const languageFacet: FacetDefinition<"language"> = {
  name: "language",
  fields: ["language"],
  schema: FacetRecordSchema.pick({ language: true }),
  description: "The language the human writes in, as a full English name.",
  modelPrompt: "the language the human writes in, named in English (e.g. Spanish).",
  extract(text, _prior, cues) {
    const { language, cue } = detectLanguageOfMessages(text.user);
    cues?.push({ message: -1, role: "conversation", cue, weight: 1 });
    return { language };
  },
};
