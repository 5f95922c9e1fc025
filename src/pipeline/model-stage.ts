/**
 * The model engine inside a study: opening it (provider, cache, price, client), running the
 * per-conversation stage with bounded concurrency while records stay in input order, and the
 * figures the manifest records. The offline engine never reaches this file.
 */

import type { GroupNamer } from "../cluster/naming.ts";
import { ConvoscopeError, EXIT } from "../errors.ts";
import { AnswerCache } from "../models/cache.ts";
import { type ClientStats, ModelClient } from "../models/call.ts";
import { modelGroupNamer, type NameAudit } from "../models/cluster-namer.ts";
import { extractModelFacets, type FacetSpec, facetSpec, interviewFacetSpec } from "../models/facets.ts";
import { loadPriceOverrides, type Price, priceOf } from "../models/prices.ts";
import { THEME_NAMING, VALUES_NAMING } from "../models/prompts/clusters.ts";
import { JSON_ANSWER_VERSION } from "../models/prompts/json-answer.ts";
import { type AnswerMode, type AnthropicAnswer, makeProvider, type Provider } from "../models/provider.ts";
import { loadTokenCounter, type TokenCounter } from "../models/tokens.ts";
import { DEFAULT_MAX_CHARS } from "../models/transcript.ts";
import type { Conversation } from "../types.ts";
import {
  type AnalyseOptions,
  analyseConversationWithModel,
  type ConversationResult,
  type ModelConversationResult,
} from "./per-conversation.ts";

export { runFacetBatches } from "../models/batch.ts";
export { facetSpec, interviewFacetSpec } from "../models/facets.ts";
export { modelTopics } from "../models/topics.ts";
export { DEFAULT_MAX_CHARS } from "../models/transcript.ts";

export interface ModelEngineOptions {
  model: string;
  concurrency: number;
  /** Anthropic: the schema in the system prompt with a prefilled reply (default), or a forced tool. */
  anthropicAnswer?: AnthropicAnswer;
  budgetUsd?: number;
  pricesFile?: string;
  maxChars?: number;
  timeoutMs?: number;
  retries?: number;
  baseDelayMs?: number;
}

export interface ModelEngine {
  client: ModelClient;
  spec: FacetSpec;
  /** The request of an AI-led interview (instead of `spec`). */
  interviewSpec: FacetSpec;
  cache: AnswerCache;
  price: Price | null;
  maxChars: number;
  countTokens: TokenCounter;
  /** Facet failures (after the repair), by facet; "call" counts requests that got no answer at all. */
  failures: Record<string, number>;
  repairs: number;
  /** The model privacy audit of the topic tree's names (null until it ran). */
  clusterAudit: { checked: number; failed: number } | null;
  /** The audit of the names the model gave the values taxonomy's groups and the interview themes. */
  valuesAudit: NameAudit | null;
  themeAudit: NameAudit | null;
  close(): void;
}

export interface PreparedEngine {
  provider: Provider;
  price: Price | null;
  countTokens: TokenCounter;
}

/** Everything that can fail before a study folder is touched: the model spec, its key, its price. */
export async function prepareModelEngine(o: ModelEngineOptions): Promise<PreparedEngine> {
  const price = priceOf(o.model, loadPriceOverrides(o.pricesFile ?? process.env.CONVOSCOPE_PRICES));
  if (o.budgetUsd !== undefined && price === null) {
    throw new ConvoscopeError(
      `[models] no price is known for ${o.model}, so --budget cannot be kept: give one with --prices FILE.json ` +
        `({"${o.model.split(":").slice(1).join(":")}": {"input": USD per million tokens, "output": USD per million tokens}})`,
      EXIT.usage,
    );
  }
  const provider = await makeProvider(o.model, {
    ...(o.timeoutMs !== undefined && { timeoutMs: o.timeoutMs }),
    ...(o.anthropicAnswer !== undefined && { anthropicAnswer: o.anthropicAnswer }),
  });
  return { provider, price, countTokens: await loadTokenCounter() };
}

