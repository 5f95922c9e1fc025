/**
 * The taxonomy of values (METHODS.md section 3): the distinct values' embeddings grouped by
 * hierarchical k-means into levels whose sizes shrink geometrically (the study: 3,307 values ->
 * 266 -> 26 -> 5), each group named offline by its most frequent member values that may be
 * released (or, with the model engine, by the model from those values). Or, given a reference taxonomy in the published `values_tree.csv` format, each value is
 * placed where the reference has it (exact name, then normalised name, then the nearest reference
 * value by embedding) and the reference's groups, names and descriptions are used.
 *
 * Level 0 holds the values themselves (id = the value, as in the published file); group ids are
 * `ai_values:l<level>:<rank by occurrences>` (or the reference's ids).
 */
import { buildLevels } from "../cluster/hierarchy.ts";
import { type ExampleGroup, type GroupNamer, renameWith } from "../cluster/naming.ts";
import { type Embedder, normaliseRows } from "../embed/embedder.ts";
import type { ReferenceNode } from "./compare.ts";
import type { CooccurrenceCounter } from "./cooccurrence.ts";
import { cosineAt, PhraseEmbedder } from "./embed.ts";
import { normaliseValue, valueKey } from "./normalise.ts";

export interface ValueCount {
  value: string;
  /** Mentions (one per conversation expressing it). */
  occurrences: number;
}

export interface ValueMatch {
  kind: "exact" | "normalised" | "nearest";
  /** The reference value it was placed with. */
  reference: string;
  similarity?: number;
}

export interface TaxonomyNode {
  id: string;
  name: string;
  description: string;
  level: number;
  parent: string | null;
  /** Distinct values under this node (1 at level 0). */
  values: number;
  /** Value mentions under this node. */
  occurrences: number;
  /** Distinct conversations expressing any value under this node (filled from the records). */
  conversations: number;
  /** Distinct users behind those conversations, counted up to the minUsers threshold. */
  users: number;
  /** False under the privacy thresholds: kept internally, never released on its own. */
  released: boolean;
  match?: ValueMatch;
}

export interface TaxonomyOptions {
  seed: number;
  /** Embeds value phrases; the offline phrase embedder by default. */
  embedder?: Embedder;
  /** Levels including the values themselves (the study: 4). */
  levels?: number;
  /** Groups at the top level (the study: 5). */
  top?: number;
  /** A reference taxonomy (published `values_tree.csv` rows) to place the values in. */
  reference?: readonly ReferenceNode[] | null;
  /** Which values the corpus expresses together: blended into the embeddings when given. */
  cooccurrence?: CooccurrenceCounter | null;
  /** The co-occurrence part's weight in the cosine of two values (0..1). */
  cooccurrenceWeight?: number;
}

/**
 * Half phrase similarity, half co-occurrence. On the shared datasets (eval `values`) the top level
 * then agrees with the published one at NMI 0.34 (ARI 0.14), against 0.11 (ARI -0.02) from phrases
 * alone; an earlier sweep of weights 0.3-0.9 moved NMI within noise (40 values), so the middle is kept.
 */
export const COOCCURRENCE_WEIGHT = 0.5;

/**
 * Each value's vector: its phrase embedding and, when given, its co-occurrence row, weighted so the
 * cosine of two values is (1 - w) x phrase cosine + w x co-occurrence cosine.
 */
