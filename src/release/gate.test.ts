import assert from "node:assert/strict";
import { test } from "node:test";
import { Cell, gateDistribution, Tally, userKey } from "./gate.ts";

const t = { minUsers: 3, minConversations: 4 };

test("a cell passes only with enough distinct users and conversations", () => {
  const cell = new Cell(t.minUsers);
  for (let i = 0; i < 10; i++) cell.add("u1");
  assert.equal(cell.passes(t), false, "ten conversations of one user are one user");
  cell.add("u2");
  cell.add("u3");
  assert.equal(cell.passes(t), true);
  assert.equal(cell.conversations, 12);
});

test("user memory is capped at the threshold", () => {
  const cell = new Cell(t.minUsers);
  for (let i = 0; i < 1000; i++) cell.add(`u${i}`);
  assert.equal(cell.usersAtLeast, 3);
});

test("small categories are pooled into 'other', which is shown only when it passes", () => {
  const tally = new Tally(t);
  for (let i = 0; i < 20; i++) tally.add("coding", `u${i}`);
  for (let i = 0; i < 3; i++) tally.add("poetry", `p${i}`);
  for (let i = 0; i < 2; i++) tally.add("chess", `c${i}`);
  const gated = gateDistribution(tally);
  assert.deepEqual(
    gated.kept.map((k) => [k.key, k.cell.conversations]),
    [
      ["coding", 20],
      ["other", 5],
    ],
  );
  assert.equal(gated.suppressed, 2);
});

test("a pool of 'other' under the thresholds is dropped, not shown", () => {
  const tally = new Tally(t);
  for (let i = 0; i < 20; i++) tally.add("coding", `u${i}`);
  tally.add("rare", "x1");
  const gated = gateDistribution(tally);
  assert.deepEqual(
    gated.kept.map((k) => k.key),
    ["coding"],
  );
  assert.equal(gated.suppressed, 1);
});

test("without a user id each conversation is its own user", () => {
  assert.equal(userKey({ id: "a", user_id: null }), "conversation:a");
  assert.equal(userKey({ id: "a", user_id: "u1" }), "u1");
});
