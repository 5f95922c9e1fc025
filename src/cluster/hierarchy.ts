/**
 * The cluster hierarchy (Clio, METHODS.md section 1, step 4): levels whose sizes shrink
 * geometrically from the base clusters to about ten top clusters, n_l / n_(l-1) = (n_top / n_base)^(1/(L-1)).
 * Offline, each level is k-means over the level below's centroids, weighted by their sizes. Clio's
 * model-based propose / deduplicate / assign / rename steps plug into the same `Grouper` slot.
 */
import { kmeans } from "./kmeans.ts";

/** Each level at least thirds the one below: a level that shrinks less groups too little to be worth a name. */
export const MIN_SHRINK = 3;

/**
 * Cluster counts per level, base first: geometric from `base` down to `top` over at most `levels`
 * levels, n_l / n_(l-1) = (n_top / n_base)^(1/(L-1)) (Clio). Few base clusters get fewer levels:
 * `top` is capped at base / MIN_SHRINK, and L at the most levels that each shrink by MIN_SHRINK or
 * more (base 1,000 -> 1,000 / 100 / 10; base 100 -> 100 / 32 / 10; base 30 -> 30 / 10; base 20 ->
 * 20 / 6; base under 6 -> the base alone).
 */
export function levelSizes(base: number, top = 10, levels = 3): number[] {
  const sizes = [base];
  const target = Math.min(top, Math.floor(base / MIN_SHRINK));
  if (levels < 2 || target < 2) return sizes;
  const fit = 1 + Math.floor(Math.log(base / target) / Math.log(MIN_SHRINK) + 1e-9);
  const L = Math.min(levels, fit);
  const ratio = (target / base) ** (1 / (L - 1));
  for (let l = 1; l < L; l++) {
    const size = l === L - 1 ? target : Math.round(base * ratio ** l);
    if (size < (sizes.at(-1) as number)) sizes.push(Math.max(1, size));
  }
  return sizes;
}

/**
 * The hierarchy slot (Clio step 4). `buildLevels` calls `group` once per level above the base,
 * bottom up, with that level's children: `count` unit centroids (row-major, `dimensions` wide), their
 * sizes in `weights`, and the number of parents `k` that the geometric rule asks for. It returns the
 * parent of each child as an index in 0..k-1 (any numbering: parents are renumbered by size after;
 * fewer than k distinct parents is fine, an unused index is simply no parent). Parents' centroids are
 * the size-weighted means of their children's, so a model-based grouper (Clio's propose / dedupe /
 * assign / rename, which works on names) only has to assign children; it renames parents through
 * the `Namer`, which sees each parent's children's names. Deterministic for a given `seed`.
 */
export interface Grouper {
  group(input: {
    centroids: Float32Array;
    dimensions: number;
    count: number;
    k: number;
    seed: number;
    /** Conversations per cluster. */
    weights?: Float64Array;
    /** The level being built (1 = parents of the base clusters). */
    level?: number;
    /** The children's names, when they are named already (`buildTopics` names each level first). */
    names?: string[];
    /** The children's releasable keywords, likewise. */
    keywords?: string[][];
  }): Promise<Int32Array>;
}

/** The offline grouper: size-weighted spherical k-means over the centroids. */
export const centroidGrouper: Grouper = {
  async group({ centroids, dimensions, k, seed, weights }) {
    return kmeans(centroids, dimensions, { k, seed, restarts: 3, ...(weights && { weights }) }).labels;
  },
};

/** One level above the base: each child's parent (an index into this level), and this level's clusters. */
export interface Level {
  /** parentOf[i] = the index, in this level, of child i of the level below. */
  parentOf: Int32Array;
  /** Unit centroids, row-major (size-weighted means of the children's). */
  centroids: Float32Array;
  sizes: Float64Array;
}

/**
 * Groups one level's clusters into `k` parents through the grouper, and returns the level above:
 * parent indices renumbered by size (largest first, ties by first child) so the result does not
 * depend on a grouper's numbering, with size-weighted unit centroids.
 */
export async function groupLevel(
  children: { centroids: Float32Array; sizes: Float64Array; dimensions: number },
  k: number,
  o: { seed: number; level: number; grouper?: Grouper; names?: string[]; keywords?: string[][] },
): Promise<Level> {
  const d = children.dimensions;
  const { centroids, sizes } = children;
  const raw = await (o.grouper ?? centroidGrouper).group({
    centroids,
    dimensions: d,
    count: sizes.length,
    k,
    seed: o.seed,
    weights: sizes,
    level: o.level,
    ...(o.names && { names: o.names }),
    ...(o.keywords && { keywords: o.keywords }),
  });
  if (raw.length !== sizes.length)
    throw new Error(`the grouper returned ${raw.length} parents for ${sizes.length} clusters`);
  const mass = new Map<number, number>();
  const first = new Map<number, number>();
  for (let i = 0; i < raw.length; i++) {
    const p = raw[i] as number;
    mass.set(p, (mass.get(p) ?? 0) + (sizes[i] as number));
    if (!first.has(p)) first.set(p, i);
  }
  const order = [...mass.keys()].sort(
    (a, b) =>
      (mass.get(b) as number) - (mass.get(a) as number) ||
      (first.get(a) as number) - (first.get(b) as number),
  );
  const rank = new Map(order.map((p, r) => [p, r]));
  const parentOf = Int32Array.from(raw, (p) => rank.get(p) as number);
  const next = new Float32Array(order.length * d);
  const nextSizes = new Float64Array(order.length);
  for (let i = 0; i < parentOf.length; i++) {
    const p = parentOf[i] as number;
    const w = sizes[i] as number;
    nextSizes[p] = (nextSizes[p] as number) + w;
    for (let j = 0; j < d; j++)
      next[p * d + j] = (next[p * d + j] as number) + w * (centroids[i * d + j] as number);
  }
  for (let p = 0; p < order.length; p++) {
    let norm = 0;
    for (let j = 0; j < d; j++) norm += (next[p * d + j] as number) ** 2;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let j = 0; j < d; j++) next[p * d + j] = (next[p * d + j] as number) * scale;
  }
  return { parentOf, centroids: next, sizes: nextSizes };
}

/** Builds every level above the base (sizes from `levelSizes`), children ordered as given. */
export async function buildLevels(
  base: { centroids: Float32Array; sizes: Float64Array; dimensions: number },
  o: { top?: number; levels?: number; seed: number; grouper?: Grouper },
): Promise<Level[]> {
  const counts = levelSizes(base.sizes.length, o.top ?? 10, o.levels ?? 3);
  const out: Level[] = [];
  let level = { ...base };
  for (let l = 1; l < counts.length; l++) {
    const next = await groupLevel(level, counts[l] as number, {
      seed: o.seed + l,
      level: l,
      ...(o.grouper && { grouper: o.grouper }),
    });
    out.push(next);
    level = { centroids: next.centroids, sizes: next.sizes, dimensions: base.dimensions };
  }
  return out;
}
