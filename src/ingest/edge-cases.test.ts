/** Edge cases per reader: every fault set aside at the right place, every good record around it kept. */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { ConvoscopeError, EXIT } from "../errors.ts";
import type { Conversation, Rejection } from "../types.ts";
import { detectFormat, expandInputs, READERS, readItems } from "./index.ts";
import { FORMAT_NAMES, type FormatName } from "./reader.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const fixture = (name: string) => join(ROOT, "test", "fixtures", "ingest", name);
const dir = mkdtempSync(join(tmpdir(), "ingest-edges-"));
const BAD_BYTES = Buffer.from([0xc3, 0x28, 0xff]);
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function write(name: string, ...parts: (string | Buffer)[]): string {
  const path = join(dir, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p) : p))));
  return path;
}

async function read(path: string | string[], format?: FormatName) {
  const conversations: Conversation[] = [];
  const rejections: Rejection[] = [];
  for await (const item of readItems(path, format ? { format } : {})) {
    if ("conversation" in item) conversations.push(item.conversation);
    else rejections.push(item.rejection);
  }
  const where = (r: Rejection) => r.line ?? r.index;
  return {
    conversations,
    rejections,
    ids: conversations.map((c) => c.id),
    faults: rejections.map((r) => [where(r), r.reason]),
  };
}

function assertNoText(rejections: Rejection[]): void {
  for (const r of rejections) {
    const keys = Object.keys(r).sort();
    assert.ok(keys.join() === "file,line,reason" || keys.join() === "file,index,reason", keys.join());
  }
}

/** One good record, one with an unknown role, and one with no text, for each line-based JSON format. */
const JSONL_CASES: Record<string, { good: (id: string) => unknown; role?: unknown; empty: unknown }> = {
  "openai-jsonl": {
    good: (id) => ({ id, messages: [{ role: "user", content: `hi ${id}` }] }),
    role: { id: "x", messages: [{ role: "narrator", content: "Once" }] },
    empty: { id: "x", messages: [{ role: "user", content: " \n " }] },
  },
  sharegpt: {
    good: (id) => ({ id, conversations: [{ from: "human", value: `hi ${id}` }] }),
    role: { id: "x", conversations: [{ from: "narrator", value: "Once" }] },
    empty: { id: "x", conversations: [] },
  },
  hh: {
    good: (id) => ({ id, chosen: `\n\nHuman: hi ${id}\n\nAssistant: hello`, rejected: "" }),
    empty: { chosen: "\n\nHuman: \n\nAssistant:  ", rejected: "" },
  },
  wildchat: {
    good: (id) => ({ conversation_hash: id, conversation: [{ role: "user", content: `hi ${id}` }] }),
    role: { conversation_hash: "x", conversation: [{ role: "narrator", content: "Once" }] },
    empty: { conversation_hash: "x", conversation: [{ role: "assistant", content: "" }] },
  },
};

for (const [format, c] of Object.entries(JSONL_CASES)) {
  test(`${format}: faults in JSONL (CRLF) are set aside by line; good records around them kept`, async () => {
    const lines = [
      JSON.stringify(c.good("a")),
      '{"broken": ',
      JSON.stringify(c.good("b")),
      c.role ? JSON.stringify(c.role) : JSON.stringify(c.good("r")),
      JSON.stringify(c.empty),
      JSON.stringify({ unrelated: true }),
      "",
      JSON.stringify(c.good("c")),
    ];
    const path = write(
      `${format}-faults.jsonl`,
      BOM,
      lines.join("\r\n"),
      "\r\n",
      '{"id": "',
      BAD_BYTES,
      '"}\r\n',
      JSON.stringify(c.good("d")),
    );
    assert.equal(await detectFormat(path), format);
    const { ids, faults, rejections } = await read(path);
    assert.deepEqual(ids, c.role ? ["a", "b", "c", "d"] : ["a", "b", "r", "c", "d"]);
    assert.deepEqual(faults, [
      [2, "malformed JSON"],
      ...(c.role ? [[4, 'unknown role "narrator"']] : []),
      [5, "empty conversation"],
      [6, rejections.find((r) => r.line === 6)?.reason],
      [9, "invalid UTF-8"],
    ]);
    assert.match(rejections.find((r) => r.line === 6)?.reason ?? "", /^expected/);
    assertNoText(rejections);
  });
}

