/**
 * Clio's aggregation thresholds on a cluster tree: a cluster is released only when it covers at
 * least `minUsers` distinct users and `minConversations` conversations, and its parent is released.
 * Anything else is merged into its nearest released ancestor, or into "other" when none is.
 *
 * Differencing: a released parent's size minus its released children's sizes is the size of what
 * was merged into it. So the children of every released cluster (and the top-level clusters, whose
 * whole is the study's total) are released as a partition whose remainder is either empty or itself
 * passes the thresholds (`gatePartition`, src/release/gate.ts): when the pooled remainder would be under them, the
 * smallest released siblings join it until it passes. Every number derivable from released sizes
 * (by adding and subtracting them) is then a sum of pieces that each pass.
 */
import { type Cell, gatePartition, type Partition, partPasses, type Thresholds } from "../release/gate.ts";

// The partition rule is the release gate's (one rule for every figure); re-exported for the topic code.
export { gatePartition, type Part, type Partition, partPasses } from "../release/gate.ts";

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
    released: top.remainder.conversations > 0 && partPasses(top.remainder, t),
  };
  return { released, merged, other, unlisted };
}
