/**
 * Spherical k-means over unit vectors (cosine geometry) in one row-major Float32Array: k-means++
 * seeding, then Lloyd iterations, or seeded mini-batches when the data is large. Deterministic for a
 * given seed. Tight loops over typed arrays; no per-point objects.
 */
import { mulberry32 } from "../analyses/stats.ts";

export interface KMeansOptions {
  k: number;
  seed?: number;
  maxIterations?: number;
  /** Above this many points, mini-batch updates replace full Lloyd passes. */
  miniBatchAbove?: number;
  batchSize?: number;
  /** Restarts with different seeds; the run with the best objective wins. */
  restarts?: number;
}

export interface KMeansResult {
  k: number;
  dimensions: number;
  /** Row-major k x d unit centroids. */
  centroids: Float32Array;
  labels: Int32Array;
  /** Sum over points of (1 - cosine to its centroid): lower is better. */
  objective: number;
}

/** Dot product of two d-long rows, unrolled by four (the hot loop of every k-means pass). */
function dot(a: Float32Array, ai: number, b: Float32Array, bi: number, d: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (; j + 3 < d; j += 4) {
    s0 += (a[ai + j] as number) * (b[bi + j] as number);
    s1 += (a[ai + j + 1] as number) * (b[bi + j + 1] as number);
    s2 += (a[ai + j + 2] as number) * (b[bi + j + 2] as number);
    s3 += (a[ai + j + 3] as number) * (b[bi + j + 3] as number);
  }
  for (; j < d; j++) s0 += (a[ai + j] as number) * (b[bi + j] as number);
  return s0 + s1 + s2 + s3;
}

let nearestSim = 0;

/** Index of the centroid most similar to point i; its similarity is left in `nearestSim`. */
function nearest(data: Float32Array, i: number, centroids: Float32Array, k: number, d: number): number {
  let best = 0;
  let bestSim = Number.NEGATIVE_INFINITY;
  const p = i * d;
  for (let c = 0; c < k; c++) {
    const s = dot(data, p, centroids, c * d, d);
    if (s > bestSim) {
      bestSim = s;
      best = c;
    }
  }
  nearestSim = bestSim;
  return best;
}

function normalise(centroids: Float32Array, c: number, d: number): void {
  let sum = 0;
  for (let j = 0; j < d; j++) sum += (centroids[c * d + j] as number) ** 2;
  if (sum === 0) return;
  const scale = 1 / Math.sqrt(sum);
  for (let j = 0; j < d; j++) centroids[c * d + j] = (centroids[c * d + j] as number) * scale;
}

/** k-means++ on a sample: each next centre drawn with probability proportional to its distance. */
function seedCentroids(
  data: Float32Array,
  n: number,
  d: number,
  k: number,
  rand: () => number,
): Float32Array {
  const sampleSize = Math.min(n, Math.max(10 * k, 2000));
  const sample = new Int32Array(sampleSize);
  for (let s = 0; s < sampleSize; s++) sample[s] = sampleSize === n ? s : Math.floor(rand() * n);
  const centroids = new Float32Array(k * d);
  const dist = new Float64Array(sampleSize).fill(Number.POSITIVE_INFINITY);
  let chosen = sample[Math.floor(rand() * sampleSize)] as number;
  for (let c = 0; c < k; c++) {
    centroids.set(data.subarray(chosen * d, chosen * d + d), c * d);
    let total = 0;
    for (let s = 0; s < sampleSize; s++) {
      const p = (sample[s] as number) * d;
      let sim = 0;
      for (let j = 0; j < d; j++) sim += (data[p + j] as number) * (centroids[c * d + j] as number);
      // k-means++ draws by squared distance (for unit vectors, ||x - c||^2 = 2 - 2 cos).
      const dd = Math.max(0, 2 - 2 * sim);
      if (dd < (dist[s] as number)) dist[s] = dd;
      total += dist[s] as number;
    }
    if (c + 1 === k) break;
    let r = rand() * total;
    let pick = 0;
    for (; pick < sampleSize - 1; pick++) {
      r -= dist[pick] as number;
      if (r <= 0) break;
    }
    chosen = sample[pick] as number;
  }
  return centroids;
}

