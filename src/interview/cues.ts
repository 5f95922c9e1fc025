/**
 * Cue lexicons of the interview facets. The same phrase syntax as the chat facets' lexicons
 * (src/facets/phrase.ts), over the same tokens (lower-cased, contractions expanded), but matched only
 * on interview answers: each cue set compiles to regular expressions over an answer's token line, so
 * the chat engine's shared word table — and with it every chat study — stays exactly as it was.
 *
 *   a|b|c   one of these words; `stem*` any word starting with the stem;  x?  optional slot
 *   _       any one word;  #  a number;  ..N  up to N words within the sentence
 *
 * A cue marked negatable is "negated" when a negation (not, no, never, without, ...) is among the
 * three tokens before it ("I am not worried", "no concerns"); it is reported, with weight 0.
 */
import { type Tokens, tokenize } from "../facets/text.ts";

export interface CueHit {
  set: string;
  cue: string;
  weight: number;
  /** Index of the answer among the interview's answers. */
  answer: number;
  /** Token offset in the answer. */
  at: number;
  negated: boolean;
  /** The cue's own words as matched; any other word shows as "…" (no answer text beyond the lexicon). */
  quote: string;
}

interface CompiledPhrase {
  cue: string;
  weight: number;
  negatable: boolean;
  regex: RegExp;
  known: Set<string>;
  stems: string[];
  /** The first slot's words and stems, one of which the answer must hold. */
  first: { words: string[]; stems: string[] };
}

const NEGATIONS = new Set(["not", "no", "never", "without", "nothing", "none", "nor", "hardly", "neither"]);
const escapeRegex = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function slotPattern(item: string, known: Set<string>, stems: string[], source: string): string {
  if (item.startsWith("..")) {
    const n = Number(item.slice(2));
    if (!Number.isInteger(n) || n < 1) throw new Error(`bad gap "${item}" in "${source}"`);
    return `(?:[^ .!?]+ ){0,${n}}`;
  }
  const optional = item.length > 1 && item.endsWith("?");
  const body = optional ? item.slice(0, -1) : item;
  let alt: string;
  if (body === "_") alt = "[^ .!?]+";
  else if (body === "#") alt = "[0-9][^ ]*";
  else {
    alt = body
      .split("|")
      .map((a) => {
        if (a.length === 0) throw new Error(`empty alternative in "${source}"`);
        if (a.endsWith("*")) {
          stems.push(a.slice(0, -1));
          return `${escapeRegex(a.slice(0, -1))}[^ ]*`;
        }
        known.add(a);
        return escapeRegex(a);
      })
      .join("|");
  }
  return optional ? `(?:(?:${alt}) )?` : `(?:${alt}) `;
}

/** A named set of cues, each a list of phrases with a weight. */
export class CueSet {
  private readonly phrases: CompiledPhrase[] = [];

  constructor(
    readonly id: string,
    cues: [name: string, phrases: string[], weight?: number][],
    readonly options: { negatable?: boolean } = {},
  ) {
    for (const [cue, list, weight] of cues) {
      for (const source of list) {
        const known = new Set<string>();
        const stems: string[] = [];
        const items = source.trim().split(/\s+/);
        const pattern = items.map((item) => slotPattern(item, known, stems, source)).join("");
        const head = items[0] as string;
        // As in the chat lexicons: a phrase starts with a word, which is what lets answers be skipped fast.
        if (head.startsWith("..") || head.endsWith("?") || head === "_" || head === "#")
          throw new Error(`a phrase must start with a word: "${source}"`);
        const alts = head.split("|");
        const first = {
          words: alts.filter((a) => !a.endsWith("*")),
          stems: alts.filter((a) => a.endsWith("*")).map((a) => a.slice(0, -1)),
        };
        this.phrases.push({
          first,
          cue,
          weight: weight ?? 1,
          negatable: options.negatable ?? false,
          regex: new RegExp(`(?<= )${pattern}`, "g"),
          known,
          stems,
        });
      }
    }
  }

