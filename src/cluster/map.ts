/**
 * 2-D coordinates for clusters, computed over their centroids: UMAP as in Clio (n_neighbors 15,
 * min_dist 0, cosine; umap-js, seeded so reruns place every cluster identically), or the first two
 * principal components. "auto" uses UMAP once there are enough clusters for its neighbourhoods to
 * mean something, PCA below that.
 */
import { UMAP } from "umap-js";
import { mulberry32 } from "../analyses/stats.ts";

export type MapMethod = "umap" | "pca" | "auto";
export const MAP_METHODS: readonly MapMethod[] = ["auto", "umap", "pca"];

/** Clio's UMAP settings. */
const NEIGHBOURS = 15;
/** Below this many clusters "auto" uses PCA: UMAP needs a neighbourhood of ~15 and some clusters beyond it. */
export const UMAP_MIN_POINTS = 2 * NEIGHBOURS;

/** Row-major n x 2 coordinates of `n` d-dimensional points, and the method actually used. */
export function mapPoints(
  points: Float32Array,
  n: number,
  d: number,
  o: { method?: MapMethod; seed?: number } = {},
): { xy: Float32Array; method: "umap" | "pca" } {
  const method = o.method ?? "auto";
  // UMAP needs at least a few points beyond its neighbourhood; with fewer, PCA even when asked.
  const useUmap = method === "umap" ? n > 3 : method === "auto" && n >= UMAP_MIN_POINTS;
  if (!useUmap) return { xy: pca2(points, n, d, o.seed), method: "pca" };
  return { xy: umap2(points, n, d, o.seed), method: "umap" };
}

/** Cosine distance (centroids are unit vectors, but a zero row must not divide by zero). */
function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let j = 0; j < a.length; j++) {
    dot += (a[j] as number) * (b[j] as number);
    na += (a[j] as number) ** 2;
    nb += (b[j] as number) ** 2;
  }
  return na === 0 || nb === 0 ? 1 : 1 - dot / Math.sqrt(na * nb);
}

/** UMAP (McInnes et al. 2018) to two dimensions, cosine distance, seeded. */
export function umap2(points: Float32Array, n: number, d: number, seed = 42): Float32Array {
  const rows = Array.from({ length: n }, (_, i) => Array.from(points.subarray(i * d, i * d + d)));
  const umap = new UMAP({
    nComponents: 2,
    nNeighbors: Math.min(NEIGHBOURS, n - 1),
    minDist: 0,
    distanceFn: cosine,
    random: mulberry32(seed),
  });
  const xy = umap.fit(rows);
  const out = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    out[i * 2] = (xy[i] as number[])[0] as number;
    out[i * 2 + 1] = (xy[i] as number[])[1] as number;
  }
  return out;
}

export function pca2(points: Float32Array, n: number, d: number, seed = 42): Float32Array {
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) mean[j] = (mean[j] as number) + (points[i * d + j] as number) / n;
  const X = new Float64Array(n * d);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) X[i * d + j] = (points[i * d + j] as number) - (mean[j] as number);
  const rand = mulberry32(seed);
  const components: Float64Array[] = [];
  for (let c = 0; c < 2; c++) {
    let v = Float64Array.from({ length: d }, () => rand() - 0.5);
    for (let it = 0; it < 100; it++) {
      // w = X^T X v, minus what earlier components explain.
      const xv = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += (X[i * d + j] as number) * (v[j] as number);
        xv[i] = s;
      }
      const w = new Float64Array(d);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < d; j++) w[j] = (w[j] as number) + (X[i * d + j] as number) * (xv[i] as number);
      for (const u of components) {
        let dot = 0;
        for (let j = 0; j < d; j++) dot += (w[j] as number) * (u[j] as number);
        for (let j = 0; j < d; j++) w[j] = (w[j] as number) - dot * (u[j] as number);
      }
      let norm = 0;
      for (let j = 0; j < d; j++) norm += (w[j] as number) ** 2;
      norm = Math.sqrt(norm);
      if (norm < 1e-12) break;
      v = w.map((x) => x / norm);
    }
    components.push(v);
  }
  const out = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < 2; c++) {
      let s = 0;
      for (let j = 0; j < d; j++)
        s += (X[i * d + j] as number) * ((components[c] as Float64Array)[j] as number);
      out[i * 2 + c] = s;
    }
  }
  return out;
}
