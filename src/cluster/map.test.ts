import assert from "node:assert/strict";
import { test } from "node:test";
import { pca2 } from "./map.ts";

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
