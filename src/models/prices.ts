/**
 * The price table: US dollars per million input and output tokens, by model-name prefix (the longest
 * matching prefix wins, so dated ids like claude-3-haiku-20240307 find their family). Local models
 * (openai-compatible, gguf) cost nothing unless a price is given. Override or extend with
 * `--prices FILE.json` (or CONVOSCOPE_PRICES): {"claude-haiku-4-5": {"input": 1, "output": 5}, ...};
 * keys may also be full specs ("openai-compatible:llama3.1").
 * Batch requests are billed at the provider's batch discount (Anthropic: half).
 */
import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";
import { ConvoscopeError, EXIT } from "../errors.ts";
import type { Usage } from "./provider.ts";
import { parseModelSpec } from "./provider.ts";

export interface Price {
  /** USD per million input tokens. */
  input: number;
  /** USD per million output tokens. */
  output: number;
}

/** List prices when this table was written; check your provider's page and override as needed. */
export const DEFAULT_PRICES: Record<string, Price> = {
  "claude-3-haiku": { input: 0.25, output: 1.25 },
  "claude-3-5-haiku": { input: 0.8, output: 4 },
  "claude-haiku-4-5": { input: 1, output: 5 },
  "claude-3-5-sonnet": { input: 3, output: 15 },
  "claude-3-7-sonnet": { input: 3, output: 15 },
  "claude-sonnet-4": { input: 3, output: 15 },
  "claude-opus-4": { input: 15, output: 75 },
  "claude-opus-4-5": { input: 5, output: 25 },
  "gpt-4o-mini": { input: 0.15, output: 0.6 },
  "gpt-4o": { input: 2.5, output: 10 },
  "gpt-4.1": { input: 2, output: 8 },
  "gpt-4.1-mini": { input: 0.4, output: 1.6 },
  "gpt-4.1-nano": { input: 0.1, output: 0.4 },
  "gpt-5": { input: 1.25, output: 10 },
  "gpt-5-mini": { input: 0.25, output: 2 },
  "gpt-5-nano": { input: 0.05, output: 0.4 },
};

const PriceFileSchema = z.record(
  z.string(),
  z.strictObject({ input: z.number().nonnegative(), output: z.number().nonnegative() }),
);

export function loadPriceOverrides(path = process.env.CONVOSCOPE_PRICES): Record<string, Price> {
  if (!path) return {};
  if (!existsSync(path)) throw new ConvoscopeError(`[models] price file ${path} does not exist`, EXIT.input);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new ConvoscopeError(`[models] ${path} is not JSON: ${(error as Error).message}`, EXIT.input);
  }
  const parsed = PriceFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConvoscopeError(
      `[models] ${path}: expected {"MODEL": {"input": USD per million, "output": USD per million}}: ${parsed.error.issues[0]?.message}`,
      EXIT.input,
    );
  }
  return parsed.data;
}

/** The price of a model spec, or null when unknown. */
export function priceOf(spec: string, overrides: Record<string, Price> = {}): Price | null {
  const exact = overrides[spec];
  if (exact) return exact;
  const { provider, model } = parseModelSpec(spec);
  const table = { ...DEFAULT_PRICES, ...overrides };
  let best: string | null = null;
  for (const prefix of Object.keys(table)) {
    if (model.startsWith(prefix) && (best === null || prefix.length > best.length)) best = prefix;
  }
  if (best) return table[best] as Price;
  // A model on your own machine costs no tokens.
  if (provider === "openai-compatible" || provider === "gguf") return { input: 0, output: 0 };
  return null;
}

export function costOf(usage: Usage, price: Price | null, factor = 1): number {
  if (!price) return 0;
  return ((usage.input * price.input + usage.output * price.output) / 1_000_000) * factor;
}
