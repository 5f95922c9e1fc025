/**
 * Redaction at ingest: personal data replaced by typed placeholders ([EMAIL], [PERSON], ...) before any
 * facet, cache or model call sees the text. Inputs are never mutated.
 */
import type { Conversation } from "../types.ts";
import { detectPii } from "./detect.ts";
import { type PiiType, placeholder } from "./types.ts";

export type RedactionCounts = Partial<Record<PiiType, number>>;

export function redactText(text: string): { text: string; counts: RedactionCounts } {
  const spans = detectPii(text);
  const counts: RedactionCounts = {};
  if (spans.length === 0) return { text, counts };
  let out = "";
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + placeholder(s.type);
    at = s.end;
    counts[s.type] = (counts[s.type] ?? 0) + 1;
  }
  return { text: out + text.slice(at), counts };
}

export function addCounts(into: RedactionCounts, more: RedactionCounts): void {
  for (const [k, v] of Object.entries(more) as [PiiType, number][]) into[k] = (into[k] ?? 0) + v;
}

export function redactConversation(conversation: Conversation): {
  conversation: Conversation;
  counts: RedactionCounts;
} {
  const counts: RedactionCounts = {};
  const messages = conversation.messages.map((m) => {
    const r = redactText(m.text);
    addCounts(counts, r.counts);
    return r.text === m.text ? m : { ...m, text: r.text };
  });
  return { conversation: { ...conversation, messages }, counts };
}
