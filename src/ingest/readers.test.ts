/** Each reader on its normal form and its edge cases, through the public `readItems` API. */
import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import type { Conversation, Rejection } from "../types.ts";
import { detectFormat, readItems } from "./index.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

const fixture = (name: string) => join(ROOT, "test", "fixtures", "ingest", name);

async function read(
  name: string,
  options = {},
): Promise<{ conversations: Conversation[]; rejections: Rejection[] }> {
  const conversations: Conversation[] = [];
  const rejections: Rejection[] = [];
  for await (const item of readItems(fixture(name), options)) {
    if ("conversation" in item) conversations.push(item.conversation);
    else rejections.push(item.rejection);
  }
  return { conversations, rejections };
}

const roles = (c: Conversation | undefined) => c?.messages.map((m) => m.role).join(",");

test("formats are detected from content", async () => {
  const expected: Record<string, string> = {
    "openai.jsonl": "openai-jsonl",
    "sharegpt.json": "sharegpt",
    "sharegpt.jsonl": "sharegpt",
    "hh.jsonl": "hh",
    "wildchat.jsonl": "wildchat",
    "claude-export.json": "claude-export",
    "chatgpt-export.json": "chatgpt-export",
    "interviews.csv": "interview-csv",
    "long.csv": "long-csv",
    "bom-crlf.jsonl": "openai-jsonl",
  };
  for (const [file, format] of Object.entries(expected))
    assert.equal(await detectFormat(fixture(file)), format, file);
});

test("openai-jsonl: string content, content parts, bare arrays, tool messages", async () => {
  const {
    conversations: [a, b, c, d],
    rejections,
  } = await read("openai.jsonl");
  assert.deepEqual(rejections, []);
  assert.equal(a?.id, "o1");
  assert.equal(a?.userId, "u1");
  assert.equal(a?.timestamp, "2024-03-09T16:00:00.000Z");
  assert.equal(roles(a), "system,user,assistant");
  assert.deepEqual(a?.source, { file: fixture("openai.jsonl"), line: 1 });
  assert.equal(b?.messages[0]?.text, "What is in this picture?");
  assert.equal(b?.meta.non_text_parts, 1);
  assert.equal(c?.id, `${fixture("openai.jsonl")}:3`, "no id of its own: file and line");
  assert.equal(roles(c), "user,assistant");
  assert.equal(
    roles(d),
    "user,assistant,user,user",
    "empty and tool messages dropped; consecutive user messages kept apart",
  );
  assert.equal(d?.meta.dropped_messages, 1);
});

test("sharegpt: a JSON array streamed element by element, and JSONL", async () => {
  const {
    conversations: [a, b],
  } = await read("sharegpt.json");
  assert.equal(a?.id, "s1");
  assert.equal(roles(a), "system,user,assistant");
  assert.equal(b?.id, `${fixture("sharegpt.json")}[1]`);
  assert.deepEqual(b?.source, { file: fixture("sharegpt.json"), index: 1 });
  assert.equal((await read("sharegpt.jsonl")).conversations.length, 1);
});

test("hh: the chosen transcript, multi-line turns, or a text field", async () => {
  const {
    conversations: [a, b],
  } = await read("hh.jsonl");
  assert.equal(roles(a), "user,assistant,user,assistant");
  assert.equal(a?.messages[1]?.text, "Mix flour, water, salt and yeast.\nThen knead it.");
  assert.equal(roles(b), "user,assistant");
});

test("wildchat: hashed_ip is the user; language and model go to meta", async () => {
  const {
    conversations: [a, b],
  } = await read("wildchat.jsonl");
  assert.equal(a?.id, "h1");
  assert.equal(a?.userId, "ip-9f2");
  assert.deepEqual(a?.meta, { language: "English", model: "gpt-4" });
  assert.equal(b?.id, "h2");
  assert.equal(b?.userId, undefined);
});

test("claude-export: content parts win over an empty text; an empty conversation is set aside", async () => {
  const { conversations, rejections } = await read("claude-export.json");
  assert.equal(conversations.length, 1);
  assert.equal(conversations[0]?.messages[1]?.text, "Mix flour and water.");
  assert.equal(conversations[0]?.timestamp, "2025-03-01T10:00:00.000Z");
  assert.deepEqual(rejections, [
    { file: fixture("claude-export.json"), index: 1, reason: "empty conversation" },
  ]);
});

test("chatgpt-export: only the current branch is read", async () => {
  const {
    conversations: [a],
  } = await read("chatgpt-export.json");
  assert.deepEqual(
    a?.messages.map((m) => m.text),
    ["First question", "A regenerated answer", "Follow-up on the current branch"],
  );
  assert.equal(a?.id, "g-1");
});

test("interview-csv: Assistant: and AI: prefixes, multi-line turns, CRLF, extra columns to meta", async () => {
  const {
    conversations: [a, b],
    rejections,
  } = await read("interviews.csv");
  assert.deepEqual(rejections, []);
  assert.equal(a?.id, "int-1");
  assert.equal(roles(a), "assistant,user,assistant,user");
  assert.equal(a?.messages[0]?.text, "Hello, thanks for joining.\nWhat do you do?");
  assert.equal(a?.messages[1]?.text, "I am a designer.\nI mostly draw.");
  assert.deepEqual(a?.meta, { split: "creatives" });
  assert.equal(a?.source.line, 2);
  assert.equal(b?.source.line, 8, "a quoted multi-line field: the next record starts after it");
  assert.equal(roles(b), "assistant,user");
});

test("long-csv: rows grouped into conversations, roles normalised, quoted fields", async () => {
  const {
    conversations: [a, b],
  } = await read("long.csv");
  assert.equal(a?.id, "c1");
  assert.equal(a?.userId, "u1");
  assert.equal(a?.timestamp, "2024-05-01T09:00:00.000Z");
  assert.equal(a?.messages[2]?.text, 'A data analyst job, "entry level"');
  assert.equal(roles(b), "user,assistant");
});

test("long-csv: configurable column names", async () => {
  const { writeFileSync, mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const dir = mkdtempSync(join(tmpdir(), "long-"));
  const path = join(dir, "custom.csv");
  writeFileSync(path, "chat,speaker,body\nx,user,hello\nx,assistant,hi\n");
  const out: Conversation[] = [];
  for await (const item of readItems(path, {
    format: "long-csv",
    columns: { conversationId: "chat", role: "speaker", text: "body" },
  })) {
    if ("conversation" in item) out.push(item.conversation);
  }
  assert.equal(out.length, 1);
  assert.equal(roles(out[0]), "user,assistant");
});

test("a BOM and CRLF line endings are handled", async () => {
  const { conversations, rejections } = await read("bom-crlf.jsonl");
  assert.deepEqual(rejections, []);
  assert.deepEqual(
    conversations.map((c) => c.id),
    ["bom", "crlf2"],
  );
  assert.equal(conversations[0]?.messages[1]?.text, "fine");
});
