/** The message rater behind `sentiment`: chat rules and the learnt lexicon corrections. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { explainFacets } from "./index.ts";
import { tokenize } from "./text.ts";
import { fivePoint, lexiconValence, valence, valenceOfTokens } from "./valence.ts";
import { GOEMOTIONS_VALENCE } from "./valence-goemotions.ts";
import { lookup } from "./vocab.ts";

test("greetings, wishes and acknowledgements are formulas, not sentiment", () => {
  assert.equal(valence("Hello, good afternoon."), 0);
  assert.equal(valence("Good morning"), 0);
  assert.equal(valence("Nice to meet you"), 0);
  assert.equal(valence("Ok. How do I sort a list?"), 0);
  assert.equal(valence("Take care"), 0);
  assert.equal(fivePoint(valence("Have a nice day")), 0);
  // The same words still count where they judge something.
  assert.ok(valence("The food was good") > 0);
  assert.ok(valence("I had a nice day at the beach") > 0);
  assert.ok(valence("It is okay, I guess") > 0);
});

test("a word saying how the writer feels counts more", () => {
  assert.ok(valence("I feel better") > valence("It is better"));
  assert.ok(valence("I feel so alone") < valence("The house is alone on the hill"));
  assert.ok(valence("I don't feel good") < 0, "negation still applies");
});

test("trouble the writer hopes past weighs less than trouble they report", () => {
  assert.ok(valence("I hope the pain goes away") > valence("The pain does not go away"));
  assert.ok(valence("I hope the pain goes away. It hurts.") < valence("I hope the pain goes away."));
});

test("can't wait is eagerness", () => {
  assert.ok(valence("I can't wait to see her") > 0);
  assert.ok(valence("I could not wait any longer") > 0);
  assert.ok(valence("Please wait") >= 0);
});

test("learnt corrections never flip a word and never soften a negative one", () => {
  for (const [w, d] of Object.entries(GOEMOTIONS_VALENCE)) {
    const base = lexiconValence(w);
    const now = lookup(w).valence;
    assert.ok(Math.abs(now - (base + d)) < 1e-9, `${w}: table applied`);
    if (base > 0) assert.ok(now >= 0 && now <= 2 * base + 1e-9, `${w}: ${base} -> ${now}`);
    if (base < 0) assert.ok(now <= base && now >= 2 * base - 1e-9, `${w}: ${base} -> ${now}`);
    if (base === 0) assert.ok(Math.abs(now) <= 2.5, `${w}: new word within bounds`);
  }
  // Examples: gratitude and laughter count more in chat, and "friend" is not a feeling.
  assert.ok(lookup("thanks").valence > lexiconValence("thanks"));
  assert.ok(lookup("friend").valence < lexiconValence("friend"));
  assert.ok(lookup("sad").valence <= lexiconValence("sad"));
});

test("the trace names each word that counted, with its weight", () => {
  const trace: string[] = [];
  const c = valenceOfTokens(tokenize("Hello, good afternoon. I feel so sad today"), trace);
  assert.ok(c < 0);
  assert.equal(trace[0], "good 0 (formula)");
  assert.match(trace[1] as string, /^sad -\d/);
  assert.match(trace[1] as string, /\(lexicon /, "feeling verb and booster changed it");
  assert.equal(valenceOfTokens(tokenize("How do I sort a list?")), 0);
  // A negated statement with no sentiment word leans negative, and the trace says why.
  const negated: string[] = [];
  assert.ok(valenceOfTokens(tokenize("I hadn't thought of it that way."), negated) < 0);
  assert.deepEqual(negated, ["negated, no other sentiment word -0.3"]);
});

test("explain shows each rating with its lexicon words and nothing else of the message", () => {
  const e = explainFacets({
    id: "t",
    source: { file: "test", line: 1 },
    messages: [{ role: "user", text: "Zorblat from accounting made me feel so sad today" }],
    meta: {},
  });
  const cue = e.facets.find((f) => f.facet === "sentiment")?.cues[0];
  assert.match(cue?.cue ?? "", /^valence: -0\.\d\d -> -(0\.5|1) \(sad -\d/);
  assert.doesNotMatch(JSON.stringify(e), /zorblat|accounting/i);
});
