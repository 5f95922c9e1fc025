/**
 * The model engine's topic tree, Clio-style, over the base clusters the topic stage found:
 *   - each base cluster is named by the model Namer from contrastive examples: up to 50 of its
 *     members' `request` summaries (model-written under privacy instructions) and up to 50 from the
 *     nearest other clusters on the map;
 *   - the levels above are rebuilt by the model hierarchy (hierarchy.ts) with the same number of
 *     clusters per level as the offline tree;
 *   - every name and description passes the model privacy audit (1-5, kept at 3 or more); a failing
 *     cluster is not released and its conversations count under its nearest released ancestor, as
 *     for clusters under the thresholds.
 * Base clusters and every record's `cluster` stay as they were, so facets.jsonl is untouched; the
 * tree in internal/topics.json keeps the offline stage's shape.
 */
import { createReadStream, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { mulberry32 } from "../analyses/stats.ts";
import type { TopicNode } from "../cluster/index.ts";
import { defaultK } from "../cluster/kmeans.ts";
import { applyThresholds, counted } from "../cluster/privacy.ts";
import { writeFileAtomic } from "../pipeline/study-folder.ts";
import { Cell, type Thresholds } from "../release/gate.ts";
import type { FacetRecord } from "../types.ts";
import type { Named } from "./ask.ts";
import { AUDIT_PASS, auditTexts } from "./audit.ts";
import type { ModelClient } from "./call.ts";
import { modelNamer } from "./cluster-namer.ts";
import { ASSIGN_PER_REQUEST, buildModelLevel, NEIGHBOURHOOD } from "./hierarchy.ts";

export const EXAMPLES = 50;

export interface ModelTopicsResult {
  nodes: TopicNode[];
  audited: number;
  auditFailed: number;
}

/** Rough count and tokens of the cluster calls for n conversations (for `--dry-run`). */
export function clusterCallEstimate(n: number): { calls: number; input: number; output: number } {
  if (n < 2) return { calls: 0, input: 0, output: 0 };
  const k = defaultK(n, 100);
  const top = Math.min(10, k);
  const naming = k;
  const propose = Math.ceil(k / NEIGHBOURHOOD);
  const assign = Math.ceil(k / ASSIGN_PER_REQUEST);
  const audit = Math.ceil((k + top) / 20);
  const calls = naming + propose + 1 + assign + top + audit;
  // Per call: ~30 tokens per example or listed topic plus ~150 of instructions.
  const input =
    naming * (2 * EXAMPLES * 30 + 150) + (propose + 1 + assign + top) * (40 * 30 + 150) + audit * 800;
  const output = naming * 60 + propose * 400 + 900 + assign * 440 + top * 60 + audit * 180;
  return { calls, input, output };
}

interface BaseData {
  cell: Cell;
  seen: number;
  sample: string[];
}

export async function modelTopics(
  facetsPath: string,
  topicsPath: string,
  client: ModelClient,
  o: { thresholds: Thresholds; seed: number },
): Promise<ModelTopicsResult> {
  const nodes = JSON.parse(readFileSync(topicsPath, "utf8")) as TopicNode[];
  const base = nodes.filter((n) => n.level === 0);
  const top = Math.max(0, ...nodes.map((n) => n.level));
  const data = new Map<string, BaseData>(
    base.map((n) => [n.id, { cell: new Cell(o.thresholds.minUsers), seen: 0, sample: [] }]),
  );
  // Members' request summaries: a seeded reservoir sample per base cluster.
  const rand = mulberry32(o.seed);
  const lines = createInterface({
    input: createReadStream(facetsPath, "utf8"),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of lines) {
    if (!line) continue;
    const r = JSON.parse(line) as FacetRecord;
    const d = r.cluster ? data.get(r.cluster) : undefined;
    if (!d) continue;
    d.cell.add(r.user_id ?? `conversation:${r.id}`);
    if (!r.request) continue;
    d.seen++;
    if (d.sample.length < EXAMPLES) d.sample.push(r.request);
    else {
      const j = Math.floor(rand() * d.seen);
      if (j < EXAMPLES) d.sample[j] = r.request;
    }
  }

  // Names of the base clusters, with the nearest clusters on the map as contrast.
  const namer = modelNamer(client);
  for (const node of base) {
    const nearby = base
      .filter((b) => b.id !== node.id)
      .sort(
        (a, b) => (a.x - node.x) ** 2 + (a.y - node.y) ** 2 - ((b.x - node.x) ** 2 + (b.y - node.y) ** 2),
      );
    const outsiders: string[] = [];
    for (const b of nearby) {
      for (const s of data.get(b.id)?.sample ?? []) if (outsiders.length < EXAMPLES) outsiders.push(s);
      if (outsiders.length >= EXAMPLES) break;
    }
    const members = data.get(node.id)?.sample ?? [];
    Object.assign(
      node,
      await namer.name({
        keywords: node.keywords,
        level: 0,
        ...(members.length > 0 && { examples: { members, outsiders } }),
      }),
    );
  }

  // The levels above, rebuilt by the model with the offline tree's sizes.
  const tree: TopicNode[] = [...base];
  let children = base;
  for (let level = 1; level <= top; level++) {
    const k = nodes.filter((n) => n.level === level).length;
    if (k === 0 || children.length < 2) break;
    const built = await buildModelLevel(
      client,
      children.map((c): Named => ({ name: c.name, description: c.description })),
      k,
      o.seed + level,
    );
    const size = built.parents.map(() => 0);
    for (const [i, p] of built.parentOf.entries())
      size[p] = (size[p] as number) + (children[i] as TopicNode).size;
    const order = built.parents
      .map((_, p) => p)
      .sort((a, b) => (size[b] as number) - (size[a] as number) || a - b);
    const parents = order.map((p, rank): TopicNode => {
      const mine = children.filter((_, i) => built.parentOf[i] === p);
      const weight = mine.reduce((a, c) => a + c.size, 0);
      const words = new Map<string, number>();
      for (const c of mine) for (const w of c.keywords) words.set(w, (words.get(w) ?? 0) + c.size);
      return {
        id: `L${level}-${String(rank + 1).padStart(4, "0")}`,
        parent: null,
        level,
        ...(built.parents[p] as Named),
        keywords: [...words]
          .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
          .slice(0, 5)
          .map(([w]) => w),
        size: weight,
        users: 0,
        x: mine.reduce((a, c) => a + c.x * c.size, 0) / Math.max(1, weight),
        y: mine.reduce((a, c) => a + c.y * c.size, 0) / Math.max(1, weight),
        released: false,
      };
    });
    const idOf = new Map(order.map((p, rank) => [p, (parents[rank] as TopicNode).id]));
    for (const [i, c] of children.entries()) c.parent = idOf.get(built.parentOf[i] as number) ?? null;
    tree.push(...parents);
    children = parents;
  }
  for (const c of children) c.parent = null;

  // Users per cluster at every level (capped counts merge into "at least").
  const cells = new Map<string, Cell>();
  const parentOf = new Map(tree.map((t) => [t.id, t.parent]));
  for (const node of base) {
    for (let id: string | null = node.id; id; id = parentOf.get(id) ?? null) {
      let cell = cells.get(id);
      if (!cell) {
        cell = new Cell(o.thresholds.minUsers);
        cells.set(id, cell);
      }
      cell.merge((data.get(node.id) as BaseData).cell);
    }
  }
  // The privacy audit of every name and description, then the thresholds: a failing cluster is not released.
  const scores = await auditTexts(
    client,
    tree.map((n) => `${n.name}. ${n.description}`),
  );
  const passes = new Set(tree.filter((_, i) => (scores[i] as number) >= AUDIT_PASS).map((n) => n.id));
  const rollup = applyThresholds(
    tree.map((n) => {
      const cell = cells.get(n.id) ?? new Cell(o.thresholds.minUsers);
      // A name that failed the audit fails the cluster (its users still count where it is pooled).
      return { ...counted(n.id, n.parent, cell), ...(!passes.has(n.id) && { users: 0 }) };
    }),
    o.thresholds,
  );
  for (const n of tree) {
    n.users = cells.get(n.id)?.usersAtLeast ?? 0;
    n.released = rollup.released.has(n.id);
  }
  await writeFileAtomic(topicsPath, `${JSON.stringify(tree, null, 2)}\n`);
  return { nodes: tree, audited: tree.length, auditFailed: tree.length - passes.size };
}
