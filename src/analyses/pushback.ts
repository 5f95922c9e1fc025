/**
 * Figure 3 of the affective-use study: how often the assistant pushes back, per affective type, with
 * 95% Wilson intervals, and the most common reasons. A rate is released when its group passes the
 * privacy gate; a reason is listed only when its own cell (group x reason) passes too.
 */

import type { Row, Section } from "../release/figure.ts";
import { barsWithIntervals, percent, round } from "../release/figure.ts";
import { Cell, userKey } from "../release/gate.ts";
import type { FacetRecord } from "../types.ts";
import type { Analysis, AnalysisContext } from "./analysis.ts";
import { COMPARISON_GROUPS, groupsOf } from "./groups.ts";
import { wilson } from "./stats.ts";

const TOP_REASONS = 3;

export class PushbackAnalysis implements Analysis {
  readonly id = "pushback";
  private groups = new Map<string, { all: Cell; pushback: number; reasons: Map<string, Cell> }>();
  private seen = 0;

  constructor(private readonly ctx: AnalysisContext) {}

  add(r: FacetRecord): void {
    if (r.pushback === null) return;
    this.seen++;
    const user = userKey(r);
    for (const key of groupsOf(r)) {
      let g = this.groups.get(key);
      if (!g) {
        g = { all: new Cell(this.ctx.thresholds.minUsers), pushback: 0, reasons: new Map() };
        this.groups.set(key, g);
      }
      g.all.add(user);
      if (!r.pushback) continue;
      g.pushback++;
      const reason = r.pushback_reason ?? "other";
      let cell = g.reasons.get(reason);
      if (!cell) {
        cell = new Cell(this.ctx.thresholds.minUsers);
        g.reasons.set(reason, cell);
      }
      cell.add(user);
    }
  }

  finish(): Section | null {
    if (this.seen === 0) return null;
    const t = this.ctx.thresholds;
    const rates: Row[] = [];
    const reasons: Row[] = [];
    let suppressed = 0;
    let reasonsSuppressed = 0;
    for (const { key, label } of COMPARISON_GROUPS) {
      const g = this.groups.get(key);
      if (!g) continue;
      if (!g.all.passes(t)) {
        suppressed++;
        continue;
      }
      const w = wilson(g.pushback, g.all.conversations);
      rates.push({
        group: key,
        label,
        conversations: g.all.conversations,
        pushback_rate: round(w.p),
        ci_low: round(w.lo),
        ci_high: round(w.hi),
      });
      const passing = [...g.reasons.entries()]
        .filter(([, c]) => c.passes(t))
        .sort((a, b) => b[1].conversations - a[1].conversations);
      reasonsSuppressed += g.reasons.size - passing.length;
      for (const [reason, cell] of passing.slice(0, TOP_REASONS)) {
        reasons.push({
          group: key,
          label,
          reason,
          conversations: cell.conversations,
          share_of_pushback: round(cell.conversations / Math.max(1, g.pushback)),
        });
      }
    }
    const summary: string[] = [];
    const aff = rates.find((r) => r.group === "affective");
    const all = rates.find((r) => r.group === "all");
    if (aff && all) {
      summary.push(
        `The assistant pushes back in ${percent(Number(aff.pushback_rate))} of affective conversations, against ${percent(Number(all.pushback_rate))} of all conversations (the published figure for supportive contexts is under 10%).`,
      );
    }
    return {
      id: this.id,
      summary,
      title: "When the assistant pushes back",
      intro: [
        "Pushback: the assistant pushes back against or refuses something the user asked or said, including partial refusals, " +
          "challenging negative self-talk and questioning harmful assumptions.",
      ],
      figures: [
        {
          id: "pushback-rate",
          title: "Pushback rate by conversation type",
          caption: "Share of conversations in which the assistant pushes back, with 95% Wilson intervals.",
          method:
            "Rates are over the conversations of each group; a group is shown only when it passes the privacy thresholds.",
          n: this.seen,
          rows: rates,
          suppressed,
          spec: barsWithIntervals({
            value: "pushback_rate",
            lo: "ci_low",
            hi: "ci_high",
            title: "Pushback rate",
            color: "#c4515a",
            format: ".0%",
          }),
        },
        {
          id: "pushback-reasons",
          title: "Top reasons for pushback",
          caption: `Up to ${TOP_REASONS} most common reasons per group, as a share of that group's pushback.`,
          method:
            "Reasons come from the pushback facet; a reason is listed only when its own conversations pass the privacy thresholds.",
          n: this.seen,
          rows: reasons,
          suppressed: reasonsSuppressed,
          spec: {
            width: 420,
            height: { step: 18 },
            mark: { type: "bar" },
            encoding: {
              y: { field: "reason", type: "nominal", title: null },
              x: {
                field: "share_of_pushback",
                type: "quantitative",
                axis: { format: ".0%" },
                title: "Share of the group's pushback",
              },
              color: { field: "reason", type: "nominal", legend: null },
              row: {
                field: "label",
                type: "nominal",
                title: null,
                sort: null,
                header: { labelAngle: 0, labelAlign: "left" },
              },
            },
          },
        },
      ],
    };
  }
}
