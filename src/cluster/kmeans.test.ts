import assert from "node:assert/strict";
import { test } from "node:test";
import { mulberry32 } from "../analyses/stats.ts";
import { normaliseRows } from "../embed/embedder.ts";
import { adjustedRand } from "./agreement.ts";
import { defaultK, kmeans } from "./kmeans.ts";

/** n points around each of k random unit directions in d dimensions, with their true labels. */
function blobs(
  k: number,
  perBlob: number,
  d: number,
  noise: number,
  seed: number,
): { data: Float32Array; truth: number[] } {
  const rand = mulberry32(seed);
  const centres = normaliseRows(
    Float32Array.from({ length: k * d }, () => rand() - 0.5),
    d,
  );
  const data = new Float32Array(k * perBlob * d);
  const truth: number[] = [];
  for (let c = 0; c < k; c++) {
    for (let p = 0; p < perBlob; p++) {
      const row = (c * perBlob + p) * d;
      for (let j = 0; j < d; j++) data[row + j] = (centres[c * d + j] as number) + (rand() - 0.5) * noise;
      truth.push(c);
    }
  }
  return { data: normaliseRows(data, d), truth };
}

test("k-means recovers well-separated clusters, with Lloyd and with mini-batches", () => {
  const { data, truth } = blobs(8, 300, 32, 0.3, 1);
  const lloyd = kmeans(data, 32, { k: 8, seed: 3, restarts: 3 });
  assert.ok(adjustedRand(Array.from(lloyd.labels), truth) > 0.95);
  const mini = kmeans(data, 32, { k: 8, seed: 3, restarts: 3, miniBatchAbove: 100, batchSize: 256 });
  assert.ok(adjustedRand(Array.from(mini.labels), truth) > 0.9);
});

test("the same seed gives the same clusters", () => {
  const { data } = blobs(5, 100, 16, 1.5, 2);
  assert.deepEqual(kmeans(data, 16, { k: 5, seed: 9 }).labels, kmeans(data, 16, { k: 5, seed: 9 }).labels);
});

test("k follows Clio's ~100 conversations per cluster by default", () => {
  assert.equal(defaultK(10_000), 100);
  assert.equal(defaultK(50), 2);
});
