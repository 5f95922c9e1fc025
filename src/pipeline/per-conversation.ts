/**
 * What happens to one conversation between the reader and `internal/facets.jsonl`, in pipeline order:
 * personal data is redacted first, so the facet engine (and anything after it) sees only redacted
 * text; then the facet engine fills the record.
 */
import { extractOfflineFacets, OFFLINE_ENGINE_VERSION } from "../facets/index.ts";
import { type RedactionCounts, redactConversation } from "../privacy/redact.ts";
import type { Conversation, FacetRecord } from "../types.ts";

export interface ConversationResult {
  record: FacetRecord;
  /** How many spans of each type were redacted (counts only). */
  redactions: RedactionCounts;
}

export function analyseConversation(conversation: Conversation): ConversationResult {
  const { conversation: redacted, counts } = redactConversation(conversation);
  return { record: extractOfflineFacets(redacted), redactions: counts };
}

/** Changes whenever a per-conversation stage changes its output: part of every checkpoint fingerprint. */
export const ANALYSIS_VERSION = `3/redact-1/${OFFLINE_ENGINE_VERSION}`;
