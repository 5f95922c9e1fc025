/**
 * Topic clusters (Clio, METHODS.md section 1): embed each conversation's redacted human text, group
 * into base clusters by k-means (about 100 conversations each), build levels above them that shrink
 * geometrically to about ten top-level topics (three levels when there are enough clusters), name
 * every cluster from words many users share, place clusters on a 2-D map (UMAP or PCA over their
 * centroids), and apply the privacy thresholds: a cluster under them is folded into its nearest
 * released ancestor, or into "other", and siblings are released only as a partition whose
 * remainder passes the thresholds too (privacy.ts), so no subtraction reveals a merged cluster.
 *
 * Cluster ids are content-derived and deterministic: "L<level>-<rank by size>", e.g. "L0-0001" is
 * the largest base cluster, "L2-0001" the largest cluster of the third level.
 *
 * Two entry points: `buildTopics` streams items from a source it reads three times (the study), and
 * `clusterTexts` takes items in memory (short texts: value phrases, interview answers). Both take
 * the same `TopicsOptions`, with two slots for model-backed steps: `namer` (cluster names and
 * descriptions) and `grouper` (each level's parents). Their contracts are in naming.ts and hierarchy.ts.
 */

import type { Embedder } from "../embed/embedder.ts";
import { Cell, type Thresholds } from "../release/gate.ts";
import { baseClusters } from "./consensus.ts";
import { type Grouper, groupLevel, levelSizes } from "./hierarchy.ts";
import { defaultK } from "./kmeans.ts";
import { type MapMethod, mapPoints } from "./map.ts";
import { keywordNamer, keywords, mergeCounts, type Namer, TermCounter } from "./naming.ts";
import { applyThresholds, counted, type Merge, OTHER_TOPIC, type Rollup } from "./privacy.ts";

export { centroidGrouper, type Grouper, levelSizes } from "./hierarchy.ts";
export { MAP_METHODS, type MapMethod } from "./map.ts";
export { type ExampleGroup, type GroupNamer, keywordNamer, type Namer } from "./naming.ts";
export { applyThresholds, gatePartition, type Merge, OTHER_TOPIC, type Rollup } from "./privacy.ts";

export interface TopicItem {
  /** The user key the privacy thresholds count (user id, or the conversation when there is none). */
  user: string;
  /** Redacted human text. */
  text: string;
}

export interface TopicNode {
  id: string;
  parent: string | null;
  /** 0 = base clusters; the highest level holds the top-level topics. */
  level: number;
  name: string;
  description: string;
  keywords: string[];
  /** Conversations. */
  size: number;
  /** Distinct users, capped at the minUsers threshold. */
  users: number;
  x: number;
  y: number;
  /** False for clusters under the thresholds: kept internally, never released on their own. */
  released: boolean;
}

export interface TopicsOptions {
  embedder: Embedder;
  thresholds: Thresholds;
  seed: number;
  /** Base clusters; default: see `baseClusterCount`. */
  k?: number;
  /** Conversations per base cluster (Clio sizes ~100). */
  perCluster?: number;
  /** Number of top-level topics to aim for (at most a third of the base clusters; see `levelSizes`). */
  top?: number;
  /** Levels including the base, at most (Clio: 3, the default); fewer when there are few clusters. */
  levels?: number;
  /** The 2-D map of clusters: "auto" (UMAP from 30 base clusters, else PCA; the default), "umap" or "pca". */
  map?: MapMethod;
  /**
   * k-means runs that vote on the base clusters (consensus.ts); default: 10 while they take about a
   * minute, fewer on larger data, 1 (plain seeded k-means, mini-batch at scale) on large studies.
   */
  consensusRuns?: number;
  fitSample?: number;
  /** Names clusters from their releasable keywords (offline by default; a model-backed namer plugs in here). */
  namer?: Namer;
  /** Groups each level's clusters into parents (offline: k-means over centroids; Clio's model-based hierarchy plugs in here). */
  grouper?: Grouper;
}

export interface TopicsResult {
  /** The base cluster of each item, in the order the source yields them. */
  labels: string[];
  /** Every cluster, base level first, each level by size. */
  nodes: TopicNode[];
  /** Number of base clusters. */
  k: number;
  /** Clusters under the thresholds and where they count instead. */
  merged: Merge[];
  /** Top-level clusters not released, pooled: released only when the pool passes the thresholds. */
  other: Rollup["other"];
  /** The map method actually used. */
  map: "umap" | "pca";
}

/**
 * The default number of base clusters: one per `perCluster` (100) conversations, as Clio; small
 * corpora (under ~3,000 items) get more, up to three times `top`, while clusters still average
 * twice the conversation threshold, so that there is a hierarchy to show at all.
 */
