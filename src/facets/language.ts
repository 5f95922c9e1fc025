/**
 * `language`: the language the human writes in, as a full English name ("English", "Spanish").
 * Offline: the writing system decides for non-Latin scripts; for Latin scripts, counts of each
 * language's most frequent function words decide, and `franc` settles the rare close calls. (franc on
 * every conversation runs at ~23k texts/s here, too slow for ingest speed; see `npm run bench`.)
 */
import { franc } from "franc";
import type { FacetDefinition } from "./facet.ts";

const FUNCTION_WORDS: Record<string, string> = {
  English: "the and is are you i to of it that this my with for not have what how can do be was me in",
  Spanish: "el la los las que de y en un una es por para con no mi me lo se como pero más está son",
  French: "le la les des est et je tu vous une un que qui pas pour dans avec ne mon ce sur au du",
  German: "der die das und ist ich nicht ein eine zu mit sie es den dem wie auch auf für sich mein",
  Portuguese: "o a os as que de e em um uma não para com é eu meu por se mas você está do da",
  Italian: "il la di che e è un una non per con mi io sono ma come del della gli le ho",
  Dutch: "de het een en is ik niet dat van je met op te zijn voor maar wat hoe mijn",
  Swedish: "och att det är jag inte en som på med för av har min hur vad kan",
  Polish: "i w nie na to jest że się z do jak co mnie mam czy ale",
  Turkish: "ve bir bu da de için ne ben çok var mı gibi daha ama nasıl",
  Indonesian: "dan yang di itu saya tidak ini dengan untuk ada apa bisa aku",
  Vietnamese: "và là của có không tôi được cho này một những người với",
};
const WORDS = new Map<string, Set<string>>(
  Object.entries(FUNCTION_WORDS).map(([lang, words]) => [lang, new Set(words.split(" "))]),
);

const FRANC_NAMES: Record<string, string> = {
  eng: "English", spa: "Spanish", fra: "French", deu: "German", por: "Portuguese", ita: "Italian", nld: "Dutch",
  swe: "Swedish", pol: "Polish", tur: "Turkish", ind: "Indonesian", vie: "Vietnamese",
};

const SCRIPTS: [RegExp, string][] = [
  [/[\u3040-\u30ff]/, "Japanese"],
  [/[\uac00-\ud7af]/, "Korean"],
  [/[\u4e00-\u9fff]/, "Chinese"],
  [/[\u0400-\u04ff]/, "Russian"],
  [/[\u0600-\u06ff]/, "Arabic"],
  [/[\u0590-\u05ff]/, "Hebrew"],
  [/[\u0370-\u03ff]/, "Greek"],
  [/[\u0900-\u097f]/, "Hindi"],
  [/[\u0e00-\u0e7f]/, "Thai"],
];
const WORD = /[\p{L}']+/gu;
const SAMPLE = 600;

export function detectLanguage(userText: string): { language: string | null; cue: string } {
  const sample = userText.slice(0, SAMPLE);
  const letters = sample.replace(/[^\p{L}]/gu, "");
  if (letters.length === 0) return { language: null, cue: "no letters" };
  // A non-Latin script: count its share of the letters.
  for (const [re, lang] of SCRIPTS) {
    const global = new RegExp(re.source, "g");
    const n = sample.match(global)?.length ?? 0;
    if (n / letters.length > 0.3) {
      if (lang === "Russian" && /[іїєґ]/.test(sample)) return { language: "Ukrainian", cue: "script:cyrillic+ukrainian letters" };
      if (lang === "Arabic" && /[پچژگ]/.test(sample)) return { language: "Persian", cue: "script:arabic+persian letters" };
      return { language: lang, cue: `script:${lang}` };
    }
  }
  const counts = new Map<string, number>();
  let total = 0;
  for (const w of sample.toLowerCase().match(WORD) ?? []) {
    total++;
    for (const [lang, set] of WORDS) if (set.has(w)) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (best && best[1] >= 2 && (!second || best[1] >= 2 * second[1])) return { language: best[0], cue: `function-words:${best[0]}` };
  if (total < 3) return { language: best?.[0] ?? "English", cue: "too short: default" };
  const code = franc(sample, { only: Object.keys(FRANC_NAMES), minLength: 3 });
  return { language: FRANC_NAMES[code] ?? best?.[0] ?? null, cue: `franc:${code}` };
}

export const languageFacet: FacetDefinition<"language"> = {
  name: "language",
  fields: ["language"],
  description: "The language the human writes in, as a full English name.",
  modelPrompt: "What language is the human writing in? Answer with its full English name, e.g. English, Spanish, Japanese.",
  extract(text) {
    const { language, cue } = detectLanguage(text.user.map((m) => m.raw).join("\n"));
    return { values: { language }, cues: [{ message: -1, role: "conversation", cue, weight: 1 }] };
  },
};
