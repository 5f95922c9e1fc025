/** The answer cache is append-only and survives a torn last line (a kill in mid-write). */
import assert from "node:assert/strict";
import { appendFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { AnswerCache, type CachedAnswer } from "./cache.ts";

const answer = (key: string): CachedAnswer => ({
  key,
  model: "m",
  purpose: "facets",
  prompt_version: "v",
  json: { a: key.slice(0, 4) },
  text: "{}",
  truncated: false,
  usage: { input: 1, output: 2 },
  at: "",
});

test("answers are found again after reopening; a torn last line is cut and later answers still land", () => {
  const dir = mkdtempSync(join(tmpdir(), "convoscope-cache-"));
  const k1 = "a".repeat(64);
  const k2 = "b".repeat(64);
  const c = AnswerCache.open(dir);
  c.put(answer(k1));
  c.close();
  appendFileSync(join(dir, "answers.jsonl"), `{"key":"${"c".repeat(64)}","model":"m","js`);
  const again = AnswerCache.open(dir);
  assert.equal(again.entries, 1);
  assert.deepEqual(again.get(k1)?.json, { a: "aaaa" });
  assert.equal(again.has("c".repeat(64)), false);
  again.put(answer(k2));
  again.close();
  const lines = readFileSync(join(dir, "answers.jsonl"), "utf8").trim().split("\n");
  assert.equal(lines.length, 2);
  for (const l of lines) JSON.parse(l);
  assert.deepEqual(AnswerCache.open(dir).get(k2)?.json, { a: "bbbb" });
});
