import assert from "node:assert/strict";
import { test } from "node:test";
import type { Conversation } from "../types.ts";
import { hasConsent, pickQuotes, quotableSentences } from "./quotes.ts";

const withMeta = (meta: Record<string, unknown>): Conversation => ({
  id: "x",
  source: { file: "a.csv", line: 2 },
  messages: [{ role: "user", text: "hi" }],
  meta,
});

test("consent: a marked column value, or everyone with --consent-all, never by default", () => {
  assert.equal(hasConsent(withMeta({ consent: "Yes" }), { column: "consent" }), true);
  assert.equal(hasConsent(withMeta({ consent: "no" }), { column: "consent" }), false);
  assert.equal(hasConsent(withMeta({}), { column: "consent" }), false);
  assert.equal(hasConsent(withMeta({ consent: "yes" }), {}), false);
  assert.equal(hasConsent(withMeta({}), { all: true }), true);
});

test("quotes are whole sentences with the theme's words, one per participant", () => {
  const quotes = pickQuotes(
    "q3/1",
    ["jobs", "clients"],
    [
      {
        user: "a",
        text: "Well. I worry that clients will stop paying for jobs like mine in a few years. That's it.",
      },
      {
        user: "a",
        text: "Clients and jobs, jobs and clients, that is what keeps me awake at night, honestly.",
      },
      { user: "b", text: "Some clients already ask for generated drafts instead of my own work." },
      { user: "c", text: "I like painting birds in the morning light, it calms me down a lot." },
    ],
  );
  assert.deepEqual(
    quotes.map((q) => [q.user, q.text]),
    [
      ["a", "I worry that clients will stop paying for jobs like mine in a few years."],
      ["b", "Some clients already ask for generated drafts instead of my own work."],
    ],
  );
  assert.deepEqual(
    pickQuotes("q1/brief", [], [{ user: "a", text: "Sounds good to me, let us begin now then." }]),
    [],
  );
  assert.deepEqual(quotableSentences(`Too short. ${"x".repeat(300)}.`), []);
});
