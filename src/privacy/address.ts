/**
 * Street addresses. Every rule needs a house, unit or box number, and capitalised street words unless
 * an address cue ("my address is", "lives at") comes first: "3 dogs on the way" is not an address.
 * Forms: US/UK (number + words + street type, USPS Publication 28 suffixes), continental (street word
 * + number: "Hauptstraße 5", "ul. Miła 53", "Rue de Rivoli 12", "Király u. 15."), building number +
 * street + house number ("20789 Allika 46"), units and boxes, US military mail (FPO/APO). A found
 * address then takes in the lines of its block that follow it (unit, city, region, postcode).
 */
import { wordLists } from "./names.ts";
import type { PiiSpan } from "./types.ts";

/** "street" -> "[Ss]treet": street words match capitalised or not, the rest of a rule stays case-sensitive. */
const anyCase = (words: string) =>
  words
    .split("|")
    .map((w) => (/^\p{L}/u.test(w) ? `[${w[0]?.toUpperCase()}${w[0]}]${w.slice(1)}` : w))
    .join("|");

const SUFFIX = anyCase(
  "street|st|streets|road|rd|roads|avenue|ave|av|lane|ln|drive|dr|drives|boulevard|blvd|court|ct|courts|way|ways|place|pl|terrace|ter|circle|cir|highway|hwy|parkway|pkwy|square|sq|squares|close|crescent|cres|grove|groves|gardens|garden|row|walk|walks|trail|trl|alley|plaza|loop|run|path|point|points|pike|bridge|brook|brooks|bypass|canyon|causeway|cove|coves|creek|crest|crossing|curve|dale|divide|estate|estates|expressway|extension|falls|ferry|field|fields|flat|flats|ford|forest|forge|fork|forks|freeway|gateway|glen|glens|green|greens|harbor|harbour|haven|heights|hill|hills|hollow|inlet|island|isle|junction|knoll|knolls|lake|lakes|landing|lodge|manor|manors|meadow|meadows|mews|mill|mills|mount|mountain|orchard|oval|overpass|park|parks|pass|passage|pine|pines|plain|plains|port|prairie|quay|ridge|ridges|river|route|shoal|shoals|shore|shores|skyway|spring|springs|spur|station|stravenue|stream|summit|trace|track|tunnel|turnpike|union|unions|valley|viaduct|view|views|village|villages|ville|vista|wharf|str",
);
/** Street words written onto the name: "Storgata", "Hauptstraße", "Mannerheimintie". */
const GLUED =
  "(?:katu|tie|kuja|vej|gade|vænget|straße|strasse|str\\.|weg|gasse|platz|damm|ufer|allee|laan|straat|plein|gracht|kade|väg|vägen|gatan|gata|gate|gränd|veien|vegen|braut|stræti|straeti|utca|ulica|ulice|cesta|iela|gatve|tänav)";
/** Street words after the name, as a word of their own: "Trenerys gate 232", "Erzsébet tér 19". */
const AFTER = "(?:gate|gata|vej|veien|u\\.|utca|út|útja|tér|köz|körút|sor|straße|strasse|weg|laan)";
/** Street words before the name: "ul. Miła 53", "C/ Señores Curas 88", "Rua Vinte e Cinco 12". */
const BEFORE =
  "(?:ul\\.|al\\.|C/|Calle|Rua|Rúa|Rue|Via|Viale|Piazza|Piazzetta|Largo|Travessa|Praça|Chemin|Allée|Carrer|Paseo|Plaza|Strada|Corso|Avenida|Av\\.|Avinguda|Boulevard|Quai|Ulica|Ulitsa|Πλατεία|Οδός)";
const CAP = "[\\p{Lu}][\\p{L}\\p{M}'’.-]*";
const WORD = "[\\p{L}][\\p{L}\\p{M}'’.-]*";
const CAP_OR_ORDINAL = `(?:${CAP}|\\d{1,3}(?:st|nd|rd|th))`;
const UNIT = "(?:,? (?:[Aa]pt|[Aa]partment|Suite|Ste|Unit|Flat|#)\\.? ?#?\\d{1,5}[A-Za-z]?\\b)?";
const LINKS = "(?:(?:d[aeo]s?|de la|de|del|della|di|e|van|von|der) )?";

