import assert from "node:assert/strict";
import { test } from "node:test";
import { mulberry32 } from "../analyses/stats.ts";
import {
  Cell,
  demoteUntilSafe,
  gateBreakdowns,
  gateDistribution,
  gateLabels,
  isSafe,
  LabelTally,
  Tally,
  userKey,
} from "./gate.ts";

const t = { minUsers: 3, minConversations: 4 };

/** A tally from [category, conversations, users] rows, users named per category. */
function tallyOf(rows: [string, number, number][]): Tally {
  const tally = new Tally(t);
  for (const [key, n, users] of rows) for (let i = 0; i < n; i++) tally.add(key, `${key}-u${i % users}`);
  return tally;
}

const shown = (g: { kept: { key: string; cell: Cell }[] }) =>
  g.kept.map((k) => [k.key, k.cell.conversations]);

test("a cell passes only with enough distinct users and conversations", () => {
  const cell = new Cell(t.minUsers);
  for (let i = 0; i < 10; i++) cell.add("u1");
  assert.equal(cell.passes(t), false, "ten conversations of one user are one user");
  cell.add("u2");
  cell.add("u3");
  assert.equal(cell.passes(t), true);
  assert.equal(cell.conversations, 12);
  assert.equal(isSafe(new Cell(t.minUsers), t), true, "an empty group singles out no one");
});

test("user memory is capped at the threshold", () => {
  const cell = new Cell(t.minUsers);
  for (let i = 0; i < 1000; i++) cell.add(`u${i}`);
  assert.equal(cell.usersAtLeast, 3);
});

test("small categories are pooled into 'other', which is shown only when it passes", () => {
  const gated = gateDistribution(
    tallyOf([
      ["coding", 20, 20],
      ["poetry", 3, 3],
      ["chess", 2, 2],
    ]),
  );
  assert.deepEqual(shown(gated), [
    ["coding", 20],
    ["other", 5],
  ]);
  assert.equal(gated.suppressed, 2);
});

test("an 'other' under the thresholds pulls in the smallest shown category until it passes", () => {
  // The total (30) minus coding and cooking would be chess's 2 conversations: cooking joins chess.
  const gated = gateDistribution(
    tallyOf([
      ["coding", 20, 10],
      ["cooking", 8, 4],
      ["chess", 2, 2],
    ]),
  );
  assert.deepEqual(shown(gated), [
    ["coding", 20],
    ["other", 10],
  ]);
  assert.equal(gated.suppressed, 2);
  assert.equal(gated.remainder.conversations, 10);
});

test("when nothing can be shown without singling out the rest, nothing is shown", () => {
  // The total minus coding would be the one rare conversation; "other" alone would restate the total.
  const gated = gateDistribution(
    tallyOf([
      ["coding", 20, 20],
      ["rare", 1, 1],
    ]),
  );
  assert.deepEqual(shown(gated), []);
  assert.equal(gated.suppressed, 2);
  assert.equal(gated.remainder.conversations, 21);
});

test("with a fixed order, empty categories count as suppressed, so the count hides which are empty", () => {
  const order = ["1", "2", "3", "4", "5"] as const;
  const a = gateDistribution(
    tallyOf([
      ["1", 30, 10],
      ["2", 6, 3],
      ["5", 1, 1],
    ]),
    order,
  );
  const b = gateDistribution(
    tallyOf([
      ["1", 30, 10],
      ["2", 6, 3],
      ["3", 1, 1],
    ]),
    order,
  );
  assert.deepEqual(shown(a), [
    ["1", 30],
    ["other", 7],
  ]);
  assert.equal(a.suppressed, 4);
  assert.equal(b.suppressed, a.suppressed);
});

test("'other' as a category, and pooled keys, are never shown on their own", () => {
  const gated = gateDistribution(
    tallyOf([
      ["a", 10, 5],
      ["other", 9, 5],
      ["not_determined", 6, 3],
    ]),
    undefined,
    { pooled: ["not_determined"] },
  );
  assert.deepEqual(shown(gated), [
    ["a", 10],
    ["other", 15],
  ]);
});

