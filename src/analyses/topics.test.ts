/** The topic analysis on a hand-made three-level tree: what is released, and that no subtraction leaks. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { attack, type TruthRecord } from "../../test/topic-attack.ts";
import type { TopicNode } from "../cluster/index.ts";
import type { Manifest } from "../pipeline/manifest.ts";
import { type AffectiveType, baseRecord, type FacetRecord } from "../types.ts";
import type { AnalysisContext } from "./analysis.ts";
import { TopicsAnalysis } from "./topics.ts";

const thresholds = { minUsers: 5, minConversations: 15 };
const ctx: AnalysisContext = {
  thresholds,
  manifest: { counts: {}, options: { map: "auto" } } as unknown as Manifest,
  seed: 42,
};

const node = (id: string, parent: string | null, level: number): TopicNode => ({
  id,
  parent,
  level,
  name: `Topic ${id}`,
  description: "",
  keywords: [],
  size: 0,
  users: 0,
  x: level,
  y: id.length,
  released: true,
});

// Three levels: tops A, B, C, D; C and D are small.
const nodes = [
  node("A", null, 2),
  node("B", null, 2),
  node("C", null, 2),
  node("D", null, 2),
  node("A1", "A", 1),
  node("A2", "A", 1),
  node("B1", "B", 1),
  node("C1", "C", 1),
  node("D1", "D", 1),
  node("a1", "A1", 0),
  node("a2", "A1", 0),
  node("a3", "A2", 0),
  node("a4", "A2", 0),
  node("b1", "B1", 0),
  node("b2", "B1", 0),
  node("c1", "C1", 0),
  node("d1", "D1", 0),
];
const parentOf = new Map(nodes.map((nd) => [nd.id, nd.parent]));

/** [base, conversations, users, Spanish conversations (first users), counseling conversations]. */
const plan: [string, number, number, number, number][] = [
  ["a1", 60, 12, 10, 20],
  ["a2", 40, 8, 0, 0],
  ["a3", 30, 6, 0, 10],
  ["a4", 8, 2, 0, 0],
  ["b1", 50, 10, 0, 12],
  ["b2", 20, 3, 0, 0],
  ["c1", 10, 3, 0, 3],
  ["d1", 12, 4, 0, 0],
];

function records(): { facets: FacetRecord[]; truth: TruthRecord[] } {
  const facets: FacetRecord[] = [];
  const truth: TruthRecord[] = [];
  let i = 0;
  for (const [base, n, users, spanish, counseling] of plan) {
    for (let j = 0; j < n; j++, i++) {
      // Spanish conversations come from the base's first two users only.
      const user = j < spanish ? `${base}-u${j % 2}` : `${base}-u${j % users}`;
      const language = j < spanish ? "Spanish" : "English";
      const types = j >= n - counseling ? (["counseling"] as const) : [];
      const r = baseRecord({
        id: `c${i}`,
        userId: user,
        source: { file: "f", line: i + 1 },
        messages: [{ role: "user", text: "x" }],
        meta: {},
      });
      facets.push({
        ...r,
        cluster: base,
        language,
        affective: types.length > 0,
        affective_types: [...types],
        pushback: j % 5 === 0,
      });
      truth.push({ user, base, language, types });
    }
  }
  return { facets, truth };
}

