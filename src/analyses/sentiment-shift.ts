/**
 * Figure 4 of the affective-use study: does the human's sentiment improve over a conversation? Mean
 * shift (last three human messages minus first three, on -1..1) per group, over conversations with at
 * least 6 human messages, with a seeded 1,000-resample bootstrap interval.
 */

import type { Row, Section } from "../release/figure.ts";
import { round } from "../release/figure.ts";
import { Cell, userKey } from "../release/gate.ts";
import type { FacetRecord } from "../types.ts";
import type { Analysis, AnalysisContext } from "./analysis.ts";
import { COMPARISON_GROUPS, groupsOf } from "./groups.ts";
import { bootstrapMean } from "./stats.ts";

export class SentimentShiftAnalysis implements Analysis {
  readonly id = "sentiment-shift";
  private shifts = new Map<string, { cell: Cell; values: number[] }>();
  private eligible = 0;

  constructor(private readonly ctx: AnalysisContext) {}

  add(r: FacetRecord): void {
    const shift = r.sentiment?.shift;
    if (shift === null || shift === undefined) return;
    this.eligible++;
    for (const key of groupsOf(r)) {
      let g = this.shifts.get(key);
      if (!g) {
        g = { cell: new Cell(this.ctx.thresholds.minUsers), values: [] };
        this.shifts.set(key, g);
      }
      g.cell.add(userKey(r));
      g.values.push(shift);
    }
  }

  finish(): Section | null {
    if (this.eligible === 0) return null;
    const rows: Row[] = [];
    let suppressed = 0;
    for (const [i, { key, label }] of COMPARISON_GROUPS.entries()) {
      const g = this.shifts.get(key);
      if (!g) continue;
      if (!g.cell.passes(this.ctx.thresholds)) {
        suppressed++;
        continue;
      }
      // One seed per group, derived from the study seed, so adding a group does not move the others.
      const b = bootstrapMean(g.values, { resamples: 1000, seed: this.ctx.seed + i });
      rows.push({
        group: key,
        label,
        conversations: g.values.length,
        mean_shift: round(b.mean),
        ci_low: round(b.lo),
        ci_high: round(b.hi),
      });
    }
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
            "Conversations with >= 6 human messages; 1,000 bootstrap resamples with a fixed seed, so reruns give the same interval.",
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
