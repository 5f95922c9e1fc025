/**
 * What happens to one conversation between the reader and `internal/facets.jsonl`, in pipeline order:
 * personal data is redacted first, so the facet engine (and anything after it) sees only redacted
 * text; then the facet engine fills the record, and for an interview the interview facets too. The
 * offline engine is synchronous; the model engine (one request per conversation, src/models/facets.ts)
 * receives only the redacted conversation.
 */
import { extractOfflineFacets, OFFLINE_ENGINE_VERSION } from "../facets/index.ts";
import { extractInterview, NOT_FOR_INTERVIEWS } from "../interview/facets.ts";
import type { ModelFacetsResult } from "../models/facets.ts";
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
  if (o.interview) Object.assign(record, NOT_FOR_INTERVIEWS, { interview: extractInterview(redacted) });
  return { record, redactions: counts };
}

/** A conversation's record as its internal/facets.jsonl line (JSON, no newline), and its redaction counts. */
export interface AnalysedLine {
  json: string;
  redactions: RedactionCounts;
}

export function analyseToLine(conversation: Conversation, o: AnalyseOptions = {}): AnalysedLine {
  const { record, redactions } = analyseConversation(conversation, o);
  return { json: JSON.stringify(record), redactions };
}

export interface ModelConversationResult extends ConversationResult {
  /** Facets still invalid after the one repair (recorded as null). */
  failed: string[];
  repaired: boolean;
  callFailed: boolean;
}

/**
 * The model engine's path: redaction first, then one model request for every facet: for an interview,
 * one request for the interview facets and the conversation facets that apply to interviews (the
 * assistant-use facets stay null, as offline).
 */
export async function analyseConversationWithModel(
  conversation: Conversation,
  extract: (redacted: Conversation, interview: boolean) => Promise<ModelFacetsResult>,
  o: AnalyseOptions = {},
): Promise<ModelConversationResult> {
  const { conversation: redacted, counts } = redactConversation(conversation);
  const r = await extract(redacted, o.interview === true);
  return {
    record: r.record,
    redactions: counts,
    failed: r.failed,
    repaired: r.repaired,
    callFailed: r.callFailed,
  };
}

/** Changes whenever a per-conversation stage changes its output: part of every checkpoint fingerprint. */
export const ANALYSIS_VERSION = `3/redact-1/${OFFLINE_ENGINE_VERSION}/interview-3`;
