/** ShareGPT: `{"id"?, "conversations": [{"from": "human"|"gpt"|"system", "value"}]}`, JSONL or one JSON array. */
import type { Conversation } from "../types.ts";
import type { Place } from "./json-records.ts";
import { jsonReader } from "./json-records.ts";
import type { Reader } from "./reader.ts";
import { buildMessages, idOf, isObject, RecordError } from "./roles.ts";

export function shareGptConversation(value: unknown, place: Place): Conversation {
  if (!isObject(value) || !Array.isArray(value.conversations))
    throw new RecordError('expected an object with "conversations"');
  const meta: Record<string, unknown> = {};
  const messages = buildMessages(
    value.conversations.map((m) => {
      if (!isObject(m)) throw new RecordError("a message is not an object");
      return { role: m.from ?? m.role, content: m.value ?? m.content };
    }),
    meta,
  );
  const userId = idOf(value.user_id);
  return {
    id: idOf(value.id) ?? place.fallbackId,
    ...(userId !== undefined && { userId }),
    source: place.source,
    messages,
    meta,
  };
}

export const shareGpt: Reader = {
  format: "sharegpt",
  description:
    'ShareGPT: {"id"?, "conversations": [{"from": "human"|"gpt"|"system", "value"}]}, JSONL or a JSON array',
  example:
    '{"id": "s1", "conversations": [{"from": "human", "value": "Hi"}, {"from": "gpt", "value": "Hello!"}]}',
  detect(head) {
    return /"conversations"\s*:\s*\[/.test(head) && /"from"\s*:/.test(head) && /"value"\s*:/.test(head)
      ? 0.9
      : 0;
  },
  ...jsonReader(shareGptConversation),
};
