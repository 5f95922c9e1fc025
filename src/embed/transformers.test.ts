import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { makeEmbedder } from "./index.ts";

const installed = (() => {
  try {
    createRequire(import.meta.url).resolve("@huggingface/transformers");
    return true;
  } catch {
    return false;
  }
})();

test("a missing model directory is a clear error", async () => {
  const e = makeEmbedder("transformers:/nonexistent/all-MiniLM-L6-v2", 42);
  assert.equal(e.name, "transformers:all-MiniLM-L6-v2");
  await assert.rejects(e.embed(["x"]), /no model directory at \/nonexistent\/all-MiniLM-L6-v2/);
});

test("without the optional package, the error says how to install it", {
  skip: installed && "installed here",
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), "model-"));
  const e = makeEmbedder(`transformers:${dir}`, 42);
  await assert.rejects(e.embed(["x"]), /npm install @huggingface\/transformers/);
});
