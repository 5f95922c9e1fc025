/**
 * `convoscope study ... --engine model --dry-run`: what the model engine would send, before any call.
 * It reads and redacts every conversation exactly as the study would, builds each facet request (an
 * interview's own request for interview inputs), looks it up in the study's cache (an answer already
 * paid for costs nothing), and counts tokens of each request as it would be sent with the tokenizer of
 * tokens.ts (Anthropic's JSON mode: the schema in the system prompt; its tool mode: plus the
 * tool-use prompt Anthropic adds to every request). Output tokens are an estimate (see OUTPUT_TOKENS_*).
 * Calls that depend on what the facets find are estimated from the corpus's size: cluster naming,
 * hierarchy and audit from the expected number of clusters, the naming of the values taxonomy's
 * groups from the values a corpus of this size usually has, and the naming of interview themes from
 * the answers per question. Nothing is written.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { detectOrBlank, expandInputs, readItems } from "../ingest/index.ts";
import { readPlan } from "../interview/plan.ts";
import { themeCount } from "../interview/themes.ts";
import { AnswerCache } from "../models/cache.ts";
import { callKey } from "../models/call.ts";
import { type CallEstimate, themeNamingEstimate, valuesNamingEstimate } from "../models/cluster-namer.ts";
import {
  type FacetSpec,
  facetCall,
  facetSchemaName,
  facetSpec,
  interviewFacetSpec,
} from "../models/facets.ts";
import { costOf, loadPriceOverrides, type Price, priceOf } from "../models/prices.ts";
import { type AnswerMode, answerModeOf, parseModelSpec } from "../models/provider.ts";
import {
  fixedInputTokens,
  loadTokenCounter,
  requestInputTokens,
  requestOverheadTokens,
  tokenFactor,
} from "../models/tokens.ts";
import { clusterCallEstimate } from "../models/topics.ts";
import { redactConversation } from "../privacy/redact.ts";
import { INTERVIEW_FORMAT } from "./per-conversation.ts";
import { parseOptions, type StudyOptions } from "./study.ts";
import { studyPaths } from "./study-folder.ts";

/** Estimated answer tokens of a facet request: the fields, and a sentiment label per human message. */
export const OUTPUT_TOKENS_BASE = 90;
export const OUTPUT_TOKENS_PER_HUMAN_MESSAGE = 5;
/** An interview answer's own fields (emotions, labels, moments) on top. */
export const OUTPUT_TOKENS_INTERVIEW = 80;

