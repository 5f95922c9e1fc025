/**
 * Figure 3 of the affective-use study: how often the assistant pushes back, per affective type, with
 * 95% Wilson intervals, and the most common reasons. A rate with its group's size releases the
 * group's conversations with pushback and without: a group is shown only when both (and the
 * conversations whose pushback was not computed) are empty or pass, for the group and for every
 * difference of groups shown (groups.ts). Reasons are parts of a group's pushback, gated the same way.
 */

import { pushbackReasonLabel } from "../facets/pushback.ts";
import type { Row, Section } from "../release/figure.ts";
import { barsWithIntervals, PANEL_HEADER, percent, round } from "../release/figure.ts";
import { Cell, gatePartition, LabelTally, userKey } from "../release/gate.ts";
import type { FacetRecord } from "../types.ts";
import type { Analysis, AnalysisContext } from "./analysis.ts";
import { COMPARISON_GROUPS, gateGroups, groupLabels, SharedLabels } from "./groups.ts";
import { wilson } from "./stats.ts";

const TOP_REASONS = 3;
const NO = "no";
const UNDETERMINED = "undetermined";
const REASON = "reason:";

export class PushbackAnalysis implements Analysis {
  readonly id = "pushback";
  /** Comparison groups by outcome: "reason:<reason>", "no", or "undetermined" (pushback not computed). */
  private readonly tally: LabelTally;
  private readonly shared: SharedLabels;
  private seen = 0;

  constructor(private readonly ctx: AnalysisContext) {
    this.tally = new LabelTally(ctx.thresholds);
    this.shared = new SharedLabels(ctx.thresholds);
  }

  add(r: FacetRecord): void {
    this.shared.add(r);
    if (r.pushback !== null) this.seen++;
    const outcome =
      r.pushback === null ? UNDETERMINED : r.pushback ? `${REASON}${r.pushback_reason ?? "other"}` : NO;
    this.tally.add(groupLabels(r), userKey(r), outcome);
  }

  finish(): Section | null {
    if (this.seen === 0) return null;
    const t = this.ctx.thresholds;
    const outcomes = this.tally.outcomes;
    const yes = outcomes.filter((o) => o.startsWith(REASON));
    const inGroup = (key: string) => (ls: ReadonlySet<string>) => key === "all" || ls.has(key);
    const count = (key: string, of: readonly string[]) =>
      this.tally.count(inGroup(key), (o) => of.includes(o));
    // A rate and its group's size release three parts of the group: with pushback, without, and
    // not computed. Each must be empty or pass, for every group and every difference of groups.
    const rated = gateGroups(this.tally, this.shared, [yes, [NO], [UNDETERMINED]]);
    const rates: Row[] = [];
    for (const { key, label } of COMPARISON_GROUPS) {
      if (!rated.shown.has(key)) continue;
      const k = count(key, yes).conversations;
      const n = count(key, [...yes, NO]).conversations;
      const w = wilson(k, n);
      rates.push({
        group: key,
        label,
        conversations: n,
        pushback_rate: round(w.p),
        ci_low: round(w.lo),
        ci_high: round(w.hi),
      });
    }

    // The reasons named: the study's most common, as a partition of all pushback (the facet's own
    // "other" reason is pooled with the rest). Per group, the same reasons and the group's rest.
    const part = (o: string) => {
      const cell = count("all", [o]);
      return { key: o, conversations: cell.conversations, users: cell.usersAtLeast, cell };
    };
    const other = `${REASON}other`;
    const named = gatePartition(yes.filter((o) => o !== other).map(part), t, {
      maxKept: TOP_REASONS,
      pooled: yes.includes(other) ? [part(other)] : [],
    }).kept.map((p) => p.key);
    const others = yes.filter((o) => !named.includes(o));
    const explained = gateGroups(
      this.tally,
      this.shared,
      [...named.map((o) => [o]), others, [NO], [UNDETERMINED]],
      rated.shown,
    );
    const reasons: Row[] = [];
    let reasonsSuppressed = 0;
    for (const { key, label } of COMPARISON_GROUPS) {
      if (!rated.shown.has(key)) continue;
      const present = yes.filter((o) => count(key, [o]).conversations > 0);
      const listed = explained.shown.has(key) ? present.filter((o) => named.includes(o)) : [];
      reasonsSuppressed += present.length - listed.length;
      if (!explained.shown.has(key)) continue;
      const k = count(key, yes).conversations;
      const rows = listed.map((o) => [o.slice(REASON.length), count(key, [o])] as const);
      rows.sort((a, b) => b[1].conversations - a[1].conversations);
      const rest = new Cell(t.minUsers);
      rest.merge(count(key, others));
      if (rest.conversations > 0) rows.push(["other", rest]);
      for (const [reason, cell] of rows)
        reasons.push({
          group: key,
          label,
          reason,
          // "other" here is always the pooled rest: the facet's own "other" reason is pooled with it.
          reason_label: reason === "other" ? "Other (pooled)" : pushbackReasonLabel(reason),
          conversations: cell.conversations,
          share_of_pushback: round(cell.conversations / Math.max(1, k)),
        });
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
            "Rates are over the conversations of each group. A group is shown only when its conversations with pushback and without it each pass the privacy thresholds (or are none), " +
            "and so does every difference of groups shown (all minus affective, affective minus a type).",
          n: this.seen,
          rows: rates,
          suppressed: rated.suppressed,
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
          caption: `Up to ${TOP_REASONS} of the most common reasons overall, per group, as a share of that group's pushback; the rest pooled as “other”.`,
          method:
            "Reasons come from the pushback facet. A reason is named only when its conversations pass the privacy thresholds in every group shown and in every difference of groups, and so does each group's rest.",
          n: this.seen,
          rows: reasons,
          suppressed: reasonsSuppressed,
          spec: {
            width: 420,
            height: { step: 18 },
            mark: { type: "bar" },
            encoding: {
              y: { field: "reason_label", type: "nominal", title: null, sort: null },
              x: {
                field: "share_of_pushback",
                type: "quantitative",
                axis: { format: ".0%" },
                title: "Share of the group's pushback",
              },
              color: { condition: { test: "datum.reason === 'other'", value: "#9aa5b1" }, value: "#c4515a" },
              row: {
                field: "label",
                type: "nominal",
                title: null,
                sort: null,
                header: PANEL_HEADER,
              },
            },
          },
        },
      ],
    };
  }
}
