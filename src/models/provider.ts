/**
 * The one interface every language-model provider implements (llm's "a provider implements one
 * method"): `complete` sends one request whose answer must fill a JSON schema, and returns the answer
 * with its token usage. Providers do no retries, caching or logging of their own: every call goes
 * through `ModelClient` (call.ts), which does all of that once for every provider.
 *
 * A model is named `PROVIDER:MODEL`: `anthropic:claude-haiku-4-5`, `openai:gpt-4o-mini`,
 * `openai-compatible:llama3.1` (Ollama, vLLM, llama.cpp server, LM Studio), `gguf:/path/model.gguf`.
 */
import { ConvoscopeError, EXIT } from "../errors.ts";

/** A JSON schema as sent to a provider (an object schema at the top). */
export type JsonSchema = Record<string, unknown>;

export interface ModelRequest {
  system: string;
  /** The one user turn: instructions about the data, and the (redacted) data. */
  user: string;
  /** The answer's JSON schema (sent as a tool input schema or a json_schema response format). */
  schema: JsonSchema;
  /** A short name for the schema: letters, digits, _ and - (the tool / response format name). */
  schemaName: string;
  maxTokens: number;
}

export interface Usage {
  input: number;
  output: number;
}

export interface ModelAnswer {
  /** The answer parsed as JSON, or undefined when it was not valid JSON. */
  json: unknown;
  /** The answer as the provider sent it (JSON text; for tool calls, the tool input re-serialised). */
  text: string;
  /** The provider stopped at the token limit: the answer is probably cut short. */
  truncated: boolean;
  usage: Usage;
}

/** One request of a provider-side batch (Anthropic's Message Batches): its id and what to send. */
export interface BatchItem {
  id: string;
  request: ModelRequest;
}

export interface BatchStatus {
  id: string;
  done: boolean;
  counts: Record<string, number>;
}

/** A provider that can run requests as an asynchronous batch at a lower price. */
export interface BatchApi {
  /** Price factor of batch requests (Anthropic: 0.5). */
  readonly discount: number;
  /** Most requests in one batch. */
  readonly maxRequests: number;
  submit(items: BatchItem[]): Promise<string>;
  status(batchId: string): Promise<BatchStatus>;
  /** Every finished request: its answer, or the reason it has none. */
  results(batchId: string): AsyncIterable<{ id: string; answer?: ModelAnswer; error?: string }>;
}

export interface Provider {
  /** The model as the user named it, e.g. "anthropic:claude-haiku-4-5": part of every cache key. */
  readonly id: string;
  readonly provider: string;
  readonly model: string;
  complete(request: ModelRequest): Promise<ModelAnswer>;
  /** Present when the provider has a batch API (`--batch`). */
  readonly batch?: BatchApi;
  /**
   * How the answer's schema travels, where the provider adds text of its own to the request
   * ("json-prompt": Anthropic's JSON mode, see prompts/json-answer.ts): part of the cache key.
   * Undefined where the schema is sent natively (response_format, a grammar, a forced tool).
   */
  readonly answerMode?: AnswerMode;
}

/**
 * How an Anthropic model is asked for a JSON answer: "json" (default) puts the schema in the system
 * prompt and prefills the reply with "{"; "tool" forces a tool whose input schema is the answer's
 * (Anthropic then bills its own tool-use prompt, 340 input tokens, on every request).
 */
export const ANTHROPIC_ANSWERS = ["json", "tool"] as const;
export type AnthropicAnswer = (typeof ANTHROPIC_ANSWERS)[number];

export type AnswerMode = "json-prompt" | "tool";

/** The answer mode a provider uses with these options (undefined: the schema sent natively). */
export function answerModeOf(
  provider: string,
  anthropicAnswer: AnthropicAnswer = "json",
): AnswerMode | undefined {
  if (provider !== "anthropic") return undefined;
  return anthropicAnswer === "tool" ? "tool" : "json-prompt";
}

export interface ProviderOptions {
  /** Milliseconds before one request counts as timed out (and is retried). */
  timeoutMs?: number;
  /** Base URL and key; default from the provider's usual environment variables. */
  baseUrl?: string;
  apiKey?: string;
  /** Anthropic only: JSON in the system prompt with a prefilled "{" (default), or a forced tool. */
  anthropicAnswer?: AnthropicAnswer;
}

export const PROVIDERS = ["anthropic", "openai", "openai-compatible", "gguf"] as const;
export type ProviderName = (typeof PROVIDERS)[number];

