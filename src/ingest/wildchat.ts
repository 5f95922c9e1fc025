/**
 * WildChat / LMSYS-Chat: `{"conversation_id"|"conversation_hash", "conversation": [{"role", "content"}],
 * "hashed_ip"?, "timestamp"?, "language"?, "model"?}`. The hashed IP is the closest thing to a user id.
 */
import type { Conversation } from "../types.ts";
import type { Place } from "./json-records.ts";
import { jsonReader } from "./json-records.ts";
import type { Reader } from "./reader.ts";
import { buildMessages, idOf, isObject, isoTimestamp, RecordError } from "./roles.ts";

/** Fields that become id, user or time, or that may hold conversation text: never copied to meta. */
const NOT_META = new Set([
  "conversation_id",
  "conversation_hash",
  "hashed_ip",
  "user_id",
  "timestamp",
  "tstamp",
  "conversation",
  "text",
  "content",
  "prompt",
  "response",
  "title",
]);
/** Longer strings are more likely prose than a label; meta is for labels. */
const MAX_META_STRING = 200;

function scalarMeta(value: Record<string, unknown>, meta: Record<string, unknown>): void {
  for (const key in value) {
    if (NOT_META.has(key)) continue;
    const v = value[key];
    if (typeof v === "number" || typeof v === "boolean") meta[key] = v;
    else if (typeof v === "string" && v.length <= MAX_META_STRING) meta[key] = v;
  }
}

export function wildChatConversation(value: unknown, place: Place): Conversation {
  if (!isObject(value) || !Array.isArray(value.conversation))
    throw new RecordError('expected an object with "conversation"');
  const meta: Record<string, unknown> = {};
  scalarMeta(value, meta);
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
  ...jsonReader(wildChatConversation),
};
