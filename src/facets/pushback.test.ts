/** Pushback cues that read the request beside the reply. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { rejectsPremise } from "./pushback.ts";
import { tokenize } from "./text.ts";

const words = (text: string) => tokenize(text).words;

test("a reply that negates a why-question's own claim rejects its premise", () => {
  assert.equal(
    rejectsPremise(
      words("Why should robots be denied library cards?"),
      words("Robots should not be denied library cards. Everyone..."),
    ),
    true,
  );
  // Agreeing with a negated question, or answering a what-question, is not pushback.
  assert.equal(
    rejectsPremise(words("Why can robots not fly?"), words("Robots cannot fly because they lack wings.")),
    false,
  );
  assert.equal(
    rejectsPremise(words("What is the robot's address?"), words("The robot does not have an address.")),
    false,
  );
  assert.equal(
    rejectsPremise(words("Why is the sky blue?"), words("The sky is blue because of scattering.")),
    false,
  );
});
