/** The facet pool: the same records, in the same order, whichever thread analysed them. */
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { tempDir } from "../../test/helpers.ts";
import { readConversations } from "../ingest/index.ts";
import type { Conversation } from "../types.ts";
import { defaultWorkers, FacetPool, OrderedAnalysis } from "./facet-pool.ts";

const EXAMPLE = join(import.meta.dirname, "..", "..", "examples", "conversations.jsonl");

async function lines(conversations: Conversation[], pool: FacetPool | null): Promise<string[]> {
  const out: string[] = [];
  const analysis = new OrderedAnalysis(pool, async ({ json }) => {
    out.push(json);
  });
  for (const [i, c] of conversations.entries()) await analysis.push(c, i % 7 === 0);
  await analysis.finish();
  return out;
}

test("records from two workers equal, line for line and in order, those analysed in this thread", async () => {
  const conversations: Conversation[] = [];
  for await (const c of readConversations(EXAMPLE)) conversations.push(c);
  assert.ok(conversations.length > 3 * 256, "several batches, and a last one that is not full");
  const here = await lines(conversations, null);
  const pool = FacetPool.start(2);
  try {
    assert.deepEqual(await lines(conversations, pool), here);
  } finally {
    await pool.close();
  }
  assert.equal(here.length, conversations.length);
  assert.equal(JSON.parse(here[0] as string).id, conversations[0]?.id);
});

test("a worker that dies fails the batches it held, and every later one", async () => {
  const dir = tempDir();
  const entry = join(dir, "dies.mjs");
  writeFileSync(
    entry,
    'import { parentPort } from "node:worker_threads";\nparentPort.on("message", () => process.exit(3));\n',
  );
  const pool = FacetPool.start(1, pathToFileURL(entry));
  try {
    await assert.rejects(pool.analyse([], []), /facet worker stopped \(exit code 3\)/);
    await assert.rejects(pool.analyse([], []), /exit code 3/);
  } finally {
    await pool.close();
  }
});

test("a worker that exits of itself, even with code 0, fails its batches instead of leaving them pending", async () => {
  const dir = tempDir();
  const entry = join(dir, "leaves.mjs");
  writeFileSync(
    entry,
    'import { parentPort } from "node:worker_threads";\nparentPort.on("message", () => process.exit(0));\n',
  );
  const pool = FacetPool.start(1, pathToFileURL(entry));
  try {
    await assert.rejects(pool.analyse([], []), /exit code 0/);
  } finally {
    await pool.close();
  }
});

test("an error inside the worker comes back with its batch", async () => {
  const pool = FacetPool.start(1);
  try {
    const broken = { id: "x", messages: null } as unknown as Conversation;
    await assert.rejects(pool.analyse([broken], [false]), /^Error: facet worker: /);
  } finally {
    await pool.close();
  }
});

test("workers by default: one per spare core, at most 8, none below 4 cores", () => {
  assert.equal(defaultWorkers(1), 0);
  assert.equal(defaultWorkers(2), 0);
  assert.equal(defaultWorkers(3), 0);
  assert.equal(defaultWorkers(4), 3);
  assert.equal(defaultWorkers(64), 8);
});
