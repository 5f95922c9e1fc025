/** What was analysed: how many conversations, how long they are (in human messages). */
import type { Section } from "../release/figure.ts";
import { round } from "../release/figure.ts";
import { gateDistribution, Tally, userKey } from "../release/gate.ts";
import type { FacetRecord } from "../types.ts";
import type { Analysis, AnalysisContext } from "./analysis.ts";

export const LENGTH_BUCKETS = ["0", "1", "2", "3-5", "6-9", "10-19", "20-49", "50+"] as const;
export type LengthBucket = (typeof LENGTH_BUCKETS)[number];

export function lengthBucket(humanTurns: number): LengthBucket {
  if (humanTurns <= 0) return "0";
  if (humanTurns === 1) return "1";
  if (humanTurns === 2) return "2";
  if (humanTurns <= 5) return "3-5";
  if (humanTurns <= 9) return "6-9";
  if (humanTurns <= 19) return "10-19";
  if (humanTurns <= 49) return "20-49";
  return "50+";
}

/** The median of a histogram of non-negative integers (value -> count). */
export function histogramMedian(histogram: Map<number, number>): number {
  const total = [...histogram.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  let seen = 0;
  for (const value of [...histogram.keys()].sort((a, b) => a - b)) {
    seen += histogram.get(value) ?? 0;
    if (seen >= total / 2) return value;
  }
  return 0;
}

export class OverviewAnalysis implements Analysis {
  readonly id = "overview";
  private readonly lengths: Tally;
  private readonly turns = new Map<number, number>();
  private total = 0;

  constructor(private readonly ctx: AnalysisContext) {
    this.lengths = new Tally(ctx.thresholds);
  }

  add(record: FacetRecord): void {
    this.total++;
    this.turns.set(record.human_turns, (this.turns.get(record.human_turns) ?? 0) + 1);
    this.lengths.add(lengthBucket(record.human_turns), userKey(record));
  }

  finish(): Section {
    const gated = gateDistribution(this.lengths, LENGTH_BUCKETS);
    const rows = gated.kept.map(({ key, cell }) => ({
      human_messages: key,
      conversations: cell.conversations,
      share: round(cell.conversations / Math.max(1, this.total)),
    }));
    const median = histogramMedian(this.turns);
    const m = this.ctx.manifest.counts;
    const summary = [
      `${m.analysed.toLocaleString("en")} conversations were analysed` +
        (m.rejected > 0
          ? `; ${m.rejected.toLocaleString("en")} input records were set aside as malformed.`
          : "."),
      m.has_user_ids
        ? `They come from ${m.users.toLocaleString("en")} distinct users.`
        : "The input has no user ids, so each conversation counts as its own user for the privacy thresholds.",
      `The median conversation has ${median} human message${median === 1 ? "" : "s"}.`,
    ];
    return {
      id: this.id,
      title: "The conversations",
      summary,
      figures: [
        {
          id: "conversation-length",
          title: "Conversation length",
          caption: "How many messages the human sent per conversation.",
          method:
            "Human messages counted per conversation after parsing; consecutive messages of one role count separately. " +
            "Buckets under the privacy thresholds are pooled into “other”.",
          n: this.total,
          rows,
          suppressed: gated.suppressed,
          spec: {
            width: 520,
            height: 220,
            mark: { type: "bar", color: "#3b6ea8" },
            encoding: {
              x: { field: "human_messages", type: "ordinal", sort: null, title: "Human messages" },
              y: {
                field: "share",
                type: "quantitative",
                axis: { format: ".0%" },
                title: "Share of conversations",
              },
              tooltip: [
                { field: "human_messages" },
                { field: "conversations" },
                { field: "share", format: ".1%" },
              ],
            },
          },
        },
      ],
    };
  }
}
