/** Embedders by name: "offline" (the default, no network) or "openai-compatible:MODEL". */
import { ConvoscopeError, EXIT } from "../errors.ts";
import type { Embedder } from "./embedder.ts";
import { HashedTfidfEmbedder } from "./hashed-tfidf.ts";
import { OpenAiCompatibleEmbedder } from "./openai-compatible.ts";

export function makeEmbedder(spec: string, seed: number): Embedder {
  if (spec === "offline") return new HashedTfidfEmbedder({ seed });
  const [provider, ...rest] = spec.split(":");
  const model = rest.join(":");
  if ((provider === "openai-compatible" || provider === "openai") && model)
    return new OpenAiCompatibleEmbedder({ model });
  throw new ConvoscopeError(
    `unknown embeddings "${spec}": use "offline" or "openai-compatible:MODEL" (with OPENAI_BASE_URL / OPENAI_API_KEY)`,
    EXIT.usage,
  );
}

export type { Embedder } from "./embedder.ts";
