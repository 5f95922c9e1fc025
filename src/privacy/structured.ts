/**
 * Detectors for structured identifiers: emails, phone numbers, payment cards (Luhn-checked), IBANs
 * (mod-97-checked), US social security numbers, IP addresses, URLs with personal paths, dates of birth
 * (street addresses are in address.ts). Each is a precompiled pattern plus, where one exists, a checksum that keeps
 * look-alike numbers (order numbers, versions, prices) from being redacted.
 */
import type { PiiSpan, PiiType } from "./types.ts";

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

export function ibanValid(raw: string): boolean {
  const iban = raw.replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? String(code - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return remainder === 1;
}

interface Detector {
  type: PiiType;
  /** A cheap test the text must pass before the pattern runs (most chat text has no "@" or digit). */
  needs: "at" | "url" | "digit";
  pattern: RegExp;
  /** Extra check on the match; false drops it. */
  accept?: (match: RegExpExecArray, text: string) => boolean;
  /** Which capture group is the span (default: the whole match). */
  group?: number;
}

const PHONE_CONTEXT =
  /\b(?:phone|call|calling|cell|mobile|tel|telephone|fax|number|reach me|contact|text me|whatsapp|sms|dial|office|desk|home|work|answering|registered|landline|ring)\b/i;
const DOB_CONTEXT = /\b(?:born|birth|dob|d\.o\.b|birthday|b\.)\b/i;

function digitsOf(s: string): string {
  return s.replace(/\D/g, "");
}

const MONTHS =
  "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const DATE = `(?:\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}(?:st|nd|rd|th)? (?:of )?${MONTHS}\\.?,? \\d{4}|${MONTHS}\\.? \\d{1,2}(?:st|nd|rd|th)?,? \\d{4})`;

const DETECTORS: Detector[] = [
  { type: "EMAIL", needs: "at", pattern: /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g },
  {
    type: "URL",
    needs: "url",
    // Only URLs with a path or query: a bare domain names a site, a path may name a person.
    pattern: /\b(?:https?:\/\/|www\.)[^\s<>"')\]]+/gi,
    accept: (m) => /^(?:https?:\/\/)?[^/?#]+[/?#][^\s]*[A-Za-z0-9]/i.test(m[0]) || /^https?:\/\//i.test(m[0]),
  },
  {
    type: "IBAN",
    needs: "digit",
    pattern: /\b[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,4})?\b/g,
    accept: (m) => ibanValid(m[0]),
  },
  {
    type: "CARD",
    needs: "digit",
    pattern: /\b(?:\d[ -]?){11,18}\d\b/g,
    accept: (m, text) => {
      if (text[m.index - 1] === "+") return false;
      const d = digitsOf(m[0]);
      return d.length >= 12 && d.length <= 19 && luhnValid(d) && !/^(\d)\1+$/.test(d);
    },
  },
  {
    type: "SSN",
    needs: "digit",
    pattern: /\b(\d{3})[- ](\d{2})[- ](\d{4})\b/g,
    accept: (m) => m[1] !== "000" && m[1] !== "666" && m[2] !== "00" && m[3] !== "0000",
  },
  // UK National Insurance number: a second national id whose pattern is reliable.
  {
    type: "SSN",
    needs: "digit",
    pattern: /\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/g,
  },
  {
    type: "IP",
    needs: "digit",
    pattern: /\b(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\b/g,
    // A version number in code ("version 1.2.3.4") is not an address.
    accept: (m, text) => !/\b(?:version|v|ver)\.?\s*$/i.test(text.slice(Math.max(0, m.index - 10), m.index)),
  },
  {
    type: "IP",
    needs: "digit",
    pattern: /\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\b|\b(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}:?){1,6}\b/gi,
    accept: (m) => /\d/.test(m[0]) && m[0].includes(":") && m[0].length >= 8,
  },
  {
    type: "DATE_OF_BIRTH",
    needs: "digit",
    pattern: new RegExp(DATE, "gi"),
    accept: (m, text) => DOB_CONTEXT.test(text.slice(Math.max(0, m.index - 40), m.index)),
  },
  {
    type: "PHONE",
    needs: "digit",
    pattern:
      /(?<![\w.+])(?:(?:\+|00)\d{1,3}[ \t.-]?(?:\(0\)[ \t.-]?)?|1[ \t.-](?=\(?\d{3}))?(?:\(\d{1,4}\)[ \t.-]?)?(?:\d{2,6}(?:[ \t.-]\d{2,6}){1,4}|\d{7,15})(?:[ \t,]*(?:ext|x)\.?\s?\d{1,5})?(?!\w|\.\d|:\d)/gi,
    accept: (m, text) => {
      const raw = m[0];
      const d = digitsOf(raw);
      if (d.length < 7 || d.length > 15) return false;
      // A date or a date-time is not a phone number.
      if (/^\d{4}[-./]\d{1,2}[-./]\d{1,2}/.test(raw) || /^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/.test(raw))
        return false;
      // Separators never include a line break: a postcode line above a phone line is not part of it.
      const strong =
        raw.startsWith("+") ||
        raw.includes("(") ||
        /^0\d/.test(raw) ||
        /^\d{3}[-.\s]\d{3}[-.\s]\d{4}$/.test(raw);
      const around =
        text.slice(Math.max(0, m.index - 40), m.index) +
        text.slice(m.index + raw.length, m.index + raw.length + 15);
      if (PHONE_CONTEXT.test(around)) return true;
      // Without a phone word nearby, only a number shaped like a phone (separated groups) counts.
      return (strong || d.length >= 9) && /[\s.()-]/.test(raw);
    },
  },
];

const HAS = {
  at: (t: string) => t.includes("@"),
  url: (t: string) => /https?:|www\./i.test(t),
  digit: (t: string) => /\d/.test(t),
};
/** Any of the three at once: most chat text has none, and is done with in one test. */
const ANY_NEED = /[@\d]|https?:|www\./i;

/** Every structured identifier in `text`, possibly overlapping (the caller resolves overlaps). */
export function detectStructured(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  if (!ANY_NEED.test(text)) return spans;
  const has = { at: HAS.at(text), url: HAS.url(text), digit: HAS.digit(text) };
  for (const d of DETECTORS) {
    if (!has[d.needs]) continue;
    d.pattern.lastIndex = 0;
    for (let m = d.pattern.exec(text); m !== null; m = d.pattern.exec(text)) {
      if (m[0].length === 0) {
        d.pattern.lastIndex++;
        continue;
      }
      if (d.accept && !d.accept(m, text)) continue;
      spans.push({ type: d.type, start: m.index, end: m.index + m[0].length });
    }
  }
  return spans;
}