test("the rule demotes the smallest part of the failing difference", () => {
  const size: Record<string, number> = { a: 9, b: 5, c: 5, d: 1 };
  // Fails while c is shown; of a tie the later part goes.
  const kept = demoteUntilSafe(
    ["a", "b", "c", "d"],
    (k) => size[k] ?? 0,
    (s) => (s.includes("c") ? s.filter((k) => k !== "a" && k !== "d") : null),
  );
  assert.deepEqual(kept, ["a", "b", "d"]);
  assert.deepEqual(
    demoteUntilSafe(
      ["a"],
      () => 1,
      () => [],
    ),
    [],
    "a difference no part can fix: nothing shown",
  );
});

/** A label tally from [labels, conversations, outcome] rows, three users per row. */
function labelsOf(rows: [string[], number, string?][]): LabelTally {
  const tally = new LabelTally(t);
  for (const [r, [labels, n, outcome]] of rows.entries())
    for (let i = 0; i < n; i++) tally.add(labels, `r${r}-u${i % 3}`, outcome);
  return tally;
}

test("labels: a whole minus a shown label must not single out a few conversations", () => {
  // 30 affective conversations: 27 counseling, 10 coaching (7 both), 3 companionship only.
  const tally = labelsOf([
    [["affective", "counseling"], 20],
    [["affective", "counseling", "coaching"], 7],
    [["affective", "coaching"], 3],
    [["affective", "companionship"], 3],
    [[], 50],
  ]);
  const gated = gateLabels(tally, { order: ["affective", "counseling", "coaching", "companionship"] });
  // Affective minus counseling: the 3 coaching-only and 3 companionship conversations, 6 of 6
  // users: passes. Affective minus counseling minus coaching (were they disjoint): 3, but they
  // overlap, so no one can subtract both exactly... except that "none of the shown" is what is
  // left when they do not: 3 companionship conversations under the thresholds. Coaching, the
  // smaller, is not shown.
  assert.deepEqual(shown(gated), [
    ["affective", 33],
    ["counseling", 27],
  ]);
  assert.equal(gated.remainder.conversations, 50, "conversations with none of the shown labels");
});

test("labels: a label that covers nearly all of another is withheld, even when every leftover is empty", () => {
  // Every affective conversation is counseling or coaching; affective minus counseling is 2.
  const tally = labelsOf([
    [["affective", "counseling"], 30],
    [["affective", "counseling", "coaching"], 8],
    [["affective", "coaching"], 2],
    [[], 40],
  ]);
  const gated = gateLabels(tally, { order: ["affective", "counseling", "coaching"] });
  assert.deepEqual(shown(gated), [
    ["affective", 40],
    ["coaching", 10],
  ]);
});

test("labels: known labels are subtracted but never demoted", () => {
  // Buckets of conversation length, with "long" (6+) released by another figure.
  const tally = labelsOf([
    [["1"], 20],
    [["2"], 10],
    [["6-9", "long"], 10],
    [["10+", "long"], 2],
  ]);
  const gated = gateLabels(tally, { order: ["1", "2", "6-9", "10+"], known: ["long"] });
  // "long" minus 6-9 would be the 2 conversations of 10+; 6-9 goes, and the rest of the total
  // (12 long ones) passes.
  assert.deepEqual(shown(gated), [
    ["1", 20],
    ["2", 10],
  ]);
});

test("labels with outcomes: a group is shown only when each outcome of it, and of each difference, is safe", () => {
  // A rate: pushback or not. Counseling has 6 pushbacks, coaching 2.
  const tally = labelsOf([
    [["counseling"], 40, "no"],
    [["counseling"], 6, "yes"],
    [["coaching"], 30, "no"],
    [["coaching"], 2, "yes"],
    [[], 60, "no"],
    [[], 9, "yes"],
  ]);
  const rate = gateLabels(tally, { order: ["counseling", "coaching"], outcomes: [["yes"], ["no"]] });
  assert.deepEqual(shown(rate), [["counseling", 46]]);
  assert.equal(rate.released, true);
  // The whole's pushback count must pass too, else no rate is shown at all.
  const few = labelsOf([
    [["a"], 40, "no"],
    [["a"], 2, "yes"],
  ]);
  assert.equal(gateLabels(few, { outcomes: [["yes"], ["no"]] }).released, false);
  assert.deepEqual(shown(gateLabels(few, { outcomes: [["yes"], ["no"]] })), []);
});

