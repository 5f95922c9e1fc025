/** OpenAI chat format: `{"id"?, "user_id"?, "messages": [{"role", "content"}]}` per line, or a bare array of messages. */
import type { Conversation } from "../types.ts";
import type { Place } from "./json-records.ts";
import { jsonReader } from "./json-records.ts";
import type { Reader } from "./reader.ts";
import { buildMessages, idOf, isObject, isoTimestamp, RecordError } from "./roles.ts";

type RawMessage = { role: unknown; content: unknown };

function rawMessages(list: unknown[]): RawMessage[] {
  return list.map((m) => {
    if (!isObject(m)) throw new RecordError("a message is not an object");
    return { role: m.role, content: m.content };
  });
}

export function openAiConversation(value: unknown, place: Place): Conversation {
  const meta: Record<string, unknown> = {};
  if (Array.isArray(value)) {
    return {
      id: place.fallbackId,
      source: place.source,
      messages: buildMessages(rawMessages(value), meta),
      meta,
    };
  }
  if (!isObject(value) || !Array.isArray(value.messages))
    throw new RecordError('expected an object with "messages" or an array of messages');
  const userId = idOf(value.user_id ?? value.user);
  const timestamp = isoTimestamp(value.timestamp ?? value.created_at ?? value.created);
  if (typeof value.model === "string") meta.model = value.model;
  return {
    id: idOf(value.id) ?? place.fallbackId,
    ...(userId !== undefined && { userId }),
    ...(timestamp !== undefined && { timestamp }),
    source: place.source,
    messages: buildMessages(rawMessages(value.messages), meta),
    meta,
  };
}

export const openAiJsonl: Reader = {
  format: "openai-jsonl",
  description:
    'OpenAI chat JSONL: {"id"?, "user_id"?, "messages": [{"role", "content"}]} per line, or an array of messages per line',
  example:
    '{"id": "c1", "user_id": "u7", "messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello!"}]}',
  detect(head) {
    if (/^\s*\{[^\n]*"messages"\s*:\s*\[/.test(head) && /"role"\s*:/.test(head)) return 0.9;
    // A JSON array of such records (pretty-printed: keys on later lines).
    if (/^\s*\[/.test(head) && /"messages"\s*:\s*\[/.test(head) && /"role"\s*:/.test(head)) return 0.8;
    if (/^\s*\[\s*\{[^\n]*"role"\s*:[^\n]*"content"\s*:/.test(head)) return 0.7;
    return 0;
  },
  ...jsonReader(openAiConversation, "lines-of-arrays"),
};
