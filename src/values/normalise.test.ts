import assert from "node:assert/strict";
import { test } from "node:test";
import { normaliseValue, normaliseValueList, ValueVocabulary, valueKey } from "./normalise.ts";

test("spelling, hyphen, possessive and case variants become one canonical value", () => {
  for (const raw of [
    "user's wellbeing",
    "User well-being",
    "users' well being",
    "  User Wellbeing. ",
    '"user wellbeing"',
  ])
    assert.equal(normaliseValue(raw), "user wellbeing", raw);
  assert.equal(normaliseValue("Healthy Boundaries"), "healthy boundaries");
  assert.equal(normaliseValue("self compassion"), "self-compassion");
  assert.equal(normaliseValue("Self - care"), "self-care");
  assert.equal(normaliseValue("respectful behaviour"), "respectful behavior");
  assert.equal(normaliseValue("prioritisation of safety"), "prioritization of safety");
  assert.equal(normaliseValue("organisational clarity"), "organizational clarity");
  assert.equal(normaliseValue("the value of honesty"), "honesty");
  assert.equal(normaliseValue("1. accuracy"), "accuracy");
  assert.equal(normaliseValue("honesty & transparency"), "honesty and transparency");
  assert.equal(normaliseValue("educational value"), "educational value", "a value named 'value' keeps it");
  assert.equal(normaliseValue("work-life balance"), "work-life balance");
});

test("not-values become null: empty, none, sentences", () => {
  for (const raw of [
    "",
    "  ",
    "none",
    "N/A",
    "no values",
    "—",
    "the assistant wanted to be as helpful as it could be here",
  ])
    assert.equal(normaliseValue(raw), null, raw);
});

test("near-duplicates share a key: hyphens, spaces, plurals", () => {
  assert.equal(valueKey("decision-making"), valueKey("decision making"));
  assert.equal(valueKey("healthy boundary"), valueKey("healthy boundaries"));
  assert.equal(valueKey("user need"), valueKey("user needs"));
  assert.notEqual(valueKey("fairness"), valueKey("fairnes"), "ss endings stay");
  assert.notEqual(valueKey("honesty"), valueKey("harmony"));
});

test("a record's list: canonical, duplicates within it dropped, null stays null", () => {
  assert.deepEqual(normaliseValueList(["Clarity", "clarity.", "User's Autonomy", "none", "user autonomy"]), [
    "clarity",
    "user autonomy",
  ]);
  assert.equal(normaliseValueList(null), null);
  assert.equal(
    normaliseValueList(
      Array.from({ length: 30 }, (_, i) => `value ${String.fromCharCode(97 + (i % 26))}${i}`),
    )?.length,
    12,
  );
});

test("across a corpus each key is written in its most frequent form", () => {
  const v = new ValueVocabulary();
  for (let i = 0; i < 10; i++) v.add("decision-making");
  for (let i = 0; i < 3; i++) v.add("decision making");
  v.add("healthy boundary");
  v.add("healthy boundaries");
  v.add("healthy boundaries");
  assert.equal(v.representative("decision making"), "decision-making");
  assert.equal(v.representative("healthy boundary"), "healthy boundaries");
  assert.equal(v.representative("never seen"), "never seen");
  assert.deepEqual(v.rewrite(["decision making", "decision-making", "clarity"]), [
    "decision-making",
    "clarity",
  ]);
  assert.equal(v.size, 2);
});
