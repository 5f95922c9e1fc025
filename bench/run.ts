/**
 * `npm run bench`: speed and memory, each as a ratio against a baseline measured in the same run.
 *   - ingest: convoscope's streaming readers vs a bare readline + JSON.parse of the same JSONL;
 *   - ingest+facets: the offline facet engine on top (target: at most 3x the bare read+parse);
 *   - ingest+redact: redaction of personal data on top of reading;
 *   - ingest+redact+facets: the whole per-conversation stage, as `convoscope study` runs it;
 *   - model.ts: the model engine's tokens, calls and cost per conversation against the scripted server.
 * Peak RSS per task comes from a separate process each. BENCH_CONVERSATIONS sets the corpus size
 * (default 200,000; the foundation's memory check uses 1,000,000).
 */
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureCorpus } from "./corpus.ts";

const here = dirname(fileURLToPath(import.meta.url));
const size = Number(process.env.BENCH_CONVERSATIONS ?? 200_000);
const corpus = await ensureCorpus(join(here, "..", ".bench-tmp"), size);

interface Result {
  task: string;
  conversations: number;
  seconds: number;
  peak_rss_mb: number;
}

function run(task: string): Result {
  const out = execFileSync(process.execPath, ["--import", "tsx", join(here, "worker.ts"), task, corpus], {
    encoding: "utf8",
  });
  return JSON.parse(out.trim().split("\n").at(-1) as string) as Result;
}

const results = ["read+parse", "ingest", "ingest+facets", "ingest+redact", "ingest+redact+facets"].map(run);
const base = results[0] as Result;
console.log(`corpus: ${size.toLocaleString("en")} conversations (${corpus})`);
console.log("task                  conv/s    seconds  peak RSS MB  time vs read+parse");
for (const r of results) {
  const rate = Math.round(r.conversations / r.seconds);
  console.log(
    `${r.task.padEnd(20)}  ${String(rate).padStart(9)}  ${r.seconds.toFixed(2).padStart(7)}  ${String(r.peak_rss_mb).padStart(11)}  ${(r.seconds / base.seconds).toFixed(2)}x`,
  );
}

// k-means at scale, in its own process (BENCH_CLUSTER_N points; 0 skips it).
if (Number(process.env.BENCH_CLUSTER_N ?? 60_000) > 0) {
  const out = execFileSync(process.execPath, ["--import", "tsx", join(here, "cluster.ts")], {
    encoding: "utf8",
    env: { ...process.env, BENCH_CLUSTER_N: process.env.BENCH_CLUSTER_N ?? "60000" },
  });
  process.stdout.write(out);
}

// The model engine's token and cost figures against the scripted server (BENCH_MODEL=0 skips them).
if (process.env.BENCH_MODEL !== "0") {
  const out = execFileSync(process.execPath, ["--import", "tsx", join(here, "model.ts")], {
    encoding: "utf8",
  });
  process.stdout.write(out);
}
