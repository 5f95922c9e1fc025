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

test("an interview's answers are numbered from 0, counting the ones a truncation leaves out", () => {
  const texts = Array.from(
    { length: 20 },
    (_, i) => `${i % 2 === 0 ? "answer" : "question"} ${i} ${"x".repeat(480)}`,
  );
  const whole = transcript(conv(texts.slice(0, 4)), 24_000, { numberAnswers: true });
  assert.match(whole.text, /^H0 answer 0 .*\nA question 1 .*\nH1 answer 2 .*\nA question 3 /s);
  const cut = transcript(conv(texts), 3000, { numberAnswers: true });
  assert.ok(cut.truncated);
  assert.ok(cut.text.startsWith("H0 answer 0 "));
  assert.match(cut.text, /\nH9 answer 18 /, "the last answer keeps its own number");
  assert.equal(cut.humanMessages, (cut.text.match(/^H\d+ /gm) ?? []).length);
});
