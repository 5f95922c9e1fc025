/**
 * Segmentation of an AI-led interview: every participant turn is one answer, and the interviewer's
 * words since the previous answer are what it answers. From those words we keep the question itself
 * (`ask`): the sentences that ask something, without the acknowledgement sentences that usually open
 * the turn ("That's a really thoughtful approach."), so that the same rubric question reads alike
 * across interviews however the interviewer led into it.
 */
import type { Conversation } from "../types.ts";

export interface Answer {
  /** 0-based position among the interview's answers. */
  index: number;
  /** Index of the participant's message in conversation.messages. */
  message: number;
  /** Everything the interviewer said since the previous answer ("" when nothing). */
  prompt: string;
  /** The question sentences of `prompt` ("" when the interviewer asked nothing, e.g. a goodbye). */
  ask: string;
  text: string;
}

export interface SegmentedInterview {
  id: string;
  /** The participant: a user id when the input has one. */
  user: string;
  answers: Answer[];
}

const SENTENCE = /[^.!?\n]+(?:[.!?]+|$)/g;
/** Imperative prompts that ask without a question mark. */
const IMPERATIVE =
  /^(?:so,?\s+|now,?\s+|please,?\s+|and\s+)?(?:tell|walk|talk|take)\s+(?:me|us)\b|^(?:please\s+)?(?:describe|share|explain)\b/i;

/** The sentences of an interviewer's turn that ask something, in order. */
export function questionSentences(prompt: string): string[] {
  const out: string[] = [];
  for (const line of prompt.split(/\n+/)) {
    for (const m of line.matchAll(SENTENCE)) {
      // A closing quote of the sentence before can open the match: strip leading marks.
      const s = m[0].replace(/^[\s"'”’)\]]+/, "").trim();
      if (s.length > 0 && (s.includes("?") || IMPERATIVE.test(s))) out.push(s);
    }
  }
  return out;
}

/** Splits an interview into answers, each with the interviewer's prompt before it. */
export function segmentInterview(conversation: Conversation): SegmentedInterview {
  const answers: Answer[] = [];
  let prompt: string[] = [];
  for (const [message, m] of conversation.messages.entries()) {
    if (m.role === "assistant") prompt.push(m.text);
    else if (m.role === "user") {
      const text = prompt.join("\n");
      answers.push({
        index: answers.length,
        message,
        prompt: text,
        ask: questionSentences(text).join(" "),
        text: m.text,
      });
      prompt = [];
    }
  }
  return { id: conversation.id, user: conversation.userId ?? `conversation:${conversation.id}`, answers };
}