test("three levels: released clusters, pooled remainders, topics per type at the root", () => {
  const { facets, truth } = records();
  const a = new TopicsAnalysis(ctx, nodes);
  for (const r of facets) a.add(r);
  const section = a.finish();
  const rows = a.clusterRows();
  const byId = new Map(rows.map((r) => [r.id, r]));
  // C and D (22 conversations of 7 users) pool into "other"; A and B stand.
  assert.deepEqual(
    rows.filter((r) => r.parent === null).map((r) => [r.id, r.conversations]),
    [
      ["A", 138],
      ["B", 70],
      ["other", 22],
    ],
  );
  // a4 (8 conversations) would be A2 minus a3: a3 joins it, so A2 lists no children.
  assert.ok(!byId.has("a3") && !byId.has("a4") && byId.has("A2"));
  assert.equal(byId.get("A2")?.unlisted_conversations, null);
  // b2 (3 users) would be B1 minus b1: neither is listed.
  assert.ok(!byId.has("b1") && !byId.has("b2"));
  assert.equal(byId.get("A1")?.unlisted_conversations, 0);
  // a1's Spanish conversations come from two users: only its size, no language split, is released.
  assert.equal(byId.get("a1")?.languages, null);
  assert.equal(byId.get("a1")?.main_language, "English");
  // The study's 10 Spanish conversations come from 2 users: the study's own languages cannot be
  // split (its total minus its English would be them), so no cluster's can either.
  assert.equal(byId.get("a2")?.languages, null);
  for (const r of rows) assert.ok(typeof r.x === "number" && typeof r.y === "number", `${r.id} on the map`);

  const figure = (id: string) => section?.figures.find((f) => f.id === id)?.rows ?? [];
  // Figure 2 reads the top level (the root), not a base cluster's parent.
  assert.deepEqual(
    figure("topics-per-affective-type").map((r) => [r.topic, r.conversations]),
    [
      ["Topic A", 30],
      ["All other topics", 15],
    ],
  );
  assert.deepEqual(
    figure("topic-tree").map((r) => [r.topic, r.subtopic, r.conversations]),
    [
      ["Topic A", "Topic A1", 100],
      ["Topic A", "Topic A2", 38],
      ["Topic B", "Topic B1", 70],
    ],
  );

  const result = attack(
    {
      clusters: TopicsAnalysis.jsonRows(rows),
      perType: figure("topics-per-affective-type"),
      tree: figure("topic-tree"),
    },
    truth,
    parentOf,
    thresholds,
  );
  assert.deepEqual(result.leaks, []);
  assert.ok(result.tried >= 2, `differences tried: ${result.tried}`);
});

test("the attack finds the leak of releasing every cluster that passes on its own", () => {
  const { truth } = records();
  // What a release without the partition rule would say: every cluster that passes alone.
  const sizes = new Map<string, { n: number; users: Set<string> }>();
  for (const r of truth)
    for (let id: string | null | undefined = r.base; id; id = parentOf.get(id)) {
      const s = sizes.get(id) ?? { n: 0, users: new Set<string>() };
      s.n++;
      s.users.add(r.user);
      sizes.set(id, s);
    }
  const naive = nodes
    .filter((nd) => {
      const s = sizes.get(nd.id);
      return s && s.n >= 15 && s.users.size >= 5;
    })
    .map((nd) => ({ id: nd.id, parent: nd.parent, name: nd.name, conversations: sizes.get(nd.id)?.n ?? 0 }));
  const result = attack({ clusters: naive, perType: [], tree: [] }, truth, parentOf, thresholds);
  assert.ok(
    result.leaks.some((l) => l.startsWith("A2 minus its released children: a difference of 8 conversations")),
    result.leaks.join("\n"),
  );
});

test("a topic's listed affective types must leave a passing rest of its affective conversations", () => {
  const tops = [node("T1", null, 1), node("T2", null, 1), node("t1", "T1", 0), node("t2", "T2", 0)];
  const a = new TopicsAnalysis(ctx, tops);
  // [base, conversations, type]: T1 has 17 counseling and 3 coaching, T2 20 of each.
  const plan: [string, number, AffectiveType | null][] = [
    ["t1", 17, "counseling"],
    ["t1", 3, "coaching"],
    ["t1", 40, null],
    ["t2", 20, "counseling"],
    ["t2", 20, "coaching"],
    ["t2", 40, null],
  ];
  let i = 0;
  for (const [base, n, type] of plan)
    for (let j = 0; j < n; j++, i++) {
      const r = baseRecord({
        id: `c${i}`,
        userId: `${base}-${type}-u${j % 6}`,
        source: { file: "f", line: i + 1 },
        messages: [{ role: "user", text: "x" }],
        meta: {},
      });
      a.add({
        ...r,
        cluster: base,
        language: "English",
        affective: type !== null,
        affective_types: type ? [type] : [],
      });
    }
  const rows = a.finish()?.figures.find((f) => f.id === "topics-per-affective-type")?.rows ?? [];
  // T1's affective share is shown (20 of 60), so counseling in T1 (17) would leave its 3 coaching
  // conversations: counseling in T1 joins the rest of the type. Coaching in T1 (3) fails on its own,
  // and would be coaching's rest beside T2's 20: coaching lists no topic.
  assert.deepEqual(
    rows.map((r) => [r.type, r.topic, r.conversations]),
    [
      ["counseling", "Topic T2", 20],
      ["counseling", "All other topics", 17],
    ],
  );
  const t1 = a.clusterRows().find((r) => r.id === "T1");
  assert.equal(t1?.affective_share, 0.3333);
});
