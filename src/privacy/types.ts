/** The kinds of personal data convoscope finds, and a found span. */
export const PII_TYPES = [
  "EMAIL",
  "PHONE",
  "CARD",
  "IBAN",
  "SSN",
  "IP",
  "URL",
  "ADDRESS",
  "DATE_OF_BIRTH",
  "PERSON",
] as const;
export type PiiType = (typeof PII_TYPES)[number];

export interface PiiSpan {
  type: PiiType;
  /** Character offsets into the text: [start, end). */
  start: number;
  end: number;
}

export function placeholder(type: PiiType): string {
  return `[${type}]`;
}
