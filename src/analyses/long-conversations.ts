/**
 * Very long conversations (50+ human messages), which the affective-use study looked at separately:
 * how common they are, and what kinds of conversation they are.
 */

import type { Row, Section } from "../release/figure.ts";
import { percent, round } from "../release/figure.ts";
import { gateLabels, LabelTally, userKey } from "../release/gate.ts";
import { AFFECTIVE_TYPES, type FacetRecord } from "../types.ts";
import type { Analysis, AnalysisContext } from "./analysis.ts";
import { AFFECTIVE_LABELS, SharedLabels } from "./groups.ts";
import { wilson } from "./stats.ts";

export const VERY_LONG = 50;

function kindOf(r: FacetRecord): string[] {
  if (r.affective && (r.affective_types ?? []).length > 0) return r.affective_types ?? [];
  if (r.content_creation) return ["content_creation"];
  return ["other_task"];
}

const KINDS = [...AFFECTIVE_TYPES, "content_creation", "other_task"];

const LABELS: Record<string, string> = {
  ...AFFECTIVE_LABELS,
  content_creation: "Content creation",
  other_task: "Other tasks",
};

const LONG = "long";
const SHORTER = "shorter";

export class LongConversationsAnalysis implements Analysis {
  readonly id = "long-conversations";
  /** Kinds of conversation by outcome: very long, or not. */
  private readonly mix: LabelTally;
  private readonly shared: SharedLabels;
  private total = 0;

  constructor(ctx: AnalysisContext) {
    this.mix = new LabelTally(ctx.thresholds);
    this.shared = new SharedLabels(ctx.thresholds);
  }

  add(r: FacetRecord): void {
    this.total++;
    this.shared.add(r);
    this.mix.add(kindOf(r), userKey(r), r.human_turns >= VERY_LONG ? LONG : SHORTER);
  }

  finish(): Section | null {
    if (this.total === 0) return null;
    // Kinds other figures show over all conversations (an affective type, content creation) are
    // released here only if those figures release them; "other tasks" is what is left of both.
    const shared = this.shared.released();
    const order = KINDS.filter((k) =>
      k === "other_task" ? shared.has("affective") && shared.has("content_creation") : shared.has(k),
    );
    // Each kind's very long conversations, and the rest of the kind, must be empty or pass (so must
    // all very long conversations and the rest of the study), and every difference of kinds too.
    const gated = gateLabels(this.mix, { order, outcomes: [[LONG], [SHORTER]] });
    const long = this.mix.count(
      () => true,
      (o) => o === LONG,
    );
    if (!gated.released || long.conversations === 0) {
      return {
        id: this.id,
        title: "Very long conversations",
        summary: [],
        intro: [
          gated.released
            ? `None of the conversations has ${VERY_LONG} or more human messages.`
            : `Conversations with ${VERY_LONG} or more human messages cannot be described here under the privacy thresholds.`,
        ],
        figures: [],
      };
    }
    const w = wilson(long.conversations, this.total);
    const rows: Row[] = gated.kept.flatMap(({ key }) => {
      const conversations = this.mix.cellOf(key, (o) => o === LONG).conversations;
      if (conversations === 0) return [];
      return [
        {
          kind: key,
          label: LABELS[key] ?? key,
          conversations,
          share_of_long: round(conversations / long.conversations),
        },
      ];
    });
    return {
      id: this.id,
      title: "Very long conversations",
      summary: [
        `${percent(w.p, 2)} of conversations run to ${VERY_LONG} or more human messages (95% CI ${percent(w.lo, 2)}-${percent(w.hi, 2)}).`,
      ],
      intro: [
        `Conversations with ${VERY_LONG} or more human messages: ${long.conversations.toLocaleString("en")} of ${this.total.toLocaleString("en")} ` +
          `(${percent(w.p, 2)}, 95% Wilson interval ${percent(w.lo, 2)}-${percent(w.hi, 2)}).`,
      ],
      figures: [
        {
          id: "long-conversations-mix",
          title: "What very long conversations are",
          caption: `Kinds of conversation among those with ${VERY_LONG}+ human messages (affective types may overlap).`,
          method:
            "Affective types from the facet engine; other long conversations split into content creation and other tasks. " +
            "A kind is shown only when its very long conversations and the rest of its conversations each pass the privacy thresholds (or are none), and so does every difference of kinds shown.",
          n: long.conversations,
          rows,
          suppressed: KINDS.length - rows.length,
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