function run(
  data: Float32Array,
  n: number,
  d: number,
  o: Required<Omit<KMeansOptions, "restarts">>,
): KMeansResult {
  const k = Math.min(o.k, n);
  const rand = mulberry32(o.seed);
  const centroids = seedCentroids(data, n, d, k, rand);
  const labels = new Int32Array(n);
  if (n > o.miniBatchAbove) {
    // Mini-batch k-means (Sculley 2010): per-centre learning rates 1 / count.
    const counts = new Float64Array(k);
    const batch = new Int32Array(o.batchSize);
    const batchLabels = new Int32Array(o.batchSize);
    // Enough batches to see every point a few times, capped: centres settle long before that on big data.
    const steps = Math.min(300, Math.max(50, Math.ceil((3 * n) / o.batchSize)));
    for (let step = 0; step < steps; step++) {
      for (let b = 0; b < o.batchSize; b++) {
        const i = Math.floor(rand() * n);
        batch[b] = i;
        batchLabels[b] = nearest(data, i, centroids, k, d);
      }
      for (let b = 0; b < o.batchSize; b++) {
        const c = batchLabels[b] as number;
        counts[c] = (counts[c] as number) + 1;
        const eta = 1 / (counts[c] as number);
        const p = (batch[b] as number) * d;
        for (let j = 0; j < d; j++)
          centroids[c * d + j] = (1 - eta) * (centroids[c * d + j] as number) + eta * (data[p + j] as number);
      }
      for (let c = 0; c < k; c++) normalise(centroids, c, d);
    }
  } else {
    const sums = new Float64Array(k * d);
    for (let iter = 0; iter < o.maxIterations; iter++) {
      let changed = 0;
      for (let i = 0; i < n; i++) {
        const c = nearest(data, i, centroids, k, d);
        if (iter === 0 || labels[i] !== c) changed++;
        labels[i] = c;
      }
      sums.fill(0);
      const sizes = new Int32Array(k);
      for (let i = 0; i < n; i++) {
        const c = labels[i] as number;
        sizes[c] = (sizes[c] as number) + 1;
        for (let j = 0; j < d; j++)
          sums[c * d + j] = (sums[c * d + j] as number) + (data[i * d + j] as number);
      }
      for (let c = 0; c < k; c++) {
        // An emptied centre keeps its place rather than collapsing onto another.
        if (sizes[c] === 0) continue;
        for (let j = 0; j < d; j++) centroids[c * d + j] = sums[c * d + j] as number;
        normalise(centroids, c, d);
      }
      if (changed === 0) break;
    }
  }
  let objective = 0;
  for (let i = 0; i < n; i++) {
    labels[i] = nearest(data, i, centroids, k, d);
    objective += 1 - nearestSim;
  }
  return { k, dimensions: d, centroids, labels, objective };
}

export function kmeans(data: Float32Array, dimensions: number, options: KMeansOptions): KMeansResult {
  const n = Math.floor(data.length / dimensions);
  if (n === 0 || options.k < 1) throw new Error("k-means needs at least one point and k >= 1");
  const base = {
    k: options.k,
    seed: options.seed ?? 42,
    maxIterations: options.maxIterations ?? 50,
    miniBatchAbove: options.miniBatchAbove ?? 50_000,
    batchSize: options.batchSize ?? 2048,
  };
  let best: KMeansResult | null = null;
  for (let r = 0; r < (options.restarts ?? 1); r++) {
    const result = run(data, n, dimensions, { ...base, seed: base.seed + r * 7919 });
    if (!best || result.objective < best.objective) best = result;
  }
  return best as KMeansResult;
}

/** Clio's rule of thumb: about 100 conversations per base cluster. */
export function defaultK(n: number, perCluster = 100): number {
  return Math.max(2, Math.min(n, Math.round(n / perCluster)));
}
