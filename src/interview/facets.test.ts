import assert from "node:assert/strict";
import { test } from "node:test";
import { z } from "zod";
import { splitInterview } from "../ingest/interview-csv.ts";
import { type Conversation, InterviewSchema } from "../types.ts";
import { explainInterview, extractInterview, INTERVIEW_FACETS, InterviewFacetsSchema } from "./facets.ts";

function interview(...answers: string[]): Conversation {
  const prompts = [
    "Does that sound good to you?",
    "Where do you find yourself reaching for AI tools?",
    "What concerns, if any, do you have about AI in your field?",
    "Looking ahead, how do you see AI's role evolving?",
  ];
  const text = answers.flatMap((a, i) => [`AI: ${prompts[i] ?? "Anything else?"}`, `User: ${a}`]).join("\n");
  const messages = splitInterview(text).map((t) => ({
    role: t.role as "user" | "assistant",
    text: t.content,
  }));
  return { id: "iv-1", source: { file: "iv.csv", line: 2 }, messages, meta: {} };
}

const WORRIED = interview(
  "Sounds good.",
  "I use it for drafting emails and sometimes for brainstorming ideas for my illustrations.",
  "I am really worried that clients will replace illustrators with cheap generated images, and I could lose my income and my job. It is frightening.",
  "I hope it stays a tool for tedious admin work, but honestly I am afraid of what comes next for artists.",
);
const HAPPY = interview(
  "Let's go!",
  "Every day, for coding and data analysis: Python code, statistics on my data. It is incredibly helpful and saves me so much time, I love it.",
  "I am not worried about my job at all, no concerns really. It has been amazing for my research.",
  "I am excited: it will make analysis faster and I will learn even more. A fantastic tool, a game changer.",
);
const DISTRUSTFUL = interview(
  "Fine.",
  "I tried it for literature searches but it hallucinates references that do not exist, which is frustrating.",
  "It is often wrong and I can not trust it, so I double check everything. A waste of time, honestly.",
  "I wish it were more accurate. Until then I will keep using it only for formatting.",
);

test("the interview object validates against the record schema, one answer per participant turn", () => {
  for (const c of [WORRIED, HAPPY, DISTRUSTFUL]) {
    const iv = extractInterview(c);
    InterviewSchema.parse(iv);
    assert.equal(iv.answers.length, 4);
    assert.deepEqual(
      iv.answers[0],
      { question: null, theme: null, probe: false },
      "answers are aligned later",
    );
    assert.equal(iv.group, null);
  }
});

test("concerns: jobs/economy from a worried answer, unreliability from errors and distrust, none when dismissed", () => {
  assert.ok(extractInterview(WORRIED).concerns.includes("jobs_economy"));
  assert.ok(!extractInterview(WORRIED).concerns.includes("unreliability"));
  assert.ok(extractInterview(DISTRUSTFUL).concerns.includes("unreliability"));
  // "I am not worried about my job at all" is no jobs concern.
  assert.deepEqual(extractInterview(HAPPY).concerns, []);
});

test("sentiment and emotions follow what the participant says", () => {
  const worried = extractInterview(WORRIED);
  const happy = extractInterview(HAPPY);
  const distrustful = extractInterview(DISTRUSTFUL);
  assert.ok(happy.sentiment >= 6, `happy ${happy.sentiment}`);
  assert.ok(distrustful.sentiment <= 3, `distrustful ${distrustful.sentiment}`);
  assert.ok(worried.sentiment < happy.sentiment);
  assert.ok(worried.emotions.worry >= 2);
  assert.equal(happy.emotions.worry, 0, "a negated worry is no worry");
  assert.ok(happy.emotions.satisfaction >= 2);
  assert.ok(distrustful.emotions.frustration >= 1);
  assert.ok(happy.valence > 0.3 && distrustful.valence < happy.valence);
  assert.ok(happy.experiences.includes("time_saved"));
  assert.ok(happy.context.includes("coding") && happy.context.includes("data_analysis"));
  assert.ok(distrustful.moments.failure.length >= 1);
});

test("every decision is explained by cues that quote only the lexicon's words", () => {
  const { facets } = explainInterview(
    interview(
      "Yes.",
      "Mostly zebracorn drafting.",
      "I worry the zebracorn studios will replace writers and cut our pay.",
      "No idea.",
    ),
  );
  const concerns = facets.find((f) => f.facet === "interview_concerns");
  assert.deepEqual(concerns?.values, { concerns: ["jobs_economy"] });
  assert.ok(concerns?.cues.some((c) => c.cue.startsWith("jobs_economy:replace") && c.answer === 2));
  for (const f of facets) for (const c of f.cues) assert.ok(!c.cue.includes("zebracorn"), c.cue);
});

test("each facet is defined once: fields, a schema that checks its own output, and a model prompt", () => {
  const fields = new Set<string>();
  for (const facet of INTERVIEW_FACETS) {
    assert.ok(facet.modelPrompt.length > 40, facet.name);
    for (const f of facet.fields) {
      assert.ok(!fields.has(f), `${f} filled twice`);
      fields.add(f);
    }
    const out = facet.extract({ conversation: HAPPY, answers: [] }, { concerns: [], valence: 0 }).values;
    facet.schema.parse(out);
    assert.throws(() => facet.schema.parse({}), facet.name);
  }
  assert.deepEqual([...fields].sort(), Object.keys(InterviewFacetsSchema.shape).sort());
  // What a model engine sends as the answer schema.
  const schema = z.toJSONSchema(InterviewFacetsSchema) as { properties: Record<string, unknown> };
  assert.ok("concerns" in schema.properties && "sentiment" in schema.properties);
});
