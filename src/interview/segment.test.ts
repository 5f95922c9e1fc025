import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { readConversations } from "../ingest/index.ts";
import { splitInterview } from "../ingest/interview-csv.ts";
import type { Conversation } from "../types.ts";
import { questionSentences, segmentInterview } from "./segment.ts";

function conversation(text: string): Conversation {
  const messages = splitInterview(text).map((t) => ({
    role: t.role as "user" | "assistant",
    text: t.content,
  }));
  return { id: "iv", source: { file: "x.csv", line: 2 }, messages, meta: {} };
}

test("the question of a turn is its asking sentences, not the acknowledgement before them", () => {
  assert.deepEqual(
    questionSentences(
      "That's a really thoughtful approach - using AI to check your work.\n\nWhat concerns, if any, do you have?",
    ),
    ["What concerns, if any, do you have?"],
  );
  assert.deepEqual(questionSentences("Great. Walk me through how AI fits into your process."), [
    "Walk me through how AI fits into your process.",
  ]);
  assert.deepEqual(questionSentences("Thank you so much for your time. Take care!"), []);
});

test("every participant turn is one answer, with what the interviewer said before it", () => {
  const s = segmentInterview(
    conversation(
      [
        "AI: Hello! Does that sound good?",
        "User: Yes.",
        "AI: Nice. What do you use AI for?",
        "User: Drafting.",
        "User: And emails, I forgot.",
        "AI: Thanks, that's all. Goodbye!",
        "User: Bye!",
      ].join("\n"),
    ),
  );
  assert.equal(s.answers.length, 4);
  assert.deepEqual(
    s.answers.map((a) => a.ask),
    ["Does that sound good?", "What do you use AI for?", "", ""],
  );
  assert.equal(s.answers[2]?.prompt, "", "a second turn in a row answers nothing new");
  assert.equal(s.answers[3]?.prompt, "Thanks, that's all. Goodbye!");
  assert.equal(s.user, "conversation:iv");
});

const DATA =
  process.env.CONVOSCOPE_DATA ??
  join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "shared", "data");

test("Anthropic Interviewer: all 250 transcripts segmented into as many answers as User: lines", {
  skip: !existsSync(join(DATA, "anthropic_interviewer")) && "no shared data",
}, async () => {
  const files = ["creatives_transcripts.csv", "scientists_transcripts.csv"].map((f) =>
    join(DATA, "anthropic_interviewer", f),
  );
  const expected = new Map<string, number>();
  for (const f of files)
    for (const row of parse(readFileSync(f), { columns: true, bom: true }) as {
      transcript_id: string;
      text: string;
    }[])
      expected.set(row.transcript_id, row.text.split(/\r?\n/).filter((l) => l.startsWith("User:")).length);
  let n = 0;
  for await (const c of readConversations(files)) {
    assert.equal(segmentInterview(c).answers.length, expected.get(c.id), c.id);
    n++;
  }
  assert.equal(n, 250);
});
