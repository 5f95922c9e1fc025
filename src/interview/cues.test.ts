import assert from "node:assert/strict";
import { test } from "node:test";
import { answerTokens, CueSet } from "./cues.ts";

const set = new CueSet(
  "test",
  [
    ["worry", ["worr*", "afraid of"], 2],
    ["replace", ["replac* ..2 artists|writers"], 1.5],
    ["maybe", ["take|took over? it?"], 1],
  ],
  { negatable: true },
);

test("phrases match tokens: stems, gaps within a sentence, optional slots, contractions expanded", () => {
  const hits = set.match(
    answerTokens(0, "I'm worried it'll replace many good writers. It could take over, it might take over."),
  );
  assert.deepEqual(
    hits.map((h) => [h.cue, h.at, h.weight]),
    [
      ["worry", 2, 2],
      ["replace", 4, 1.5],
      ["maybe", 11, 1],
      ["maybe", 15, 1],
    ],
  );
  // A gap never crosses a sentence end.
  assert.deepEqual(set.match(answerTokens(1, "They replace. Many writers.")), []);
});

test("a negation among the three tokens before a cue negates it (weight 0), a sentence end stops it", () => {
  const [hit] = set.match(answerTokens(0, "I'm not too worried about it."));
  assert.equal(hit?.negated, true);
  assert.equal(hit?.weight, 0);
  const [kept] = set.match(answerTokens(0, "No. Worried, honestly."));
  assert.equal(kept?.negated, false);
});

test("a cue's quote shows only the lexicon's own words", () => {
  const [hit] = set.match(answerTokens(0, "They will replace our local writers."));
  assert.equal(hit?.quote, "replac* … writers");
});

test("a phrase must not start with an open slot; gaps are checked", () => {
  assert.throws(() => new CueSet("x", [["bad", ["..2 word"]]]), /must start with a word/);
});
