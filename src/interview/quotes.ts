/**
 * Illustrative quotes, the one place where participants' own words may leave a study — and only
 * theirs who consented: participants marked in a consent column (`--consent-column NAME`) or, for
 * a release where everyone agreed to be quoted, all of them (`--consent-all`). Quotes are picked
 * from redacted text; the release audits each one again and quotes only themes that pass the
 * privacy thresholds. Without consent a theme is described by its words, never quoted.
 */
import type { Conversation } from "../types.ts";

export interface ConsentOptions {
  /** A column (meta field) whose value marks a participant who agreed to be quoted. */
  column?: string;
  /** Every participant agreed to be quoted. */
  all?: boolean;
}

const YES = new Set([
  "yes",
  "y",
  "true",
  "1",
  "consent",
  "consented",
  "agree",
  "agreed",
  "x",
  "opt-in",
  "opted-in",
]);

export function hasConsent(conversation: Conversation, o: ConsentOptions): boolean {
  if (o.all) return true;
  if (!o.column) return false;
  const value = conversation.meta[o.column];
  if (value === true || value === 1) return true;
  return typeof value === "string" && YES.has(value.trim().toLowerCase());
}

export interface QuoteCandidate {
  /** The participant (quotes of one theme come from different participants). */
  user: string;
  text: string;
}

export interface Quote {
  theme: string;
  text: string;
  /** Internal only: which participant said it. */
  user: string;
}

export const QUOTE_MIN_CHARS = 40;
export const QUOTE_MAX_CHARS = 240;
export const QUOTES_PER_THEME = 2;

const SENTENCE = /[^.!?\n]+[.!?]*/g;

/** The sentences of an answer that could stand as a quote (whole sentences of a readable length). */
export function quotableSentences(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(SENTENCE)) {
    const s = m[0].trim();
    if (s.length >= QUOTE_MIN_CHARS && s.length <= QUOTE_MAX_CHARS && /^[A-Z"“']/.test(s)) out.push(s);
  }
  return out;
}

/**
 * Up to `perTheme` quotes for a theme: the sentences of consenting participants' answers that use the
 * most of the theme's keywords (at least one), shorter first on ties, one per participant.
 */
export function pickQuotes(
  theme: string,
  keywords: readonly string[],
  candidates: readonly QuoteCandidate[],
  perTheme = QUOTES_PER_THEME,
): Quote[] {
  if (keywords.length === 0) return [];
  const scored: { user: string; text: string; score: number }[] = [];
  for (const c of candidates) {
    for (const s of quotableSentences(c.text)) {
      const words = new Set(s.toLowerCase().match(/[\p{L}][\p{L}'’-]*/gu) ?? []);
      const score = keywords.filter((k) => words.has(k)).length;
      if (score > 0) scored.push({ user: c.user, text: s, score });
    }
  }
  scored.sort(
    (a, b) =>
      b.score - a.score || a.text.length - b.text.length || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0),
  );
  const out: Quote[] = [];
  const used = new Set<string>();
  for (const s of scored) {
    if (used.has(s.user)) continue;
    used.add(s.user);
    out.push({ theme, text: s.text, user: s.user });
    if (out.length === perTheme) break;
  }
  return out;
}
