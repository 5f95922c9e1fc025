import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFAULT_THRESHOLDS } from "../release/gate.ts";
import { baseRecord, type FacetRecord } from "../types.ts";
import type { ValuesFile } from "../values/stage.ts";
import type { AnalysisContext } from "./analysis.ts";
import { ValuesAnalysis } from "./values.ts";

function rec(i: number, o: Partial<FacetRecord>): FacetRecord {
  const r = baseRecord({
    id: `c${i}`,
    userId: `u${i % 50}`,
    source: { file: "f" },
    messages: [{ role: "user", text: "x" }],
    meta: {},
  });
  return {
    ...r,
    subjective: true,
    values_human: [],
    value_response: "mild_support",
    affective: false,
    affective_types: [],
    ...o,
  };
}

const ctx = {
  thresholds: DEFAULT_THRESHOLDS,
  manifest: {} as AnalysisContext["manifest"],
  seed: 42,
} as AnalysisContext;

/** 200 conversations: relationship advice brings "healthy boundaries"; coding brings "accuracy". */
function records(): FacetRecord[] {
  const out: FacetRecord[] = [];
  for (let i = 0; i < 200; i++) {
    const advice = i % 2 === 0;
    out.push(
      rec(i, {
        affective: advice,
        affective_types: advice ? ["interpersonal_advice"] : [],
        values_ai: advice
          ? ["helpfulness", ...(i % 4 === 0 ? ["healthy boundaries"] : [])]
          : ["helpfulness", ...(i % 3 === 0 ? ["accuracy"] : [])],
        value_response: i % 10 === 0 ? "strong_resistance" : "mild_support",
      }),
    );
  }
  // A rare value: 3 conversations of 3 users, never released.
  for (let i = 0; i < 3; i++) out.push(rec(500 + i, { values_ai: ["made-up rare value"] }));
  // Objective conversations do not count.
  for (let i = 0; i < 20; i++) out.push(rec(700 + i, { subjective: false, values_ai: ["helpfulness"] }));
  return out;
}

test("frequencies over subjective conversations, gated, in the published columns", () => {
  const a = new ValuesAnalysis(ctx, null);
  for (const r of records()) a.add(r);
  const rows = a.frequencyRows();
  assert.deepEqual(Object.keys(rows[0] ?? {}), ["value", "pct_convos"]);
  // Helpfulness is in 200 of the 203: the n minus it would be the 3 rare conversations, so it is
  // withheld (its count passes, but not what it leaves).
  assert.ok(!rows.some((r) => r.value === "helpfulness"));
  assert.deepEqual(rows[0], { value: "healthy boundaries", pct_convos: round3((100 * 50) / 203) });
  assert.ok(!rows.some((r) => r.value === "made-up rare value"));
  assert.equal(a.treeRows().length, 0, "no taxonomy without internal/values.json");
});

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

test("situational values: healthy boundaries in interpersonal advice, accuracy elsewhere", () => {
  const a = new ValuesAnalysis(ctx, null);
  for (const r of records()) a.add(r);
  const section = a.finish();
  assert.ok(section);
  const situational = section.figures.find((f) => f.id === "values-situational");
  const cells = (situational?.rows ?? []).map((r) => [r.context, r.value]);
  assert.deepEqual(cells, [
    ["Not affective", "accuracy"],
    ["Interpersonal advice", "healthy boundaries"],
  ]);
  const hb = situational?.rows.find((r) => r.value === "healthy boundaries");
  // Every "healthy boundaries" conversation (50) is interpersonal advice.
  assert.equal(hb?.conversations, 50);
  assert.ok(Number(hb?.residual) > 5);
  assert.ok(Number(hb?.p_bonferroni) < 0.05);
  const response = section.figures.find((f) => f.id === "values-response");
  const strong = response?.rows.find((r) => r.response === "strong_resistance");
  assert.equal(strong?.conversations, 20);
  assert.ok(Number(strong?.ci_low) < 20 / 203 && Number(strong?.ci_high) > 20 / 203);
  assert.match(section.summary[0] ?? "", /subjective/);
});

test("the tree's released rows, and an audited-out group takes its subtree with it", () => {
  const taxonomy: ValuesFile = {
    conversations: 100,
    occurrences: 200,
    reference: null,
    embedder: "offline-phrase",
    levels: [2, 1, 1],
    nodes: [
      {
        id: "honesty",
        name: "honesty",
        description: "",
        level: 0,
        parent: "ai_values:l1:0001",
        values: 1,
        occurrences: 120,
        conversations: 100,
        users: 5,
        released: true,
      },
      {
        id: "secret",
        name: "secret",
        description: "",
        level: 0,
        parent: "ai_values:l1:0001",
        values: 1,
        occurrences: 80,
        conversations: 3,
        users: 3,
        released: false,
      },
      {
        id: "ai_values:l1:0001",
        name: "honesty",
        description: "2 values; the most frequent: honesty.",
        level: 1,
        parent: "ai_values:l2:0001",
        values: 2,
        occurrences: 200,
        conversations: 100,
        users: 5,
        released: true,
      },
      {
        id: "ai_values:l2:0001",
        name: "honesty",
        description: "2 values; the most frequent: honesty.",
        level: 2,
        parent: null,
        values: 2,
        occurrences: 200,
        conversations: 100,
        users: 5,
        released: true,
      },
    ],
  };
  const a = new ValuesAnalysis(ctx, taxonomy);
  // 120 conversations express honesty; 80 of them, of 3 users, also the secret value.
  for (let i = 0; i < 120; i++)
    a.add(
      rec(i, {
        values_ai: i < 80 ? ["honesty", "secret"] : ["honesty"],
        ...(i < 80 && { user_id: `s${i % 3}` }),
      }),
    );
  const rows = a.treeRows();
  assert.deepEqual(Object.keys(rows[0] ?? {}), [
    "cluster_id",
    "description",
    "name",
    "level",
    "parent_cluster_id",
    "pct_total_occurrences",
  ]);
  assert.deepEqual(
    rows.map((r) => [r.cluster_id, r.pct_total_occurrences]),
    [
      // Shares of the mentions of the values shown: the secret value's 80 are in no share (with
      // them, honesty's 60% beside its group's 100% would give the secret value's count).
      ["honesty", 100],
      ["ai_values:l1:0001", 100],
      ["ai_values:l2:0001", 100],
    ],
  );
  const { tree } = a.releaseTables((s) => !s.startsWith("2 values"));
  assert.deepEqual(tree, [], "the top group fails, so nothing under it is released");
  const kept = a.releaseTables(() => true);
  assert.equal(kept.tree.length, 3, "group ids are not audited as text");
});