/** "anthropic:claude-haiku-4-5" -> { provider: "anthropic", model: "claude-haiku-4-5" }. */
export function parseModelSpec(spec: string): { provider: ProviderName; model: string } {
  const at = spec.indexOf(":");
  const provider = spec.slice(0, Math.max(0, at)) as ProviderName;
  const model = spec.slice(at + 1);
  if (at < 1 || !PROVIDERS.includes(provider) || model.length === 0) {
    throw new ConvoscopeError(
      `[models] "${spec}" is not a model: write PROVIDER:MODEL with PROVIDER one of ${PROVIDERS.join(", ")} ` +
        "(e.g. anthropic:claude-haiku-4-5, openai:gpt-4o-mini, openai-compatible:llama3.1, gguf:/models/qwen.gguf)",
      EXIT.usage,
    );
  }
  return { provider, model };
}

/** Makes the provider a spec names. Optional SDKs are imported only when used. */
export async function makeProvider(spec: string, options: ProviderOptions = {}): Promise<Provider> {
  const { provider, model } = parseModelSpec(spec);
  switch (provider) {
    case "anthropic":
      return new (await import("./anthropic.ts")).AnthropicProvider(model, options);
    case "openai":
    case "openai-compatible":
      return new (await import("./openai.ts")).OpenAiProvider(provider, model, options);
    case "gguf":
      return (await import("./gguf.ts")).openGguf(model, options);
  }
}

/** Why a request failed, in the terms the retry loop decides on. */
export type FailureKind =
  /** 401/403: no retry; the run stops with a clear message. */
  | "auth"
  /** 429: retried after retry-after, else with backoff. */
  | "rate_limit"
  /** 5xx, 408, 409: retried with backoff. */
  | "server"
  | "timeout"
  /** The server could not be reached: retried, then the run stops. */
  | "connection"
  /** Any other 4xx: this request cannot succeed as sent (too long, refused): counted, the run goes on. */
  | "request";

export class ProviderError extends Error {
  constructor(
    message: string,
    readonly kind: FailureKind,
    readonly status?: number,
    /** What the server asked us to wait before the next try (retry-after / retry-after-ms). */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "ProviderError";
  }

  get retryable(): boolean {
    return this.kind !== "auth" && this.kind !== "request";
  }
}

interface SdkErrorLike {
  status?: unknown;
  headers?: { get?(name: string): string | null } | Record<string, string>;
  name?: string;
  message?: string;
}

function header(headers: SdkErrorLike["headers"], name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as { get?: unknown }).get === "function")
    return (headers as { get(n: string): string | null }).get(name);
  return (headers as Record<string, string>)[name] ?? null;
}

/** retry-after-ms, or retry-after as seconds or an HTTP date. */
export function retryAfterOf(headers: SdkErrorLike["headers"], now = Date.now()): number | undefined {
  const ms = Number(header(headers, "retry-after-ms"));
  if (Number.isFinite(ms) && ms > 0) return ms;
  const raw = header(headers, "retry-after");
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/**
 * Maps an error from either SDK (they share the same shape: `status`, `headers`, and named
 * connection/timeout errors) to a ProviderError the retry loop understands.
 */
export function classifySdkError(error: unknown, where: string): ProviderError {
  if (error instanceof ProviderError) return error;
  const e = (error ?? {}) as SdkErrorLike;
  const message = (e.message ?? String(error)).replace(/\s+/g, " ").slice(0, 300);
  const status = typeof e.status === "number" ? e.status : undefined;
  if (e.name?.includes("Timeout") || /timed? ?out/i.test(message))
    return new ProviderError(`${where}: request timed out`, "timeout");
  if (status === undefined)
    return new ProviderError(`${where}: cannot reach the server (${message})`, "connection");
  const detail = `${where} answered ${status}: ${message}`;
  if (status === 401 || status === 403) return new ProviderError(detail, "auth", status);
  if (status === 429) return new ProviderError(detail, "rate_limit", status, retryAfterOf(e.headers));
  if (status >= 500 || status === 408 || status === 409)
    return new ProviderError(detail, "server", status, retryAfterOf(e.headers));
  return new ProviderError(detail, "request", status);
}

/** Parses model output as JSON, tolerating a fenced code block around it (some local servers add one). */
export function parseJsonAnswer(text: string): unknown {
  const trimmed = text
    .trim()
    .replace(/^```(?:json)?\s*/i, "")
    .replace(/\s*```$/, "");
  try {
    return JSON.parse(trimmed);
  } catch {
    return undefined;
  }
}
