/** Bad input never stops a read or loses a good record: each fault is set aside with its place and reason. */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { constants, gunzipSync, gzipSync } from "node:zlib";
import type { Conversation, Rejection } from "../types.ts";
import { readConversations, readItems } from "./index.ts";
import { fileInput } from "./open.ts";

const dir = mkdtempSync(join(tmpdir(), "faults-"));
const good = (id: string) =>
  JSON.stringify({
    id,
    messages: [
      { role: "user", content: `question ${id}` },
      { role: "assistant", content: "answer" },
    ],
  });

async function read(path: string, options = {}) {
  const conversations: Conversation[] = [];
  const rejections: Rejection[] = [];
  for await (const item of readItems(path, options)) {
    if ("conversation" in item) conversations.push(item.conversation);
    else rejections.push(item.rejection);
  }
  return { ids: conversations.map((c) => c.id), rejections };
}

test("every kind of fault in one JSONL file, with all the good records around them kept", async () => {
  const path = join(dir, "mixed.jsonl");
  const lines = [
    good("a"),
    '{"id": "broken", "messages": [',
    good("b"),
    JSON.stringify({ id: "r", messages: [{ role: "narrator", content: "Once upon a time" }] }),
    good("c"),
    JSON.stringify({ id: "e", messages: [{ role: "user", content: "   " }] }),
    JSON.stringify({ id: "shape", note: "no messages here" }),
    "",
    good("d"),
  ];
  const bytes = Buffer.concat([
    Buffer.from(`${lines.join("\n")}\n`),
    Buffer.from([0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d, 0x0a]), // {"id":"\xff\xfe"}
    Buffer.from(`${good("e")}\n`),
  ]);
  writeFileSync(path, bytes);
  const { ids, rejections } = await read(path, { format: "openai-jsonl" });
  assert.deepEqual(ids, ["a", "b", "c", "d", "e"]);
  assert.deepEqual(
    rejections.map((r) => [r.line, r.reason]),
    [
      [2, "malformed JSON"],
      [4, 'unknown role "narrator"'],
      [6, "empty conversation"],
      [7, 'expected an object with "messages" or an array of messages'],
      [10, "invalid UTF-8"],
    ],
  );
  for (const r of rejections)
    assert.deepEqual(Object.keys(r).sort(), ["file", "line", "reason"], "no text in a rejection");
});

test("gzip is detected by content; a truncated gzip keeps every record before the break", async () => {
  const lines = Array.from({ length: 2000 }, (_, i) => good(`g${i}`)).join("\n");
  const gz = gzipSync(`${lines}\n`);
  writeFileSync(join(dir, "whole.jsonl.gz"), gz);
  writeFileSync(join(dir, "no-extension"), gz);
  assert.equal((await read(join(dir, "whole.jsonl.gz"))).ids.length, 2000);
  assert.equal((await read(join(dir, "no-extension"))).ids.length, 2000);

  writeFileSync(join(dir, "cut.jsonl.gz"), gz.subarray(0, Math.floor(gz.length * 0.6)));
  const { ids, rejections } = await read(join(dir, "cut.jsonl.gz"));
  assert.ok(ids.length > 100 && ids.length < 2000, `kept ${ids.length} records before the break`);
  assert.deepEqual(
    ids,
    Array.from({ length: ids.length }, (_, i) => `g${i}`),
    "every record before the break, in order",
  );
  assert.equal(rejections.length, 1);
  assert.equal(rejections[0]?.reason, "truncated gzip");
  assert.equal(rejections[0]?.line, ids.length + 1);
});

test("a truncated gzip read slowly still hands on every complete line before the break", async () => {
  const lines = Array.from({ length: 20_000 }, (_, i) => good(`s${i}`)).join("\n");
  const gz = gzipSync(`${lines}\n`);
  const cut = gz.subarray(0, Math.floor(gz.length * 0.6));
  writeFileSync(join(dir, "slow.jsonl.gz"), cut);
  // What the cut file holds, decompressed as far as it goes: its complete lines.
  const held = gunzipSync(cut, { finishFlush: constants.Z_SYNC_FLUSH });
  const complete =
    held
      .subarray(0, held.lastIndexOf(10) + 1)
      .toString()
      .split("\n").length - 1;
  let newlines = 0;
  // A reader that takes its time: the gunzip breaks while it still holds decompressed bytes.
  await assert.rejects(async () => {
    for await (const chunk of fileInput(join(dir, "slow.jsonl.gz")).open()) {
      for (const byte of chunk as Buffer) if (byte === 10) newlines++;
      await new Promise((r) => setTimeout(r, 2));
    }
  }, /unexpected end of file/);
  assert.ok(complete > 1000);
  assert.equal(newlines, complete);
});

test("a JSON array broken part-way keeps the elements before the break", async () => {
  const path = join(dir, "cut.json");
  writeFileSync(
    path,
    `[${[1, 2, 3].map((i) => JSON.stringify({ id: `s${i}`, conversations: [{ from: "human", value: "hi" }] })).join(",")}, {"id": "s4", "conv`,
  );
  const { ids, rejections } = await read(path, { format: "sharegpt" });
  assert.deepEqual(ids, ["s1", "s2", "s3"]);
  assert.equal(rejections.length, 1);
  assert.match(rejections[0]?.reason ?? "", /malformed JSON array/);
});

test("malformed CSV rows are set aside with their line; the rows around them are kept", async () => {
  const path = join(dir, "rows.csv");
  writeFileSync(
    path,
    "conversation_id,role,text\nc1,user,hello\nc1,assistant,hi,EXTRA\nc1,assistant,hi again\nc2,wizard,abracadabra\nc2,user,ok\n",
  );
  const { ids, rejections } = await read(path);
  assert.deepEqual(ids, ["c1", "c2"]);
  assert.deepEqual(
    rejections.map((r) => [r.line, r.reason.replace(/ \(.*\)$/, "")]),
    [
      [3, "malformed CSV row"],
      [5, 'unknown role "wizard"'],
    ],
  );
});

test("long-csv: a conversation whose rows come back later is kept as a fragment", async () => {
  const path = join(dir, "unsorted.csv");
  writeFileSync(path, "conversation_id,role,text\na,user,one\nb,user,two\na,user,three\n");
  const { ids } = await read(path);
  assert.deepEqual(ids, ["a", "b", "a~2"]);
});

test("readConversations reports rejections, or throws with --strict semantics", async () => {
  const path = join(dir, "strict.jsonl");
  writeFileSync(path, `${good("a")}\nnot json\n${good("b")}\n`);
  const seen: Rejection[] = [];
  const ids: string[] = [];
  for await (const c of readConversations(path, { onRejection: (r) => seen.push(r) })) ids.push(c.id);
  assert.deepEqual(ids, ["a", "b"]);
  assert.equal(seen.length, 1);
  await assert.rejects(async () => {
    for await (const _ of readConversations(path, { strict: true })) {
      // consume
    }
  }, /strict\.jsonl:2: malformed JSON/);
});

test("an empty file yields nothing and no error", async () => {
  const path = join(dir, "empty.jsonl");
  writeFileSync(path, "");
  assert.deepEqual(await read(path, { format: "openai-jsonl" }), { ids: [], rejections: [] });
});
