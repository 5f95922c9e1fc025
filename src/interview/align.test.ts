import assert from "node:assert/strict";
import { Readable } from "node:stream";
import { test } from "node:test";
import { interviewCorpus, RUBRIC } from "../../test/interview-fixtures.ts";
import { makeEmbedder } from "../embed/index.ts";
import { interviewCsv } from "../ingest/interview-csv.ts";
import type { Conversation } from "../types.ts";
import { alignInterviews } from "./align.ts";
import { parsePlan } from "./plan.ts";
import { segmentInterview } from "./segment.ts";

async function corpus(n: number): Promise<Conversation[]> {
  const csv = interviewCorpus(n);
  const out: Conversation[] = [];
  for await (const item of interviewCsv.read({ path: "iv.csv", open: () => Readable.from([csv]) }, {}))
    if ("conversation" in item) out.push(item.conversation);
  return out;
}

const thresholds = { minUsers: 5, minConversations: 5 };

test("without a plan, the rubric's questions are found by clustering what the interviewer asked", async () => {
  const interviews = (await corpus(40)).map(segmentInterview);
  const a = await alignInterviews(interviews, { embedder: makeEmbedder("offline", 1), thresholds, seed: 1 });
  assert.equal(a.mode, "clustered");
  // The greeting, the four rubric questions; the probe and the goodbye are not questions of their own.
  assert.deepEqual(
    a.questions.map((q) => q.text),
    ["Does that sound good to you?", ...RUBRIC],
  );
  for (const iv of interviews) {
    const rows = a.answers.get(iv.id) ?? [];
    assert.equal(rows.length, iv.answers.length);
    // Answer 3 follows the probe after question 2 (index 2 = the second rubric question).
    assert.equal(rows[3]?.question, a.questions[2]?.id, `${iv.id} probe counts under the question before`);
    assert.equal(rows[3]?.probe, true);
    assert.equal(
      rows[6]?.question,
      a.questions[4]?.id,
      "the word after the goodbye counts under the last question",
    );
    assert.ok(rows.every((r) => r.question !== null));
  }
  // The wording shared by at least minUsers interviews may be released as the question's label.
  assert.equal(a.questions[3]?.label, RUBRIC[2]);
});

test("with a plan, each interviewer question goes to the plan question it resembles most", async () => {
  const interviews = (await corpus(12)).map(segmentInterview);
  const plan = parsePlan({
    questions: [
      { id: "work", text: "Tell me about your work and a typical project." },
      { id: "use", text: "Where do you reach for AI tools?" },
      { id: "concerns", text: "What concerns do you have about AI in your field?" },
      { id: "future", text: "How do you see AI's role in your work evolving?" },
    ],
  });
  const a = await alignInterviews(interviews, {
    embedder: makeEmbedder("offline", 1),
    thresholds,
    seed: 1,
    plan,
  });
  assert.deepEqual(
    a.questions.map((q) => [q.id, q.asked]),
    [
      ["work", 12],
      ["use", 12],
      ["concerns", 12],
      ["future", 12],
    ],
  );
  for (const iv of interviews) {
    const rows = a.answers.get(iv.id) ?? [];
    assert.deepEqual(
      rows.map((r) => r.question),
      ["work", "work", "use", "use", "concerns", "future", "future"],
      iv.id,
    );
    assert.deepEqual(
      rows.map((r) => r.probe),
      [true, false, false, true, false, false, true],
    );
  }
});

test("a plan is checked: ids default to q1.., duplicates and empty lists are refused", () => {
  assert.deepEqual(parsePlan({ questions: ["First?", { text: "Second?", match: ["2nd?"] }] }).questions, [
    { id: "q1", text: "First?", phrasings: ["First?"] },
    { id: "q2", text: "Second?", phrasings: ["Second?", "2nd?"] },
  ]);
  assert.throws(
    () => parsePlan({ questions: [] }, "plan.json"),
    /plan\.json: questions: a plan needs at least one question/,
  );
  assert.throws(
    () =>
      parsePlan({
        questions: [
          { id: "a", text: "x" },
          { id: "a", text: "y" },
        ],
      }),
    /"a" is used twice/,
  );
  assert.throws(() => parsePlan({ items: [] }, "p.json"), /p\.json/);
});
