/**
 * One benchmark task in its own process, so its peak RSS is its own. Prints one JSON line:
 * { task, conversations, seconds, cpu_seconds, peak_rss_mb } (CPU: user + system time of the timed part).
 */
import { createReadStream } from "node:fs";
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

async function ingest(file: string, stage: (c: Conversation) => unknown): Promise<number> {
  let n = 0;
  for await (const conversation of readConversations(file)) {
    stage(conversation);
    n++;
  }
  return n;
}

const t0 = performance.now();
const cpu0 = process.cpuUsage();
const stage = STAGES[task];
if (task !== "read+parse" && !stage) throw new Error(`unknown task ${task}`);
const conversations = stage ? await ingest(path, stage) : await bareParse(path);
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const peak = process.resourceUsage().maxRSS / 1024;
console.log(
  JSON.stringify({ task, conversations, seconds, cpu_seconds: cpuSeconds, peak_rss_mb: Math.round(peak) }),
);
