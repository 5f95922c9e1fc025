/**
 * What happens to one conversation between the reader and `internal/facets.jsonl`, in pipeline order:
 * personal data is redacted first, so the facet engine (and anything after it) sees only redacted
 * text; then the facet engine fills the record. The offline engine is synchronous; the model engine
 * (one request per conversation, src/models/facets.ts) receives only the redacted conversation.
 */
import { extractOfflineFacets, OFFLINE_ENGINE_VERSION } from "../facets/index.ts";
import type { ModelFacetsResult } from "../models/facets.ts";
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

export interface ModelConversationResult extends ConversationResult {
  /** Facets still invalid after the one repair (recorded as null). */
  failed: string[];
  repaired: boolean;
  callFailed: boolean;
}

/** The model engine's path: redaction first, then one model request for every facet. */
export async function analyseConversationWithModel(
  conversation: Conversation,
  extract: (redacted: Conversation) => Promise<ModelFacetsResult>,
): Promise<ModelConversationResult> {
  const { conversation: redacted, counts } = redactConversation(conversation);
  const r = await extract(redacted);
  return {
    record: r.record,
    redactions: counts,
    failed: r.failed,
    repaired: r.repaired,
    callFailed: r.callFailed,
  };
}

/** Changes whenever a per-conversation stage changes its output: part of every checkpoint fingerprint. */
export const ANALYSIS_VERSION = `3/redact-1/${OFFLINE_ENGINE_VERSION}`;
