/**
 * `convoscope study ... --engine model --dry-run`: what the model engine would send, before any call.
 * It reads and redacts every conversation exactly as the study would, builds each facet request,
 * looks it up in the study's cache (an answer already paid for costs nothing), and counts tokens with
 * the tokenizer of tokens.ts. Output tokens are an estimate (see OUTPUT_TOKENS_*). Cluster naming,
 * hierarchy and audit calls are estimated from the expected number of clusters. Nothing is written.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { expandInputs, readItems } from "../ingest/index.ts";
import { AnswerCache } from "../models/cache.ts";
import { callKey } from "../models/call.ts";
import { facetCall, facetSpec } from "../models/facets.ts";
import { costOf, loadPriceOverrides, type Price, priceOf } from "../models/prices.ts";
import { parseModelSpec } from "../models/provider.ts";
import { loadTokenCounter, tokenFactor } from "../models/tokens.ts";
import { clusterCallEstimate } from "../models/topics.ts";
import { redactConversation } from "../privacy/redact.ts";
import { parseOptions, type StudyOptions } from "./study.ts";
import { studyPaths } from "./study-folder.ts";

/** Estimated answer tokens of a facet request: the fields, and a sentiment label per human message. */
export const OUTPUT_TOKENS_BASE = 90;
export const OUTPUT_TOKENS_PER_HUMAN_MESSAGE = 5;

export interface StudyEstimate {
  model: string;
  conversations: number;
  /** Facet requests that would be sent (not in the cache, not identical to an earlier one). */
  facet_calls: number;
  cached: number;
  truncated: number;
  input_tokens: number;
  output_tokens: number;
  /** Tokens of the conversations' own message text, and of the fixed prompt of one request. */
  conversation_tokens: number;
  fixed_prompt_tokens: number;
  cluster_calls: number;
  cluster_input_tokens: number;
  cluster_output_tokens: number;
  price_per_million: Price | null;
  cost_usd: number | null;
  /** With --batch, where the provider has a batch API (Anthropic: half price for facet requests). */
  batch_cost_usd: number | null;
}

export async function estimateStudy(options: StudyOptions): Promise<StudyEstimate> {
  const opts = parseOptions({ ...options, engine: "model" });
  const model = opts.model as string;
  const { provider } = parseModelSpec(model);
  const price = priceOf(model, loadPriceOverrides(opts.pricesFile ?? process.env.CONVOSCOPE_PRICES));
  const count = await loadTokenCounter();
  const factor = tokenFactor(provider);
  const spec = facetSpec();
  const cacheDir = studyPaths(opts.out).cache;
  const cache = existsSync(join(cacheDir, "answers.jsonl")) ? AnswerCache.open(cacheDir) : null;
  const fixed = count(spec.system) + count(JSON.stringify(spec.schema));
  const e: StudyEstimate = {
    model,
    conversations: 0,
    facet_calls: 0,
    cached: 0,
    truncated: 0,
    input_tokens: 0,
    output_tokens: 0,
    conversation_tokens: 0,
    fixed_prompt_tokens: Math.round(fixed * factor),
    cluster_calls: 0,
    cluster_input_tokens: 0,
    cluster_output_tokens: 0,
    price_per_million: price,
    cost_usd: null,
    batch_cost_usd: null,
  };
  const seen = new Set<string>();
  try {
    for await (const item of readItems(await expandInputs(opts.inputs), {
      format: opts.format,
      columns: opts.columns,
    })) {
      if ("rejection" in item) continue;
      e.conversations++;
      const redacted = redactConversation(item.conversation).conversation;
      const { call, transcript } = facetCall(spec, redacted, opts.maxConversationChars);
      // Already paid for, or identical to a conversation before it (one answer serves both).
      const key = callKey(model, call);
      if (cache?.has(key) || seen.has(key)) {
        e.cached++;
        continue;
      }
      seen.add(key);
      e.facet_calls++;
      if (transcript.truncated) e.truncated++;
      e.input_tokens += Math.round((fixed + count(call.request.user)) * factor);
      e.output_tokens += OUTPUT_TOKENS_BASE + OUTPUT_TOKENS_PER_HUMAN_MESSAGE * transcript.humanMessages;
      for (const m of redacted.messages) if (m.role !== "system") e.conversation_tokens += count(m.text);
    }
  } finally {
    cache?.close();
  }
  if (opts.topics) {
    const c = clusterCallEstimate(e.conversations);
    e.cluster_calls = c.calls;
    e.cluster_input_tokens = Math.round(c.input * factor);
    e.cluster_output_tokens = c.output;
  }
  if (price) {
    const facets = costOf({ input: e.input_tokens, output: e.output_tokens }, price);
    const clusters = costOf({ input: e.cluster_input_tokens, output: e.cluster_output_tokens }, price);
    e.cost_usd = facets + clusters;
    if (provider === "anthropic") e.batch_cost_usd = facets * 0.5 + clusters;
  }
  return e;
}
