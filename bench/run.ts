/**
 * `npm run bench`: speed and memory, each as a ratio against a baseline measured in the same run.
 *   - ingest: convoscope's streaming readers vs a bare readline + JSON.parse of the same JSONL;
 *   - ingest+facets: the offline facet engine on top (target: at most 3x the bare read+parse);
 *   - ingest+redact: redaction of personal data on top of reading;
 *   - ingest+redact+facets: the whole per-conversation stage, as `convoscope study` runs it;
 *   - pool: the same stage on worker threads (BENCH_WORKERS, default one per core beyond the first,
 *     at least one), from the compiled build, which this script makes first; "pool ceiling" is the
 *     pool with workers that answer at once: the main thread's own share, the bound on any gain;
 *   - model.ts: the model engine's tokens, calls and cost per conversation against the scripted server.
 * Peak RSS per task comes from a separate process each. BENCH_CONVERSATIONS sets the corpus size
 * (default 200,000; the foundation's memory check uses 1,000,000). On a shared machine one run is
 * noisy: BENCH_REPEAT (default 3) runs every task that many times, interleaved, and reports the
 * median, both of wall time and of the process's CPU time (which other users' load disturbs less).
 * The same tasks run over real conversations where ../shared/data is present (HH-RLHF and ESConv,
 * written as JSONL to the system's temporary folder, never into the project). Then the stages:
 * microseconds per conversation for each part of the per-conversation work.
 */
import { execFileSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureCorpus, realCorpus } from "./corpus.ts";

const here = dirname(fileURLToPath(import.meta.url));
const size = Number(process.env.BENCH_CONVERSATIONS ?? 200_000);
const repeat = Math.max(1, Number(process.env.BENCH_REPEAT ?? 3));
const corpus = await ensureCorpus(join(here, "..", ".bench-tmp"), size);
// The pool's workers run the compiled build, as an installed convoscope does: build it from these sources.
execFileSync(
  process.execPath,
  [
    join(here, "..", "node_modules", "typescript", "bin", "tsc"),
    "-p",
    join(here, "..", "tsconfig.build.json"),
  ],
  { stdio: "inherit" },
);

interface Result {
  task: string;
  conversations: number;
  seconds: number;
  cpu_seconds: number;
  peak_rss_mb: number;
}

function run(task: string, file: string): Result {
  const out = execFileSync(process.execPath, ["--import", "tsx", join(here, "worker.ts"), task, file], {
    encoding: "utf8",
  });
  return JSON.parse(out.trim().split("\n").at(-1) as string) as Result;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/** Every task over one corpus, `repeat` times interleaved; prints the medians against read+parse. */
function table(file: string, label: string, tasks: string[]): void {
  const runs = new Map<string, Result[]>(tasks.map((t) => [t, []]));
  for (let r = 0; r < repeat; r++) for (const task of tasks) runs.get(task)?.push(run(task, file));
  const results = tasks.map((task) => {
    const rs = runs.get(task) as Result[];
    return {
      task,
      conversations: (rs[0] as Result).conversations,
      seconds: median(rs.map((r) => r.seconds)),
      cpu_seconds: median(rs.map((r) => r.cpu_seconds)),
      peak_rss_mb: Math.max(...rs.map((r) => r.peak_rss_mb)),
    };
  });
  const base = results[0] as Result;
  const byTask = new Map(results.map((r) => [r.task, r]));
  console.log(`corpus: ${label}; median of ${repeat} run(s)`);
  console.log(
    "task                  conv/s    seconds  CPU µs/conv  peak RSS MB  time vs read+parse  CPU vs read+parse",
  );
  for (const r of results) {
    const rate = Math.round(r.conversations / r.seconds);
    const cpuUs = (r.cpu_seconds * 1e6) / r.conversations;
    console.log(
      `${r.task.padEnd(20)}  ${String(rate).padStart(9)}  ${r.seconds.toFixed(2).padStart(7)}  ${cpuUs.toFixed(1).padStart(11)}  ${String(r.peak_rss_mb).padStart(11)}  ${`${(r.seconds / base.seconds).toFixed(2)}x`.padStart(18)}  ${`${(r.cpu_seconds / base.cpu_seconds).toFixed(2)}x`.padStart(17)}`,
    );
  }
  const one = byTask.get("ingest+redact+facets");
  const pool = byTask.get("pool");
  const ceiling = byTask.get("pool ceiling");
  if (one && pool && ceiling)
    console.log(
      `pool, ${workers} worker(s) on ${availableParallelism()} cores: ${(one.seconds / pool.seconds).toFixed(2)}x the speed of ingest+redact+facets in one thread; ` +
        `its main thread's share alone bounds any number of cores at ${(one.seconds / ceiling.seconds).toFixed(2)}x`,
    );
}
const workers = Number(process.env.BENCH_WORKERS ?? Math.max(1, availableParallelism() - 1));

table(corpus, `${size.toLocaleString("en")} generated conversations (${corpus})`, [
  "read+parse",
  "ingest",
  "ingest+facets",
  "ingest+redact",
  "ingest+redact+facets",
  "pool",
  "pool ceiling",
]);

// Real text, where ../shared/data is present: the generated corpus repeats a few messages, so its
// words are always already known; real conversations bring tens of thousands of word forms.
const real = await realCorpus(process.env.CONVOSCOPE_DATA ?? join(here, "..", "..", "shared", "data"));
if (real)
  table(real.path, real.label, [
    "read+parse",
    "ingest",
    "ingest+facets",
    "ingest+redact+facets",
    "pool",
    "pool ceiling",
  ]);

// Where the per-conversation time goes, in its own process.
process.stdout.write(
  execFileSync(process.execPath, ["--import", "tsx", join(here, "stages.ts"), corpus], { encoding: "utf8" }),
);

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