export function baseClusterCount(
  n: number,
  o: { perCluster?: number; top?: number; minConversations?: number } = {},
): number {
  const clio = defaultK(n, o.perCluster ?? 100);
  if (o.perCluster !== undefined) return clio;
  const small = Math.min(Math.round(n / (2 * (o.minConversations ?? 15))), 3 * (o.top ?? 10));
  return Math.max(1, Math.min(n, Math.max(clio, small)));
}

const idOf = (level: number, rank: number) => `L${level}-${String(rank + 1).padStart(4, "0")}`;

/**
 * Runs the whole topic stage over `source`, which is read three times (fit, embed, name) and must
 * yield the same items in the same order each time.
 */
export async function buildTopics(
  source: () => AsyncIterable<TopicItem>,
  n: number,
  o: TopicsOptions,
): Promise<TopicsResult> {
  // A remote embedder learns its dimensions from its first answer.
  let d = o.embedder.dimensions;
  // Pass 1: fit the embedder on an evenly spaced sample.
  const step = Math.max(1, Math.ceil(n / (o.fitSample ?? 20_000)));
  const sample: string[] = [];
  let i = 0;
  for await (const item of source()) if (i++ % step === 0) sample.push(item.text);
  o.embedder.fit?.(sample);
  // Pass 2: embed everything in batches into one array.
  let vectors = new Float32Array(0);
  let count = 0;
  let batch: string[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const embedded = await o.embedder.embed(batch);
    if (vectors.length === 0) {
      d = o.embedder.dimensions;
      vectors = new Float32Array(n * d);
    }
    vectors.set(embedded, (count - batch.length) * d);
    batch = [];
  };
  for await (const item of source()) {
    if (count === n) throw new Error("the topic source yielded more items than announced");
    count++;
    batch.push(item.text);
    if (batch.length === 1000) await flush();
  }
  await flush();
  const k = Math.max(
    1,
    Math.min(
      count,
      o.k ??
        baseClusterCount(count, {
          ...(o.perCluster !== undefined && { perCluster: o.perCluster }),
          top: o.top ?? 10,
          minConversations: o.thresholds.minConversations,
        }),
    ),
  );
  const base = baseClusters(vectors.subarray(0, count * d), d, {
    k,
    seed: o.seed,
    ...(o.consensusRuns !== undefined && { runs: o.consensusRuns }),
  });

  // Base clusters ordered by size: ids are stable for a given input and seed.
  const rawSizes = new Int32Array(base.k);
  for (const l of base.labels) rawSizes[l] = (rawSizes[l] as number) + 1;
  const order = [...rawSizes.keys()]
    .filter((c) => (rawSizes[c] as number) > 0)
    .sort((a, b) => (rawSizes[b] as number) - (rawSizes[a] as number) || a - b);
  const rankOf = new Int32Array(base.k);
  for (const [r, c] of order.entries()) rankOf[c] = r;
  const centroids = new Float32Array(order.length * d);
  const sizes = new Float64Array(order.length);
  for (const [r, c] of order.entries()) {
    centroids.set(base.centroids.subarray(c * d, c * d + d), r * d);
    sizes[r] = rawSizes[c] as number;
  }

  // Pass 3: words and users per base cluster (parents merge their children's).
  const ids0 = Array.from({ length: order.length }, (_, r) => idOf(0, r));
  const counter = new TermCounter(o.thresholds.minUsers);
  const cells = new Map<string, Cell>(ids0.map((id) => [id, new Cell(o.thresholds.minUsers)]));
  const labels = Array.from(base.labels, (c) => ids0[rankOf[c] as number] as string);
  let p = 0;
  for await (const item of source()) {
    const cluster = labels[p++];
    if (!cluster) break;
    counter.add(cluster, item.user, item.text);
    cells.get(cluster)?.add(item.user);
  }

  // Level by level: keywords by c-TF-IDF among the level's clusters, names, then the level above,
  // whose grouper sees this level's names. Sizes shrink geometrically to ~top clusters.
  const namer = o.namer ?? keywordNamer;
  const nodes: TopicNode[] = [];
  const counts = levelSizes(order.length, o.top ?? 10, o.levels ?? 3);
  let level: { centroids: Float32Array; sizes: Float64Array; dimensions: number } = {
    centroids,
    sizes,
    dimensions: d,
  };
  let ids = ids0;
  let classes = counter.perCluster;
  let below: TopicNode[] = [];
  for (let l = 0; l < counts.length; l++) {
    const words = keywords(classes, counter);
    const named: TopicNode[] = [];
    for (const [r, id] of ids.entries()) {
      const kw = words.get(id) ?? [];
      const children = below.filter((nd) => nd.parent === id);
      const size = level.sizes[r] as number;
      named.push({
        id,
        parent: null,
        level: l,
        ...(await namer.name({
          keywords: kw,
          level: l,
          ...(l > 0 && { children: children.map((c) => c.name) }),
          id,
          size,
        })),
        keywords: kw,
        size,
        users: cells.get(id)?.usersAtLeast ?? 0,
        x: 0,
        y: 0,
        released: false,
      });
    }
    nodes.push(...named);
    if (l + 1 === counts.length) break;
    const up = await groupLevel(level, counts[l + 1] as number, {
      seed: o.seed + l + 1,
      level: l + 1,
      ...(o.grouper && { grouper: o.grouper }),
      names: named.map((nd) => nd.name),
      keywords: named.map((nd) => nd.keywords),
    });
    const upIds = Array.from({ length: up.sizes.length }, (_, r) => idOf(l + 1, r));
    const pooled = new Map<string, Map<string, number>>(upIds.map((id) => [id, new Map()]));
    for (const [r, nd] of named.entries()) {
      const parent = upIds[up.parentOf[r] as number] as string;
      nd.parent = parent;
      let cell = cells.get(parent);
      if (!cell) {
        cell = new Cell(o.thresholds.minUsers);
        cells.set(parent, cell);
      }
      cell.merge(cells.get(nd.id) as Cell);
      pooled.set(parent, mergeCounts([pooled.get(parent), classes.get(nd.id)]));
    }
    classes = pooled;
    below = named;
    ids = upIds;
    level = { centroids: up.centroids, sizes: up.sizes, dimensions: d };
  }

  const rollup = applyThresholds(
    nodes.map((nd) => counted(nd.id, nd.parent, cells.get(nd.id) ?? new Cell(o.thresholds.minUsers))),
    o.thresholds,
  );
  for (const nd of nodes) nd.released = rollup.released.has(nd.id);

  // The map: base clusters from their centroids; parents at their children's size-weighted mean.
  const map = mapPoints(centroids, order.length, d, { method: o.map ?? "auto", seed: o.seed });
  // Base clusters come first in `nodes`, in rank order.
  for (let r = 0; r < order.length; r++) {
    const nd = nodes[r] as TopicNode;
    nd.x = map.xy[r * 2] as number;
    nd.y = map.xy[r * 2 + 1] as number;
  }
  for (let l = 1; l < counts.length; l++) {
    for (const nd of nodes.filter((x) => x.level === l)) {
      const children = nodes.filter((c) => c.level === l - 1 && c.parent === nd.id);
      nd.x = children.reduce((a, c) => a + c.x * c.size, 0) / Math.max(1, nd.size);
      nd.y = children.reduce((a, c) => a + c.y * c.size, 0) / Math.max(1, nd.size);
    }
  }
  return {
    labels,
    nodes,
    k: order.length,
    merged: rollup.merged,
    other: rollup.other,
    map: map.method,
  };
}