export function openModelEngine(
  o: ModelEngineOptions,
  prepared: PreparedEngine,
  cacheDir: string,
): ModelEngine {
  const { provider, price, countTokens } = prepared;
  const cache = AnswerCache.open(cacheDir);
  const client = new ModelClient({
    provider,
    cache,
    price,
    concurrency: o.concurrency,
    ...(o.budgetUsd !== undefined && { budgetUsd: o.budgetUsd }),
    ...(o.retries !== undefined && { retries: o.retries }),
    ...(o.baseDelayMs !== undefined && { baseDelayMs: o.baseDelayMs }),
    countTokens,
  });
  return {
    client,
    spec: facetSpec(),
    interviewSpec: interviewFacetSpec(),
    cache,
    price,
    maxChars: o.maxChars ?? DEFAULT_MAX_CHARS,
    countTokens,
    failures: {},
    repairs: 0,
    clusterAudit: null,
    valuesAudit: null,
    themeAudit: null,
    close: () => cache.close(),
  };
}

/** One conversation (or interview) through the model engine: redaction first, then one request for every facet. */
export function analyse(
  engine: ModelEngine,
  conversation: Conversation,
  o: AnalyseOptions = {},
): Promise<ModelConversationResult> {
  const { client, maxChars } = engine;
  return analyseConversationWithModel(
    conversation,
    (redacted, interview) =>
      extractModelFacets(redacted, client, interview ? engine.interviewSpec : engine.spec, maxChars),
    o,
  );
}

/** Names the values taxonomy's groups from their released values, audited (engine.valuesAudit). */
export function valuesNamer(engine: ModelEngine): GroupNamer {
  return modelGroupNamer(engine.client, VALUES_NAMING, (a) => {
    engine.valuesAudit = a;
  });
}

/** Names each interview theme from its answers, audited (engine.themeAudit). */
export function themeNamer(engine: ModelEngine): GroupNamer {
  return modelGroupNamer(engine.client, THEME_NAMING, (a) => {
    engine.themeAudit = a;
  });
}

export interface ModelManifest {
  engine: "model";
  model: string;
  prompt_version: string;
  /** How the answer's schema was sent: "json-prompt" (Anthropic's JSON mode, json_answer_version), "tool", or null (natively). */
  answer_mode: AnswerMode | null;
  json_answer_version: string | null;
  schema_hash: string;
  /** The interview request's schema and instructions (asked only of interview records). */
  interview_schema_hash: string;
  batch: boolean;
  concurrency: number;
  budget_usd: number | null;
  price_per_million: Price | null;
  max_conversation_chars: number;
  calls: number;
  cache_hits: number;
  retries: number;
  repairs: number;
  errors: Record<string, number>;
  facet_failures: Record<string, number>;
  input_tokens: number;
  output_tokens: number;
  cost_usd: number;
  by_purpose: ClientStats["by_purpose"];
  /** Topic names and descriptions the model auditor rated (1-5) and those under 3, kept back. */
  cluster_audit: { checked: number; failed: number } | null;
  /** Model names of values groups / interview themes audited, and those under 3 (offline name kept). */
  values_audit: NameAudit | null;
  theme_audit: NameAudit | null;
}

export function modelManifest(
  engine: ModelEngine,
  o: { model: string; batch: boolean; concurrency: number; budgetUsd?: number },
): ModelManifest {
  const s = engine.client.stats;
  return {
    engine: "model",
    model: o.model,
    prompt_version: engine.spec.version,
    answer_mode: engine.client.provider.answerMode ?? null,
    json_answer_version: engine.client.provider.answerMode === "json-prompt" ? JSON_ANSWER_VERSION : null,
    schema_hash: engine.spec.hash,
    interview_schema_hash: engine.interviewSpec.hash,
    batch: o.batch,
    concurrency: o.concurrency,
    budget_usd: o.budgetUsd ?? null,
    price_per_million: engine.price,
    max_conversation_chars: engine.maxChars,
    calls: s.calls,
    cache_hits: s.cache_hits,
    retries: s.retries,
    repairs: engine.repairs,
    errors: s.errors,
    facet_failures: engine.failures,
    input_tokens: s.input_tokens,
    output_tokens: s.output_tokens,
    cost_usd: Math.round(s.cost_usd * 1e6) / 1e6,
    by_purpose: s.by_purpose,
    cluster_audit: engine.clusterAudit,
    values_audit: engine.valuesAudit,
    theme_audit: engine.themeAudit,
  };
}

/** Counts one conversation's facet failures and repairs into the engine's totals. */
export function countFailures(
  engine: ModelEngine,
  result: ConversationResult & { failed?: string[]; repaired?: boolean; callFailed?: boolean },
): void {
  if (result.repaired) engine.repairs++;
  if (result.callFailed) engine.failures.call = (engine.failures.call ?? 0) + 1;
  for (const f of result.failed ?? []) engine.failures[f] = (engine.failures[f] ?? 0) + 1;
}
