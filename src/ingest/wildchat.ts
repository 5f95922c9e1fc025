/**
 * WildChat / LMSYS-Chat: `{"conversation_id"|"conversation_hash", "conversation": [{"role", "content"}],
 * "hashed_ip"?, "timestamp"?, "language"?, "model"?}`. The hashed IP is the closest thing to a user id.
 */
import type { Conversation } from "../types.ts";
import type { Place } from "./json-records.ts";
import { readJsonRecords } from "./json-records.ts";
import type { Reader } from "./reader.ts";
import { buildMessages, idOf, isObject, isoTimestamp, RecordError } from "./roles.ts";

const META_FIELDS = ["language", "model", "country", "state", "toxic", "redacted", "turn"];

export function wildChatConversation(value: unknown, place: Place): Conversation {
  if (!isObject(value) || !Array.isArray(value.conversation))
    throw new RecordError('expected an object with "conversation"');
  const meta: Record<string, unknown> = {};
  for (const f of META_FIELDS) {
    const v = value[f];
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") meta[f] = v;
  }
  const messages = buildMessages(
    value.conversation.map((m) => {
      if (!isObject(m)) throw new RecordError("a message is not an object");
      return { role: m.role, content: m.content };
    }),
    meta,
  );
  const userId = idOf(value.hashed_ip ?? value.user_id);
  const timestamp = isoTimestamp(value.timestamp ?? value.tstamp);
  return {
    id: idOf(value.conversation_id ?? value.conversation_hash) ?? place.fallbackId,
    ...(userId !== undefined && { userId }),
    ...(timestamp !== undefined && { timestamp }),
    source: place.source,
    messages,
    meta,
  };
}

export const wildChat: Reader = {
  format: "wildchat",
  description:
    'WildChat / LMSYS: {"conversation_id"|"conversation_hash", "conversation": [{"role", "content"}], "hashed_ip"?, ...}',
  example:
    '{"conversation_hash": "ab12", "hashed_ip": "f00d", "conversation": [{"role": "user", "content": "Hi"}], "language": "English"}',
  detect(head) {
    return /"conversation"\s*:\s*\[/.test(head) && /"(conversation_id|conversation_hash)"\s*:/.test(head)
      ? 0.95
      : 0;
  },
  read: (input) => readJsonRecords(input, wildChatConversation),
};
