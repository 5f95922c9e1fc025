/**
 * What a facet is: a named question about a conversation, defined once — the record fields it fills
 * (with their zod schema, for checking a model's answer), its offline extractor (deterministic,
 * explainable, no network), and the instruction a model-backed extractor uses for the same question.
 * Everything else (pipeline, explain, validate, model engine) reads these definitions from the
 * registry in index.ts.
 */
import type { z } from "zod";
import type { FacetRecord } from "../types.ts";
import type { Hit } from "./phrase.ts";
import type { ConversationText } from "./text.ts";

/** What a model-backed extractor knows beside the answer. */
export interface ModelContext {
  /** Human messages the model was shown, in order (fewer than the conversation's when it was truncated). */
  humanMessages: number;
  /** The record so far: turn counts and what earlier facets in the registry answered. */
  prior: Partial<FacetRecord>;
}

/** A piece of evidence an offline extractor used: which message, which cue, and how much it counted. */
export interface Cue {
  /** 0-based index of the message in the conversation, or -1 for the whole conversation. */
  message: number;
  role: "user" | "assistant" | "conversation";
  /** The cue's name ("refusal:cant-help"); explanations append the words it matched from its lexicon. */
  cue: string;
  weight: number;
  /** The lexicon hit behind the cue (internal: explainFacets turns it into a quote). */
  hit?: Hit;
  /** What the cue rests on, worked out only when explaining (internal: appended to the cue). */
  detail?: () => string;
}

export interface FacetDefinition<K extends keyof FacetRecord = keyof FacetRecord> {
  name: string;
  fields: readonly K[];
  /** The facet's fields as they appear in a FacetRecord (a pick of FacetRecordSchema). */
  schema: z.ZodType<Pick<FacetRecord, K>>;
  description: string;
  /** The instruction for a model-backed extractor (used by the model engine; offline ignores it). */
  modelPrompt: string;
  /**
   * What a model answers, when it differs from the stored fields (default: `schema`): e.g. sentiment
   * labels the record derives its numbers from, or a closed list where the record keeps a string.
   */
  modelSchema?: z.ZodType;
  /**
   * Turns a valid model answer (parsed by `modelSchema`) into the record's fields; default: the
   * answer as is. Throws an Error saying what is wrong when the answer cannot be used.
   */
  fromModel?(answer: never, context: ModelContext): Pick<FacetRecord, K>;
  /**
   * Offline extraction. `prior` holds what earlier facets in the registry already decided (for
   * example, affective reads content_creation), so one rule never lives in two places. The cues
   * behind the decision are appended to `cues` when one is given (explaining): most runs do not
   * explain, and build none.
   */
  extract(text: ConversationText, prior: Partial<FacetRecord>, cues?: Cue[]): Pick<FacetRecord, K>;
}

/** A cue for a lexicon hit. */
export function cueOf(
  hit: Hit,
  role: "user" | "assistant",
  weight = hit.weight,
  prefix = hit.lexicon.id,
): Cue {
  return { message: hit.message, role, cue: `${prefix}:${hit.name}`, weight, hit };
}
