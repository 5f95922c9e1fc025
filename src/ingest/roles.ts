/** Normalising the many ways logs name speakers and shape message content. */
import type { Message, Role } from "../types.ts";

const ROLE_NAMES: Record<string, Role | "drop"> = {
  user: "user",
  human: "user",
  customer: "user",
  assistant: "assistant",
  gpt: "assistant",
  chatgpt: "assistant",
  bot: "assistant",
  model: "assistant",
  ai: "assistant",
  claude: "assistant",
  bard: "assistant",
  bing: "assistant",
  system: "system",
  developer: "system",
  // Tool traffic is machine output, not part of the human-assistant exchange.
  tool: "drop",
  function: "drop",
  ipython: "drop",
};

/** The role names as written (most logs write them so): found without trimming or lower-casing. */
const EXACT_ROLES = new Map(Object.entries(ROLE_NAMES));

/** The normalised role, "drop" for tool messages, or null for a role we do not know. */
export function normaliseRole(raw: unknown): Role | "drop" | null {
  if (typeof raw !== "string") return null;
  return EXACT_ROLES.get(raw) ?? ROLE_NAMES[raw.trim().toLowerCase()] ?? null;
}

/** Blank (empty or whitespace only), without trimming a copy for the usual text that starts printable. */
function isBlank(text: string): boolean {
  const c = text.charCodeAt(0);
  return !(c > 0x20 && c < 0x7f) && text.trim() === "";
}

/**
 * The text of a message's content: a string, or an array of parts (strings, `{type: "text", text}`,
 * `{text}`); non-text parts such as images are skipped and counted.
 */
export function contentText(content: unknown, skipped: { parts: number }): string | null {
  if (typeof content === "string") return content;
  if (content === null || content === undefined) return "";
  if (Array.isArray(content)) {
    const texts: string[] = [];
    for (const part of content) {
      if (typeof part === "string") texts.push(part);
      else if (part && typeof part === "object" && typeof (part as { text?: unknown }).text === "string") {
        texts.push((part as { text: string }).text);
      } else skipped.parts++;
    }
    return texts.join("\n");
  }
  if (typeof content === "object" && typeof (content as { text?: unknown }).text === "string") {
    return (content as { text: string }).text;
  }
  return null;
}

/** Raised while converting a record; becomes a rejection with the record's place. */
export class RecordError extends Error {}

/**
 * Turns raw (role, content) pairs into messages: unknown roles reject the record, tool messages and
 * empty texts are dropped (and counted in `meta`), and nothing left means an empty conversation.
 */
export function buildMessages(
  raw: Iterable<{ role: unknown; content: unknown }>,
  meta: Record<string, unknown>,
): Message[] {
  const messages: Message[] = [];
  const skipped = { parts: 0 };
  let dropped = 0;
  for (const { role: rawRole, content } of raw) {
    const role = normaliseRole(rawRole);
    if (role === null) {
      throw new RecordError(
        typeof rawRole === "string" ? `unknown role "${rawRole.slice(0, 40)}"` : "message without a role",
      );
    }
    if (role === "drop") {
      dropped++;
      continue;
    }
    const text = contentText(content, skipped);
    if (text === null) throw new RecordError("message content is neither text nor a list of parts");
    if (isBlank(text)) continue;
    messages.push({ role, text });
  }
  if (dropped > 0) meta.dropped_messages = dropped;
  if (skipped.parts > 0) meta.non_text_parts = skipped.parts;
  if (messages.length === 0) throw new RecordError("empty conversation");
  return messages;
}

/** An ISO 8601 timestamp from unix seconds/milliseconds or a date string; undefined when unusable. */
export function isoTimestamp(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) {
    const ms = value > 1e12 ? value : value * 1000;
    const d = new Date(ms);
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
  }
  if (typeof value === "string" && value.trim() !== "") {
    if (/^\d+(\.\d+)?$/.test(value.trim())) return isoTimestamp(Number(value));
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
  }
  return undefined;
}

/** A string id from a string or number field, else undefined. */
export function idOf(value: unknown): string | undefined {
  if (typeof value === "string" && value.trim() !== "") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
