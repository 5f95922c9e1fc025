/**
 * ChatGPT export `conversations.json`: each conversation is a tree (`mapping`) of message nodes, because
 * edits and regenerations branch. The conversation the user last saw is the path from `current_node`
 * up to the root, which is the one read here.
 */
import type { Conversation } from "../types.ts";
import type { Place } from "./json-records.ts";
import { jsonReader } from "./json-records.ts";
import type { Reader } from "./reader.ts";
import { buildMessages, idOf, isObject, isoTimestamp, RecordError } from "./roles.ts";

function nodeText(content: unknown): unknown {
  if (!isObject(content)) return "";
  if (Array.isArray(content.parts)) return content.parts;
  if (typeof content.text === "string") return content.text;
  return "";
}

export function chatGptConversation(value: unknown, place: Place): Conversation {
  if (!isObject(value) || !isObject(value.mapping))
    throw new RecordError('expected an object with a "mapping" tree');
  const mapping = value.mapping;
  let nodeId = typeof value.current_node === "string" ? value.current_node : undefined;
  if (nodeId === undefined) {
    // No current node: follow the last child from the root (the most recent branch).
    const root = Object.entries(mapping).find(([, n]) => isObject(n) && !n.parent)?.[0];
    nodeId = root;
    while (nodeId !== undefined) {
      const n = mapping[nodeId];
      const children = isObject(n) && Array.isArray(n.children) ? n.children : [];
      if (children.length === 0) break;
      nodeId = String(children[children.length - 1]);
    }
  }
  const path: { role: unknown; content: unknown }[] = [];
  const seen = new Set<string>();
  while (nodeId !== undefined && !seen.has(nodeId)) {
    seen.add(nodeId);
    const node = mapping[nodeId];
    if (!isObject(node)) throw new RecordError(`mapping has no node "${nodeId.slice(0, 40)}"`);
    const message = node.message;
    if (isObject(message) && isObject(message.author)) {
      const hidden =
        isObject(message.metadata) && message.metadata.is_visually_hidden_from_conversation === true;
      if (!hidden) path.push({ role: message.author.role, content: nodeText(message.content) });
    }
    nodeId = typeof node.parent === "string" ? node.parent : undefined;
  }
  path.reverse();
  const meta: Record<string, unknown> = {};
  const timestamp = isoTimestamp(value.create_time);
  return {
    id: idOf(value.conversation_id ?? value.id) ?? place.fallbackId,
    ...(timestamp !== undefined && { timestamp }),
    source: place.source,
    messages: buildMessages(path, meta),
    meta,
  };
}

export const chatGptExport: Reader = {
  format: "chatgpt-export",
  description:
    "ChatGPT export conversations.json: the mapping tree of each conversation, read along the current branch",
  example:
    '[{"id": "6a1...", "create_time": 1710000000, "current_node": "n2", "mapping": {"n1": {...}, "n2": {"parent": "n1", "message": {...}}}}]',
  detect(head) {
    return /^\s*\[/.test(head) && /"mapping"\s*:/.test(head) ? 0.95 : 0;
  },
  ...jsonReader(chatGptConversation, "array"),
};
