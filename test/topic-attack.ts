/**
 * A differencing attack on released topics: from the released numbers alone (clusters.json / .csv
 * rows and the report's topic figures), subtract every released part from its released whole, then
 * look up, in the internal records, who is behind each difference. Any non-zero difference covering
 * fewer than the thresholds is a leak. Used by the analysis test and the end-to-end study test.
 */
import type { Thresholds } from "../src/release/gate.ts";

export interface TruthRecord {
  user: string;
  /** Base cluster. */
  base: string;
  language: string | null;
  types: readonly string[];
}

export interface ReleasedTopics {
  /** clusters.json rows: id, parent, conversations, unlisted_conversations, languages {name: share}. */
  clusters: Record<string, unknown>[];
  /** topics-per-affective-type figure rows (type, topic, conversations). */
  perType: Record<string, unknown>[];
  /** topic-tree figure rows (topic, subtopic, conversations). */
  tree: Record<string, unknown>[];
}

export interface AttackResult {
  /** Differences that single out fewer than the thresholds. */
  leaks: string[];
  /** Differences worked out (non-zero ones), to show the attack had something to try. */
  tried: number;
}

export function attack(
  released: ReleasedTopics,
  records: readonly TruthRecord[],
  parentOf: ReadonlyMap<string, string | null>,
  t: Thresholds,
): AttackResult {
  const leaks: string[] = [];
  let tried = 0;
  const ancestors = (base: string): string[] => {
    const out: string[] = [];
    for (let id: string | null | undefined = base; id; id = parentOf.get(id)) out.push(id);
    return out;
  };
  const check = (what: string, diff: number, members: readonly TruthRecord[]) => {
    if (members.length !== diff)
      leaks.push(`${what}: released numbers give ${diff}, records ${members.length}`);
    if (diff === 0) return;
    tried++;
    const users = new Set(members.map((r) => r.user)).size;
    if (diff < t.minConversations || users < t.minUsers)
      leaks.push(`${what}: a difference of ${diff} conversations from ${users} users`);
  };
  const rows = released.clusters.filter((r) => r.id !== "other");
  const listed = new Set(rows.map((r) => String(r.id)));
  const inRow = (r: TruthRecord, id: string) => ancestors(r.base).includes(id);

  // A cluster minus its released children; the total minus the released top-level clusters.
  const wholes: [string | null, number, TruthRecord[]][] = [
    [null, records.length, [...records]],
    ...rows.map((r): [string, number, TruthRecord[]] => [
      String(r.id),
      Number(r.conversations),
      records.filter((x) => inRow(x, String(r.id))),
    ]),
  ];
  for (const [id, size, members] of wholes) {
    const kids = rows.filter((r) => (r.parent ?? null) === id);
    if (kids.length === 0) continue;
    const diff = size - kids.reduce((a, r) => a + Number(r.conversations), 0);
    const kidIds = kids.map((r) => String(r.id));
    check(
      `${id ?? "the total"} minus its released children`,
      diff,
      members.filter((x) => !kidIds.some((k) => inRow(x, k))),
    );
    const stated =
      id === null ? released.clusters.find((r) => r.id === "other") : rows.find((r) => r.id === id);
    const unlisted =
      id === null ? (stated ? Number(stated.conversations) : 0) : Number(stated?.unlisted_conversations ?? 0);
    if (unlisted !== diff)
      leaks.push(`${id ?? "other"}: states ${unlisted} unlisted, the difference is ${diff}`);
  }

  // A cluster's languages: its size minus the languages it lists by name.
  for (const r of released.clusters) {
    const languages = r.languages as Record<string, number> | null;
    if (!languages) continue;
    const n = Number(r.conversations);
    const members =
      r.id === "other"
        ? records.filter(
            (x) => !ancestors(x.base).some((a) => listed.has(a) && (parentOf.get(a) ?? null) === null),
          )
        : records.filter((x) => inRow(x, String(r.id)));
    const named = Object.entries(languages).filter(([k]) => k !== "other");
    const diff = n - named.reduce((a, [, share]) => a + Math.round(share * n), 0);
    const names = new Set(named.map(([k]) => k));
    check(
      `${String(r.id)} minus its listed languages`,
      diff,
      members.filter((x) => !names.has(x.language ?? "unknown")),
    );
  }

  // Each affective type minus its listed topics (the type's total is released by other figures).
  const rootOf = (base: string) => ancestors(base).at(-1) as string;
  const byName = new Map(rows.map((r) => [String(r.name), String(r.id)]));
  for (const type of new Set(released.perType.map((r) => String(r.type)))) {
    const ofType = records.filter((x) => x.types.includes(type));
    const shown = released.perType.filter((r) => r.type === type && byName.has(String(r.topic)));
    const diff = ofType.length - shown.reduce((a, r) => a + Number(r.conversations), 0);
    const roots = new Set(shown.map((r) => byName.get(String(r.topic))));
    check(
      `${type} minus its listed topics`,
      diff,
      ofType.filter((x) => !roots.has(rootOf(x.base))),
    );
  }

  // The tree figure must agree with clusters.json (its rows are the same parts).
  for (const row of released.tree) {
    if (row.subtopic === "Smaller subtopics, pooled") continue;
    const id = byName.get(String(row.subtopic));
    const child = rows.find((r) => r.id === id);
    if (!child || Number(child.conversations) !== Number(row.conversations))
      leaks.push(`tree figure row ${String(row.subtopic)} is not a released cluster of the same size`);
  }
  return { leaks, tried };
}
