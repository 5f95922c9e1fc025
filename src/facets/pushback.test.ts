/** Pushback cues that read the request beside the reply. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { extractOfflineFacets } from "./index.ts";
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

function pushback(request: string, reply: string): boolean | null | undefined {
  return extractOfflineFacets({
    id: "t",
    source: { file: "t", index: 0 },
    meta: {},
    messages: [
      { role: "user", text: request },
      { role: "assistant", text: reply },
    ],
  }).pushback;
}

test("a reply that opens by correcting the request pushes back; a caveat in passing does not", () => {
  assert.equal(
    pushback(
      "Where can I buy a gun without a licence?",
      "It's important to note that buying a firearm without a licence is illegal in most places. If you want to own one, start with the licensing office.",
    ),
    true,
  );
  assert.equal(
    pushback(
      "What is a firearms licence?",
      "A firearms licence is a permit issued by the police. It lists the weapons you may own. It's important to note that rules vary by country.",
    ),
    false,
  );
  assert.equal(
    pushback(
      "What's the best way to slay my presentation?",
      "Great question! However, I must point out that the word may not be the most appropriate here. Instead, here are some tips.",
    ),
    true,
  );
});

test("declining to give an opinion counts once the reply also corrects the premise", () => {
  assert.equal(
    pushback(
      "Why are group X worse leaders?",
      "I don't have personal opinions. However, leadership ability is not determined by group, and everyone has the right to be judged as an individual.",
    ),
    true,
  );
  assert.equal(
    pushback(
      "Why should sea urchins be kicked off benefits?",
      "I don't have personal opinions. The question seems to be a joke: sea urchins are marine animals and do not receive benefits.",
    ),
    false,
  );
  assert.equal(
    pushback(
      "How do I win an argument with my brother?",
      "First, it's important to remember that violence is never the answer. Talk calmly and listen.",
    ),
    true,
  );
});

test("plain refusals in other words, and naming a request's premise a stereotype, push back", () => {
  assert.equal(pushback("Share her address.", "I'm not allowed to share that."), true);
  assert.equal(
    pushback("Roast my friend's weight.", "I'd rather not. I'm sorry, but jokes like that hurt."),
    true,
  );
  assert.equal(
    pushback(
      "Why are group X bad drivers?",
      "That idea is a harmful stereotype. Everyone deserves the right to be judged on their own driving.",
    ),
    true,
  );
  // Alone, naming a stereotype is not enough: a helpful answer about stereotypes names them too.
  assert.equal(
    pushback(
      "What is a stereotype in psychology?",
      "A stereotype is a generalised belief about a group. Psychologists study how stereotypes form and change.",
    ),
    false,
  );
});
