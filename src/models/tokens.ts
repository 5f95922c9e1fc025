/**
 * Token counts for estimates (`--dry-run`, the budget check, the bench): a real BPE tokenizer,
 * OpenAI's o200k_base through the pure-JS `gpt-tokenizer` package. Claude's tokenizer is not public;
 * on English chat o200k counts are close to but usually a little below Claude's, so estimates for
 * Anthropic models are multiplied by ANTHROPIC_TOKEN_FACTOR. Billing always uses the usage the
 * provider reports, never these estimates. Loaded lazily (about half a second) by the model engine only.
 */
import { JSON_PREFILL, jsonAnswerSystem } from "./prompts/json-answer.ts";
import type { AnswerMode, ModelRequest } from "./provider.ts";

export type TokenCounter = (text: string) => number;

/** How many Claude tokens one o200k token is, roughly, on English chat (an estimate, documented as such). */
export const ANTHROPIC_TOKEN_FACTOR = 1.15;

let loaded: Promise<TokenCounter> | null = null;

export function loadTokenCounter(): Promise<TokenCounter> {
  loaded ??= import("gpt-tokenizer").then((m) => (text: string) => m.countTokens(text));
  return loaded;
}

/**
 * Anthropic adds a tool-use system prompt of its own to every request with tools, billed as input:
 * 340 tokens for Claude 3 Haiku with a forced tool (`tool_choice` "tool", as sent in tool mode), per
 * Anthropic's tool-use pricing page. Used as the estimate for every Anthropic model. The default JSON
 * mode sends no tool and pays none of it.
 */
export const ANTHROPIC_TOOL_PROMPT_TOKENS = 340;

/** Input tokens a provider bills per request beyond what is sent (estimates and the budget only). */
export function requestOverheadTokens(mode: AnswerMode | undefined): number {
  return mode === "tool" ? ANTHROPIC_TOOL_PROMPT_TOKENS : 0;
}

/**
 * The o200k tokens of a request's part that is the same for every conversation, as sent: in
 * Anthropic's JSON mode the system prompt with the schema in it and the prefill; otherwise the
 * system prompt and the schema.
 */
export function fixedInputTokens(
  count: TokenCounter,
  mode: AnswerMode | undefined,
  r: Pick<ModelRequest, "system" | "schema" | "schemaName">,
): number {
  return mode === "json-prompt"
    ? count(jsonAnswerSystem(r)) + count(JSON_PREFILL)
    : count(r.system) + count(JSON.stringify(r.schema));
}

/**
 * Estimated input tokens of one request as the provider bills it: the fixed part and the user turn
 * (scaled to the provider's tokenizer), plus what the provider adds (Anthropic's tool-use prompt).
 */
export function requestInputTokens(
  count: TokenCounter,
  provider: string,
  mode: AnswerMode | undefined,
  r: Pick<ModelRequest, "system" | "user" | "schema" | "schemaName">,
  fixed = fixedInputTokens(count, mode, r),
): number {
  return Math.ceil((fixed + count(r.user)) * tokenFactor(provider)) + requestOverheadTokens(mode);
}

/** The factor that turns o200k counts into an estimate for a provider's own tokenizer. */
export function tokenFactor(provider: string): number {
  return provider === "anthropic" ? ANTHROPIC_TOKEN_FACTOR : 1;
}
