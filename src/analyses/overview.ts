/** What was analysed: how many conversations, how long they are (in human messages). */
import type { Row, Section } from "../release/figure.ts";
import { round } from "../release/figure.ts";
import { gateLabels, LabelTally, userKey } from "../release/gate.ts";
import type { FacetRecord } from "../types.ts";
import type { Analysis, AnalysisContext } from "./analysis.ts";
import { VERY_LONG } from "./long-conversations.ts";

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

/**
 * Sets of conversations other figures count, by length: those with a sentiment shift (6+ human
 * messages, the sentiment figure's n) and the very long ones. The length buckets are gated with them
 * as known wholes, so that neither minus the buckets shown singles out a hidden bucket.
 */
const WITH_SHIFT = "with_sentiment_shift";
const VERY_LONG_SET = "very_long";

export class OverviewAnalysis implements Analysis {
  readonly id = "overview";
  private readonly lengths: LabelTally;
  private readonly turns = new Map<number, number>();
  private total = 0;

  constructor(private readonly ctx: AnalysisContext) {
    this.lengths = new LabelTally(ctx.thresholds);
  }

  add(record: FacetRecord): void {
    this.total++;
    this.turns.set(record.human_turns, (this.turns.get(record.human_turns) ?? 0) + 1);
    const labels: string[] = [lengthBucket(record.human_turns)];
    const shift = record.sentiment?.shift;
    if (shift !== null && shift !== undefined) labels.push(WITH_SHIFT);
    if (record.human_turns >= VERY_LONG) labels.push(VERY_LONG_SET);
    this.lengths.add(labels, userKey(record));
  }

  finish(): Section {
    const gated = gateLabels(this.lengths, { order: LENGTH_BUCKETS, known: [WITH_SHIFT, VERY_LONG_SET] });
    const row = (key: string, conversations: number): Row => ({
      human_messages: key,
      conversations,
      share: round(conversations / Math.max(1, this.total)),
    });
    const rows = gated.kept.map(({ key, cell }) => row(key, cell.conversations));
    // The buckets are disjoint, so the pooled rest is the total minus the rows: shown when it passes.
    if (rows.length > 0 && gated.remainder.conversations > 0 && gated.remainder.passes(this.ctx.thresholds))
      rows.push(row("other", gated.remainder.conversations));
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
            "Buckets under the privacy thresholds are pooled into “other”; so is the smallest bucket while “other”, or what the buckets shown leave of the 6+ and 50+ message conversations other figures count, would be under them.",
          n: this.total,
          rows,
          suppressed: LENGTH_BUCKETS.length - gated.kept.length,
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