test("every reader: an empty file (or only a BOM) gives nothing and no rejection", async () => {
  for (const format of FORMAT_NAMES) {
    for (const [name, bytes] of [
      ["empty", Buffer.alloc(0)],
      ["bom", BOM],
    ] as const) {
      const { ids, rejections } = await read(write(`empty-${format}-${name}`, bytes), format);
      assert.deepEqual([ids, rejections], [[], []], `${format} ${name}`);
    }
  }
  // Found while walking a folder, an empty file is skipped rather than failing detection.
  write("with-empty/a.jsonl", "");
  write("with-empty/b.jsonl", JSON.stringify(JSONL_CASES["openai-jsonl"]?.good("only")));
  assert.deepEqual((await read(join(dir, "with-empty"))).ids, ["only"]);
});

test("chatgpt-export: an edited message follows the current branch; tool, hidden, empty nodes skipped", async () => {
  const { conversations, faults } = await read(fixture("chatgpt-edits.json"));
  const [edit, latest] = conversations;
  assert.deepEqual(
    edit?.messages.map((m) => [m.role, m.text]),
    [
      ["user", "Plan a trip to Lisbon instead"],
      ["assistant", "Lisbon itinerary"],
    ],
  );
  assert.equal(edit?.id, "edit-1");
  assert.equal(edit?.timestamp, "2024-04-01T19:33:20.000Z");
  assert.deepEqual(edit?.meta, { dropped_messages: 1, non_text_parts: 1 });
  assert.deepEqual(
    latest?.messages.map((m) => m.text),
    ["Hello", "Latest try"],
    "no current_node: the latest child at each fork",
  );
  assert.deepEqual(faults, [
    [2, "empty conversation"],
    [3, 'unknown role "narrator"'],
  ]);
});

test("JSON arrays: BOM, gzip by magic bytes, invalid UTF-8 in one element, real U+FFFD kept", async () => {
  const el = (uuid: string, text: string) =>
    JSON.stringify({ uuid, created_at: "2025-01-01T00:00:00Z", chat_messages: [{ sender: "human", text }] });
  const bytes = Buffer.concat([
    BOM,
    Buffer.from(`[\r\n${el("a", "hello")},\r\n${el("b", "a real \uFFFD stays")},\r\n`),
    Buffer.from('{"uuid": "bad", "chat_messages": [{"sender": "human", "text": "x'),
    BAD_BYTES,
    Buffer.from(`"}]},\r\n${el("r", "x").replace('"human"', '"narrator"')},\r\n${el("c", "bye")}\r\n]\r\n`),
  ]);
  for (const [name, data] of [
    ["conversations.json", bytes],
    ["conversations-json-without-extension", gzipSync(bytes)],
  ] as const) {
    const path = write(name, data);
    assert.equal(await detectFormat(path), "claude-export");
    const { ids, faults, conversations } = await read(path);
    assert.deepEqual(ids, ["a", "b", "c"], name);
    assert.deepEqual(faults, [
      [2, "invalid UTF-8"],
      [3, 'unknown role "narrator"'],
    ]);
    assert.equal(conversations[1]?.messages[0]?.text, "a real \uFFFD stays");
  }
});

test("JSON arrays: a truncated gzip keeps every element before the break", async () => {
  const elements = Array.from({ length: 3000 }, (_, i) =>
    JSON.stringify({
      id: `s${i}`,
      conversations: [{ from: "human", value: `question ${i} ${"x".repeat(i % 97)}` }],
    }),
  );
  const gz = gzipSync(`[${elements.join(",")}]`);
  const path = write("cut-array.json.gz", gz.subarray(0, Math.floor(gz.length / 2)));
  const { ids, rejections } = await read(path, "sharegpt");
  assert.ok(ids.length > 100 && ids.length < 3000, `kept ${ids.length}`);
  assert.deepEqual(
    ids,
    ids.map((_, i) => `s${i}`),
  );
  assert.deepEqual(rejections, [{ file: path, index: ids.length, reason: "truncated gzip" }]);
});

