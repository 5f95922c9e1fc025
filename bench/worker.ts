/**
 * One benchmark task in its own process, so its peak RSS is its own. Prints one JSON line:
 * { task, conversations, seconds, cpu_seconds, peak_rss_mb } (CPU: user + system time of the timed part).
 */
import { createReadStream } from "node:fs";
import { availableParallelism } from "node:os";
import { createInterface } from "node:readline";
import { extractOfflineFacets } from "../src/facets/index.ts";
import { readConversations } from "../src/ingest/index.ts";
import { analyseConversation } from "../src/pipeline/per-conversation.ts";
import { redactConversation } from "../src/privacy/redact.ts";
import type { Conversation } from "../src/types.ts";

const [task, path] = process.argv.slice(2);
if (!task || !path) throw new Error("usage: worker.ts TASK CORPUS");

async function bareParse(file: string): Promise<number> {
  let n = 0;
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (line.length > 0 && JSON.parse(line)) n++;
  }
  return n;
}

/** What each task does to every conversation after reading it. */
const STAGES: Record<string, (c: Conversation) => unknown> = {
  ingest: () => {},
  "ingest+facets": (c) => extractOfflineFacets(c),
  "ingest+redact": (c) => redactConversation(c),
  "ingest+redact+facets": (c) => analyseConversation(c),
};

/**
 * The per-conversation stage on the facet pool (facet-pool.ts), as `convoscope study` runs it with
 * workers: BENCH_WORKERS threads (default: one per core beyond this one, at least one). From the
 * compiled build (bench/run.ts builds it first), as an installed convoscope runs: a worker started
 * from the .ts sources spends seconds loading them through tsx. With `instant`, workers that answer
 * at once (bench/instant-worker.mjs): what is left is the main thread's own share (reading, copying
 * out, taking the lines back), the bound on what any number of cores can gain.
 */
async function pooled(file: string, instant: boolean): Promise<number> {
  const { FacetPool, OrderedAnalysis } = built.pool as typeof import("../src/pipeline/facet-pool.ts");
  const { readConversations } = built.ingest as typeof import("../src/ingest/index.ts");
  const workers = Number(process.env.BENCH_WORKERS ?? Math.max(1, availableParallelism() - 1));
  const pool = FacetPool.start(
    workers,
    instant ? new URL("./instant-worker.mjs", import.meta.url) : undefined,
  );
  let n = 0;
  let bytes = 0;
  const analysis = new OrderedAnalysis(pool, async ({ json }) => {
    bytes += json.length;
  });
  try {
    for await (const conversation of readConversations(file)) {
      await analysis.push(conversation, false);
      n++;
    }
    await analysis.finish();
  } finally {
    await pool.close();
  }
  if (bytes === 0) throw new Error("the pool returned no records");
  return n;
}

async function ingest(file: string, stage: (c: Conversation) => unknown): Promise<number> {
  let n = 0;
  for await (const conversation of readConversations(file)) {
    stage(conversation);
    n++;
  }
  return n;
}

const POOLED: Record<string, boolean> = { pool: false, "pool ceiling": true };
// The compiled modules the pool tasks run, loaded before the clock starts (as the sources above are).
const dist = new URL("../dist/", import.meta.url);
const built =
  task in POOLED
    ? {
        pool: await import(new URL("pipeline/facet-pool.js", dist).href),
        ingest: await import(new URL("ingest/index.js", dist).href),
      }
    : { pool: null, ingest: null };

const t0 = performance.now();
const cpu0 = process.cpuUsage();
const stage = STAGES[task];
if (task !== "read+parse" && !stage && !(task in POOLED)) throw new Error(`unknown task ${task}`);
const conversations = stage
  ? await ingest(path, stage)
  : task in POOLED
    ? await pooled(path, POOLED[task] === true)
    : await bareParse(path);
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const peak = process.resourceUsage().maxRSS / 1024;
console.log(
  JSON.stringify({ task, conversations, seconds, cpu_seconds: cpuSeconds, peak_rss_mb: Math.round(peak) }),
);
