/**
 * Embedders by name: "offline" (the default, no network: stemmed words, LSA), "offline-chars" (adds
 * character 3- to 5-grams: as good on the topic evaluations, about four times slower to embed; for
 * short texts), "openai-compatible:MODEL", or "transformers:DIR" (a local model directory through the
 * optional @huggingface/transformers package).
 */
import { ConvoscopeError, EXIT } from "../errors.ts";
import type { Embedder } from "./embedder.ts";
import { HashedTfidfEmbedder } from "./hashed-tfidf.ts";
import { OpenAiCompatibleEmbedder } from "./openai-compatible.ts";
import { TransformersEmbedder } from "./transformers.ts";

export function makeEmbedder(spec: string, seed: number): Embedder {
  if (spec === "offline") return new HashedTfidfEmbedder({ seed });
  if (spec === "offline-chars") return new HashedTfidfEmbedder({ seed, charNgrams: [3, 5] });
  const [provider, ...rest] = spec.split(":");
  const model = rest.join(":");
  if ((provider === "openai-compatible" || provider === "openai") && model)
    return new OpenAiCompatibleEmbedder({ model });
  if (provider === "transformers" && model) return new TransformersEmbedder(model);
  throw new ConvoscopeError(
    `unknown embeddings "${spec}": use "offline", "offline-chars", "openai-compatible:MODEL" (with OPENAI_BASE_URL / OPENAI_API_KEY) or "transformers:MODEL_DIR"`,
    EXIT.usage,
  );
}

export type { Embedder } from "./embedder.ts";
