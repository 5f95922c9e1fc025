/** How conversations are written into prompts, and how long ones are truncated (start and end kept). */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Conversation } from "../types.ts";
import { transcript } from "./transcript.ts";

const conv = (texts: string[]): Conversation => ({
  id: "c",
  source: { file: "f" },
  meta: {},
  messages: [
    { role: "system", text: "operator instructions are not sent" },
    ...texts.map((text, i) => ({ role: i % 2 === 0 ? ("user" as const) : ("assistant" as const), text })),
  ],
});

test("a short conversation is sent whole, one labelled line per message, without the system prompt", () => {
  const t = transcript(conv(["Hi there", "Hello!", "Bye"]));
  assert.equal(t.text, "H Hi there\nA Hello!\nH Bye");
  assert.equal(t.humanMessages, 2);
  assert.equal(t.truncated, false);
});

test("a long conversation keeps its first and last messages and says how many were left out", () => {
  const texts = Array.from({ length: 40 }, (_, i) => `message ${i} ${"x".repeat(480)}`);
  const t = transcript(conv(texts), 4000);
  assert.equal(t.truncated, true);
  assert.ok(t.text.startsWith("H message 0 "), "the start is kept");
  assert.ok(t.text.includes("message 39 "), "the end is kept");
  assert.match(t.text, /\[\.\.\. \d+ messages left out \.\.\.\]/);
  assert.ok(t.text.length < 4000 + 200, `${t.text.length} characters sent`);
  const shown = (t.text.match(/^[HA] /gm) ?? []).length;
  assert.equal(shown + t.omittedMessages, 40, "every message is either shown or counted as left out");
  assert.equal(t.humanMessages, (t.text.match(/^H /gm) ?? []).length);
});

test("one huge message is cut in the middle, keeping its head and its tail", () => {
  const t = transcript(conv([`START ${"a".repeat(50_000)} END`]), 2000);
  assert.equal(t.humanMessages, 1);
  assert.equal(t.omittedMessages, 0);
  assert.match(t.text, /^H START a+ \[\.\.\.\] a+ END$/);
  assert.ok(t.text.length <= 2000 + 20);
});
