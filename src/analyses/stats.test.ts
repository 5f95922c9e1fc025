import assert from "node:assert/strict";
import { test } from "node:test";
import { bootstrapMean, mulberry32, ranks, spearman, wilson } from "./stats.ts";

const near = (a: number, b: number, eps = 1e-4) => assert.ok(Math.abs(a - b) < eps, `${a} vs ${b}`);

test("Wilson interval matches a hand-computed value", () => {
  // k = 10, n = 100, z = 1.96: centre = (0.1 + 0.019208) / 1.038416 = 0.114799;
  // half = 1.96 * sqrt(0.0009 + 0.000096040) / 1.038416 = 0.059580 -> [0.05523, 0.17438]
  const w = wilson(10, 100);
  near(w.p, 0.1);
  near(w.lo, 0.05523);
  near(w.hi, 0.17437);
  assert.deepEqual(wilson(0, 0), { p: 0, lo: 0, hi: 0 });
  assert.equal(wilson(0, 20).lo, 0);
});

test("bootstrap is seeded: same seed, same interval; the interval holds the mean", () => {
  const values = Array.from({ length: 200 }, (_, i) => Math.sin(i) * 0.5 + 0.1);
  const a = bootstrapMean(values, { seed: 7 });
  const b = bootstrapMean(values, { seed: 7 });
  assert.deepEqual(a, b);
  assert.ok(a.lo < a.mean && a.mean < a.hi);
  const c = bootstrapMean(values, { seed: 8 });
  assert.notDeepEqual(a, c);
  // Constant data: the interval collapses on the value.
  assert.deepEqual(bootstrapMean([0.5, 0.5, 0.5], { seed: 1 }), { mean: 0.5, lo: 0.5, hi: 0.5 });
});

test("Spearman uses average ranks for ties", () => {
  assert.deepEqual(ranks([10, 20, 20, 30]), [1, 2.5, 2.5, 4]);
  near(spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]), 0.82078, 1e-4);
  near(spearman([1, 2, 3], [3, 2, 1]), -1);
});

test("mulberry32 is deterministic and uniform-ish", () => {
  const r = mulberry32(42);
  const xs = Array.from({ length: 10000 }, r);
  assert.deepEqual(xs.slice(0, 3), Array.from({ length: 3 }, mulberry32(42)));
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  near(mean, 0.5, 0.02);
});
