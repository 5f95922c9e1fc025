import assert from "node:assert/strict";
import { test } from "node:test";
import { mulberry32 } from "../analyses/stats.ts";
import { normaliseRows } from "../embed/embedder.ts";
import { mapPoints, pca2 } from "./map.ts";

test("the map keeps far-apart centroids apart and near ones together, deterministically", () => {
  const d = 6;
  // Two groups of three points, far apart along one direction, close within each group.
  const rows = [
    [1, 0, 0, 0.1, 0, 0],
    [1, 0.1, 0, 0, 0, 0],
    [1, 0, 0.1, 0, 0, 0],
    [0, 0, 0, 0.1, 1, 0],
    [0, 0.1, 0, 0, 1, 0],
    [0, 0, 0.1, 0, 1, 0],
  ];
  const xy = pca2(Float32Array.from(rows.flat()), rows.length, d, 3);
  const at = (i: number) => [xy[i * 2] as number, xy[i * 2 + 1] as number] as const;
  const dist = (a: number, b: number) => Math.hypot(at(a)[0] - at(b)[0], at(a)[1] - at(b)[1]);
  assert.ok(dist(0, 3) > 5 * dist(0, 1));
  assert.ok(dist(4, 5) < dist(1, 4) / 5);
  assert.deepEqual(pca2(Float32Array.from(rows.flat()), rows.length, d, 3), xy);
});

test("UMAP maps clusters of centroids apart, the same way on every run with the same seed", () => {
  const d = 8;
  const rand = mulberry32(11);
  // Three groups of 20 centroids around three directions.
  const rows: number[][] = [];
  for (let g = 0; g < 3; g++)
    for (let i = 0; i < 20; i++)
      rows.push(Array.from({ length: d }, (_, j) => (j === g ? 1 : 0) + (rand() - 0.5) * 0.2));
  const points = normaliseRows(Float32Array.from(rows.flat()), d);
  const a = mapPoints(points, rows.length, d, { method: "auto", seed: 5 });
  assert.equal(a.method, "umap", "60 clusters: UMAP");
  assert.deepEqual(mapPoints(points, rows.length, d, { method: "umap", seed: 5 }).xy, a.xy);
  const at = (i: number) => [a.xy[i * 2] as number, a.xy[i * 2 + 1] as number] as const;
  const dist = (i: number, j: number) => Math.hypot(at(i)[0] - at(j)[0], at(i)[1] - at(j)[1]);
  // Every point is nearer the centre of its own group than the centre of any other.
  const centre = (g: number) => {
    let x = 0;
    let y = 0;
    for (let i = g * 20; i < g * 20 + 20; i++) [x, y] = [x + at(i)[0] / 20, y + at(i)[1] / 20];
    return [x, y] as const;
  };
  const centres = [0, 1, 2].map(centre);
  for (let i = 0; i < 60; i++) {
    const own = Math.floor(i / 20);
    const d2 = centres.map(([x, y]) => Math.hypot(at(i)[0] - x, at(i)[1] - y));
    assert.ok(
      d2.every((v, g) => g === own || v > (d2[own] as number)),
      `point ${i}`,
    );
  }
  assert.ok(dist(0, 1) < dist(0, 59));
  // Few clusters: "auto" falls back to PCA.
  assert.equal(mapPoints(points.subarray(0, 10 * d), 10, d).method, "pca");
});
