/**
 * What happens to one conversation between the reader and `internal/facets.jsonl`. Stages are added
 * here, in pipeline order, as they land; each takes the previous stage's typed output.
 */
import type { Conversation, FacetRecord } from "../types.ts";
import { baseRecord } from "../types.ts";

export interface ConversationResult {
  record: FacetRecord;
}

export function analyseConversation(conversation: Conversation): ConversationResult {
  return { record: baseRecord(conversation) };
}

/** Bumped whenever a per-conversation stage changes its output: part of every checkpoint fingerprint. */
export const ANALYSIS_VERSION = "1";
