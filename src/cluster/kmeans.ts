/**
 * Spherical k-means over unit vectors (cosine geometry) in one row-major Float32Array: k-means++
 * seeding, then Lloyd iterations, or seeded mini-batches when the data is large. Optional point
 * weights (a parent level clusters its children's centroids weighted by their sizes). Deterministic
 * for a given seed. Tight loops over typed arrays; no per-point objects.
 */
import { mulberry32 } from "../analyses/stats.ts";
import { assign } from "./assign.ts";

export interface KMeansOptions {
  k: number;
  seed?: number;
  maxIterations?: number;
  /** Above this many points, mini-batch updates replace full Lloyd passes (ignored with weights). */
  miniBatchAbove?: number;
  batchSize?: number;
  /** Restarts with different seeds; the run with the best objective wins. */
  restarts?: number;
  /** A weight per point (e.g. a cluster's size); 1 each when absent. */
  weights?: Float32Array | Float64Array;
}

export interface KMeansResult {
  k: number;
  dimensions: number;
  /** Row-major k x d unit centroids. */
  centroids: Float32Array;
  labels: Int32Array;
  /** Weighted sum over points of (1 - cosine to its centroid): lower is better. */
  objective: number;
}

function normalise(centroids: Float32Array, c: number, d: number): void {
  let sum = 0;
  for (let j = 0; j < d; j++) sum += (centroids[c * d + j] as number) ** 2;
  if (sum === 0) return;
  const scale = 1 / Math.sqrt(sum);
  for (let j = 0; j < d; j++) centroids[c * d + j] = (centroids[c * d + j] as number) * scale;
}

/** k-means++ on a sample: each next centre drawn with probability proportional to weight x distance. */
function seedCentroids(
  data: Float32Array,
  n: number,
  d: number,
  k: number,
  rand: () => number,
  weights: Float32Array | Float64Array | undefined,
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
      const i = sample[s] as number;
      const p = i * d;
      let sim = 0;
      for (let j = 0; j < d; j++) sim += (data[p + j] as number) * (centroids[c * d + j] as number);
      // k-means++ draws by squared distance (for unit vectors, ||x - c||^2 = 2 - 2 cos).
      const dd = Math.max(0, 2 - 2 * sim) * (weights ? (weights[i] as number) : 1);
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

type RunOptions = Required<Omit<KMeansOptions, "restarts" | "weights">> & {
  weights: Float32Array | Float64Array | undefined;
};

/** Mini-batch k-means (Sculley 2010): per-centre learning rates 1 / count, batches gathered contiguously. */
function miniBatch(
  data: Float32Array,
  n: number,
  d: number,
  k: number,
  centroids: Float32Array,
  o: RunOptions,
  rand: () => number,
): void {
  const counts = new Float64Array(k);
  const batch = new Int32Array(o.batchSize);
  const rows = new Float32Array(o.batchSize * d);
  const batchLabels = new Int32Array(o.batchSize);
  const batchSims = new Float32Array(o.batchSize);
  // Enough batches to see every point a few times, capped: centres settle long before that on big data.
  const steps = Math.min(300, Math.max(50, Math.ceil((3 * n) / o.batchSize)));
  for (let step = 0; step < steps; step++) {
    for (let b = 0; b < o.batchSize; b++) {
      const i = Math.floor(rand() * n);
      batch[b] = i;
      rows.set(data.subarray(i * d, i * d + d), b * d);
    }
    assign(rows, d, 0, o.batchSize, centroids, k, batchLabels, batchSims);
    for (let b = 0; b < o.batchSize; b++) {
      const c = batchLabels[b] as number;
      counts[c] = (counts[c] as number) + 1;
      const eta = 1 / (counts[c] as number);
      const p = b * d;
      const q = c * d;
      for (let j = 0; j < d; j++)
        centroids[q + j] = (1 - eta) * (centroids[q + j] as number) + eta * (rows[p + j] as number);
    }
    for (let c = 0; c < k; c++) normalise(centroids, c, d);
  }
}

/** Lloyd iterations until no label changes (or maxIterations). */
function lloyd(
  data: Float32Array,
  n: number,
  d: number,
  k: number,
  centroids: Float32Array,
  labels: Int32Array,
  sims: Float64Array,
  o: RunOptions,
): void {
  const sums = new Float64Array(k * d);
  const mass = new Float64Array(k);
  const previous = new Int32Array(n).fill(-1);
  for (let iter = 0; iter < o.maxIterations; iter++) {
    assign(data, d, 0, n, centroids, k, labels, sims);
    let changed = 0;
    for (let i = 0; i < n; i++) if (labels[i] !== previous[i]) changed++;
    if (changed === 0) break;
    previous.set(labels);
    sums.fill(0);
    mass.fill(0);
    for (let i = 0; i < n; i++) {
      const c = labels[i] as number;
      const w = o.weights ? (o.weights[i] as number) : 1;
      mass[c] = (mass[c] as number) + w;
      for (let j = 0; j < d; j++)
        sums[c * d + j] = (sums[c * d + j] as number) + w * (data[i * d + j] as number);
    }
    for (let c = 0; c < k; c++) {
      // An emptied centre keeps its place rather than collapsing onto another.
      if (mass[c] === 0) continue;
      for (let j = 0; j < d; j++) centroids[c * d + j] = sums[c * d + j] as number;
      normalise(centroids, c, d);
    }
  }
}

function run(data: Float32Array, n: number, d: number, o: RunOptions): KMeansResult {
  const k = Math.min(o.k, n);
  const rand = mulberry32(o.seed);
  const centroids = seedCentroids(data, n, d, k, rand, o.weights);
  const labels = new Int32Array(n);
  const sims = new Float64Array(n);
  if (n > o.miniBatchAbove && !o.weights) miniBatch(data, n, d, k, centroids, o, rand);
  else lloyd(data, n, d, k, centroids, labels, sims, o);
  // The final assignment: one full pass against the final centroids.
  assign(data, d, 0, n, centroids, k, labels, sims);
  let objective = 0;
  for (let i = 0; i < n; i++)
    objective += (1 - (sims[i] as number)) * (o.weights ? (o.weights[i] as number) : 1);
  return { k, dimensions: d, centroids, labels, objective };
}

export function kmeans(data: Float32Array, dimensions: number, options: KMeansOptions): KMeansResult {
  const n = Math.floor(data.length / dimensions);
  if (n === 0 || options.k < 1) throw new Error("k-means needs at least one point and k >= 1");
  const base: RunOptions = {
    k: options.k,
    seed: options.seed ?? 42,
    maxIterations: options.maxIterations ?? 50,
    miniBatchAbove: options.miniBatchAbove ?? 50_000,
    batchSize: options.batchSize ?? 2048,
    weights: options.weights,
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
