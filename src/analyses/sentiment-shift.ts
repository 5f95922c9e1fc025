/**
 * Figure 4 of the affective-use study: does the human's sentiment improve over a conversation? Mean
 * shift (last three human messages minus first three, on -1..1) per group, over conversations with at
 * least 6 human messages, with a seeded 1,000-resample bootstrap interval.
 */

import type { Row, Section } from "../release/figure.ts";
import { round } from "../release/figure.ts";
import { LabelTally, userKey } from "../release/gate.ts";
import type { FacetRecord } from "../types.ts";
import type { Analysis, AnalysisContext } from "./analysis.ts";
import { COMPARISON_GROUPS, gateGroups, groupLabels, groupsOf, SharedLabels } from "./groups.ts";
import { bootstrapMean } from "./stats.ts";

const SHIFT = "shift";
const SHORT = "short";

export class SentimentShiftAnalysis implements Analysis {
  readonly id = "sentiment-shift";
  private readonly shifts = new Map<string, number[]>();
  /** Comparison groups by outcome: with a shift (6+ human messages), or without. */
  private readonly tally: LabelTally;
  private readonly shared: SharedLabels;
  private eligible = 0;

  constructor(private readonly ctx: AnalysisContext) {
    this.tally = new LabelTally(ctx.thresholds);
    this.shared = new SharedLabels(ctx.thresholds);
  }

  add(r: FacetRecord): void {
    this.shared.add(r);
    const shift = r.sentiment?.shift;
    const has = shift !== null && shift !== undefined;
    this.tally.add(groupLabels(r), userKey(r), has ? SHIFT : SHORT);
    if (!has) return;
    this.eligible++;
    for (const key of groupsOf(r)) {
      let values = this.shifts.get(key);
      if (!values) {
        values = [];
        this.shifts.set(key, values);
      }
      values.push(shift);
    }
  }

  finish(): Section | null {
    if (this.eligible === 0) return null;
    // A group's conversations with a shift are a part of the group, whose size other figures show:
    // with and without a shift must each be empty or pass, for every group and difference of groups.
    const gated = gateGroups(this.tally, this.shared, [[SHIFT], [SHORT]]);
    const rows: Row[] = [];
    for (const [i, { key, label }] of COMPARISON_GROUPS.entries()) {
      const values = this.shifts.get(key);
      if (!values || !gated.shown.has(key)) continue;
      // One seed per group, derived from the study seed, so adding a group does not move the others.
      const b = bootstrapMean(values, { resamples: 1000, seed: this.ctx.seed + i });
      rows.push({
        group: key,
        label,
        conversations: values.length,
        mean_shift: round(b.mean),
        ci_low: round(b.lo),
        ci_high: round(b.hi),
      });
    }
    const suppressed = gated.suppressed;
    const summary: string[] = [];
    const aff = rows.find((r) => r.group === "affective");
    if (aff) {
      const mean = Number(aff.mean_shift);
      const lo = Number(aff.ci_low);
      const hi = Number(aff.ci_high);
      const direction =
        lo > 0
          ? "ends more positive than it starts"
          : hi < 0
            ? "ends more negative than it starts"
            : "shows no clear change";
      summary.push(
        `Human sentiment in long affective conversations ${direction}: mean shift ${mean >= 0 ? "+" : ""}${mean.toFixed(2)} on a -1..+1 scale (95% CI ${lo.toFixed(2)} to ${hi.toFixed(2)}, n = ${aff.conversations}).`,
      );
    }
    return {
      id: this.id,
      summary,
      title: "Sentiment over a conversation",
      intro: [
        "Each human message is rated from very negative (-1) to very positive (+1). The shift is the mean of the last three human messages minus the mean of the first three, " +
          "computed only for conversations with at least six human messages. People often state a problem early, so a positive shift partly reflects how conversations are structured.",
      ],
      figures: [
        {
          id: "sentiment-shift",
          title: "Sentiment shift by conversation type",
          caption:
            "Mean change in the human's expressed sentiment from the start to the end of a conversation, with 95% bootstrap intervals.",
          method:
            "Conversations with >= 6 human messages; 1,000 bootstrap resamples with a fixed seed, so reruns give the same interval. " +
            "A group is shown only when its conversations with a shift and without one each pass the privacy thresholds (or are none), and so does every difference of groups shown.",
          n: this.eligible,
          rows,
          suppressed,
          spec: {
            width: 480,
            height: { step: 26 },
            layer: [
              {
                mark: { type: "rule", color: "#9aa3ad", strokeDash: [4, 3] },
                encoding: { x: { datum: 0, type: "quantitative" } },
              },
              {
                mark: { type: "rule", color: "#1d2530" },
                encoding: {
                  y: { field: "label", type: "nominal", sort: null, title: null },
                  x: { field: "ci_low", type: "quantitative", title: "Mean sentiment shift (end - start)" },
                  x2: { field: "ci_high" },
                },
              },
              {
                mark: { type: "point", filled: true, size: 70, color: "#5aa469" },
                encoding: {
                  y: { field: "label", type: "nominal", sort: null },
                  x: { field: "mean_shift", type: "quantitative" },
                },
              },
            ],
          },
        },
      ],
    };
  }
}