test("a JSON array minified onto one line is still read element by element", async () => {
  const share = write(
    "one-line-sharegpt.json",
    JSON.stringify([
      { id: "m1", conversations: [{ from: "human", value: "a" }] },
      { conversations: [{ from: "gpt", value: "b" }] },
    ]),
  );
  assert.equal(await detectFormat(share), "sharegpt");
  const { ids } = await read(share);
  assert.deepEqual(ids, ["m1", `${share}[1]`]);

  const openai = write(
    "pretty-openai.json",
    JSON.stringify([{ id: "p1", messages: [{ role: "user", content: "hi" }] }], null, 2),
  );
  assert.equal(await detectFormat(openai), "openai-jsonl");
  assert.deepEqual((await read(openai)).conversations[0]?.source, { file: openai, index: 0 });

  // A line that is an array of messages stays a JSON line.
  const lines = write(
    "bare-arrays.jsonl",
    '[{"role": "user", "content": "a"}]\n[{"content": "b", "role": "user"}]\n',
  );
  assert.deepEqual((await read(lines)).ids, [`${lines}:1`, `${lines}:2`]);
});

const interviewCsv = (...rows: string[]) => `transcript_id,text,consent\r\n${rows.join("\r\n")}\r\n`;

test("interview-csv: BOM, CRLF, multi-line fields, invalid UTF-8 row, gzip; lines are where records start", async () => {
  const text = Buffer.concat([
    BOM,
    Buffer.from(
      interviewCsv(
        't1,"Assistant: Hi\r\nthere\r\nUser: Hello\r\nAI: Why?\r\nUser: Because\r\n\r\nreasons",yes',
        't2,"User: only a \uFFFD replacement char",no',
      ),
    ),
    Buffer.from('t3,"User: bad '),
    BAD_BYTES,
    Buffer.from(`",yes\r\nt4,"Narrator: no speaker here",yes\r\n${'t5,"AI: last\nUser: one"'},no\r\n`),
  ]);
  for (const [name, data] of [
    ["interviews.csv", text],
    ["interviews.csv.gz", gzipSync(text)],
  ] as const) {
    const path = write(name, data);
    assert.equal(await detectFormat(path), "interview-csv");
    const { conversations, faults } = await read(path);
    assert.deepEqual(
      conversations.map((c) => [c.id, c.source.line, c.messages.map((m) => m.role).join(",")]),
      [
        ["t1", 2, "assistant,user,assistant,user"],
        ["t2", 9, "user"],
        ["t5", 12, "assistant,user"],
      ],
    );
    assert.equal(conversations[0]?.messages[0]?.text, "Hi\nthere");
    assert.equal(conversations[0]?.messages[3]?.text, "Because\n\nreasons");
    assert.deepEqual(conversations[0]?.meta, { consent: "yes" });
    assert.deepEqual(faults, [
      [10, "invalid UTF-8"],
      [11, "no Assistant:/AI:/User: turns"],
    ]);
  }
});

test("CSV: a truncated gzip keeps the rows before the break", async () => {
  const rows = Array.from({ length: 4000 }, (_, i) => `c${i},user,message number ${i} ${"y".repeat(i % 89)}`);
  const gz = gzipSync(`conversation_id,role,text\n${rows.join("\n")}\n`);
  const path = write("cut.csv.gz", gz.subarray(0, Math.floor(gz.length / 2)));
  const { ids, rejections } = await read(path);
  assert.ok(ids.length > 100 && ids.length < 4000, `kept ${ids.length}`);
  // The last conversation before the break may have lost rows; every earlier one is whole.
  assert.deepEqual(
    ids.slice(0, -1),
    ids.slice(0, -1).map((_, i) => `c${i}`),
  );
  assert.equal(rejections.length, 1);
  assert.equal(rejections[0]?.reason, "truncated gzip");
  assert.ok((rejections[0]?.line ?? 0) >= ids.length + 1);
});

