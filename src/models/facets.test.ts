/** The facet request is built from the facet registry: a facet added there is asked for automatically. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { z } from "zod";
import { TYPE_MEANINGS } from "../facets/affective.ts";
import { FACETS, type FacetDefinition } from "../facets/index.ts";
import { INTERVIEW_FACETS, InterviewFacetsSchema, NOT_FOR_INTERVIEWS } from "../interview/facets.ts";
import { facetSpec, interviewFacetSpec, parseFacetAnswer, parseInterviewAnswer } from "./facets.ts";

test("a model is told what each affective type means, in the hand labels' words", () => {
  const line = facetSpec()
    .system.split("\n")
    .find((l) => l.startsWith("- affective_types:"));
  assert.ok(line);
  for (const [type, meaning] of Object.entries(TYPE_MEANINGS))
    assert.ok(line.includes(`${type} (${meaning})`), type);
  assert.match(line, /the means to harm, deceive or spy on someone/);
});

test("every registry facet's answer is in the schema, its instruction in the prompt, and fills its fields", () => {
  const spec = facetSpec();
  const properties = Object.keys((spec.schema as { properties: object }).properties);
  for (const f of FACETS) {
    assert.ok(spec.system.includes(f.modelPrompt), `${f.name}'s prompt`);
    const answer = Object.keys(z.toJSONSchema(f.modelSchema ?? f.schema).properties ?? {});
    for (const field of answer) assert.ok(properties.includes(field), `${field} in the schema`);
  }
  assert.match(
    spec.system,
    /Privacy, for [^:]*request, task[^:]*: .*no personal information or proper nouns/,
  );
  // What a model answers, read back: every record field of every facet is filled.
  const answer = {
    language: "English",
    content_creation: false,
    affective_types: ["coaching"],
    pushback: "none",
    sentiment: ["neutral", "positive"],
    collaboration: "learning",
    concern: 1,
    request: "plan a hard conversation with a relative",
    task: "interpersonal advice",
    values_ai: ["empathy"],
    values_human: [],
    value_response: "mild_support",
  };
  assert.deepEqual(Object.keys(answer).sort(), [...properties].sort(), "the whole answer");
  const parsed = parseFacetAnswer(spec.facets, answer, 2, { human_turns: 2 });
  assert.deepEqual(parsed.invalid, []);
  for (const f of FACETS) for (const field of f.fields) assert.ok(field in parsed.values, field);
  assert.equal(parsed.values.affective, true, "affective when a type applies");
  assert.equal(parsed.values.pushback, false);
  assert.equal(parsed.values.pushback_reason, null, "no reason without pushback");
  const refused = parseFacetAnswer(spec.facets, { ...answer, pushback: "medical_diagnosis" }, 2);
  assert.equal(refused.values.pushback, true);
  assert.equal(refused.values.pushback_reason, "medical_diagnosis");
});

test("a facet added to the registry (values, added after the engine) joins the request by itself", () => {
  const values = FACETS.find((f) => f.name === "values") as FacetDefinition;
  const without = facetSpec(FACETS.filter((f) => f !== values));
  const spec = facetSpec();
  const fields = (x: typeof spec) => Object.keys((x.schema as { properties: object }).properties);
  const answered = Object.keys(z.toJSONSchema(values.modelSchema ?? values.schema).properties ?? {});
  assert.ok(answered.length >= 3);
  for (const field of answered) {
    assert.ok(fields(spec).includes(field));
    assert.ok(!fields(without).includes(field));
  }
  assert.ok(spec.system.includes(`- ${values.modelPrompt}`), "an instruction that names each field");
  assert.match(
    spec.system,
    /Privacy, for [^:]*values_ai, values_human/,
    "free-text lists get the privacy rules",
  );
  assert.notEqual(spec.hash, without.hash, "a new facet changes the fingerprint");
  // Values could be expressed exactly when the response type is not no_values: asked once, not twice.
  assert.ok(!fields(spec).includes("subjective"), "subjective follows from value_response");
  const answer = { values_ai: ["honesty"], values_human: [], value_response: "mild_support" };
  assert.deepEqual(parseFacetAnswer([values], answer, 1).values, { subjective: true, ...answer });
  const factual = { values_ai: ["accuracy"], values_human: [], value_response: "no_values" };
  assert.deepEqual(parseFacetAnswer([values], factual, 1).values, { subjective: false, ...factual });
});

test("each facet is validated on its own: one bad field fails only its facet", () => {
  const spec = facetSpec();
  const good = Object.fromEntries(
    spec.facets
      .flatMap((f) => Object.keys(z.toJSONSchema(f.modelSchema ?? f.schema).properties ?? {}))
      .map((k) => [k, null]),
  );
  const answer = {
    ...good,
    language: "English",
    content_creation: false,
    affective_types: ["coaching", "coaching", "romantic_roleplay"],
    pushback: "none",
    sentiment: ["negative", "neutral", "positive"],
    collaboration: "learning",
    concern: 9,
    request: "get advice on a job interview",
    task: "career coaching",
    values_ai: ["encouragement"],
    values_human: [],
    value_response: "mild_support",
  };
  const parsed = parseFacetAnswer(spec.facets, answer, 3, { human_turns: 3 });
  assert.deepEqual(
    parsed.invalid.map((f) => f.name),
    ["concern"],
  );
  assert.deepEqual(
    parsed.values.affective_types,
    ["coaching"],
    "deduplicated; roleplay needs 4 human messages",
  );
  assert.deepEqual(parsed.values.sentiment, {
    messages: [-0.5, 0, 0.5],
    start: null,
    end: null,
    shift: null,
  });
  const short = parseFacetAnswer(spec.facets, { ...answer, concern: 2 }, 4);
  assert.match(short.problems.join(" "), /one label per human message \(4\), got 3/);
});

test("an interview request: the interview facets inside `interview`, and only the conversation facets that apply", () => {
  const spec = interviewFacetSpec();
  const schema = spec.schema as {
    properties: Record<string, { properties?: object; required?: string[] }>;
    required: string[];
  };
  const top = Object.keys(schema.properties);
  for (const field of Object.keys(NOT_FOR_INTERVIEWS))
    assert.ok(!top.includes(field), `${field} is not asked of an interview`);
  for (const field of ["language", "sentiment", "concern", "request", "task", "values_ai"])
    assert.ok(top.includes(field), field);
  const inner = schema.properties.interview;
  assert.deepEqual(
    Object.keys(inner?.properties ?? {}).sort(),
    Object.keys(InterviewFacetsSchema.shape).sort(),
    "every interview facet field",
  );
  assert.deepEqual(inner?.required?.sort(), Object.keys(InterviewFacetsSchema.shape).sort());
  for (const f of INTERVIEW_FACETS) assert.ok(spec.system.includes(f.modelPrompt), f.name);
  assert.match(spec.system, /Hk is answer k/);
  assert.ok(!JSON.stringify(spec.schema).includes("9007199254740991"), "no meaningless integer bounds");
  assert.notEqual(spec.hash, facetSpec().hash);
});

test("interview answers: labels once each in vocabulary order, moments only at answers the interview has", () => {
  const moments = INTERVIEW_FACETS.filter(
    (f) => f.name === "interview_moments" || f.name === "interview_concerns",
  );
  const ok = parseInterviewAnswer(
    moments,
    { concerns: ["bias", "jobs_economy", "bias"], moments: { success: [3, 1, 3], failure: [] } },
    5,
  );
  assert.deepEqual(ok.invalid, []);
  assert.deepEqual(ok.values.concerns, ["jobs_economy", "bias"]);
  assert.deepEqual(ok.values.moments, { success: [1, 3], failure: [] });
  const bad = parseInterviewAnswer(moments, { concerns: [], moments: { success: [7], failure: [] } }, 5);
  assert.deepEqual(
    bad.invalid.map((f) => f.name),
    ["interview_moments"],
  );
  assert.match(bad.problems.join(" "), /interview\.moments\.success: 7 is not an answer's number \(0-4\)/);
  const missing = parseInterviewAnswer(moments, undefined, 5);
  assert.equal(missing.invalid.length, 2);
});