/** The released cluster a base cluster counts under: itself, else its nearest released ancestor, else "other". */
export function releasedTopic(base: string, nodes: Map<string, TopicNode>): string {
  for (let node = nodes.get(base); node; node = node.parent ? nodes.get(node.parent) : undefined)
    if (node.released) return node.id;
  return OTHER_TOPIC;
}

export interface ClusterItem {
  id: string;
  /** The account behind the text (the privacy thresholds count distinct users); the item id when absent. */
  userId?: string | null;
  /** Redacted text to cluster (e.g. a request facet or the human turns). */
  text: string;
}

export interface ClusterTextsResult {
  /** Base cluster of each item (internal: may be under the thresholds). */
  assignments: Map<string, string>;
  /** The released cluster each item counts under (its base cluster, a released ancestor, or "other"). */
  released: Map<string, string>;
  clusters: TopicNode[];
  merged: Merge[];
}

/** Clusters in-memory items: the library entry point (the study streams through `buildTopics`). */
export async function clusterTexts(
  items: readonly ClusterItem[],
  options: TopicsOptions,
): Promise<ClusterTextsResult> {
  const result = await buildTopics(
    async function* () {
      for (const it of items) yield { user: it.userId ?? `item:${it.id}`, text: it.text };
    },
    items.length,
    { ...options, levels: options.levels ?? 3 },
  );
  const byId = new Map(result.nodes.map((nd) => [nd.id, nd]));
  const assignments = new Map<string, string>();
  const released = new Map<string, string>();
  for (const [i, it] of items.entries()) {
    const base = result.labels[i] as string;
    assignments.set(it.id, base);
    released.set(it.id, releasedTopic(base, byId));
  }
  return { assignments, released, clusters: result.nodes, merged: result.merged };
}
