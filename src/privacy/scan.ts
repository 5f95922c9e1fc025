/**
 * Scanning released files for leaks (`convoscope privacy-check`). Unlike redaction, which must catch
 * as much as it can in free chat text, a scan must not cry wolf on ordinary report files — numbers in
 * tables, CSS colours, SVG path coordinates — so it looks only for identifiers whose shape or checksum
 * makes them unmistakable, plus any canary strings the caller planted.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { ibanValid, luhnValid } from "./structured.ts";
import type { PiiSpan } from "./types.ts";

const STRICT: { type: PiiSpan["type"]; pattern: RegExp; accept?: (s: string) => boolean }[] = [
  { type: "EMAIL", pattern: /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g },
  // Digits inside a decimal number (SVG coordinates, shares) are never identifiers: no "." or digit around.
  {
    type: "CARD",
    pattern: /(?<![\d.,])\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?\d{1,7}(?![\d.]\d|\d)/g,
    accept: (s) => luhnValid(s.replace(/\D/g, "")) && /[ -]|^\d{13,19}$/.test(s),
  },
  {
    type: "IBAN",
    pattern: /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,4})?\b/g,
    accept: ibanValid,
  },
  { type: "SSN", pattern: /(?<![\d.-])\d{3}-\d{2}-\d{4}(?![\d-])/g },
  {
    type: "IP",
    pattern:
      /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?!\.?\d)/g,
  },
  {
    type: "PHONE",
    pattern:
      /(?:\+\d{1,3}[ .-]?\(?\d{1,4}\)?[ .-]?\d{2,4}[ .-]?\d{2,4}(?:[ .-]?\d{2,4})?|\(\d{3}\) ?\d{3}-\d{4}|\b\d{3}-\d{3}-\d{4})\b/g,
  },
];

export function scanForPii(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const { type, pattern, accept } of STRICT) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      if (accept && !accept(m[0])) continue;
      spans.push({ type, start: m.index, end: m.index + m[0].length });
    }
  }
  return spans;
}

export interface Finding {
  file: string;
  kind: string;
  /** The offending text is never printed in full: a short masked preview only. */
  preview: string;
}

function mask(s: string): string {
  return s.length <= 4
    ? "*".repeat(s.length)
    : `${s.slice(0, 2)}${"*".repeat(Math.min(8, s.length - 4))}${s.slice(-2)}`;
}

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
}

/** Every PII pattern or canary found in the files under `dir`. */
export function scanDirectory(dir: string, canaries: string[] = []): Finding[] {
  const findings: Finding[] = [];
  const lowered = canaries
    .map((c) => c.trim())
    .filter((c) => c.length > 0)
    .map((c) => c.toLowerCase());
  for (const path of files(dir)) {
    const text = readFileSync(path, "utf8");
    const file = relative(dir, path);
    for (const s of scanForPii(text))
      findings.push({ file, kind: s.type, preview: mask(text.slice(s.start, s.end)) });
    const lower = text.toLowerCase();
    for (const c of lowered) if (lower.includes(c)) findings.push({ file, kind: "CANARY", preview: mask(c) });
  }
  return findings;
}
