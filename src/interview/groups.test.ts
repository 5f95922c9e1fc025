import assert from "node:assert/strict";
import { test } from "node:test";
import { chiSquareUpperTail as chiSquareSurvival } from "../analyses/stats.ts";
import type { Conversation } from "../types.ts";
import { chiSquareTest, groupOf, holm } from "./groups.ts";

const conversation = (file: string, meta: Record<string, unknown> = {}): Conversation => ({
  id: "x",
  source: { file, line: 2 },
  messages: [{ role: "user", text: "hi" }],
  meta,
});

test("groups come from the input file's name or from a column", () => {
  assert.equal(groupOf(conversation("data/creatives_transcripts.csv.gz"), "file"), "creatives_transcripts");
  assert.equal(groupOf(conversation("a.csv", { cohort: " workforce " }), "cohort"), "workforce");
  assert.equal(groupOf(conversation("a.csv", { cohort: "" }), "cohort"), null);
  assert.equal(groupOf(conversation("a.csv"), undefined), null);
});

test("chi-square survival matches the table values", () => {
  assert.ok(Math.abs(chiSquareSurvival(3.841, 1) - 0.05) < 1e-3);
  assert.ok(Math.abs(chiSquareSurvival(5.991, 2) - 0.05) < 1e-3);
  assert.ok(Math.abs(chiSquareSurvival(18.307, 10) - 0.05) < 1e-3);
  assert.ok(Math.abs(chiSquareSurvival(1, 3) - 0.8013) < 1e-3);
  assert.equal(chiSquareSurvival(0, 4), 1);
});

test("for two groups the chi-square test is the two-proportion z-test squared", () => {
  const a = { k: 23, n: 125 };
  const b = { k: 58, n: 125 };
  const test2 = chiSquareTest([a, b]);
  const p = (a.k + b.k) / (a.n + b.n);
  const z = (b.k / b.n - a.k / a.n) / Math.sqrt(p * (1 - p) * (1 / a.n + 1 / b.n));
  assert.ok(Math.abs(test2.statistic - z * z) < 1e-9);
  assert.equal(test2.df, 1);
  assert.ok(test2.p < 1e-5);
  // No difference, no evidence.
  assert.ok(
    chiSquareTest([
      { k: 30, n: 100 },
      { k: 30, n: 100 },
    ]).p > 0.999,
  );
  assert.equal(
    chiSquareTest([
      { k: 0, n: 50 },
      { k: 0, n: 50 },
    ]).p,
    1,
  );
});

test("Holm's correction is step-down and monotone", () => {
  assert.deepEqual(holm([0.01, 0.04, 0.03, 0.005]), [0.03, 0.06, 0.06, 0.02]);
  assert.deepEqual(holm([0.5]), [0.5]);
  assert.deepEqual(holm([0.9, 0.8]), [1, 1]);
});