  /** Every hit of this set in one answer (overlapping phrases of one cue count once per position). */
  match(answer: AnswerTokens): CueHit[] {
    let cache = MATCHES.get(answer);
    if (!cache) {
      cache = new Map();
      MATCHES.set(answer, cache);
    }
    const known = cache.get(this);
    if (known) return known;
    const hits = this.scan(answer);
    cache.set(this, hits);
    return hits;
  }

  private scan(answer: AnswerTokens): CueHit[] {
    const hits: CueHit[] = [];
    const seen = new Set<string>();
    for (const p of this.phrases) {
      if (!mayStart(answer, p.first)) continue;
      p.regex.lastIndex = 0;
      for (const m of answer.line.matchAll(p.regex)) {
        const at = tokenAt(answer, m.index);
        const key = `${p.cue}@${at}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const words = m[0].trim().split(" ");
        const negated = p.negatable && isNegated(answer.words, at);
        hits.push({
          set: this.id,
          cue: p.cue,
          weight: negated ? 0 : p.weight,
          answer: answer.index,
          at,
          negated,
          quote: quoteWords(words, p),
        });
      }
    }
    return hits.sort((a, b) => a.at - b.at || (a.cue < b.cue ? -1 : 1));
  }
}

/** Each answer's hits per cue set, computed once (facets read the same sets several times). */
const MATCHES = new WeakMap<AnswerTokens, Map<CueSet, CueHit[]>>();

/** An answer's tokens (the chat engine's tokenizer) and the line the cue expressions run over. */
export interface AnswerTokens extends Tokens {
  index: number;
  /** " w1 w2 ... wn " : the tokens joined, with a space on each side of every token. */
  line: string;
}

export function answerTokens(index: number, text: string): AnswerTokens {
  const tokens = tokenize(text);
  return Object.assign(tokens, { index, line: ` ${tokens.words.join(" ")} ` });
}

/** Per answer, once: its distinct words sorted (for the first-slot test) and each token's offset in the line. */
const INDEX = new WeakMap<AnswerTokens, { vocab: Set<string>; sorted: string[]; offsets: number[] }>();

function indexOf(answer: AnswerTokens) {
  let index = INDEX.get(answer);
  if (!index) {
    const vocab = new Set(answer.words);
    const offsets: number[] = [];
    let at = 1;
    for (const w of answer.words) {
      offsets.push(at);
      at += w.length + 1;
    }
    index = { vocab, sorted: [...vocab].sort(), offsets };
    INDEX.set(answer, index);
  }
  return index;
}

/** Whether the answer holds one of the first slot's words, or a word starting with one of its stems. */
function mayStart(answer: AnswerTokens, first: { words: string[]; stems: string[] }): boolean {
  const { vocab, sorted } = indexOf(answer);
  for (const w of first.words) if (vocab.has(w)) return true;
  for (const stem of first.stems) {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] as string) < stem) lo = mid + 1;
      else hi = mid;
    }
    if (lo < sorted.length && (sorted[lo] as string).startsWith(stem)) return true;
  }
  return false;
}

/** The token index at a character offset of the line (binary search over token offsets). */
function tokenAt(answer: AnswerTokens, offset: number): number {
  const { offsets } = indexOf(answer);
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((offsets[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function isNegated(words: string[], at: number): boolean {
  for (let k = at - 1; k >= Math.max(0, at - 3); k--) {
    const w = words[k] as string;
    if (w === "." || w === "!" || w === "?") return false;
    if (NEGATIONS.has(w)) return true;
  }
  return false;
}

function quoteWords(words: string[], p: CompiledPhrase): string {
  const out: string[] = [];
  for (const w of words) {
    const stem = p.stems.find((s) => w.startsWith(s));
    const shown = p.known.has(w) ? w : stem !== undefined ? `${stem}*` : "…";
    if (shown !== "…" || out.at(-1) !== "…") out.push(shown);
  }
  return out.join(" ");
}
