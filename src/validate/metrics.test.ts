import assert from "node:assert/strict";
import { test } from "node:test";
import { agreement, binaryScores, rocAuc } from "./metrics.ts";

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} != ${b}`);

test("agreement on a hand-computed 2x2 example", () => {
  // gold yes yes yes no no no no no ; pred yes yes no yes no no no no
  const gold = ["yes", "yes", "yes", "no", "no", "no", "no", "no"];
  const pred = ["yes", "yes", "no", "yes", "no", "no", "no", "no"];
  const a = agreement(gold, pred);
  close(a.accuracy, 6 / 8);
  assert.deepEqual(a.labels, ["no", "yes"]);
  assert.deepEqual(a.confusion, [
    [4, 1],
    [1, 2],
  ]);
  const yes = a.classes.find((c) => c.label === "yes");
  close(yes?.precision ?? 0, 2 / 3);
  close(yes?.recall ?? 0, 2 / 3);
  // p_o = .75, p_e = (5/8)(5/8) + (3/8)(3/8) = 34/64; kappa = (.75 - 34/64) / (1 - 34/64) = 14/30
  close(a.kappa, 14 / 30);
  close(a.macroF1, (0.8 + 2 / 3) / 2);
});

test("perfect agreement has kappa 1; binary scores count the positive class", () => {
  const a = agreement(["a", "b", "c"], ["a", "b", "c"]);
  assert.equal(a.kappa, 1);
  assert.equal(a.accuracy, 1);
  const b = binaryScores([true, true, false, false], [true, false, true, false]);
  close(b.precision, 0.5);
  close(b.recall, 0.5);
  close(b.f1, 0.5);
});

test("ROC AUC: a perfect ranking is 1, a reversed one 0, ties count half", () => {
  assert.equal(rocAuc([true, true, false, false], [4, 3, 2, 1]), 1);
  assert.equal(rocAuc([true, true, false, false], [1, 2, 3, 4]), 0);
  assert.equal(rocAuc([true, false], [2, 2]), 0.5);
  // Positives 3 and 1, negatives 2 and 1: pairs (3>2) 1, (3>1) 1, (1<2) 0, (1=1) 0.5 -> 2.5 / 4.
  close(rocAuc([true, false, true, false], [3, 2, 1, 1]), 2.5 / 4);
  assert.ok(Number.isNaN(rocAuc([true, true], [1, 2])));
});