/**
 * Random multi-label tallies, checked by brute force: for the whole and every shown label W, and
 * every set S of shown labels inside W, W's conversations with none of S are empty or pass, per outcome.
 */
test("no difference of shown labels singles out a group under the thresholds (random tallies)", () => {
  const labels = ["a", "b", "c", "d", "e"];
  for (let trial = 0; trial < 300; trial++) {
    const rand = mulberry32(trial);
    const tally = new LabelTally(t);
    const records: { labels: string[]; user: string; outcome: string }[] = [];
    for (let i = 0, n = Math.floor(rand() * 80); i < n; i++) {
      // "e" only ever comes with "a" (as a type with "affective"), so differences within "a" are tried.
      const ls = labels.filter(() => rand() < 0.35).filter((l, _, all) => l !== "e" || all.includes("a"));
      const r = { labels: ls, user: `u${Math.floor(rand() * 12)}`, outcome: rand() < 0.2 ? "yes" : "no" };
      records.push(r);
      tally.add(r.labels, r.user, r.outcome);
    }
    const outcomes = trial % 2 === 0 ? [["yes"], ["no"]] : undefined;
    const gated = gateLabels(tally, { order: labels, ...(outcomes && { outcomes }) });
    const kept = gated.kept.map((k) => k.key);
    if (!gated.released) {
      assert.deepEqual(kept, [], "an unreleased whole shows nothing");
      continue;
    }
    const groups = outcomes ?? [["yes", "no"]];
    const safe = (rs: typeof records) => {
      const c = new Cell(t.minUsers);
      for (const r of rs) c.add(r.user);
      return isSafe(c, t);
    };
    for (const w of [null, ...kept]) {
      const inW = records.filter((r) => w === null || r.labels.includes(w));
      // Labels inside W: a release gives W minus them (of others, no count within W).
      const inside = kept.filter(
        (l) => l !== w && records.every((r) => !r.labels.includes(l) || w === null || r.labels.includes(w)),
      );
      for (let mask = 0; mask < 1 << inside.length; mask++) {
        const s = inside.filter((_, i) => mask & (1 << i));
        const rest = inW.filter((r) => !r.labels.some((l) => s.includes(l)));
        for (const g of groups)
          assert.ok(
            safe(rest.filter((r) => g.includes(r.outcome))),
            `trial ${trial}: ${w ?? "the whole"} minus ${s.join("+") || "nothing"} (${g.join("/")})`,
          );
      }
    }
    for (const k of gated.kept) assert.ok(k.cell.passes(t), `trial ${trial}: ${k.key} passes`);
  }
});

test("breakdowns on a tree: shown top-down, and what shown children leave of their parent must pass", () => {
  // [node, parent, affective, not affective]: P splits into A, B, C; C's 2 affective are few.
  const plan: [string, string | null, number, number][] = [
    ["P", null, 40, 40],
    ["A", "P", 20, 10],
    ["B", "P", 18, 12],
    ["C", "P", 2, 18],
    ["A1", "A", 12, 6],
    ["A2", "A", 8, 4],
  ];
  const cells = new Map(
    plan.map(([id, , yes, no]) => {
      const y = new Cell(t.minUsers);
      const n = new Cell(t.minUsers);
      for (let i = 0; i < yes; i++) y.add(`${id}-y${i % 4}`);
      for (let i = 0; i < no; i++) n.add(`${id}-n${i % 4}`);
      return [id, [y, n]];
    }),
  );
  const children = (k: string) => plan.filter(([, p]) => p === k).map(([id]) => id);
  const shown = gateBreakdowns(
    "P",
    {
      children,
      cells: (k) => cells.get(k) ?? [],
      rest: (k, s) => {
        const out = [new Cell(t.minUsers), new Cell(t.minUsers)];
        const walk = (c: string): void => {
          if (s.includes(c)) return;
          const below = children(c);
          if (below.some((x) => s.includes(x))) for (const x of below) walk(x);
          else for (const [i, cell] of (cells.get(c) ?? []).entries()) out[i]?.merge(cell);
        };
        for (const c of children(k)) walk(c);
        return out;
      },
    },
    t,
  );
  // C's 2 affective conversations fail on their own; A and B shown would leave exactly C: B, the
  // smaller, is withheld, and P minus A is B and C (20 affective) together. A's children split it.
  assert.deepEqual([...shown].sort(), ["A", "A1", "A2", "P"]);
});

