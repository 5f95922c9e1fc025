/**
 * k-means at scale: BENCH_CLUSTER_N points of 128 dimensions (default 60,000 from `npm run bench`; the target is
 * 1,000,000) into 1,000 clusters, against the time of one full assignment pass (every point against
 * every centre), measured in the same run. Prints seconds and the ratio.
 */
import { mulberry32 } from "../src/analyses/stats.ts";
import { kmeans } from "../src/cluster/kmeans.ts";
import { normaliseRows } from "../src/embed/embedder.ts";

const n = Number(process.env.BENCH_CLUSTER_N ?? 60_000);
const d = 128;
const k = 1000;
const rand = mulberry32(7);
// Points around 2,000 random directions, so the clusters are real but not trivially separated.
const centres = normaliseRows(
  Float32Array.from({ length: 2000 * d }, () => rand() - 0.5),
  d,
);
const data = new Float32Array(n * d);
for (let i = 0; i < n; i++) {
  const c = Math.floor(rand() * 2000);
  for (let j = 0; j < d; j++) data[i * d + j] = (centres[c * d + j] as number) + (rand() - 0.5) * 0.2;
}
normaliseRows(data, d);

// Baseline: one full pass assigning every point to its nearest of k centres.
const probe = data.subarray(0, k * d);
let t0 = performance.now();
let checksum = 0;
for (let i = 0; i < n; i++) {
  let best = -2;
  for (let c = 0; c < k; c++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += (data[i * d + j] as number) * (probe[c * d + j] as number);
    if (s > best) best = s;
  }
  checksum += best;
}
const pass = (performance.now() - t0) / 1000;

t0 = performance.now();
const result = kmeans(data, d, { k, seed: 42 });
const seconds = (performance.now() - t0) / 1000;
console.log(`k-means: ${n.toLocaleString("en")} x ${d} into ${k} clusters (checksum ${checksum.toFixed(1)})`);
console.log(`  one full assignment pass  ${pass.toFixed(1)} s`);
console.log(
  `  mini-batch k-means        ${seconds.toFixed(1)} s  (${(seconds / pass).toFixed(2)}x one pass, objective ${result.objective.toFixed(0)})`,
);
