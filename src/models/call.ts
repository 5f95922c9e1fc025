/**
 * `ModelClient`: the one wrapper every model call goes through. It answers from the cache when it
 * can; otherwise it waits for a concurrency slot, checks the budget, sends the request, retries
 * 429 / 5xx / timeouts / unreachable servers with exponential backoff and jitter (honouring
 * retry-after), logs every try, stores the answer the moment it arrives, and adds up tokens and cost.
 * A refused key (401/403) stops every later call with one clear message.
 */
import { ConvoscopeError, EXIT } from "../errors.ts";
import { hashValue } from "../pipeline/hash.ts";
import type { AnswerCache, CachedAnswer } from "./cache.ts";
import { costOf, type Price } from "./prices.ts";
import { JSON_ANSWER_VERSION } from "./prompts/json-answer.ts";
import {
  type AnswerMode,
  type ModelAnswer,
  type ModelRequest,
  type Provider,
  ProviderError,
} from "./provider.ts";
import { requestInputTokens, type TokenCounter } from "./tokens.ts";

export interface Call {
  /** What the call is for ("facets", "naming", "hierarchy", "audit"): logged and counted. */
  purpose: string;
  promptVersion: string;
  request: ModelRequest;
}

export type CallMeta = Pick<Call, "purpose" | "promptVersion">;

export interface CallResult {
  key: string;
  answer: ModelAnswer;
  cached: boolean;
}

export interface ClientOptions {
  provider: Provider;
  cache: AnswerCache;
  price: Price | null;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Stop before a call that could take the total spent over this many dollars. */
  budgetUsd?: number;
  /** Retries after the first try (429, 5xx, timeouts, connection errors). */
  retries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  countTokens: TokenCounter;
  /** Called after each call or cache hit (for the progress bar). */
  onUpdate?: () => void;
  /** For tests: how to wait. */
  sleep?: (ms: number) => Promise<void>;
}

export interface ClientStats {
  /** Requests answered by the provider (one per answer, retries not counted). */
  calls: number;
  cache_hits: number;
  retries: number;
  /** Requests that failed for good, by failure kind. */
  errors: Record<string, number>;
  input_tokens: number;
  output_tokens: number;
  cost_usd: number;
  by_purpose: Record<string, { calls: number; cache_hits: number }>;
}

/** The budget would be exceeded: the run stops cleanly, keeping what was done. */
export class BudgetExceeded extends ConvoscopeError {
  constructor(
    readonly budgetUsd: number,
    readonly spentUsd: number,
  ) {
    super(
      `budget reached: $${spentUsd.toFixed(4)} spent of $${budgetUsd.toFixed(2)}, and the next call could exceed it`,
      EXIT.budget,
    );
    this.name = "BudgetExceeded";
  }
}

/** The provider refused the key or the server stayed unreachable: nothing more can be done now. */
export class ProviderStopped extends ConvoscopeError {
  constructor(
    message: string,
    readonly failure: ProviderError,
  ) {
    super(message, EXIT.provider);
    this.name = "ProviderStopped";
  }
}

/**
 * The content hash a call is cached under: model, prompt version, schema and the request as sent.
 * A request sent in Anthropic's JSON mode (the schema written into the system prompt, the reply
 * prefilled) is another request than the same one sent with a forced tool: its key also holds the
 * JSON-mode template's version. Keys of the other modes are unchanged by it.
 */
