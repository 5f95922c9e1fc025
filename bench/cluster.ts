/**
 * k-means at scale: BENCH_CLUSTER_N points of 128 dimensions (default 60,000 from `npm run bench`; the
 * target is 1,000,000) into 1,000 clusters, against the time of one full Lloyd assignment pass (every
 * point against every centre, with the same kernel), measured in the same run. Also shown: a plain
 * one-dot-product-at-a-time pass over a slice, scaled, to show what the blocked kernel gains.
 * Then the consensus k-means the study uses on smaller corpora (10,000 x 50 into 100 clusters, as
 * many runs as `consensusRuns` allows) against one k-means run of the same data.
 */
import { mulberry32 } from "../src/analyses/stats.ts";
import { assign } from "../src/cluster/assign.ts";
import { consensusKmeans, consensusRuns } from "../src/cluster/consensus.ts";
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
const probe = data.slice(0, k * d);

// Baseline: one full Lloyd assignment pass, every point against k centres.
let t0 = performance.now();
assign(data, d, 0, n, probe, k, new Int32Array(n), new Float32Array(n));
const pass = (performance.now() - t0) / 1000;

// For reference: the same pass one dot product at a time, on a slice, scaled to n.
const slice = Math.min(n, 10_000);
t0 = performance.now();
let checksum = 0;
for (let i = 0; i < slice; i++) {
  let best = -2;
  for (let c = 0; c < k; c++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += (data[i * d + j] as number) * (probe[c * d + j] as number);
    if (s > best) best = s;
  }
  checksum += best;
}
const plain = ((performance.now() - t0) / 1000) * (n / slice);

t0 = performance.now();
const result = kmeans(data, d, { k, seed: 42 });
const seconds = (performance.now() - t0) / 1000;
console.log(`k-means: ${n.toLocaleString("en")} x ${d} into ${k} clusters (checksum ${checksum.toFixed(1)})`);
console.log(
  `  one full assignment pass  ${pass.toFixed(1)} s  (one dot product at a time: ~${plain.toFixed(1)} s)`,
);
console.log(
  `  mini-batch k-means        ${seconds.toFixed(1)} s  (${(seconds / pass).toFixed(2)}x one pass, objective ${result.objective.toFixed(0)})`,
);

// Consensus at the size where the study uses it: 10,000 texts, 50-d LSA, 100 base clusters.
const cn = 10_000;
const cd = 50;
const ck = 100;
const small = normaliseRows(
  Float32Array.from(
    { length: cn * cd },
    (_, i) => (centres[(i % cd) + cd * (Math.floor(i / cd) % 500)] as number) + (rand() - 0.5) * 0.3,
  ),
  cd,
);
t0 = performance.now();
kmeans(small, cd, { k: ck, seed: 42 });
const one = (performance.now() - t0) / 1000;
const runs = consensusRuns(cn, ck, cd);
t0 = performance.now();
consensusKmeans(small, cd, { k: ck, seed: 42, runs });
const consensus = (performance.now() - t0) / 1000;
console.log(
  `  consensus k-means         ${consensus.toFixed(1)} s  (${cn.toLocaleString("en")} x ${cd} into ${ck}, ${runs} runs + vote: ${(consensus / one).toFixed(1)}x one k-means run, ${one.toFixed(1)} s)`,
);
