/**
 * Very long conversations (50+ human messages), which the affective-use study looked at separately:
 * how common they are, and what kinds of conversation they are.
 */

import type { Row, Section } from "../release/figure.ts";
import { percent, round } from "../release/figure.ts";
import { Cell, gateDistribution, Tally, userKey } from "../release/gate.ts";
import type { FacetRecord } from "../types.ts";
import { AFFECTIVE_LABELS } from "./affective.ts";
import type { Analysis, AnalysisContext } from "./analysis.ts";
import { wilson } from "./stats.ts";

export const VERY_LONG = 50;

function kindOf(r: FacetRecord): string[] {
  if (r.affective && (r.affective_types ?? []).length > 0) return r.affective_types ?? [];
  if (r.content_creation) return ["content_creation"];
  return ["other_task"];
}

const LABELS: Record<string, string> = {
  ...AFFECTIVE_LABELS,
  content_creation: "Content creation",
  other_task: "Other tasks",
};

export class LongConversationsAnalysis implements Analysis {
  readonly id = "long-conversations";
  private total = 0;
  private long: Cell;
  private mix: Tally;

  constructor(private readonly ctx: AnalysisContext) {
    this.long = new Cell(ctx.thresholds.minUsers);
    this.mix = new Tally(ctx.thresholds);
  }

  add(r: FacetRecord): void {
    this.total++;
    if (r.human_turns < VERY_LONG) return;
    const user = userKey(r);
    this.long.add(user);
    for (const k of kindOf(r)) this.mix.add(k, user);
  }

  finish(): Section | null {
    if (this.total === 0) return null;
    const t = this.ctx.thresholds;
    if (!this.long.passes(t)) {
      return {
        id: this.id,
        title: "Very long conversations",
        summary: [],
        intro: [
          `Conversations with ${VERY_LONG} or more human messages are too few here to describe under the privacy thresholds.`,
        ],
        figures: [],
      };
    }
    const w = wilson(this.long.conversations, this.total);
    const gated = gateDistribution(this.mix);
    const rows: Row[] = gated.kept.map(({ key, cell }) => ({
      kind: key,
      label: key === "other" ? "Other (pooled)" : (LABELS[key] ?? key),
      conversations: cell.conversations,
      share_of_long: round(cell.conversations / this.long.conversations),
    }));
    return {
      id: this.id,
      title: "Very long conversations",
      summary: [
        `${percent(w.p, 2)} of conversations run to ${VERY_LONG} or more human messages (95% CI ${percent(w.lo, 2)}-${percent(w.hi, 2)}).`,
      ],
      intro: [
        `Conversations with ${VERY_LONG} or more human messages: ${this.long.conversations.toLocaleString("en")} of ${this.total.toLocaleString("en")} ` +
          `(${percent(w.p, 2)}, 95% Wilson interval ${percent(w.lo, 2)}-${percent(w.hi, 2)}).`,
      ],
      figures: [
        {
          id: "long-conversations-mix",
          title: "What very long conversations are",
          caption: `Kinds of conversation among those with ${VERY_LONG}+ human messages (affective types may overlap).`,
          method:
            "Affective types from the facet engine; other long conversations split into content creation and other tasks.",
          n: this.long.conversations,
          rows,
          suppressed: gated.suppressed,
          spec: {
            width: 480,
            height: { step: 24 },
            mark: { type: "bar", color: "#8b6bb8" },
            encoding: {
              y: { field: "label", type: "nominal", sort: "-x", title: null },
              x: {
                field: "share_of_long",
                type: "quantitative",
                axis: { format: ".0%" },
                title: "Share of very long conversations",
              },
            },
          },
        },
      ],
    };
  }
}