const RULES: RegExp[] = [
  new RegExp(
    `\\b(?:\\d{1,6} )?\\d{1,6}[A-Za-z]?,? (?:${CAP_OR_ORDINAL} ){1,4}(?:${SUFFIX})\\b\\.?(?: (?:NW|NE|SW|SE|N|S|E|W)\\b\\.?)?${UNIT}`,
    "gu",
  ),
  new RegExp(`\\b(?:\\d{1,6} )?[\\p{Lu}][\\p{L}\\p{M}-]*${GLUED} \\d{1,4}[a-z]?\\b\\.?${UNIT}`, "gu"),
  new RegExp(`\\b(?:\\d{1,6} )?(?:${CAP} ){1,2}${AFTER} \\d{1,4}[a-z]?\\b\\.?${UNIT}`, "gu"),
  new RegExp(
    `(?:\\b\\d{1,6} )?${BEFORE} ${LINKS}(?:${CAP} ${LINKS}){0,4}${CAP} \\d{1,5}[a-z]?\\b\\.?${UNIT}`,
    "gu",
  ),
  // A lower-case continental street needs the building number in front: "36 rue de pologne".
  /\b\d{1,6} (?:rue|rua|rúa|via|calle|ul\.) [\p{L}\p{M}' ]{2,40}? \d{1,5}\b/gu,
  /\b(?:[Aa]pt|[Aa]partment|Suite|Unit|Flat)\.? #?\d{1,5}[A-Za-z]?\b/gu,
  /\b(?:[Pp]\.?[Oo]\.? [Bb]ox|PSC) \d{1,6}(?:, [Bb]ox \d{1,6})?/gu,
  // US military mail: ship + FPO, unit + APO/DPO.
  /\b(?:USNS|USNV|USS|USCGC|USNI) [\p{Lu}][\p{L}\p{M}-]+\s*\n?\s*FPO (?:AA|AE|AP) \d{5}\b/gu,
  /\b(?:APO|FPO|DPO) (?:AA|AE|AP) \d{5}\b/gu,
];

/** Building number, street name, house number: "20789 Allika 46"; street words must be unfamiliar. */
const NUMBERED =
  /(?<![\d.,:/$€£-])\b\d{2,6} (?:\d{1,6} )?([\p{L}][\p{L}\p{M}'’-]*(?: [\p{L}][\p{L}\p{M}'’.-]*){0,3}) \d{1,5}[a-z]?\b\.?(?![.,:/%]?\d)/gu;

const CUE =
  /\b(?:(?:my|new|his|her|their|the|billing|shipping|home|mailing) address(?: is| was)?:?|address:|lives? (?:at|on)|living at|located at|drops? you off at|send (?:it|them|this|a new one|the \w+) to|ship (?:it |them )?to|deliver(?:ed)? (?:it )?to|return (?:it )?to|moved to|it is)[ \t]+|\bthe corner of /gi;
const CHUNK = new RegExp(
  `^(?:${WORD},?|\\d{1,6}[A-Za-z]?\\.?,?)(?: (?:${WORD},?|\\d{1,6}[A-Za-z]?\\.?,?)){0,8}`,
  "u",
);

