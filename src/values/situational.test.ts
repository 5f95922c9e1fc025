import assert from "node:assert/strict";
import { test } from "node:test";
import { chiSquareUpperTail, erfc, normalUpperTail } from "../analyses/stats.ts";
import { contingency, situational } from "./situational.ts";

const close = (a: number, b: number, tol = 1e-6) =>
  assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} is not ${b}`);

test("a 2x2 table: expected counts, adjusted residuals and chi-square by hand", () => {
  // N = 100, rows 30 / 70, columns 40 / 60. E11 = 30 * 40 / 100 = 12, E12 = 18, E21 = 28, E22 = 42.
  // r11 = (10 - 12) / sqrt(12 * (1 - 0.3) * (1 - 0.4)) = -2 / sqrt(5.04) = -0.890871.
  // In a 2x2 table every |r| is sqrt(chi2): chi2 = N (ad - bc)^2 / (R1 R2 C1 C2)
  //   = 100 * (400 - 600)^2 / (30 * 70 * 40 * 60) = 0.793651, sqrt = 0.890871; p = 0.372998
  // (scipy.stats.chi2_contingency(t, correction=False) gives the same 0.7936508, dof 1, p 0.3729985).
  const r = contingency([
    [10, 20],
    [30, 40],
  ]);
  assert.deepEqual(r.expected, [
    [12, 18],
    [28, 42],
  ]);
  close(r.residuals[0]?.[0] as number, -0.890871);
  close(r.residuals[0]?.[1] as number, 0.890871);
  close(r.residuals[1]?.[0] as number, 0.890871);
  close(r.residuals[1]?.[1] as number, -0.890871);
  close(r.chiSquare, 0.793651);
  assert.equal(r.df, 1);
  close(r.p, 0.37299848);
  close((r.residuals[0]?.[0] as number) ** 2, r.chiSquare);
});

test("an r x c table with margins of 100: residuals in closed form", () => {
  // Every row and column sums to 100, N = 300, so every E = 100/3 and every residual's denominator is
  // sqrt(100/3 * 2/3 * 2/3) = 20 / (3 sqrt 3) = 3.849002. So r = (O - 33.3333) / 3.849002:
  // O = 20 -> -2 sqrt 3 = -3.464102; O = 30 -> -sqrt(3)/2 = -0.866025; O = 50 -> 5 sqrt(3)/2 = 4.330127;
  // O = 40 -> sqrt 3 = 1.732051; O = 10 -> -7 sqrt(3)/2 = -6.062178.
  // chi2 = sum (O - E)^2 / E = 42 exactly, df 4, p = 1.668163e-8 (scipy.stats.chi2_contingency agrees).
  const r = contingency([
    [20, 30, 50],
    [30, 30, 40],
    [50, 40, 10],
  ]);
  const s3 = Math.sqrt(3);
  const want = [
    [-2 * s3, -s3 / 2, (5 * s3) / 2],
    [-s3 / 2, -s3 / 2, s3],
    [(5 * s3) / 2, s3, (-7 * s3) / 2],
  ];
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++) close(r.residuals[i]?.[j] as number, want[i]?.[j] as number);
  close(r.chiSquare, 42);
  assert.equal(r.df, 4);
  close(r.p, 1.668163294e-8, 1e-6);
});

test("an uneven 4 x 3 table matches scipy", () => {
  // scipy 1.17: chi2_contingency -> 25.339263, dof 6, p 0.000295427; adjusted residuals from
  // (O - E) / sqrt(E (1 - R/N) (1 - C/N)) with numpy: r[0][0] = 2.4, r[2][2] = 4.458117, r[2][0] = -3.232541.
  const r = contingency([
    [12, 5, 3],
    [7, 9, 4],
    [2, 6, 14],
    [9, 8, 1],
  ]);
  close(r.expected[2]?.[1] as number, 7.7);
  close(r.residuals[0]?.[0] as number, 2.4);
  close(r.residuals[2]?.[2] as number, 4.458117);
  close(r.residuals[2]?.[0] as number, -3.232541);
  close(r.residuals[3]?.[2] as number, -2.368507);
  close(r.chiSquare, 25.339263);
  assert.equal(r.df, 6);
  close(r.p, 0.000295427285, 1e-6);
});

test("tail probabilities against published values", () => {
  // scipy.stats.chi2.sf and norm.sf.
  close(chiSquareUpperTail(3.841459, 1), 0.05, 1e-5);
  close(chiSquareUpperTail(9.487729, 4), 0.05, 1e-5);
  close(chiSquareUpperTail(124.342, 100), 0.0500007, 1e-4);
  close(chiSquareUpperTail(0.5, 3), 0.91889141, 1e-6);
  close(chiSquareUpperTail(60, 10), 3.6243009e-9, 1e-5);
  close(2 * normalUpperTail(1.96), 0.04999579, 1e-6);
  close(2 * normalUpperTail(5), 5.733031e-7, 1e-5);
  close(2 * normalUpperTail(8), 1.2441921e-15, 1e-5);
  close(erfc(0), 1, 1e-12);
  close(erfc(-1), 2 - erfc(1), 1e-12);
});

test("situational: over-represented cells per context after Bonferroni", () => {
  // The 3 x 3 table above: the positive cells are r = 4.33 (twice), 1.73 (twice). 9 cells tested:
  // p(4.330127) two-sided = 1.49e-5, x 9 = 1.34e-4 < 0.05: kept; p(1.732051) = 0.0833 x 9 > 1: dropped.
  const s = situational(
    ["a", "b", "c"],
    ["x", "y", "z"],
    [
      [20, 30, 50],
      [30, 30, 40],
      [50, 40, 10],
    ],
  );
  assert.equal(s.tested, 9);
  assert.deepEqual(
    s.over.map((c) => [c.row, c.column]),
    [
      ["c", "x"],
      ["a", "z"],
    ],
  );
  close(s.over[0]?.residual as number, 4.330127);
  close(s.over[0]?.pBonferroni as number, 9 * 2 * 7.45e-6, 2e-3);
  assert.equal(s.over[0]?.observed, 50);
});

test("empty rows or columns give no residual and do not count as degrees of freedom", () => {
  const r = contingency([
    [5, 0, 5],
    [0, 0, 0],
    [5, 0, 10],
  ]);
  assert.ok(Number.isNaN(r.residuals[1]?.[0] as number));
  assert.ok(Number.isNaN(r.residuals[0]?.[1] as number));
  assert.equal(r.df, 1);
});

test("with margins, each cell is tested against its own 2x2 table (overlapping rows and columns)", () => {
  // A value in 30 of 100 conversations, a context of 40, 22 with both: the 2x2 of the first test
  // above with a = 22 (b = 8, c = 18, d = 52). E = 12, r = (22 - 12) / sqrt(5.04) = 4.454354.
  // The other cell (a value of 50, the same context, 10 together): E = 20, r = -10 / sqrt(20 * 0.5 * 0.6) = -4.082483.
  const r = situational(["v", "w"], ["c"], [[22], [10]], {
    margins: { rows: [30, 50], columns: [40], n: 100 },
  });
  assert.equal(r.tested, 2);
  assert.equal(r.over.length, 1);
  const cell = r.over[0];
  assert.equal(cell?.row, "v");
  close(cell?.expected as number, 12);
  close(cell?.residual as number, 4.454354);
  close(cell?.pBonferroni as number, Math.min(1, 2 * normalUpperTail(4.454354) * 2));
});
