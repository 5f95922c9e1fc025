/**
 * Ingest streams: reading a generated 1,000,000-conversation JSONL keeps peak memory bounded
 * (target: under 500 MB RSS for ingest alone), measured in a child process of its own.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ensureCorpus } from "../bench/corpus.ts";
import { ROOT, tempDir } from "./helpers.ts";

test("ingest of 1,000,000 conversations stays under 500 MB peak RSS", { timeout: 300_000 }, async () => {
  const dir = tempDir();
  try {
    const corpus = await ensureCorpus(dir, 1_000_000);
    const out = execFileSync(
      process.execPath,
      ["--import", "tsx", join(ROOT, "bench", "worker.ts"), "ingest", corpus],
      {
        encoding: "utf8",
      },
    );
    const result = JSON.parse(out.trim().split("\n").at(-1) as string);
    console.log(`# ingest 1M: ${result.seconds.toFixed(1)} s, peak RSS ${result.peak_rss_mb} MB`);
    assert.equal(result.conversations, 1_000_000);
    assert.ok(result.peak_rss_mb < 500, `peak RSS ${result.peak_rss_mb} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
