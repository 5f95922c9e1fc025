/**
 * Clio's aggregation thresholds on a cluster tree: a cluster is released only when it covers at
 * least `minUsers` distinct users and `minConversations` conversations, and its parent is released.
 * Anything else is merged into its nearest released ancestor, or into "other" when none is.
 *
 * Differencing: a released parent's size minus its released children's sizes is the size of what
 * was merged into it. So the children of every released cluster (and the top-level clusters, whose
 * whole is the study's total) are released as a partition whose remainder is either empty or itself
 * passes the thresholds (`gatePartition`): when the pooled remainder would be under them, the
 * smallest released siblings join it until it passes. Every number derivable from released sizes
 * (by adding and subtracting them) is then a sum of pieces that each pass.
 */
import { Cell, type Thresholds } from "../release/gate.ts";

export const OTHER_TOPIC = "other";

export interface CountedCluster {
  id: string;
  parent: string | null;
  conversations: number;
  /** Distinct users (may be capped at minUsers: only "at least" matters). */
  users: number;
  /**
   * The users behind the cluster, when known (a capped `Cell`): pooled remainders then count the
   * union of their parts' users. Without it a pool's users are bounded below by its largest part.
   */
  cell?: Cell;
}

/** A cluster counted by its users' cell. */
export function counted(id: string, parent: string | null, cell: Cell): CountedCluster {
  return { id, parent, conversations: cell.conversations, users: cell.usersAtLeast, cell };
}

export interface Merge {
  id: string;
  /** The released ancestor it counts under, or "other". */
  into: string;
  conversations: number;
  users: number;
}

export interface Rollup {
  released: Set<string>;
  merged: Merge[];
  /** The "other" bucket: conversations of top-level clusters not released (and their subtrees). */
  other: { conversations: number; users: number; released: boolean };
  /**
   * Per released cluster that has released children: its conversations in no released child
   * (merged children). Each value is 0 or passes the thresholds.
   */
  unlisted: Map<string, number>;
}

/** One part of a whole that is itself released: a child of a released cluster, a cell of a breakdown. */
export interface Part<K> {
  key: K;
  conversations: number;
  users: number;
  cell?: Cell;
}

export interface Partition<K> {
  /** Parts released on their own, largest first. */
  kept: Part<K>[];
  /** Parts pooled into the remainder. */
  pooled: Part<K>[];
  /** The remainder: empty, or passing the thresholds. */
  remainder: { conversations: number; users: number };
}

const passes = (p: { conversations: number; users: number }, t: Thresholds) =>
  p.users >= t.minUsers && p.conversations >= t.minConversations;

function pool<K>(parts: readonly Part<K>[], t: Thresholds): { conversations: number; users: number } {
  let conversations = 0;
  for (const p of parts) conversations += p.conversations;
  if (parts.length > 0 && parts.every((p) => p.cell)) {
    // A union of capped sets reaches the cap exactly when the true union does.
    const union = new Cell(t.minUsers);
    for (const p of parts) union.merge(p.cell as Cell);
    return { conversations, users: union.usersAtLeast };
  }
  // Users of different parts may overlap: the largest part is a safe lower bound on their union.
  return { conversations, users: Math.max(0, ...parts.map((p) => p.users)) };
}

/**
 * Splits the parts of a released whole into those released on their own and a remainder that is
 * empty or passes the thresholds, so that the whole minus the released parts never singles out a
 * group under them. Parts under the thresholds go to the remainder (so do `o.pooled`, parts never
 * shown on their own, and passing parts beyond the `o.maxKept` largest); while the remainder is
 * non-empty and under the thresholds, the smallest released part joins it. When every part has
 * joined, the remainder is the whole: it passes exactly when the whole does.
 */
export function gatePartition<K>(
  parts: readonly Part<K>[],
  t: Thresholds,
  o: { maxKept?: number; pooled?: readonly Part<K>[] } = {},
): Partition<K> {
  const kept = parts
    .filter((p) => passes(p, t))
    .sort((a, b) => b.conversations - a.conversations || (String(a.key) < String(b.key) ? -1 : 1));
  const pooled = [...(o.pooled ?? []), ...parts.filter((p) => !passes(p, t))];
  if (o.maxKept !== undefined) pooled.push(...kept.splice(o.maxKept));
  let remainder = pool(pooled, t);
  while (pooled.length > 0 && !passes(remainder, t) && kept.length > 0) {
    pooled.push(kept.pop() as Part<K>);
    remainder = pool(pooled, t);
  }
  return { kept, pooled, remainder };
}

/** True when a part or remainder covers enough users and conversations to be shown. */
export function partPasses(p: { conversations: number; users: number }, t: Thresholds): boolean {
  return passes(p, t);
}

export function applyThresholds(clusters: readonly CountedCluster[], t: Thresholds): Rollup {
  const byId = new Map(clusters.map((c) => [c.id, c]));
  const children = new Map<string | null, CountedCluster[]>();
  for (const c of clusters) {
    const parent = c.parent !== null && byId.has(c.parent) ? c.parent : null;
    let list = children.get(parent);
    if (!list) {
      list = [];
      children.set(parent, list);
    }
    list.push(c);
  }
  const released = new Set<string>();
  const unlisted = new Map<string, number>();
  const visit = (parent: string | null): Partition<string> => {
    const parts = (children.get(parent) ?? []).map((c) => ({
      key: c.id,
      conversations: c.conversations,
      users: c.users,
      ...(c.cell && { cell: c.cell }),
    }));
    const partition = gatePartition(parts, t);
    for (const p of partition.kept) {
      released.add(p.key);
      visit(p.key);
    }
    if (parent !== null && partition.kept.length > 0) unlisted.set(parent, partition.remainder.conversations);
    return partition;
  };
  const top = visit(null);

  const merged: Merge[] = [];
  for (const c of clusters) {
    if (released.has(c.id)) continue;
    let up = c.parent === null ? undefined : byId.get(c.parent);
    while (up && !released.has(up.id)) up = up.parent === null ? undefined : byId.get(up.parent);
    merged.push({ id: c.id, into: up?.id ?? OTHER_TOPIC, conversations: c.conversations, users: c.users });
  }
  const other = {
    ...top.remainder,
    released: top.remainder.conversations > 0 && passes(top.remainder, t),
  };
  return { released, merged, other, unlisted };
}
