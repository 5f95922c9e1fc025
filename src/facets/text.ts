/**
 * A conversation prepared once for every offline extractor: lower-cased message texts by role, so
 * each facet's lexicon runs over ready strings instead of re-deriving them.
 */
import type { Conversation } from "../types.ts";

export interface MessageText {
  /** Index in conversation.messages. */
  index: number;
  role: "user" | "assistant" | "system";
  /** Original text (for case-sensitive cues such as names and error messages). */
  raw: string;
  /** Lower-cased, with typographic apostrophes made plain. */
  lower: string;
}

export interface ConversationText {
  conversation: Conversation;
  user: MessageText[];
  assistant: MessageText[];
  /** All user text, lower-cased, joined by newlines. */
  userAll: string;
  assistantAll: string;
}

export function prepareText(conversation: Conversation): ConversationText {
  const user: MessageText[] = [];
  const assistant: MessageText[] = [];
  for (const [index, m] of conversation.messages.entries()) {
    if (m.role === "system") continue;
    const lower = m.text.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'");
    (m.role === "user" ? user : assistant).push({ index, role: m.role, raw: m.text, lower });
  }
  return {
    conversation,
    user,
    assistant,
    userAll: user.map((m) => m.lower).join("\n"),
    assistantAll: assistant.map((m) => m.lower).join("\n"),
  };
}
