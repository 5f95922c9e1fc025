/**
 * What happens to one conversation between the reader and `internal/facets.jsonl`, in pipeline order:
 * personal data is redacted first, so the facet engine (and anything after it) sees only redacted
 * text; then the facet engine fills the record, and for an interview the interview facets too.
 */
import { extractOfflineFacets, OFFLINE_ENGINE_VERSION } from "../facets/index.ts";
import { extractInterview } from "../interview/facets.ts";
import { type RedactionCounts, redactConversation } from "../privacy/redact.ts";
import type { Conversation, FacetRecord } from "../types.ts";

export interface ConversationResult {
  record: FacetRecord;
  /** How many spans of each type were redacted (counts only). */
  redactions: RedactionCounts;
}

/** The reader whose conversations are always interviews; `--interviews` marks any other input as such. */
export const INTERVIEW_FORMAT = "interview-csv";

export interface AnalyseOptions {
  /** The conversation is an AI-led interview: fill the record's `interview` facets. */
  interview?: boolean;
}

export function analyseConversation(conversation: Conversation, o: AnalyseOptions = {}): ConversationResult {
  const { conversation: redacted, counts } = redactConversation(conversation);
  const record = extractOfflineFacets(redacted);
  if (o.interview) record.interview = extractInterview(redacted);
  return { record, redactions: counts };
}

/** Changes whenever a per-conversation stage changes its output: part of every checkpoint fingerprint. */
export const ANALYSIS_VERSION = `3/redact-1/${OFFLINE_ENGINE_VERSION}/interview-1`;
