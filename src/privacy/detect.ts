/**
 * `detectPii`: every personal-data span in a text, non-overlapping and in order. Where detectors
 * overlap, the longer span wins, and at equal length the more specific type (a card before a phone).
 */
import { detectAddresses } from "./address.ts";
import { detectNames } from "./names.ts";
import { detectStructured } from "./structured.ts";
import type { PiiSpan, PiiType } from "./types.ts";

/** Most specific first: a checksum-validated card beats a phone-shaped reading of the same digits. */
const SPECIFICITY: PiiType[] = [
  "CARD",
  "IBAN",
  "SSN",
  "IP",
  "EMAIL",
  "URL",
  "DATE_OF_BIRTH",
  "PHONE",
  "ADDRESS",
  "PERSON",
];
const PRIORITY = new Map(SPECIFICITY.map((t, i) => [t, i]));

export function resolveOverlaps(spans: PiiSpan[]): PiiSpan[] {
  const sorted = [...spans].sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      (PRIORITY.get(a.type) ?? 0) - (PRIORITY.get(b.type) ?? 0) ||
      a.start - b.start,
  );
  const kept: PiiSpan[] = [];
  for (const s of sorted) if (!kept.some((k) => s.start < k.end && k.start < s.end)) kept.push(s);
  return kept.sort((a, b) => a.start - b.start);
}

const HAS_DIGIT = /\d/;

export function detectPii(text: string): PiiSpan[] {
  const structured = detectStructured(text);
  // Every address rule needs a digit (a house, unit or box number); most chat messages have none.
  const addresses = HAS_DIGIT.test(text) ? detectAddresses(text) : [];
  const names = detectNames(text);
  // Most messages hold nothing at all: nothing to resolve.
  if (structured.length + addresses.length + names.length === 0) return [];
  return resolveOverlaps([...structured, ...addresses, ...names]);
}
