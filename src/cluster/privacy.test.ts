import assert from "node:assert/strict";
import { test } from "node:test";
import { mulberry32 } from "../analyses/stats.ts";
import { Cell } from "../release/gate.ts";
import { applyThresholds, type CountedCluster, gatePartition } from "./privacy.ts";

const t = { minUsers: 5, minConversations: 15 };

test("clusters under the thresholds merge into their nearest released ancestor, or other", () => {
  const r = applyThresholds(
    [
      { id: "top-a", parent: null, conversations: 100, users: 5 },
      { id: "mid-a", parent: "top-a", conversations: 20, users: 4 },
      { id: "base-a1", parent: "mid-a", conversations: 16, users: 5 },
      { id: "base-a2", parent: "top-a", conversations: 50, users: 5 },
      { id: "base-a3", parent: "top-a", conversations: 30, users: 5 },
      { id: "top-b", parent: null, conversations: 14, users: 5 },
      { id: "base-b", parent: "top-b", conversations: 14, users: 5 },
      { id: "top-c", parent: null, conversations: 40, users: 6 },
    ],
    t,
  );
  // top-b alone would be "other" with 14 conversations, readable as total minus the released tops:
  // the smallest released top (top-c) joins it so that "other" passes.
  assert.deepEqual([...r.released].sort(), ["base-a2", "top-a"]);
  assert.deepEqual(r.other, { conversations: 54, users: 6, released: true });
  assert.deepEqual(
    r.merged.map((m) => [m.id, m.into]),
    [
      ["mid-a", "top-a"],
      ["base-a1", "top-a"],
      // mid-a (4 users) alone would be top-a's remainder: the smaller sibling joins it.
      ["base-a3", "top-a"],
      ["top-b", "other"],
      ["base-b", "other"],
      ["top-c", "other"],
    ],
  );
  // top-a minus its released child: mid-a and base-a3, 50 conversations of at least 5 users.
  assert.deepEqual([...r.unlisted], [["top-a", 50]]);
});

test("a remainder under the thresholds pulls in the smallest released siblings until it passes", () => {
  const part = (key: string, conversations: number, users: number) => ({ key, conversations, users });
  const p = gatePartition([part("a", 60, 9), part("b", 20, 5), part("c", 16, 5), part("d", 3, 2)], t);
  assert.deepEqual(
    p.kept.map((x) => x.key),
    ["a", "b"],
  );
  assert.deepEqual(p.remainder, { conversations: 19, users: 5 });
  // Nothing under the thresholds: nothing pooled.
  const all = gatePartition([part("a", 60, 9), part("b", 20, 5)], t);
  assert.deepEqual(all.remainder, { conversations: 0, users: 0 });
  // The pool's users are the union of its parts' users when their cells are known.
  const cell = (users: string[]) => {
    const c = new Cell(5);
    for (const u of users) c.add(u);
    return c;
  };
  const x = { key: "x", conversations: 10, users: 3, cell: cell(["u1", "u2", "u3"]) };
  const y = { key: "y", conversations: 10, users: 3, cell: cell(["u3", "u4", "u5"]) };
  const z = { key: "z", conversations: 40, users: 5, cell: cell(["u1", "u2", "u3", "u4", "u6"]) };
  assert.deepEqual(gatePartition([x, y, z], t).remainder, { conversations: 20, users: 5 });
});

/** Random trees over random conversations: every number derivable from released sizes passes. */
test("no subtraction of released sizes singles out a group under the thresholds", () => {
  for (let trial = 0; trial < 200; trial++) {
    const rand = mulberry32(trial);
    const roots = 1 + Math.floor(rand() * 5);
    const mids = roots + Math.floor(rand() * 8);
    const bases = mids + Math.floor(rand() * 20);
    const parentOf = new Map<string, string | null>();
    for (let i = 0; i < roots; i++) parentOf.set(`r${i}`, null);
    for (let i = 0; i < mids; i++) parentOf.set(`m${i}`, `r${i < roots ? i : Math.floor(rand() * roots)}`);
    for (let i = 0; i < bases; i++) parentOf.set(`b${i}`, `m${i < mids ? i : Math.floor(rand() * mids)}`);
    const cells = new Map<string, Cell>([...parentOf.keys()].map((id) => [id, new Cell(t.minUsers)]));
    const users = 3 + Math.floor(rand() * 30);
    const total = new Cell(t.minUsers);
    for (let c = 0, n = Math.floor(rand() * 400); c < n; c++) {
      // Skewed: some bases get many conversations, some a handful.
      const base = `b${Math.floor(rand() ** 2 * bases)}`;
      const user = `u${Math.floor(rand() * users)}`;
      total.add(user);
      for (let id: string | null | undefined = base; id; id = parentOf.get(id)) cells.get(id)?.add(user);
    }
    const clusters: CountedCluster[] = [...parentOf].map(([id, parent]) => {
      const cell = cells.get(id) as Cell;
      return { id, parent, conversations: cell.conversations, users: cell.usersAtLeast, cell };
    });
    const r = applyThresholds(clusters, t);
    const size = (id: string) => (cells.get(id) as Cell).conversations;
    const releasedChildren = (parent: string | null) =>
      clusters.filter((c) => c.parent === parent && r.released.has(c.id));
    // The whole of the top level is the study's total.
    const wholes: [string | null, number][] = [
      [null, total.conversations],
      ...[...r.released].map((id): [string, number] => [id, size(id)]),
    ];
    for (const [parent, whole] of wholes) {
      const kids = releasedChildren(parent);
      for (const k of kids) assert.ok(k.users >= 5 && k.conversations >= 15, `${k.id} passes`);
      if (kids.length === 0) continue;
      const rest = whole - kids.reduce((a, k) => a + k.conversations, 0);
      // The rest, recounted from the members themselves.
      const restCell = new Cell(t.minUsers);
      for (const c of clusters)
        if (c.parent === parent && !r.released.has(c.id)) restCell.merge(cells.get(c.id) as Cell);
      assert.equal(restCell.conversations, rest);
      assert.ok(
        rest === 0 || restCell.passes(t),
        `trial ${trial}: ${parent ?? "the total"} minus its released children leaves ${rest} conversations of ${restCell.usersAtLeast} users`,
      );
      if (parent === null) assert.equal(r.other.conversations, rest);
      else assert.equal(r.unlisted.get(parent), rest);
    }
    assert.equal(r.released.size + r.merged.length, clusters.length);
  }
});