function wordOk(w: string, common: Set<string>, names: Set<string>): boolean {
  const l = w.toLowerCase().replace(/[.'’-]+$/, "");
  return l.length > 0 && (!common.has(l) || names.has(l));
}

/** After a cue: the words up to the last number or unfamiliar word, when a house number is among them. */
function cued(text: string, lists: ReturnType<typeof wordLists>): PiiSpan[] {
  const spans: PiiSpan[] = [];
  CUE.lastIndex = 0;
  for (let m = CUE.exec(text); m !== null; m = CUE.exec(text)) {
    const start = m.index + m[0].length;
    const chunk = CHUNK.exec(text.slice(start));
    if (!chunk) continue;
    const tokens = chunk[0].split(" ");
    // Trailing everyday words are the sentence going on, not the address ("... 66 in case of an issue").
    while (tokens.length > 0) {
      const t = (tokens[tokens.length - 1] as string).replace(/[.,]+$/, "");
      if (/\d/.test(t) || wordOk(t, lists.common, lists.firstNames) || lists.places.has(t.toLowerCase()))
        break;
      if (SUFFIX_WORD.test(t)) break;
      tokens.pop();
    }
    const corner = m[0].toLowerCase().includes("corner");
    // A house number next to a street word: "Eyrarodda 66", "12 Elm"; "Paris in 2019" has none.
    const numbered = tokens.some((t, i) => {
      if (!/^\d{1,5}[A-Za-z]?\.?,?$/.test(t)) return false;
      const near = [tokens[i - 1], tokens[i + 1]].filter((x): x is string => x !== undefined);
      return near.some(
        (x) => /^\p{L}/u.test(x) && (wordOk(x, lists.common, lists.firstNames) || STREET_WORD.test(x)),
      );
    });
    const street = tokens.some((t) => SUFFIX_WORD.test(t.replace(/[.,]+$/, "")));
    if (!(numbered || (corner && street))) continue;
    const len = tokens.join(" ").replace(/[.,]+$/, "").length;
    spans.push({ type: "ADDRESS", start: m.index + (corner ? 0 : m[0].length), end: start + len });
  }
  return spans;
}
const SUFFIX_WORD = new RegExp(`^(?:${SUFFIX})$`, "u");
const STREET_WORD = new RegExp(`^(?:${SUFFIX}|${BEFORE}|rue|rua|via|calle)[.,]?$`, "iu");

/** The address block goes on over short lines of unit, city, region and postcode. */
const NEXT_LINE = /^[ \t]*\n(?:[ \t]*\n)?[ \t>?]*([^\n]{1,40})/;
const SAME_LINE =
  /^,[ \t]*([\p{L}\p{M}][\p{L}\p{M}'’.-]*(?: [\p{L}\p{M}][\p{L}\p{M}'’.-]*){0,2}(?: (?:\d{4,6}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}))?)(?![\p{L}\d])/u;

function lineOk(line: string, lists: ReturnType<typeof wordLists>): boolean {
  if (/[@:]|https?|www\./i.test(line) || (line.match(/\d/g)?.length ?? 0) > 6) return false;
  if (!/^[\p{L}\p{M}\d ,.'’()/-]+$/u.test(line)) return false;
  const words = line.match(/[\p{L}\p{M}][\p{L}\p{M}'’-]*/gu) ?? [];
  if (words.length > 4) return false;
  // Lower-case everyday words mean a sentence ("thanks again"), not a town ("lady frere" is a miss).
  return words.every(
    (w) =>
      /^\p{Lu}/u.test(w) || w === "nan" || wordOk(w, lists.common, lists.firstNames) || lists.places.has(w),
  );
}

function extend(text: string, end: number, lists: ReturnType<typeof wordLists>): number {
  for (let lines = 0; lines < 6; lines++) {
    const rest = text.slice(end, end + 90);
    const same = SAME_LINE.exec(rest);
    if (same && lineOk(same[1] as string, lists)) {
      end += same[0].length;
      continue;
    }
    const next = NEXT_LINE.exec(rest);
    const line = next?.[1]?.trimEnd();
    if (!next || !line || !lineOk(line.replace(/^,\s*/, ""), lists)) break;
    end += next[0].length - ((next[1] as string).length - line.length);
  }
  return end;
}

export function detectAddresses(text: string): PiiSpan[] {
  const lists = wordLists();
  const raw: PiiSpan[] = cued(text, lists);
  for (const rule of RULES) {
    rule.lastIndex = 0;
    for (let m = rule.exec(text); m !== null; m = rule.exec(text))
      raw.push({ type: "ADDRESS", start: m.index, end: m.index + m[0].length });
  }
  NUMBERED.lastIndex = 0;
  for (let m = NUMBERED.exec(text); m !== null; m = NUMBERED.exec(text)) {
    const words = (m[1] as string).split(" ");
    if (words.every((w) => wordOk(w, lists.common, lists.firstNames) && !/^\d/.test(w)))
      raw.push({ type: "ADDRESS", start: m.index, end: m.index + m[0].length });
  }
  if (raw.length === 0) return raw;
  // Merge overlapping or touching pieces, then let each address take in the rest of its block.
  raw.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: PiiSpan[] = [];
  for (const s of raw) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end + 1 && /^[ ,]?$/.test(text.slice(last.end, s.start)))
      last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  for (const s of merged) s.end = extend(text, s.end, lists);
  // A block may now reach the next address: one span for both.
  const out: PiiSpan[] = [];
  for (const s of merged) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push(s);
  }
  return out;
}