export function callKey(model: string, call: Call, answerMode?: AnswerMode): string {
  const { schema, ...rest } = call.request;
  return hashValue({
    model,
    prompt_version: call.promptVersion,
    ...(answerMode === "json-prompt" && { answer_prompt_version: JSON_ANSWER_VERSION }),
    schema: hashValue(schema),
    request: hashValue(rest),
  });
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class ModelClient {
  readonly stats: ClientStats = {
    calls: 0,
    cache_hits: 0,
    retries: 0,
    errors: {},
    input_tokens: 0,
    output_tokens: 0,
    cost_usd: 0,
    by_purpose: {},
  };
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  /** Worst-case cost of the calls in flight, held against the budget. */
  private reserved = 0;
  private stopped: ConvoscopeError | null = null;
  private readonly inFlight = new Map<string, Promise<CallResult>>();
  private readonly concurrency: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(readonly o: ClientOptions) {
    this.concurrency = Math.max(1, o.concurrency ?? 8);
    this.sleep = o.sleep ?? defaultSleep;
  }

  get provider(): Provider {
    return this.o.provider;
  }

  keyOf(call: Call): string {
    return callKey(this.o.provider.id, call, this.o.provider.answerMode);
  }

  /**
   * Estimated worst-case dollars of one request: its input tokens as sent (with what the provider
   * adds, such as Anthropic's tool-use prompt) and every output token it may use.
   */
  worstCaseCost(request: ModelRequest): number {
    const { provider, answerMode } = this.o.provider;
    const input = requestInputTokens(this.o.countTokens, provider, answerMode, request);
    return costOf({ input, output: request.maxTokens }, this.o.price);
  }

  private purpose(p: string) {
    let s = this.stats.by_purpose[p];
    if (!s) {
      s = { calls: 0, cache_hits: 0 };
      this.stats.by_purpose[p] = s;
    }
    return s;
  }

  /** Adds an answer that arrived outside `call` (a batch result) to the cache and the totals. */
  record(key: string, call: CallMeta, answer: ModelAnswer, priceFactor = 1): void {
    if (this.o.cache.has(key)) return;
    this.o.cache.put(this.entry(key, call, answer));
    this.account(call.purpose, answer, priceFactor);
  }

  private account(purpose: string, answer: ModelAnswer, priceFactor = 1): void {
    this.stats.calls++;
    this.purpose(purpose).calls++;
    this.stats.input_tokens += answer.usage.input;
    this.stats.output_tokens += answer.usage.output;
    this.stats.cost_usd += costOf(answer.usage, this.o.price, priceFactor);
  }

  private entry(key: string, call: CallMeta, answer: ModelAnswer): CachedAnswer {
    return {
      key,
      model: this.o.provider.id,
      purpose: call.purpose,
      prompt_version: call.promptVersion,
      json: answer.json ?? null,
      text: answer.text,
      truncated: answer.truncated,
      usage: answer.usage,
      at: new Date().toISOString(),
    };
  }

  /** The cached answer for a call, if any (no network). */
  cached(call: Call): CallResult | null {
    const key = this.keyOf(call);
    const hit = this.o.cache.get(key);
    if (!hit) return null;
    if (hit.error) {
      throw new ProviderError(`[models] cached failure for this request: ${hit.error}`, "request");
    }
    return {
      key,
      cached: true,
      answer: {
        json: hit.json === null ? undefined : hit.json,
        text: hit.text,
        truncated: hit.truncated,
        usage: hit.usage,
      },
    };
  }

  async call(call: Call): Promise<CallResult> {
    const hit = this.cached(call);
    if (hit) return this.countHit(call, hit);
    if (this.stopped) throw this.stopped;
    const key = this.keyOf(call);
    // The same request already on its way (two identical conversations side by side): wait for it.
    const flying = this.inFlight.get(key);
    if (flying) return this.countHit(call, { ...(await flying), cached: true });
    const sent = this.callProvider(key, call);
    this.inFlight.set(key, sent);
    try {
      return await sent;
    } finally {
      this.inFlight.delete(key);
    }
  }

  private countHit(call: Call, hit: CallResult): CallResult {
    this.stats.cache_hits++;
    this.purpose(call.purpose).cache_hits++;
    this.o.onUpdate?.();
    return hit;
  }

  private async callProvider(key: string, call: Call): Promise<CallResult> {
    await this.acquire();
    let reservation = 0;
    try {
      if (this.stopped) throw this.stopped;
      if (this.o.budgetUsd !== undefined) {
        reservation = this.worstCaseCost(call.request);
        if (this.stats.cost_usd + this.reserved + reservation > this.o.budgetUsd) {
          this.stopped = new BudgetExceeded(this.o.budgetUsd, this.stats.cost_usd + this.reserved);
          throw this.stopped;
        }
        this.reserved += reservation;
      }
      const answer = await this.send(key, call);
      this.o.cache.put(this.entry(key, call, answer));
      this.account(call.purpose, answer);
      this.o.onUpdate?.();
      return { key, answer, cached: false };
    } finally {
      this.reserved -= reservation;
      this.release();
    }
  }

  private async send(key: string, call: Call): Promise<ModelAnswer> {
    const retries = this.o.retries ?? 6;
    const base = this.o.baseDelayMs ?? 1000;
    const max = this.o.maxDelayMs ?? 60_000;
    for (let attempt = 1; ; attempt++) {
      const t0 = performance.now();
      const log = (status: "ok" | "retry" | "failed", answer: ModelAnswer | null, error?: string) =>
        this.o.cache.log({
          at: new Date().toISOString(),
          model: this.o.provider.id,
          purpose: call.purpose,
          prompt_version: call.promptVersion,
          key,
          status,
          attempt,
          usage: answer?.usage ?? null,
          duration_ms: Math.round(performance.now() - t0),
          ...(error && { error }),
        });
      try {
        const answer = await this.o.provider.complete(call.request);
        log("ok", answer);
        return answer;
      } catch (raw) {
        const error =
          raw instanceof ProviderError
            ? raw
            : new ProviderError((raw as Error).message ?? String(raw), "connection");
        const last = !error.retryable || attempt > retries;
        log(last ? "failed" : "retry", null, error.message);
        if (!last) {
          this.stats.retries++;
          // Exponential backoff with jitter; a retry-after from the server wins.
          const backoff = Math.min(max, base * 2 ** (attempt - 1));
          await this.sleep(error.retryAfterMs ?? backoff * (0.5 + Math.random() * 0.5));
          continue;
        }
        this.stats.errors[error.kind] = (this.stats.errors[error.kind] ?? 0) + 1;
        if (error.kind === "request") {
          // This request cannot succeed as sent: remembered, so a rerun does not pay to learn it again.
          this.o.cache.put({ ...this.entry(key, call, emptyAnswer()), error: error.message });
          throw error;
        }
        this.stopped = new ProviderStopped(stopMessage(error, this.o.provider, attempt), error);
        throw this.stopped;
      }
    }
  }

  private acquire(): Promise<void> {
    if (this.active < this.concurrency) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}

function emptyAnswer(): ModelAnswer {
  return { json: undefined, text: "", truncated: false, usage: { input: 0, output: 0 } };
}

function stopMessage(error: ProviderError, provider: Provider, attempts: number): string {
  if (error.kind === "auth") {
    const key = provider.provider === "anthropic" ? "ANTHROPIC_API_KEY" : "OPENAI_API_KEY";
    return `${error.message}: the provider refused the credentials; check ${key} (and that the key may use ${provider.model}). Nothing more was sent; rerun with --resume once it is fixed`;
  }
  return `${error.message}: gave up after ${attempts} tries; what was done is kept, rerun with --resume to continue`;
}