test("long-csv: ids that come back later become fragments ~2, ~3; no row lost", async () => {
  const path = write(
    "fragments.csv",
    "conversation_id,role,text,user_id\na,user,one,u1\nb,user,two,u2\na,assistant,three,u1\nb,user,four,u2\na,user,five,u1\n",
  );
  const { conversations } = await read(path);
  assert.deepEqual(
    conversations.map((c) => [c.id, c.meta.fragment, c.source.line, c.userId]),
    [
      ["a", undefined, 2, "u1"],
      ["b", undefined, 3, "u2"],
      ["a~2", 2, 4, "u1"],
      ["b~2", 2, 5, "u2"],
      ["a~3", 3, 6, "u1"],
    ],
  );
});

test("wildchat: scalar fields go to meta, never ids, text, long strings or nested values", async () => {
  const path = write(
    "wild.jsonl",
    `${JSON.stringify({
      conversation_id: "w1",
      hashed_ip: "ip1",
      timestamp: 1700000000,
      model: "gpt-4",
      language: "English",
      turn: 1,
      toxic: false,
      country: "France",
      note: "z".repeat(500),
      openai_moderation: [{ flagged: false }],
      conversation: [{ role: "user", content: "hi", language: "English" }],
    })}\n`,
  );
  const [c] = (await read(path)).conversations;
  assert.equal(c?.userId, "ip1");
  assert.equal(c?.timestamp, "2023-11-14T22:13:20.000Z");
  assert.deepEqual(c?.meta, {
    model: "gpt-4",
    language: "English",
    turn: 1,
    toxic: false,
    country: "France",
  });
});

test("gzip is told by magic bytes; detection reads the decompressed head", async () => {
  const path = write("hh-data", gzipSync(`${JSON.stringify(JSONL_CASES.hh?.good("z"))}\n`));
  assert.equal(await detectFormat(path), "hh");
  assert.deepEqual((await read(path)).ids, ["z"]);
});

test("an unknown format names the file, lists every format, and says how to force one", async () => {
  const path = write("notes.txt", "just some prose\nwith no conversations in it\n");
  await assert.rejects(detectFormat(path), (error: unknown) => {
    assert.ok(error instanceof ConvoscopeError);
    assert.equal(error.exitCode, EXIT.input);
    assert.ok(error.message.includes(path));
    for (const r of READERS) assert.ok(error.message.includes(`${r.format}  `), r.format);
    for (const r of READERS) assert.ok(error.message.includes(r.description), r.format);
    assert.match(error.message, /--format NAME/);
    return true;
  });
  await assert.rejects(detectFormat(write("blank.jsonl", "\n \n")), /empty/);
});

test("expandInputs: files as given, folders walked for known extensions in path order", async () => {
  const root = join(dir, "tree");
  for (const name of [
    "b.jsonl",
    "a/x.csv",
    "a-b/y.json",
    "a/z.ndjson.gz",
    "c.txt",
    "d.md",
    ".hidden.jsonl",
    "e.JSONL",
  ])
    write(join("tree", name), "");
  const single = write("single.data", "");
  assert.deepEqual(await expandInputs([single, root]), [
    single,
    join(root, "a-b/y.json"),
    join(root, "a/x.csv"),
    join(root, "a/z.ndjson.gz"),
    join(root, "b.jsonl"),
    join(root, "c.txt"),
    join(root, "e.JSONL"),
  ]);
  const missing = join(dir, "nope.jsonl");
  await assert.rejects(expandInputs([missing]), (error: unknown) => {
    assert.ok(error instanceof ConvoscopeError);
    assert.equal(error.exitCode, EXIT.input);
    assert.ok(error.message.includes(missing));
    return true;
  });
});

test("CSV: a header without the needed columns is one rejection for the file, not one per row", async () => {
  const path = write("wrong-header.csv", "chat,speaker,body\nx,user,hello\nx,assistant,hi\n");
  const { ids, rejections } = await read(path, "long-csv");
  assert.deepEqual(ids, []);
  assert.deepEqual(rejections, [
    { file: path, line: 1, reason: 'missing columns "conversation_id", "role", "text"' },
  ]);
  const interviews = write("no-text.csv", "transcript_id,body\nt1,User: hi\n");
  assert.deepEqual((await read(interviews, "interview-csv")).faults, [[1, 'missing column "text"']]);
});
