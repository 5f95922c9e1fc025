/** The readers on the real public datasets beside the project (skipped where ../shared/data is absent). */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import type { Conversation } from "../types.ts";
import { detectFormat, readConversations } from "./index.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

const DATA = process.env.CONVOSCOPE_DATA ?? join(ROOT, "..", "shared", "data");
const has = (p: string) => existsSync(join(DATA, p));

test("HH-RLHF test split: 2,312 conversations", {
  skip: !has("hh_rlhf/test.jsonl.gz") && "no shared data",
}, async () => {
  const path = join(DATA, "hh_rlhf", "test.jsonl.gz");
  assert.equal(await detectFormat(path), "hh");
  let n = 0;
  let rejected = 0;
  for await (const c of readConversations(path, { onRejection: () => rejected++ })) {
    assert.equal(c.messages[0]?.role, "user");
    n++;
  }
  assert.equal(n, 2312);
  assert.equal(rejected, 0);
});

test("Anthropic Interviewer: 250 transcripts whose user turns match their User: lines", {
  skip: !has("anthropic_interviewer") && "no shared data",
}, async () => {
  const files = ["creatives_transcripts.csv", "scientists_transcripts.csv"].map((f) =>
    join(DATA, "anthropic_interviewer", f),
  );
  const expected = new Map<string, number>();
  for (const f of files) {
    for (const row of parse(readFileSync(f), { columns: true, bom: true }) as {
      transcript_id: string;
      text: string;
    }[]) {
      expected.set(row.transcript_id, row.text.split(/\r?\n/).filter((l) => l.startsWith("User:")).length);
    }
  }
  const conversations: Conversation[] = [];
  for await (const c of readConversations(files)) conversations.push(c);
  assert.equal(conversations.length, 250);
  for (const c of conversations) {
    assert.equal(
      c.messages.filter((m) => m.role === "user").length,
      expected.get(c.id),
      `${c.id} user turns`,
    );
  }
});
