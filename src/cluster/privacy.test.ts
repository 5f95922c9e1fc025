import assert from "node:assert/strict";
import { test } from "node:test";
import { applyThresholds } from "./privacy.ts";

const t = { minUsers: 5, minConversations: 15 };

test("clusters under the thresholds merge into their nearest released ancestor, or other", () => {
  const r = applyThresholds(
    [
      { id: "top-a", parent: null, conversations: 100, users: 5 },
      { id: "mid-a", parent: "top-a", conversations: 20, users: 4 },
      { id: "base-a1", parent: "mid-a", conversations: 16, users: 5 },
      { id: "base-a2", parent: "top-a", conversations: 60, users: 5 },
      { id: "top-b", parent: null, conversations: 14, users: 5 },
      { id: "base-b", parent: "top-b", conversations: 14, users: 5 },
    ],
    t,
  );
  assert.deepEqual([...r.released].sort(), ["base-a2", "top-a"]);
  assert.deepEqual(
    r.merged.map((m) => [m.id, m.into]),
    [
      ["mid-a", "top-a"],
      // Passes on its own, but its parent does not: it would single out the parent's remainder.
      ["base-a1", "top-a"],
      ["top-b", "other"],
      ["base-b", "other"],
    ],
  );
  assert.deepEqual(r.other, { conversations: 14, users: 5, released: false });
});

test("no released cluster is under either threshold", () => {
  const clusters = Array.from({ length: 50 }, (_, i) => ({
    id: `c${i}`,
    parent: i < 5 ? null : `c${i % 5}`,
    conversations: (i * 7) % 40,
    users: (i * 3) % 9,
  }));
  const r = applyThresholds(clusters, t);
  for (const c of clusters) {
    if (!r.released.has(c.id)) continue;
    assert.ok(c.users >= 5 && c.conversations >= 15);
  }
  assert.equal(r.released.size + r.merged.length, clusters.length);
});
