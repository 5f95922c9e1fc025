/**
 * Anthropic HH-RLHF transcripts: a string of `\n\nHuman:` / `\n\nAssistant:` turns, in JSONL with
 * `chosen` / `rejected` (the chosen transcript is read) or a `text` / `transcript` field.
 */
import type { Conversation } from "../types.ts";
import type { Place } from "./json-records.ts";
import { jsonReader } from "./json-records.ts";
import type { Reader } from "./reader.ts";
import { buildMessages, idOf, isObject, RecordError } from "./roles.ts";

const TURN = /(?:^|\n\n)(Human|Assistant):[ \t]?/g;

/** Splits an HH transcript into (role, text) turns; text before the first marker is ignored. */
export function splitHhTranscript(transcript: string): { role: string; content: string }[] {
  const turns: { role: string; content: string }[] = [];
  let last: { role: string; start: number } | null = null;
  for (const m of transcript.matchAll(TURN)) {
    if (last) turns.push({ role: last.role, content: transcript.slice(last.start, m.index).trim() });
    last = {
      role: (m[1] as string).toLowerCase() === "human" ? "user" : "assistant",
      start: m.index + m[0].length,
    };
  }
  if (last) turns.push({ role: last.role, content: transcript.slice(last.start).trim() });
  return turns;
}

export function hhConversation(value: unknown, place: Place): Conversation {
  if (!isObject(value)) throw new RecordError("expected an object");
  const transcript = value.chosen ?? value.text ?? value.transcript;
  if (typeof transcript !== "string")
    throw new RecordError('expected a "chosen", "text" or "transcript" string');
  const turns = splitHhTranscript(transcript);
  if (turns.length === 0) throw new RecordError("no Human:/Assistant: turns");
  const meta: Record<string, unknown> = {};
  return {
    id: idOf(value.id) ?? place.fallbackId,
    source: place.source,
    messages: buildMessages(turns, meta),
    meta,
  };
}

export const hh: Reader = {
  format: "hh",
  description:
    'Anthropic HH-RLHF: {"chosen", "rejected"} or {"text"} holding "\\n\\nHuman:" / "\\n\\nAssistant:" turns (chosen is read)',
  example: '{"chosen": "\\n\\nHuman: Hi\\n\\nAssistant: Hello!", "rejected": "..."}',
  detect(head) {
    return /"(chosen|text|transcript)"\s*:\s*"\\n\\nHuman:/.test(head) ||
      /"chosen"\s*:\s*"[^"]*Human:/.test(head)
      ? 0.95
      : 0;
  },
  ...jsonReader(hhConversation),
};
