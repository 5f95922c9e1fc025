/**
 * Embedders by name: "offline" (the default, no network: stemmed words, LSA), "offline-chars" (adds
 * character 3- to 5-grams: as good on the topic evaluations, about four times slower to embed; for
 * short texts), or "openai-compatible:MODEL".
 */
import { ConvoscopeError, EXIT } from "../errors.ts";
import type { Embedder } from "./embedder.ts";
import { HashedTfidfEmbedder } from "./hashed-tfidf.ts";
import { OpenAiCompatibleEmbedder } from "./openai-compatible.ts";

export function makeEmbedder(spec: string, seed: number): Embedder {
  if (spec === "offline") return new HashedTfidfEmbedder({ seed });
  if (spec === "offline-chars") return new HashedTfidfEmbedder({ seed, charNgrams: [3, 5] });
  const [provider, ...rest] = spec.split(":");
  const model = rest.join(":");
  if ((provider === "openai-compatible" || provider === "openai") && model)
    return new OpenAiCompatibleEmbedder({ model });
  throw new ConvoscopeError(
    `unknown embeddings "${spec}": use "offline", "offline-chars" or "openai-compatible:MODEL" (with OPENAI_BASE_URL / OPENAI_API_KEY)`,
    EXIT.usage,
  );
}

export type { Embedder } from "./embedder.ts";
