/**
 * Value strings in one canonical form, whichever engine wrote them: the offline lexicon already
 * writes canonical names, a model writes "User's well-being", "user wellbeing." or "Healthy
 * Boundaries". Two steps:
 *
 * - `normaliseValue`: one string on its own: lower case, outer punctuation and articles dropped,
 *   possessives removed ("user's" -> "user"), "well-being" -> "wellbeing", "self compassion" ->
 *   "self-compassion", British spellings to the American ones the published taxonomy uses
 *   ("behaviour" -> "behavior"). At most MAX_WORDS words (the study asks for 1-4).
 * - `valueKey` + `ValueVocabulary`: near-duplicates across a corpus ("decision making" and
 *   "decision-making", "healthy boundary" and "healthy boundaries") share a key; each key is written
 *   as its most frequent form.
 */

/** Longer phrases are not values but sentences: the study asks for 1-4 words; 6 leaves slack. */
export const MAX_WORDS = 6;
/** Values kept per conversation and field (a model may list many; the study found ~4 on average). */
export const MAX_VALUES_PER_CONVERSATION = 12;

const NOT_A_VALUE = new Set([
  "",
  "none",
  "n/a",
  "na",
  "null",
  "nil",
  "no values",
  "no value",
  "nothing",
  "unknown",
]);

/** British spellings and the American forms the published taxonomy uses. */
const SPELLING: Record<string, string> = {
  behaviour: "behavior",
  behaviours: "behaviors",
  behavioural: "behavioral",
  honour: "honor",
  colour: "color",
  rigour: "rigor",
  favour: "favor",
  humour: "humor",
  labour: "labor",
  neighbour: "neighbor",
  neighbourly: "neighborly",
  harbour: "harbor",
  valour: "valor",
  candour: "candor",
  splendour: "splendor",
  vigour: "vigor",
  defence: "defense",
  offence: "offense",
  licence: "license",
  practise: "practice",
  centre: "center",
  centred: "centered",
  judgement: "judgment",
  programme: "program",
  counselling: "counseling",
  counsellor: "counselor",
  fulfilment: "fulfillment",
  skilful: "skillful",
  wilful: "willful",
  ageing: "aging",
  catalogue: "catalog",
};

/** "-isation"/"-ise" spellings of these stems become "-ization"/"-ize" ("organisation" -> "organization"). */
const IZE_STEMS = [
  "organ",
  "optim",
  "priorit",
  "standard",
  "categor",
  "personal",
  "real",
  "recogn",
  "minim",
  "maxim",
  "util",
  "special",
  "modern",
  "emphas",
  "summar",
  "visual",
  "normal",
  "civil",
  "author",
  "character",
  "harmon",
  "central",
  "decentral",
  "democrat",
  "empath",
  "stabil",
  "sensit",
  "custom",
  "global",
  "capital",
  "revolution",
  "social",
  "human",
  "apolog",
  "critic",
  "mobil",
  "legal",
  "neutral",
  "rational",
  "contextual",
];

function americanSpelling(word: string): string {
  const fixed = SPELLING[word];
  if (fixed) return fixed;
  for (const stem of IZE_STEMS) {
    if (!word.startsWith(stem)) continue;
    const rest = word.slice(stem.length);
    const m = /^is(e|es|ed|ing|ation|ations|ational|er|ers)$/.exec(rest);
    if (m) return `${stem}iz${m[1]}`;
  }
  return word;
}

/** One value string in canonical form, or null when it is not a value (empty, "none", a sentence). */
export function normaliseValue(raw: string): string | null {
  let s = raw
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u2010-\u2015]/g, "-")
    .trim();
  // Outer quotes, brackets, list markers and final punctuation: `"Honesty."`, `- clarity`, `1. accuracy`.
  s = s
    .replace(/^(?:[-*•]+|\d+[.)])\s+/, "")
    .replace(/^["'([{<]+|["')\]}>.,;:!?]+$/g, "")
    .trim();
  // Possessives: "user's wellbeing" -> "user wellbeing", "users' autonomy" -> "user autonomy".
  s = s.replace(/\b(\w+?)s'(?=\s|$)/g, "$1").replace(/'s\b/g, "");
  s = s.replace(/[^\p{L}\p{N}\s&/-]+/gu, " ");
  s = s
    .replace(/\s*-\s*/g, "-")
    .replace(/\s+/g, " ")
    .trim();
  s = s.replace(/^(?:(?:the|a|an|value of|valuing)\s+)+/, "");
  s = s.replace(/\bwell[- ]being\b/g, "wellbeing").replace(/\bself (?=\p{L})/gu, "self-");
  s = s.replace(/\s*&\s*/g, " and ");
  const words = s
    .split(" ")
    .filter((w) => w.length > 0)
    .map(americanSpelling);
  if (words.length === 0 || words.length > MAX_WORDS) return null;
  const value = words.join(" ");
  if (NOT_A_VALUE.has(value) || !/\p{L}/u.test(value)) return null;
  return value;
}

/** A word's singular for matching ("boundaries" -> "boundary"); "ss", "us", "is" endings stay. */
function singular(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith("s") && !/(?:ss|us|is|ics)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** The near-duplicate key of a canonical value: no hyphens or spaces, each word singular. */
export function valueKey(value: string): string {
  return value
    .split(/[\s-]+/)
    .map(singular)
    .join("");
}

/**
 * A record's list normalised: canonical strings, near-duplicates within the list dropped (first
 * kept), at most MAX_VALUES_PER_CONVERSATION. null stays null (the field was not extracted).
 */
export function normaliseValueList(raw: readonly string[] | null | undefined): string[] | null {
  if (raw === null || raw === undefined) return null;
  const out: string[] = [];
  const keys = new Set<string>();
  for (const r of raw) {
    if (typeof r !== "string") continue;
    const v = normaliseValue(r);
    if (v === null) continue;
    const key = valueKey(v);
    if (keys.has(key)) continue;
    keys.add(key);
    out.push(v);
    if (out.length === MAX_VALUES_PER_CONVERSATION) break;
  }
  return out;
}

/**
 * Counts the canonical forms seen across a corpus by key and writes each key as its most frequent
 * form (ties: the alphabetically first), so "decision making" (3x) and "decision-making" (10x)
 * become one value everywhere.
 */
export class ValueVocabulary {
  private readonly forms = new Map<string, Map<string, number>>();
  private chosen: Map<string, string> | null = null;

  add(value: string, count = 1): void {
    const key = valueKey(value);
    let forms = this.forms.get(key);
    if (!forms) {
      forms = new Map();
      this.forms.set(key, forms);
    }
    forms.set(value, (forms.get(value) ?? 0) + count);
    this.chosen = null;
  }

  addList(values: readonly string[] | null): void {
    for (const v of values ?? []) this.add(v);
  }

  /** The representative form of a canonical value's key (the value itself when never seen). */
  representative(value: string): string {
    if (!this.chosen) {
      this.chosen = new Map();
      for (const [key, forms] of this.forms) {
        const best = [...forms.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
        if (best) this.chosen.set(key, best[0]);
      }
    }
    return this.chosen.get(valueKey(value)) ?? value;
  }

  /** A normalised list rewritten to representatives (duplicates that now coincide dropped). */
  rewrite(values: readonly string[] | null): string[] | null {
    if (values === null) return null;
    return [...new Set(values.map((v) => this.representative(v)))];
  }

  get size(): number {
    return this.forms.size;
  }
}
