/**
 * What happens to one conversation between the reader and `internal/facets.jsonl`, in pipeline order:
 * the facet engine reads it and fills its record. (Redaction joins here, before the facets.)
 */
import { extractOfflineFacets, OFFLINE_ENGINE_VERSION } from "../facets/index.ts";
import type { Conversation, FacetRecord } from "../types.ts";

export interface ConversationResult {
  record: FacetRecord;
}

export function analyseConversation(conversation: Conversation): ConversationResult {
  return { record: extractOfflineFacets(conversation) };
}

/** Changes whenever a per-conversation stage changes its output: part of every checkpoint fingerprint. */
export const ANALYSIS_VERSION = `2/${OFFLINE_ENGINE_VERSION}`;
