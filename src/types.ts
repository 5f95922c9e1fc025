/**
 * The shapes a conversation takes on its way through convoscope.
 *
 * A `Conversation` is what every reader produces (camelCase, in memory). A `FacetRecord` is what the
 * study stores per conversation in `internal/facets.jsonl` (snake_case, the on-disk contract that later
 * stages and outside evaluations read). Fields a stage has not computed yet are `null`, never invented.
 */
import { z } from "zod";
import { CONCERNS, CONTEXTS, EXPERIENCES, INTENTS, VISIONS } from "./interview/vocabulary.ts";

export const ROLES = ["user", "assistant", "system"] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const MessageSchema = z.strictObject({
  role: RoleSchema,
  text: z.string(),
});
export type Message = z.infer<typeof MessageSchema>;

/** Where a conversation came from: a file and either a 1-based line or a 0-based index in a JSON array. */
export const SourceRefSchema = z.strictObject({
  file: z.string(),
  line: z.number().int().positive().optional(),
  index: z.number().int().nonnegative().optional(),
});
export type SourceRef = z.infer<typeof SourceRefSchema>;

export const ConversationSchema = z.strictObject({
  id: z.string().min(1),
  userId: z.string().optional(),
  /** ISO 8601 when the input had a usable timestamp. */
  timestamp: z.string().optional(),
  source: SourceRefSchema,
  messages: z.array(MessageSchema).min(1),
  meta: z.record(z.string(), z.unknown()),
});
export type Conversation = z.infer<typeof ConversationSchema>;

/** A record a reader set aside. It never carries message text: only where it was and why. */
export const RejectionSchema = z.strictObject({
  file: z.string(),
  line: z.number().int().positive().optional(),
  index: z.number().int().nonnegative().optional(),
  reason: z.string(),
});
export type Rejection = z.infer<typeof RejectionSchema>;

export const AFFECTIVE_TYPES = [
  "interpersonal_advice",
  "coaching",
  "counseling",
  "companionship",
  "romantic_roleplay",
] as const;
export type AffectiveType = (typeof AFFECTIVE_TYPES)[number];

export const COLLABORATION_MODES = [
  "directive",
  "feedback_loop",
  "task_iteration",
  "learning",
  "validation",
  "none",
] as const;
export type CollaborationMode = (typeof COLLABORATION_MODES)[number];

export const VALUE_RESPONSES = [
  "strong_support",
  "mild_support",
  "neutral_acknowledgment",
  "reframing",
  "mild_resistance",
  "strong_resistance",
  "no_values",
] as const;
export type ValueResponse = (typeof VALUE_RESPONSES)[number];

export const SentimentSchema = z.strictObject({
  /** One score per human message, each in {-1, -0.5, 0, 0.5, 1}. */
  messages: z.array(z.number()),
  /** Mean of the first / last three human messages; null below 6 human messages. */
  start: z.number().nullable(),
  end: z.number().nullable(),
  shift: z.number().nullable(),
});
export type Sentiment = z.infer<typeof SentimentSchema>;

const Intensity = z.number().int().min(0).max(3);

/** The answer to question k: which question (of the plan, or found by clustering) and which theme. */
export const InterviewAnswerSchema = z.strictObject({
  question: z.string().nullable(),
  theme: z.string().nullable(),
  /** A follow-up probe (or a word after the goodbye), counted under the question it follows. */
  probe: z.boolean(),
});

/** The interview facets of an AI-led interview (METHODS.md section 4); null on chat records. */
export const InterviewSchema = z.strictObject({
  /** Overall sentiment towards AI, 1 (very negative) to 7 (very positive); 5+ is positive. */
  sentiment: z.number().int().min(1).max(7),
  /** Emotion intensity, 0 (absent) to 3 (strong). */
  emotions: z.strictObject({
    satisfaction: Intensity,
    frustration: Intensity,
    worry: Intensity,
    trust: Intensity,
  }),
  vision: z.enum(VISIONS),
  experiences: z.array(z.enum(EXPERIENCES)),
  concerns: z.array(z.enum(CONCERNS)),
  context: z.array(z.enum(CONTEXTS)),
  /** Mean message valence of the participant's substantive answers, -1..1. */
  valence: z.number().min(-1).max(1),
  /** 0-based indexes of the answers that tell of a success / a failure with AI. */
  moments: z.strictObject({ success: z.array(z.number().int()), failure: z.array(z.number().int()) }),
  intent: z.enum(INTENTS),
  /** The participant's group for comparisons (`--group-by`), null when none is set. */
  group: z.string().nullable(),
  /** One entry per participant turn, in order. */
  answers: z.array(InterviewAnswerSchema),
});
export type Interview = z.infer<typeof InterviewSchema>;

/** One line of `internal/facets.jsonl`. */
export const FacetRecordSchema = z.strictObject({
  id: z.string(),
  user_id: z.string().nullable(),
  source_file: z.string(),
  timestamp: z.string().nullable(),
  language: z.string().nullable(),
  human_turns: z.number().int().nonnegative(),
  assistant_turns: z.number().int().nonnegative(),
  content_creation: z.boolean().nullable(),
  affective: z.boolean().nullable(),
  affective_types: z.array(z.enum(AFFECTIVE_TYPES)).nullable(),
  pushback: z.boolean().nullable(),
  pushback_reason: z.string().nullable(),
  sentiment: SentimentSchema.nullable(),
  collaboration: z.enum(COLLABORATION_MODES).nullable(),
  concern: z.number().int().min(1).max(5).nullable(),
  request: z.string().nullable(),
  task: z.string().nullable(),
  cluster: z.string().nullable(),
  /** Could values be expressed at all (false: a purely factual or technical exchange)? */
  subjective: z.boolean().nullable(),
  values_ai: z.array(z.string()).nullable(),
  values_human: z.array(z.string()).nullable(),
  value_response: z.enum(VALUE_RESPONSES).nullable(),
  interview: InterviewSchema.nullable(),
});
export type FacetRecord = z.infer<typeof FacetRecordSchema>;

/** The record of a conversation before any facet stage has run: counts filled, facets null. */
export function baseRecord(conversation: Conversation): FacetRecord {
  let human = 0;
  let assistant = 0;
  for (const m of conversation.messages) {
    if (m.role === "user") human++;
    else if (m.role === "assistant") assistant++;
  }
  return {
    id: conversation.id,
    user_id: conversation.userId ?? null,
    source_file: conversation.source.file,
    timestamp: conversation.timestamp ?? null,
    language: null,
    human_turns: human,
    assistant_turns: assistant,
    content_creation: null,
    affective: null,
    affective_types: null,
    pushback: null,
    pushback_reason: null,
    sentiment: null,
    collaboration: null,
    concern: null,
    request: null,
    task: null,
    cluster: null,
    subjective: null,
    values_ai: null,
    values_human: null,
    value_response: null,
    interview: null,
  };
}
