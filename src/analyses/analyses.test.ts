/** The affective-use analyses on hand-made records: numbers, intervals and the privacy gate. */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Manifest } from "../pipeline/manifest.ts";
import { baseRecord, type FacetRecord } from "../types.ts";
import { AffectivePrevalence } from "./affective.ts";
import type { AnalysisContext } from "./analysis.ts";
import { LongConversationsAnalysis } from "./long-conversations.ts";
import { histogramMedian, lengthBucket, OverviewAnalysis } from "./overview.ts";
import { PushbackAnalysis } from "./pushback.ts";
import { SentimentShiftAnalysis } from "./sentiment-shift.ts";
import { wilson } from "./stats.ts";

const manifest = {
  counts: { analysed: 0, rejected: 0, users: 0, has_user_ids: true, read: 0 },
} as unknown as Manifest;
const ctx: AnalysisContext = { thresholds: { minUsers: 5, minConversations: 15 }, manifest, seed: 42 };

function record(i: number, patch: Partial<FacetRecord>): FacetRecord {
  const r = baseRecord({
    id: `c${i}`,
    userId: `u${i % 40}`,
    source: { file: "f", line: i + 1 },
    messages: [{ role: "user", text: "x" }],
    meta: {},
  });
  return { ...r, affective: false, affective_types: [], pushback: false, ...patch };
}

test("affective prevalence: shares with Wilson intervals; a type under the thresholds is suppressed", () => {
  const a = new AffectivePrevalence(ctx);
  for (let i = 0; i < 1000; i++) {
    if (i < 40) a.add(record(i, { affective: true, affective_types: ["coaching"] }));
    else if (i < 60) a.add(record(i, { affective: true, affective_types: ["counseling"] }));
    else if (i < 64) a.add(record(i, { affective: true, affective_types: ["romantic_roleplay"] }));
    else a.add(record(i, {}));
  }
  const section = a.finish();
  const rows = section?.figures[0]?.rows ?? [];
  const all = rows.find((r) => r.category === "affective");
  const w = wilson(64, 1000);
  assert.equal(all?.conversations, 64);
  assert.ok(Math.abs(Number(all?.ci_low) - w.lo) < 1e-4);
  assert.ok(rows.some((r) => r.category === "coaching"));
  assert.ok(!rows.some((r) => r.category === "romantic_roleplay"), "4 conversations are under the threshold");
  // Affective minus coaching minus counseling would be the 4 romantic roleplays: counseling, the
  // smaller, is not shown, so what affective minus coaching leaves (24 conversations) passes.
  assert.ok(!rows.some((r) => r.category === "counseling"));
  assert.equal(section?.figures[0]?.suppressed, 4, "counseling, romantic roleplay and the two empty types");
});

test("pushback: rates per group; no rate, or difference of rates, counts pushbacks under the thresholds", () => {
  const p = new PushbackAnalysis(ctx);
  for (let i = 0; i < 400; i++) {
    // 150 counseling, 50 coaching, 200 not affective; one conversation in ten has pushback.
    const type = i < 150 ? "counseling" : i < 200 ? "coaching" : null;
    const pushback = i % 10 === Math.floor(i / 10) % 10;
    p.add(
      record(i, {
        affective: type !== null,
        affective_types: type ? [type] : [],
        pushback,
        pushback_reason: pushback ? (type ? "safety_self_harm" : "illegal_activity") : null,
      }),
    );
  }
  const [rates, reasons] = p.finish()?.figures ?? [];
  // Coaching has 5 pushbacks: its rate with its size would count them. Counseling's 15 pass, but
  // "all affective" minus counseling would be coaching again: counseling is withheld too.
  assert.deepEqual(
    rates?.rows.map((r) => [r.group, r.conversations, r.pushback_rate]),
    [
      ["affective", 200, 0.1],
      ["not_affective", 200, 0.1],
      ["all", 400, 0.1],
    ],
  );
  assert.equal(rates?.suppressed, 5, "the five types");
  assert.deepEqual(
    reasons?.rows.map((r) => [r.group, r.reason, r.conversations, r.share_of_pushback]),
    [
      ["affective", "safety_self_harm", 20, 1],
      ["not_affective", "illegal_activity", 20, 1],
      ["all", "illegal_activity", 20, 0.5],
      ["all", "safety_self_harm", 20, 0.5],
    ],
  );
});

test("sentiment shift: bootstrap intervals are seeded, so reruns are identical", () => {
  const run = () => {
    const s = new SentimentShiftAnalysis(ctx);
    for (let i = 0; i < 60; i++) {
      const shift = (i % 5) * 0.25 - 0.25;
      s.add(
        record(i, {
          affective: true,
          affective_types: ["counseling"],
          sentiment: { messages: [], start: 0, end: shift, shift },
        }),
      );
    }
    return s.finish()?.figures[0]?.rows;
  };
  const a = run();
  assert.deepEqual(a, run());
  const c = a?.find((r) => r.group === "counseling");
  assert.equal(c?.mean_shift, 0.25);
  assert.ok(Number(c?.ci_low) < 0.25 && Number(c?.ci_high) > 0.25);
});

test("long conversations and the length distribution", () => {
  assert.equal(lengthBucket(1), "1");
  assert.equal(lengthBucket(7), "6-9");
  assert.equal(lengthBucket(50), "50+");
  assert.equal(
    histogramMedian(
      new Map([
        [1, 3],
        [2, 1],
        [9, 1],
      ]),
    ),
    1,
  );
  const long = new LongConversationsAnalysis(ctx);
  const overview = new OverviewAnalysis(ctx);
  for (let i = 0; i < 100; i++) {
    const r = { ...record(i, {}), human_turns: i < 20 ? 60 : 2 };
    long.add(r);
    overview.add(r);
  }
  const section = long.finish();
  assert.match(section?.summary[0] ?? "", /^20\.00% of conversations run to 50/);
  const lengths = overview.finish().figures[0]?.rows ?? [];
  assert.deepEqual(
    lengths.map((r) => [r.human_messages, r.conversations]),
    [
      ["2", 80],
      ["50+", 20],
    ],
  );
});
