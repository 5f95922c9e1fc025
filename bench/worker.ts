/**
 * One benchmark task in its own process, so its peak RSS is its own. Prints one JSON line:
 * { task, conversations, seconds, peak_rss_mb }.
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { readConversations } from "../src/ingest/index.ts";
import { analyseConversation } from "../src/pipeline/per-conversation.ts";

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

async function ingest(file: string, analyse: boolean): Promise<number> {
  let n = 0;
  for await (const conversation of readConversations(file)) {
    if (analyse) analyseConversation(conversation);
    n++;
  }
  return n;
}

const t0 = performance.now();
const conversations =
  task === "read+parse" ? await bareParse(path) : await ingest(path, task === "ingest+facets");
const seconds = (performance.now() - t0) / 1000;
const peak = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ task, conversations, seconds, peak_rss_mb: Math.round(peak) }));
