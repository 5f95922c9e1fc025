/**
 * Topic clusters (Clio, METHODS.md section 1): embed each conversation's redacted human text, group
 * into base clusters by k-means (about 100 conversations each), group those into ~10 top-level topics,
 * name every cluster from words many users share, place clusters on a 2-D map, and apply the privacy
 * thresholds: a base cluster under them is folded into its parent, a parent under them into "other".
 */

import type { Embedder } from "../embed/embedder.ts";
import { Cell, type Thresholds } from "../release/gate.ts";
import { defaultK, kmeans } from "./kmeans.ts";
import { pca2 } from "./map.ts";
import { keywordNamer, keywords, mergeCounts, type Namer, TermCounter } from "./naming.ts";

export interface TopicItem {
  /** The user key the privacy thresholds count (user id, or the conversation when there is none). */
  user: string;
  /** Redacted human text. */
  text: string;
}

export interface TopicNode {
  id: string;
  parent: string | null;
  level: number;
  name: string;
  description: string;
  keywords: string[];
  size: number;
  x: number;
  y: number;
  /** False for clusters under the thresholds: kept internally, never released on their own. */
  released: boolean;
}

export interface TopicsOptions {
  embedder: Embedder;
  thresholds: Thresholds;
  seed: number;
  /** Conversations per base cluster (Clio sizes ~100). */
  perCluster?: number;
  /** Number of top-level topics to aim for. */
  top?: number;
  fitSample?: number;
  /** Names clusters from their releasable keywords (offline by default; a model-backed namer plugs in here). */
  namer?: Namer;
  /** Groups base clusters into parents (offline: k-means over centroids; Clio's model-based hierarchy plugs in here). */
  grouper?: Grouper;
}

/**
 * The hierarchy slot: assigns each base cluster (in size order) to one of about k parents. Clio's
 * model-based propose / deduplicate / assign / rename steps implement this same interface.
 */
export interface Grouper {
  group(input: {
    centroids: Float32Array;
    dimensions: number;
    count: number;
    k: number;
    seed: number;
  }): Promise<Int32Array>;
}

/** The offline grouper: k-means over the base clusters' centroids. */
export const centroidGrouper: Grouper = {
  async group({ centroids, dimensions, k, seed }) {
    return kmeans(centroids, dimensions, { k, seed, restarts: 3 }).labels;
  },
};

export interface TopicsResult {
  /** The base cluster of each item, in the order the source yields them. */
  labels: string[];
  nodes: TopicNode[];
  k: number;
}

export const OTHER_TOPIC = "other";

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
  const k = Math.min(count, defaultK(count, o.perCluster ?? 100));
  const base = kmeans(vectors.subarray(0, count * d), d, {
    k,
    seed: o.seed,
    restarts: count <= 50_000 ? 3 : 1,
  });

  // Base clusters ordered by size: ids are stable for a given input and seed.
  const sizes = new Int32Array(base.k);
  for (const l of base.labels) sizes[l] = (sizes[l] as number) + 1;
  const order = [...sizes.keys()]
    .filter((c) => (sizes[c] as number) > 0)
    .sort((a, b) => (sizes[b] as number) - (sizes[a] as number) || a - b);
  const baseId = new Map(order.map((c, r) => [c, `t${String(r + 1).padStart(4, "0")}`]));

  // Top level: k-means over the base centroids.
  const topK = Math.min(o.top ?? 10, order.length);
  const centroids = new Float32Array(order.length * d);
  for (const [r, c] of order.entries()) centroids.set(base.centroids.subarray(c * d, c * d + d), r * d);
  // Few base clusters are their own top level: a second level would only repeat them.
  const flat = order.length <= topK;
  const topLabels = flat
    ? Int32Array.from(order.keys())
    : await (o.grouper ?? centroidGrouper).group({
        centroids,
        dimensions: d,
        count: order.length,
        k: topK,
        seed: o.seed,
      });
  const topSize = new Map<number, number>();
  for (const [r, c] of order.entries())
    topSize.set(topLabels[r] as number, (topSize.get(topLabels[r] as number) ?? 0) + (sizes[c] as number));
  const topOrder = [...topSize.keys()].sort(
    (a, b) => (topSize.get(b) as number) - (topSize.get(a) as number) || a - b,
  );
  const topId = new Map(topOrder.map((t, r) => [t, `T${String(r + 1).padStart(2, "0")}`]));
  const parentOf = new Map(
    order.map((c, r) => [
      baseId.get(c) as string,
      flat ? null : (topId.get(topLabels[r] as number) as string),
    ]),
  );

  // Pass 3: words per base cluster, and the users behind each word and each cluster.
  const counter = new TermCounter(o.thresholds.minUsers);
  const cells = new Map<string, Cell>();
  const labels = Array.from(base.labels, (c) => baseId.get(c) as string);
  let p = 0;
  for await (const item of source()) {
    const cluster = labels[p++];
    if (!cluster) break;
    counter.add(cluster, item.user, item.text);
    for (const id of [cluster, parentOf.get(cluster)]) {
      if (!id) continue;
      let cell = cells.get(id);
      if (!cell) {
        cell = new Cell(o.thresholds.minUsers);
        cells.set(id, cell);
      }
      cell.add(item.user);
    }
  }
  const baseWords = keywords(counter.perCluster, counter);
  const parents = new Map<string, Map<string, number>>();
  for (const t of flat ? [] : topId.values()) {
    const children = [...parentOf.entries()]
      .filter(([, p]) => p === t)
      .map(([c]) => counter.perCluster.get(c));
    parents.set(t, mergeCounts(children));
  }
  const topWords = keywords(parents, counter);

  // The map: base clusters at their centroids' principal components; parents at their children's mean.
  const xy = pca2(centroids, order.length, d, o.seed);
  const namer = o.namer ?? keywordNamer;
  const nodes: TopicNode[] = [];
  const passes = (id: string) => cells.get(id)?.passes(o.thresholds) ?? false;
  for (const [r, c] of order.entries()) {
    const id = baseId.get(c) as string;
    const words = baseWords.get(id) ?? [];
    const parent = parentOf.get(id) ?? null;
    nodes.push({
      id,
      parent,
      level: 0,
      ...(await namer.name({ keywords: words, level: 0 })),
      keywords: words,
      size: sizes[c] as number,
      x: xy[r * 2] as number,
      y: xy[r * 2 + 1] as number,
      released: passes(id) && (parent === null || passes(parent)),
    });
  }
  for (const t of flat ? [] : topOrder) {
    const id = topId.get(t) as string;
    const children = nodes.filter((nd) => nd.parent === id);
    const size = children.reduce((a, nd) => a + nd.size, 0);
    const words = topWords.get(id) ?? [];
    nodes.push({
      id,
      parent: null,
      level: 1,
      ...(await namer.name({ keywords: words, level: 1, children: children.map((c) => c.name) })),
      keywords: words,
      size,
      x: children.reduce((a, nd) => a + nd.x * nd.size, 0) / Math.max(1, size),
      y: children.reduce((a, nd) => a + nd.y * nd.size, 0) / Math.max(1, size),
      released: passes(id),
    });
  }
  return { labels, nodes, k: order.length };
}

/** The released cluster a base cluster counts under: itself, else its parent, else "other". */
export function releasedTopic(base: string, nodes: Map<string, TopicNode>): string {
  const node = nodes.get(base);
  if (node?.released) return base;
  const parent = node?.parent ? nodes.get(node.parent) : undefined;
  return parent?.released ? parent.id : OTHER_TOPIC;
}
