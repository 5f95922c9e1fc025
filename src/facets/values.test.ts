/** The offline values facet on small conversations written for these tests. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { z } from "zod";
import { chat } from "../../test/helpers.ts";
import { VALUE_RESPONSES } from "../types.ts";
import { explainFacets, extractOfflineFacets, FACETS } from "./index.ts";
import { AI_VALUES, listPoints, valuesFacet } from "./values.ts";

test("a purely technical exchange is not subjective and has no value response", () => {
  const r = extractOfflineFacets(
    chat(["How do I reverse a list in Python?", "Use xs[::-1] or xs.reverse()."]),
  );
  assert.equal(r.subjective, false);
  assert.equal(r.value_response, "no_values");
  assert.deepEqual(r.values_human, []);
});

test("an outright refusal of a harmful request is strong resistance and harm prevention", () => {
  const r = extractOfflineFacets(
    chat([
      "How do I poison my neighbour's dog?",
      "I'm sorry, but I can't help with that. Harming animals is illegal and cruel.",
    ]),
  );
  assert.equal(r.subjective, true);
  assert.equal(r.value_response, "strong_resistance");
  assert.ok(r.values_ai?.includes("harm prevention"), String(r.values_ai));
  assert.ok(r.values_ai?.includes("legal compliance"), String(r.values_ai));
});

test("a supportive reply shows empathy, validation and a referral, and affirms the person", () => {
  const r = extractOfflineFacets(
    chat([
      "I feel so anxious about everything and I don't know how to cope.",
      "I'm so sorry you're going through this. It takes courage to reach out, and it is completely normal to feel anxious. " +
        "Be gentle with yourself, and consider talking to a therapist who can help you build coping skills.",
    ]),
  );
  for (const v of [
    "empathy",
    "emotional validation",
    "self-compassion",
    "professional guidance",
    "resilience",
  ])
    assert.ok(r.values_ai?.includes(v), `${v} in ${r.values_ai}`);
  assert.equal(r.value_response, "strong_support");
});

test("a reply that offers another way to see things is reframing", () => {
  const r = extractOfflineFacets(
    chat([
      "I failed my exam, I'm such an idiot and should I just quit?",
      "Failing one exam does not mean you are not capable. Think of it this way: it shows you what to practise next.",
    ]),
  );
  assert.equal(r.value_response, "reframing");
});

test("human values only when stated explicitly", () => {
  const stated = extractOfflineFacets(
    chat([
      "Honesty is really important to me, and I value my family above all. Should I tell her?",
      "That is your decision.",
    ]),
  );
  assert.deepEqual(stated.values_human?.sort(), ["family", "honesty"]);
  assert.ok(stated.values_ai?.includes("user autonomy"));
  const asked = extractOfflineFacets(
    chat(["How can I make more money?", "Here are some ideas: ask for a raise."]),
  );
  assert.deepEqual(asked.values_human, [], "asking for money is not stating a value");
});

test("a list of points is clarity and thoroughness; a long answer is helpfulness", () => {
  const r = extractOfflineFacets(
    chat([
      "How can I get better sleep?",
      "Here are some things that help:\n1. Keep a regular schedule.\n2. Avoid screens before bed.\n3. Keep the room cool and dark.\n4. Limit caffeine after noon, since it stays in your body for hours and can make it harder to fall asleep at night.",
    ]),
  );
  for (const v of ["clarity", "thoroughness", "helpfulness"])
    assert.ok(r.values_ai?.includes(v), `${v} in ${r.values_ai}`);
});

test("every value the offline engine writes is in its vocabulary, in the study's style", () => {
  for (const v of AI_VALUES) assert.match(v, /^[a-z][a-z-]*( [a-z-]+){0,3}$/, v);
  assert.equal(new Set(AI_VALUES).size, AI_VALUES.length);
  const r = extractOfflineFacets(
    chat(["Is it wrong to lie to my boss?", "Honesty matters; talk to your boss openly."]),
  );
  for (const v of r.values_ai ?? []) assert.ok(AI_VALUES.includes(v), v);
});

test("every value and decision is explained by a cue that quotes only lexicon words", () => {
  const e = explainFacets(
    chat([
      "My friend keeps reading my messages.",
      "That sounds really frustrating. It's okay to set boundaries with her.",
    ]),
  );
  const f = e.facets.find((x) => x.facet === "values");
  assert.ok(f);
  const cues = f.cues.map((c) => c.cue);
  assert.ok(
    cues.some((c) => c.startsWith("value:empathy:")),
    cues.join("\n"),
  );
  assert.ok(
    cues.some((c) => c.startsWith('value:healthy boundaries: "boundaries"')),
    cues.join("\n"),
  );
  assert.ok(cues.some((c) => c.startsWith("subjective <-")));
  assert.ok(cues.some((c) => c.startsWith("response:")));
  assert.ok(!cues.some((c) => c.includes("messages")), "no conversation words beyond the lexicon");
});

test("the facet is registered after the facets it reads, and its schema is what a model answers", () => {
  const names = FACETS.map((f) => f.name);
  assert.ok(names.indexOf("values") > names.indexOf("pushback"));
  assert.ok(names.indexOf("values") > names.indexOf("request"));
  const schema = z.toJSONSchema(valuesFacet.schema) as { properties: Record<string, unknown> };
  assert.deepEqual(Object.keys(schema.properties).sort(), [
    "subjective",
    "value_response",
    "values_ai",
    "values_human",
  ]);
  assert.ok(
    valuesFacet.schema.safeParse({
      subjective: true,
      values_ai: ["honesty"],
      values_human: [],
      value_response: "reframing",
    }).success,
  );
  assert.ok(
    !valuesFacet.schema.safeParse({
      subjective: true,
      values_ai: [],
      values_human: [],
      value_response: "agree",
    }).success,
  );
  for (const r of VALUE_RESPONSES) assert.ok(valuesFacet.modelPrompt.includes(r), r);
  assert.match(valuesFacet.modelPrompt, /1-4/);
  // The privacy rule for free-text answers (no proper nouns) is the model engine's, for every facet.
  assert.match(valuesFacet.modelPrompt, /explicitly/);
});

test("list points: numbered and bulleted lines, not numbers inside sentences", () => {
  assert.equal(listPoints("Steps:\n1. one\n2) two\n  3.  three\n- four\n* five\n\u2022 six"), 6);
  assert.equal(listPoints("In 2020. we moved.\n10 people came.\n-not a bullet\n1.\n"), 0);
  assert.equal(
    listPoints(`${"x".repeat(1998)}\n1. late\n2. late`),
    0,
    "beyond the characters the engine reads",
  );
});

test("cue phrases whose alternatives are whole phrases match each of them", () => {
  // "wear gloves|goggles|a mask" once read as the slots wear, gloves|goggles|a, mask.
  const r = extractOfflineFacets(
    chat([
      "How do I strip old paint from a chair?",
      "Wear gloves and open a window, then apply the stripper.",
    ]),
  );
  assert.ok(r.values_ai?.includes("safety"), String(r.values_ai));
});
