/**
 * Clio's aggregation thresholds on a cluster tree: a cluster is released only when it covers at
 * least `minUsers` distinct users and `minConversations` conversations, and its parent is released.
 * Anything else is merged into its nearest released ancestor, or into "other" when none is; "other"
 * itself is released only when it passes too. Returns what was merged, so reports can say so.
 */
import type { Thresholds } from "../release/gate.ts";

export const OTHER_TOPIC = "other";

export interface CountedCluster {
  id: string;
  parent: string | null;
  conversations: number;
  /** Distinct users (may be capped at minUsers: only "at least" matters). */
  users: number;
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
  /** The "other" bucket: conversations of merged top-level clusters (and their subtrees). */
  other: { conversations: number; users: number; released: boolean };
}

export function applyThresholds(clusters: readonly CountedCluster[], t: Thresholds): Rollup {
  const byId = new Map(clusters.map((c) => [c.id, c]));
  const passes = (c: CountedCluster) => c.users >= t.minUsers && c.conversations >= t.minConversations;
  const released = new Set<string>();
  const memo = new Map<string, boolean>();
  const isReleased = (c: CountedCluster): boolean => {
    let v = memo.get(c.id);
    if (v === undefined) {
      const parent = c.parent === null ? undefined : byId.get(c.parent);
      v = passes(c) && (parent === undefined || isReleased(parent));
      memo.set(c.id, v);
    }
    return v;
  };
  for (const c of clusters) if (isReleased(c)) released.add(c.id);
  const merged: Merge[] = [];
  const other = { conversations: 0, users: 0, released: false };
  for (const c of clusters) {
    if (released.has(c.id)) continue;
    let up = c.parent === null ? undefined : byId.get(c.parent);
    while (up && !released.has(up.id)) up = up.parent === null ? undefined : byId.get(up.parent);
    const into = up?.id ?? OTHER_TOPIC;
    merged.push({ id: c.id, into, conversations: c.conversations, users: c.users });
    // Only roots feed "other" directly: a subtree's conversations are already in its root's count.
    if (into === OTHER_TOPIC && c.parent === null) {
      other.conversations += c.conversations;
      // Users of different roots may overlap: the largest is a safe lower bound on their union.
      other.users = Math.max(other.users, c.users);
    }
  }
  other.released = other.users >= t.minUsers && other.conversations >= t.minConversations;
  return { released, merged, other };
}
