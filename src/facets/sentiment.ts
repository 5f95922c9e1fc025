/**
 * `sentiment`: each human message rated very negative ... very positive (-1, -0.5, 0, 0.5, 1); start
 * and end are the means of the first and last three human messages, and shift = end - start, only for
 * conversations with at least six human messages (METHODS.md section 2).
 */
import { z } from "zod";
import { FacetRecordSchema, type Sentiment } from "../types.ts";
import type { Cue, FacetDefinition } from "./facet.ts";
import type { MessageText } from "./text.ts";
import { fivePoint, valenceOfTokens } from "./valence.ts";

export const MIN_MESSAGES_FOR_SHIFT = 6;
/** The five-point scale, very negative (-1) to very positive (+1) in steps of 0.5. */
export const SENTIMENT_LABELS = [
  "very negative",
  "negative",
  "neutral",
  "positive",
  "very positive",
] as const;

/**
 * One message's rating as a cue. The words behind it are worked out only when explaining (most
 * messages never are), and the tokens stay private so no text beyond the lexicon is shown.
 */
class ValenceCue implements Cue {
  readonly message: number;
  readonly role = "user" as const;
  readonly cue = "valence";
  readonly weight: number;
  readonly #tokens: MessageText;
  readonly #compound: number;

  constructor(tokens: MessageText, compound: number, score: number) {
    this.message = tokens.index;
    this.weight = score;
    this.#tokens = tokens;
    this.#compound = compound;
  }

  detail(): string {
    const words: string[] = [];
    valenceOfTokens(this.#tokens, words);
    const why = words.length > 0 ? words.join(", ") : "no sentiment words";
    return `${this.#compound.toFixed(2)} -> ${this.weight} (${why})`;
  }
}

function mean(xs: number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

export const sentimentFacet: FacetDefinition<"sentiment"> = {
  name: "sentiment",
  fields: ["sentiment"],
  schema: FacetRecordSchema.pick({ sentiment: true }),
  description:
    "The human's expressed sentiment per message, and its shift from the first three to the last three messages.",
  modelPrompt: "the human's sentiment in each of their messages: one label per H line.",
  extract(text, _prior, cues) {
    const messages = text.user.map((m) => {
      const c = valenceOfTokens(m);
      const score = fivePoint(c);
      cues?.push(new ValenceCue(m, c, score));
      return score;
    });
    return { sentiment: summarise(messages) };
  },
  // A model names a label per human message; the record's numbers follow from the labels.
  modelSchema: z.strictObject({ sentiment: z.array(z.enum(SENTIMENT_LABELS)) }),
  fromModel(answer: { sentiment: (typeof SENTIMENT_LABELS)[number][] }, { humanMessages }) {
    if (answer.sentiment.length !== humanMessages) {
      throw new Error(
        `sentiment: expected one label per human message (${humanMessages}), got ${answer.sentiment.length}`,
      );
    }
    return { sentiment: summarise(answer.sentiment.map((l) => SENTIMENT_LABELS.indexOf(l) / 2 - 1)) };
  },
};

/** Start, end and shift of per-message scores (null below six human messages). */
function summarise(messages: number[]): Sentiment {
  if (messages.length < MIN_MESSAGES_FOR_SHIFT) return { messages, start: null, end: null, shift: null };
  const start = mean(messages.slice(0, 3));
  const end = mean(messages.slice(-3));
  return { messages, start, end, shift: end - start };
}