async function embedValues(
  names: string[],
  o: TaxonomyOptions,
): Promise<{ vectors: Float32Array; d: number }> {
  const embedder = o.embedder ?? new PhraseEmbedder();
  embedder.fit?.(names);
  const phrase = await embedder.embed(names);
  const dp = embedder.dimensions;
  const w = o.cooccurrence ? (o.cooccurrenceWeight ?? COOCCURRENCE_WEIGHT) : 0;
  if (w === 0) return { vectors: phrase, d: dp };
  const dc = 256;
  const cooc = (o.cooccurrence as CooccurrenceCounter).vectors(names, dc);
  const d = dp + dc;
  const out = new Float32Array(names.length * d);
  const a = Math.sqrt(1 - w);
  const b = Math.sqrt(w);
  for (let i = 0; i < names.length; i++) {
    for (let j = 0; j < dp; j++) out[i * d + j] = a * (phrase[i * dp + j] as number);
    for (let j = 0; j < dc; j++) out[i * d + dp + j] = b * (cooc[i * dc + j] as number);
  }
  return { vectors: normaliseRows(out, d), d };
}

export const GROUP_PREFIX = "ai_values";
const groupId = (level: number, rank: number) =>
  `${GROUP_PREFIX}:l${level}:${String(rank + 1).padStart(4, "0")}`;

function leaf(v: ValueCount, parent: string | null, match?: ValueMatch): TaxonomyNode {
  return {
    id: v.value,
    name: v.value,
    description: "",
    level: 0,
    parent,
    values: 1,
    occurrences: v.occurrences,
    conversations: 0,
    users: 0,
    released: false,
    ...(match && { match }),
  };
}

/** A group node before counting (rollUp and the stage fill the numbers). */
function group(
  id: string,
  name: string,
  description: string,
  level: number,
  parent: string | null,
): TaxonomyNode {
  return {
    id,
    name,
    description,
    level,
    parent,
    values: 0,
    occurrences: 0,
    conversations: 0,
    users: 0,
    released: false,
  };
}

/** Sums values and occurrences up the tree (nodes: children before parents is not required). */
function rollUp(nodes: TaxonomyNode[]): TaxonomyNode[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const n of nodes) if (n.level > 0) Object.assign(n, { values: 0, occurrences: 0 });
  for (const n of nodes.filter((x) => x.level === 0)) {
    for (
      let p = n.parent ? byId.get(n.parent) : undefined;
      p;
      p = p.parent ? byId.get(p.parent) : undefined
    ) {
      p.values++;
      p.occurrences += n.occurrences;
    }
  }
  return nodes;
}

/** Groups the values by hierarchical k-means over their embeddings. */
async function clusterValues(values: ValueCount[], o: TaxonomyOptions): Promise<TaxonomyNode[]> {
  const { vectors, d } = await embedValues(
    values.map((v) => v.value),
    o,
  );
  // Distinct values count equally, as in the study; frequencies only name the groups.
  const levels = await buildLevels(
    { centroids: vectors, sizes: new Float64Array(values.length).fill(1), dimensions: d },
    { top: o.top ?? 5, levels: o.levels ?? 4, seed: o.seed },
  );
  // parentIndex[l][i]: the index at level l+1 of item i of level l (level 0 = values).
  const parentIndex = levels.map((lv) => lv.parentOf);
  const occurrences: number[][] = [values.map((v) => v.occurrences)];
  for (const [l, parents] of parentIndex.entries()) {
    const next = new Array<number>(levels[l]?.sizes.length ?? 0).fill(0);
    for (const [i, p] of parents.entries()) next[p] = (next[p] as number) + (occurrences[l]?.[i] as number);
    occurrences.push(next);
  }
  // Ids by occurrences within each level (largest first, ties by index): stable for a given input.
  const ids: string[][] = occurrences.map((occ, l) => {
    if (l === 0) return values.map((v) => v.value);
    const order = occ.map((_, i) => i).sort((a, b) => (occ[b] as number) - (occ[a] as number) || a - b);
    const out = new Array<string>(occ.length);
    for (const [rank, i] of order.entries()) out[i] = groupId(l, rank);
    return out;
  });
  const nodes: TaxonomyNode[] = values.map((v, i) =>
    leaf(v, parentIndex[0] ? (ids[1]?.[parentIndex[0][i] as number] as string) : null),
  );
  for (let l = 1; l < ids.length; l++) {
    for (const [i, id] of (ids[l] as string[]).entries()) {
      const up = parentIndex[l];
      nodes.push(group(id, id, "", l, up ? (ids[l + 1]?.[up[i] as number] as string) : null));
    }
  }
  return rollUp(nodes);
}