export interface StudyEstimate {
  model: string;
  conversations: number;
  /** Requests that would be sent (not in the cache, not identical to an earlier one), interviews included. */
  facet_calls: number;
  /** Of those, interviews' requests (one per interview, instead of the conversation request). */
  interview_calls: number;
  cached: number;
  truncated: number;
  input_tokens: number;
  output_tokens: number;
  /** Tokens of the conversations' own message text, and of the fixed prompt of one request. */
  conversation_tokens: number;
  fixed_prompt_tokens: number;
  interview_fixed_prompt_tokens: number;
  /** How the answer's schema is sent (Anthropic: "json-prompt" or "tool"; null: natively). */
  answer_mode: AnswerMode | null;
  /** Input tokens the provider adds to every request (Anthropic's tool-use prompt in tool mode), in input_tokens. */
  request_overhead_tokens: number;
  cluster_calls: number;
  cluster_input_tokens: number;
  cluster_output_tokens: number;
  /** Naming (and auditing) the values taxonomy's groups and the interview themes: estimates. */
  values_naming: CallEstimate;
  theme_naming: CallEstimate;
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
  const mode = answerModeOf(provider, opts.anthropicAnswer);
  const overhead = requestOverheadTokens(mode);
  const specs = { conversation: facetSpec(), interview: interviewFacetSpec() };
  // The part of a request every conversation shares, as sent (Anthropic's JSON mode: the schema in the system prompt).
  const fixedOf = (spec: FacetSpec) =>
    fixedInputTokens(count, mode, { ...spec, schemaName: facetSchemaName(spec) });
  const fixed = { conversation: fixedOf(specs.conversation), interview: fixedOf(specs.interview) };
  const cacheDir = studyPaths(opts.out).cache;
  const cache = existsSync(join(cacheDir, "answers.jsonl")) ? AnswerCache.open(cacheDir) : null;
  const e: StudyEstimate = {
    model,
    conversations: 0,
    facet_calls: 0,
    interview_calls: 0,
    cached: 0,
    truncated: 0,
    input_tokens: 0,
    output_tokens: 0,
    conversation_tokens: 0,
    fixed_prompt_tokens: Math.round(fixed.conversation * factor),
    interview_fixed_prompt_tokens: Math.round(fixed.interview * factor),
    answer_mode: mode ?? null,
    request_overhead_tokens: overhead,
    cluster_calls: 0,
    cluster_input_tokens: 0,
    cluster_output_tokens: 0,
    values_naming: { calls: 0, input: 0, output: 0 },
    theme_naming: { calls: 0, input: 0, output: 0 },
    price_per_million: price,
    cost_usd: null,
    batch_cost_usd: null,
  };
  const seen = new Set<string>();
  // Interviews: answers per interview and their tokens, for the themes' naming.
  const answersPerInterview: number[] = [];
  let answerTokens = 0;
  try {
    for (const path of await expandInputs(opts.inputs)) {
      const format = opts.format ?? (await detectOrBlank(path));
      if (format === null) continue;
      const interview = opts.interviews || format === INTERVIEW_FORMAT;
      const kind = interview ? "interview" : "conversation";
      for await (const item of readItems(path, { format, columns: opts.columns })) {
        if ("rejection" in item) continue;
        e.conversations++;
        const redacted = redactConversation(item.conversation).conversation;
        const human = redacted.messages.filter((m) => m.role === "user");
        if (interview) {
          answersPerInterview.push(human.length);
          for (const m of human) answerTokens += count(m.text);
        }
        const { call, transcript } = facetCall(specs[kind], redacted, opts.maxConversationChars);
        // Already paid for, or identical to a conversation before it (one answer serves both).
        const key = callKey(model, call, mode);
        if (cache?.has(key) || seen.has(key)) {
          e.cached++;
          continue;
        }
        seen.add(key);
        e.facet_calls++;
        if (interview) e.interview_calls++;
        if (transcript.truncated) e.truncated++;
        e.input_tokens += requestInputTokens(count, provider, mode, call.request, fixed[kind]);
        e.output_tokens +=
          OUTPUT_TOKENS_BASE +
          OUTPUT_TOKENS_PER_HUMAN_MESSAGE * transcript.humanMessages +
          (interview ? OUTPUT_TOKENS_INTERVIEW : 0);
        for (const m of redacted.messages) if (m.role !== "system") e.conversation_tokens += count(m.text);
      }
    }
  } finally {
    cache?.close();
  }
  const scaled = (c: CallEstimate): CallEstimate => ({
    calls: c.calls,
    input: Math.round(c.input * factor) + c.calls * overhead,
    output: c.output,
  });
  if (opts.topics) {
    const c = scaled(clusterCallEstimate(e.conversations));
    e.cluster_calls = c.calls;
    e.cluster_input_tokens = c.input;
    e.cluster_output_tokens = c.output;
  }
  if (!opts.valuesReference) e.values_naming = scaled(valuesNamingEstimate(e.conversations));
  if (answersPerInterview.length > 0) {
    const answers = answersPerInterview.reduce((a, b) => a + b, 0);
    // The plan's questions, else about as many as a typical interview has answers.
    const sorted = [...answersPerInterview].sort((a, b) => a - b);
    const questions = opts.plan
      ? readPlan(opts.plan).questions.length
      : Math.max(1, sorted[Math.floor(sorted.length / 2)] as number);
    const themes = questions * themeCount(Math.round(answers / questions), {});
    e.theme_naming = scaled(themeNamingEstimate(themes, answerTokens / Math.max(1, answers)));
  }
  if (price) {
    const facets = costOf({ input: e.input_tokens, output: e.output_tokens }, price);
    const others = costOf(
      {
        input: e.cluster_input_tokens + e.values_naming.input + e.theme_naming.input,
        output: e.cluster_output_tokens + e.values_naming.output + e.theme_naming.output,
      },
      price,
    );
    e.cost_usd = facets + others;
    if (provider === "anthropic") e.batch_cost_usd = facets * 0.5 + others;
  }
  return e;
}
