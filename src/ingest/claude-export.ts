/** Claude.ai data export `conversations.json`: `[{uuid, name, created_at, chat_messages: [{sender, text | content[]}]}]`. */
import type { Conversation } from "../types.ts";
import type { Place } from "./json-records.ts";
import { jsonReader } from "./json-records.ts";
import type { Reader } from "./reader.ts";
import { buildMessages, idOf, isObject, isoTimestamp, RecordError } from "./roles.ts";

export function claudeConversation(value: unknown, place: Place): Conversation {
  if (!isObject(value) || !Array.isArray(value.chat_messages))
    throw new RecordError('expected an object with "chat_messages"');
  const meta: Record<string, unknown> = {};
  const messages = buildMessages(
    value.chat_messages.map((m) => {
      if (!isObject(m)) throw new RecordError("a message is not an object");
      // Newer exports carry content parts; the flat text field may then be empty.
      const content = Array.isArray(m.content) && m.content.length > 0 ? m.content : m.text;
      return { role: m.sender, content };
    }),
    meta,
  );
  const timestamp = isoTimestamp(value.created_at);
  return {
    id: idOf(value.uuid) ?? place.fallbackId,
    ...(timestamp !== undefined && { timestamp }),
    source: place.source,
    messages,
    meta,
  };
}

export const claudeExport: Reader = {
  format: "claude-export",
  description:
    "Claude.ai data export conversations.json: [{uuid, chat_messages: [{sender, text | content[]}], created_at}]",
  example:
    '[{"uuid": "5f1c...", "created_at": "2025-03-01T10:00:00Z", "chat_messages": [{"sender": "human", "text": "Hi"}]}]',
  detect(head) {
    return /^\s*\[/.test(head) && /"chat_messages"\s*:/.test(head) ? 0.95 : 0;
  },
  ...jsonReader(claudeConversation, "array"),
};