/** Places each value where a reference taxonomy has it, and keeps the reference groups in use. */
async function placeInReference(
  values: ValueCount[],
  reference: readonly ReferenceNode[],
  o: TaxonomyOptions,
): Promise<TaxonomyNode[]> {
  const refValues = reference.filter((r) => r.level === 0);
  const exact = new Map(refValues.map((r) => [r.name, r]));
  const byKey = new Map<string, ReferenceNode>();
  for (const r of refValues) {
    const canonical = normaliseValue(r.name);
    if (canonical && !byKey.has(valueKey(canonical))) byKey.set(valueKey(canonical), r);
  }
  const matches = new Map<string, { ref: ReferenceNode; match: ValueMatch }>();
  const unmatched: ValueCount[] = [];
  for (const v of values) {
    const e = exact.get(v.value);
    const k = e ? undefined : byKey.get(valueKey(v.value));
    if (e) matches.set(v.value, { ref: e, match: { kind: "exact", reference: e.name } });
    else if (k) matches.set(v.value, { ref: k, match: { kind: "normalised", reference: k.name } });
    else unmatched.push(v);
  }
  if (unmatched.length > 0 && refValues.length > 0) {
    const embedder = o.embedder ?? new PhraseEmbedder();
    const refNames = refValues.map((r) => r.name);
    embedder.fit?.([...refNames, ...unmatched.map((v) => v.value)]);
    const refVectors = await embedder.embed(refNames);
    const ours = await embedder.embed(unmatched.map((v) => v.value));
    const d = embedder.dimensions;
    for (const [i, v] of unmatched.entries()) {
      let best = 0;
      let bestSim = Number.NEGATIVE_INFINITY;
      for (let j = 0; j < refValues.length; j++) {
        const s = cosineAt(ours, i, refVectors, j, d);
        if (s > bestSim) {
          bestSim = s;
          best = j;
        }
      }
      const ref = refValues[best] as ReferenceNode;
      matches.set(v.value, {
        ref,
        match: { kind: "nearest", reference: ref.name, similarity: Math.round(bestSim * 1000) / 1000 },
      });
    }
  }
  const groups = new Map(reference.filter((r) => r.level > 0).map((r) => [r.cluster_id, r]));
  const used = new Set<string>();
  const nodes: TaxonomyNode[] = values.map((v) => {
    const m = matches.get(v.value);
    for (
      let id = m?.ref.parent_cluster_id ?? null;
      id && !used.has(id);
      id = groups.get(id)?.parent_cluster_id ?? null
    )
      used.add(id);
    return leaf(v, m?.ref.parent_cluster_id ?? null, m?.match);
  });
  for (const id of used) {
    const g = groups.get(id) as ReferenceNode;
    nodes.push(group(g.cluster_id, g.name, g.description, g.level, g.parent_cluster_id));
  }
  return rollUp(nodes);
}

/**
 * The taxonomy of some values (structure only: `conversations`, `users`, `released` and the
 * offline names are filled by `gateTaxonomy` and `nameTaxonomy` once the records are counted).
 */
export async function buildTaxonomy(
  values: readonly ValueCount[],
  o: TaxonomyOptions,
): Promise<TaxonomyNode[]> {
  const sorted = [...values].sort((a, b) => b.occurrences - a.occurrences || (a.value < b.value ? -1 : 1));
  if (sorted.length === 0) return [];
  const nodes =
    o.reference && o.reference.length > 0
      ? await placeInReference(sorted, o.reference, o)
      : await clusterValues(sorted, o);
  // Values by occurrences (as given), then each level's groups by id.
  return [
    ...nodes.filter((n) => n.level === 0),
    ...nodes.filter((n) => n.level > 0).sort((a, b) => a.level - b.level || (a.id < b.id ? -1 : 1)),
  ];
}