test("without a user id each conversation is its own user", () => {
  assert.equal(userKey({ id: "a", user_id: null }), "conversation:a");
  assert.equal(userKey({ id: "a", user_id: "u1" }), "u1");
});

test("labels, disjoint: a value nearly everyone holds is withheld; overlapping values are not subtracted together", () => {
  // 60 conversations with values: helpfulness in 58, clarity in 30 (all with helpfulness), honesty in 20.
  const tally = labelsOf([
    [["helpfulness", "clarity"], 30],
    [["helpfulness", "honesty"], 20],
    [["helpfulness"], 8],
    [["honesty"], 2],
  ]);
  const gated = gateLabels(tally, { disjoint: true });
  // The whole minus helpfulness is the 2 honesty-only conversations: helpfulness goes. Whole minus
  // clarity minus honesty is no count of anything (they overlap in none, but clarity and honesty
  // each overlap helpfulness, which is not shown): 60 - 30 - 22 = 8, which passes anyway.
  assert.deepEqual(shown(gated), [
    ["clarity", 30],
    ["honesty", 22],
  ]);
  // Without the option, every set is subtracted: "none of helpfulness and clarity" (the 2 again)
  // demotes clarity first, though 60 - 58 - 30 counts nobody.
  assert.deepEqual(shown(gateLabels(tally)), [["honesty", 22]]);
});

test("labels, disjoint: no difference of shown labels pairwise disjoint in the records is under the thresholds (random)", () => {
  const labels = ["a", "b", "c", "d", "e", "f"];
  for (let trial = 0; trial < 300; trial++) {
    const rand = mulberry32(1000 + trial);
    const tally = new LabelTally(t);
    const records: { labels: string[]; user: string; outcome: string }[] = [];
    for (let i = 0, n = Math.floor(rand() * 90); i < n; i++) {
      const ls = labels.filter((_, j) => rand() < 0.5 / (j + 1));
      const r = { labels: ls, user: `u${Math.floor(rand() * 12)}`, outcome: rand() < 0.25 ? "yes" : "no" };
      records.push(r);
      tally.add(r.labels, r.user, r.outcome);
    }
    const outcomes = trial % 2 === 0 ? [["yes"], ["no"]] : undefined;
    const gated = gateLabels(tally, { disjoint: true, ...(outcomes && { outcomes }) });
    const kept = gated.kept.map((k) => k.key);
    if (!gated.released) continue;
    const groups = outcomes ?? [["yes", "no"]];
    const safe = (rs: typeof records) => {
      const c = new Cell(t.minUsers);
      for (const r of rs) c.add(r.user);
      return isSafe(c, t);
    };
    const overlap = (x: string, y: string) =>
      records.some((r) => r.labels.includes(x) && r.labels.includes(y));
    for (const w of [null, ...kept]) {
      const inW = records.filter((r) => w === null || r.labels.includes(w));
      const inside = kept.filter(
        (l) => l !== w && records.every((r) => !r.labels.includes(l) || w === null || r.labels.includes(w)),
      );
      for (let mask = 1; mask < 1 << inside.length; mask++) {
        const s = inside.filter((_, i) => mask & (1 << i));
        if (s.some((x, i) => s.slice(i + 1).some((y) => overlap(x, y)))) continue;
        const rest = inW.filter((r) => !r.labels.some((l) => s.includes(l)));
        for (const g of groups)
          assert.ok(
            safe(rest.filter((r) => g.includes(r.outcome))),
            `trial ${trial}: ${w ?? "the whole"} minus ${s.join("+")} (${g.join("/")})`,
          );
      }
    }
  }
});
