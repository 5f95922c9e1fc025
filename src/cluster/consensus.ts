/**
 * Consensus k-means (evidence accumulation, Fred & Jain 2005, without the n x n matrix): several
 * seeded k-means runs, then one more k-means over the runs' votes. Each point becomes the one-hot
 * vector of its cluster in every run (R ones); the cosine of two such vectors is the share of runs
 * that put them together, so spherical k-means over them groups points that the runs agree on. The
 * vectors are sparse, so a point is compared with a centre by R look-ups, not a dot product over
 * the embedding: the vote step costs far less than one of the runs.
 *
 * On the topic evaluations this is what made clusters stable between seeds (ARI between two seeds
 * about 0.4 -> 0.6) and a little closer to the human topics; see eval/suites/clusters.ts.
 */
import { mulberry32 } from "../analyses/stats.ts";
import { kmeans } from "./kmeans.ts";

export interface ConsensusOptions {
  k: number;
  seed: number;
  /** k-means runs that vote (default 10). */
  runs?: number;
  /** Restarts of the vote step, best objective wins (cheap; default 3). */
  restarts?: number;
  weights?: Float32Array | Float64Array;
}

export interface ConsensusResult {
  labels: Int32Array;
  /** Unit centroids in the embedding space (normalised means of each cluster's points), k x d. */
  centroids: Float32Array;
  k: number;
}

/** Votes: labels[r][i] in [0, k). Returns the consensus labels (k clusters at most). */
export function vote(labels: readonly Int32Array[], k: number, seed: number, restarts = 3): Int32Array {
  const R = labels.length;
  const n = labels[0]?.length ?? 0;
  const width = R * k;
  // Column of point i in run r: r * k + labels[r][i].
  const cols = new Int32Array(n * R);
  for (let r = 0; r < R; r++) {
    const l = labels[r] as Int32Array;
    for (let i = 0; i < n; i++) cols[i * R + r] = r * k + (l[i] as number);
  }
  let best: { labels: Int32Array; objective: number } | null = null;
  for (let attempt = 0; attempt < restarts; attempt++) {
    const rand = mulberry32(seed + attempt * 104_729);
    const centres = new Float64Array(k * width);
    const sim = (i: number, c: number) => {
      let s = 0;
      for (let r = 0; r < R; r++) s += centres[c * width + (cols[i * R + r] as number)] as number;
      return s;
    };
    const setPoint = (c: number, i: number) => {
      for (let r = 0; r < R; r++) centres[c * width + (cols[i * R + r] as number)] = 1 / Math.sqrt(R);
    };
    // k-means++ seeding on the squared distance 2 - 2 cos (points are unit: R ones / sqrt(R)).
    const scale = 1 / Math.sqrt(R);
    const dist = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    setPoint(0, Math.floor(rand() * n));
    for (let c = 1; c < k; c++) {
      let total = 0;
      for (let i = 0; i < n; i++) {
        const d = Math.max(0, 2 - 2 * sim(i, c - 1) * scale);
        if (d < (dist[i] as number)) dist[i] = d;
        total += dist[i] as number;
      }
      let target = rand() * total;
      let pick = 0;
      for (; pick < n - 1; pick++) {
        target -= dist[pick] as number;
        if (target <= 0) break;
      }
      setPoint(c, pick);
    }
    const out = new Int32Array(n).fill(-1);
    const score = new Float64Array(n);
    for (let iter = 0; iter < 50; iter++) {
      let changed = 0;
      for (let i = 0; i < n; i++) {
        let label = 0;
        let top = Number.NEGATIVE_INFINITY;
        for (let c = 0; c < k; c++) {
          const s = sim(i, c);
          if (s > top) {
            top = s;
            label = c;
          }
        }
        if (out[i] !== label) changed++;
        out[i] = label;
        score[i] = top * scale;
      }
      if (changed === 0) break;
      // Centres: the normalised vote counts of their members (an emptied centre keeps its place).
      const counts = new Float64Array(k * width);
      const sizes = new Int32Array(k);
      for (let i = 0; i < n; i++) {
        const c = out[i] as number;
        sizes[c] = (sizes[c] as number) + 1;
        for (let r = 0; r < R; r++) {
          const at = c * width + (cols[i * R + r] as number);
          counts[at] = (counts[at] as number) + 1;
        }
      }
      for (let c = 0; c < k; c++) {
        if (sizes[c] === 0) continue;
        let norm = 0;
        for (let j = 0; j < width; j++) norm += (counts[c * width + j] as number) ** 2;
        const inv = 1 / Math.sqrt(norm);
        for (let j = 0; j < width; j++) centres[c * width + j] = (counts[c * width + j] as number) * inv;
      }
    }
    let objective = 0;
    for (let i = 0; i < n; i++) objective += 1 - (score[i] as number);
    if (!best || objective < best.objective) best = { labels: out, objective };
  }
  return (best as { labels: Int32Array }).labels;
}

/** Floating-point work one clustering may spend on consensus runs (about a minute on one core here). */
const RUN_BUDGET = 2e10;

/**
 * How many k-means runs vote for n points of d dimensions into k clusters: 10 while their Lloyd
 * passes (~30 each) fit the budget, fewer as the data grows, 1 (plain k-means) at scale.
 */
export function consensusRuns(n: number, k: number, d: number): number {
  return Math.max(1, Math.min(10, Math.floor(RUN_BUDGET / (30 * n * k * d))));
}

/**
 * The base clusters of the topic stage and of the evaluation: consensus k-means with as many runs
 * as the size allows (`consensusRuns`), else one seeded k-means (mini-batch at scale).
 */
export function baseClusters(
  data: Float32Array,
  d: number,
  o: { k: number; seed: number; runs?: number },
): ConsensusResult {
  const n = Math.floor(data.length / d);
  const runs = o.runs ?? consensusRuns(n, o.k, d);
  if (runs > 1) return consensusKmeans(data, d, { k: o.k, seed: o.seed, runs });
  const r = kmeans(data, d, { k: o.k, seed: o.seed });
  return { labels: r.labels, centroids: r.centroids, k: r.k };
}

/** Consensus clusters of unit vectors: `runs` seeded k-means, then the vote. */
export function consensusKmeans(data: Float32Array, d: number, o: ConsensusOptions): ConsensusResult {
  const n = Math.floor(data.length / d);
  const k = Math.min(o.k, n);
  const runs: Int32Array[] = [];
  for (let r = 0; r < (o.runs ?? 10); r++)
    runs.push(
      kmeans(data, d, { k, seed: o.seed + r * 7919, ...(o.weights && { weights: o.weights }) }).labels,
    );
  const labels = runs.length === 1 ? (runs[0] as Int32Array) : vote(runs, k, o.seed, o.restarts ?? 3);
  const centroids = new Float32Array(k * d);
  for (let i = 0; i < n; i++) {
    const c = labels[i] as number;
    const w = o.weights ? (o.weights[i] as number) : 1;
    for (let j = 0; j < d; j++)
      centroids[c * d + j] = (centroids[c * d + j] as number) + w * (data[i * d + j] as number);
  }
  for (let c = 0; c < k; c++) {
    let norm = 0;
    for (let j = 0; j < d; j++) norm += (centroids[c * d + j] as number) ** 2;
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let j = 0; j < d; j++) centroids[c * d + j] = (centroids[c * d + j] as number) * inv;
  }
  return { labels, centroids, k };
}