/** The ids of a value's groups, nearest first (the value itself excluded). */
export function ancestors(value: string, byId: ReadonlyMap<string, TaxonomyNode>): string[] {
  const out: string[] = [];
  for (let p = byId.get(value)?.parent; p; p = byId.get(p)?.parent) out.push(p);
  return out;
}

const NAME_VALUES = 2;
const DESCRIPTION_VALUES = 5;

/**
 * Offline names for groups that have none from a reference: the most frequent *released* member
 * values ("helpfulness and clarity"), so a name never carries a value that is itself under the
 * thresholds. Reference names are kept.
 */
export function nameTaxonomy(nodes: TaxonomyNode[]): TaxonomyNode[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const members = new Map<string, TaxonomyNode[]>();
  for (const n of nodes) {
    if (n.level !== 0 || !n.released) continue;
    for (const g of ancestors(n.id, byId)) members.set(g, [...(members.get(g) ?? []), n]);
  }
  for (const n of nodes) {
    if (n.level === 0 || !n.id.startsWith(`${GROUP_PREFIX}:`) || n.name !== n.id) continue;
    const top = (members.get(n.id) ?? [])
      .sort((a, b) => b.occurrences - a.occurrences || (a.id < b.id ? -1 : 1))
      .map((m) => m.id);
    const named = top.slice(0, NAME_VALUES);
    n.name =
      named.length === 0
        ? "less common values"
        : named.length === 1
          ? `${named[0]}`
          : `${named.slice(0, -1).join(", ")} and ${named.at(-1)}`;
    n.description =
      top.length === 0
        ? `${n.values} values, none of them common enough to be named.`
        : `${n.values} value${n.values === 1 ? "" : "s"}; the most frequent: ${top.slice(0, DESCRIPTION_VALUES).join(", ")}.`;
  }
  return nodes;
}

/** Member values shown to a model namer per group, and values of nearby groups as contrast. */
const MODEL_MEMBERS = 40;
const MODEL_OUTSIDERS = 20;

/**
 * Names from a model (the `GroupNamer` slot) for the groups `nameTaxonomy` named: each from its
 * most frequent released values, with the released values of its sibling groups (else of the other
 * groups of its level) as contrast, as Clio names clusters. Only released values are shown, as
 * offline; a group without any keeps its offline name, and so does one the namer returns null for.
 * Returns how many groups got a model name.
 */
export async function nameTaxonomyWith(nodes: TaxonomyNode[], namer: GroupNamer): Promise<number> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const members = new Map<string, TaxonomyNode[]>();
  for (const n of nodes) {
    if (n.level !== 0 || !n.released) continue;
    for (const g of ancestors(n.id, byId)) members.set(g, [...(members.get(g) ?? []), n]);
  }
  const top = (id: string, k: number) =>
    (members.get(id) ?? [])
      .sort((a, b) => b.occurrences - a.occurrences || (a.id < b.id ? -1 : 1))
      .slice(0, k)
      .map((m) => m.id);
  const named = nodes.filter(
    (n) => n.level > 0 && n.id.startsWith(`${GROUP_PREFIX}:`) && (members.get(n.id)?.length ?? 0) > 0,
  );
  const groups: ExampleGroup[] = named.map((n) => {
    const level = named.filter((g) => g.level === n.level && g.id !== n.id);
    const siblings = level.filter((g) => g.parent === n.parent);
    const outsiders = (siblings.length > 0 ? siblings : level).flatMap((g) => top(g.id, MODEL_OUTSIDERS));
    return {
      id: n.id,
      keywords: [],
      members: top(n.id, MODEL_MEMBERS),
      outsiders: outsiders.slice(0, MODEL_OUTSIDERS),
    };
  });
  return renameWith(namer, groups, named);
}
