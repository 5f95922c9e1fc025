/**
 * The one interface every embedder implements. Vectors come back as one row-major Float32Array
 * (n rows of `dimensions` floats), L2-normalised, so cosine similarity is a dot product and large
 * batches never become millions of small arrays.
 */
export interface Embedder {
  readonly name: string;
  readonly dimensions: number;
  /** Learns corpus statistics (vocabulary weights) where the embedder has any; a no-op otherwise. */
  fit?(texts: readonly string[]): void;
  embed(texts: readonly string[]): Promise<Float32Array>;
}

/** Scales each row of `vectors` to unit length in place (zero rows stay zero). */
export function normaliseRows(vectors: Float32Array, dimensions: number): Float32Array {
  for (let row = 0; row < vectors.length; row += dimensions) {
    let sum = 0;
    for (let j = 0; j < dimensions; j++) sum += (vectors[row + j] as number) ** 2;
    if (sum === 0) continue;
    const scale = 1 / Math.sqrt(sum);
    for (let j = 0; j < dimensions; j++) vectors[row + j] = (vectors[row + j] as number) * scale;
  }
  return vectors;
}
