import assert from "node:assert/strict";
import { test } from "node:test";
import { mulberry32 } from "../analyses/stats.ts";
import { normaliseRows } from "../embed/embedder.ts";
import { buildLevels, type Grouper, levelSizes } from "./hierarchy.ts";

test("level sizes shrink geometrically from the base to the top", () => {
  assert.deepEqual(levelSizes(1000, 10, 3), [1000, 100, 10]);
  assert.deepEqual(levelSizes(10_000, 10, 4), [10_000, 1000, 100, 10]);
  const sizes = levelSizes(640, 10, 3);
  assert.deepEqual(sizes, [640, 80, 10]);
  // Each step divides by the same ratio, (n_top / n_base)^(1/(L-1)).
  assert.ok(Math.abs((sizes[1] as number) / 640 - 10 / (sizes[1] as number)) < 0.01);
  // Few base clusters: fewer levels, each at least a third of the one below, and a smaller top.
  assert.deepEqual(levelSizes(100, 10, 3), [100, 32, 10]);
  assert.deepEqual(levelSizes(30, 10, 3), [30, 10]);
  assert.deepEqual(levelSizes(20, 10, 3), [20, 6]);
  assert.deepEqual(levelSizes(12, 10, 3), [12, 4]);
  assert.deepEqual(levelSizes(5, 10, 3), [5]);
  assert.deepEqual(levelSizes(1000, 10, 1), [1000]);
});

test("levels are built by size-weighted k-means, parents numbered by size", async () => {
  const rand = mulberry32(3);
  const d = 8;
  const n = 200;
  const centroids = normaliseRows(
    Float32Array.from({ length: n * d }, () => rand() - 0.5),
    d,
  );
  const sizes = Float64Array.from({ length: n }, () => 1 + Math.floor(rand() * 50));
  const levels = await buildLevels({ centroids, sizes, dimensions: d }, { seed: 1, levels: 3, top: 5 });
  assert.deepEqual(
    levels.map((lv) => lv.sizes.length),
    [32, 5],
  );
  const total = sizes.reduce((a, b) => a + b, 0);
  for (const lv of levels) {
    assert.equal(
      lv.sizes.reduce((a, b) => a + b, 0),
      total,
    );
    for (let p = 1; p < lv.sizes.length; p++)
      assert.ok((lv.sizes[p - 1] as number) >= (lv.sizes[p] as number));
  }
  const again = await buildLevels({ centroids, sizes, dimensions: d }, { seed: 1, levels: 3, top: 5 });
  assert.deepEqual(again[0]?.parentOf, levels[0]?.parentOf, "deterministic");
});

test("a grouper plugs into the hierarchy slot, seeing weights and the level", async () => {
  const seen: number[] = [];
  const grouper: Grouper = {
    async group({ count, k, weights, level }) {
      seen.push(level ?? -1);
      assert.equal(weights?.length, count);
      return Int32Array.from({ length: count }, (_, i) => i % k);
    },
  };
  const centroids = normaliseRows(
    Float32Array.from({ length: 100 * 4 }, (_, i) => (i % 7) + 1),
    4,
  );
  const levels = await buildLevels(
    { centroids, sizes: new Float64Array(100).fill(1), dimensions: 4 },
    { seed: 1, grouper },
  );
  assert.deepEqual(seen, [1, 2]);
  assert.deepEqual(
    levels.map((lv) => lv.sizes.length),
    [32, 10],
  );
});
