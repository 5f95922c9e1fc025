/**
 * A gated distribution of one categorical facet (language, collaboration mode, concern level...):
 * share of conversations per category, small categories pooled into "other" by the partition rule
 * (src/release/gate.ts). Shares are over every conversation, so that the figure's n is the study's
 * total: conversations whose facet was not computed are a category of their own ("not determined"),
 * else the total minus n would count them.
 */

import type { Section } from "../release/figure.ts";
import { percent, round } from "../release/figure.ts";
import { gateDistribution, Tally, userKey } from "../release/gate.ts";
import type { FacetRecord } from "../types.ts";
import type { Analysis, AnalysisContext } from "./analysis.ts";

export interface DistributionSpec {
  id: string;
  title: string;
  intro?: string;
  caption: string;
  method: string;
  /** The category of a record, or null when the facet was not computed for it ("not determined"). */
  categoryOf: (r: FacetRecord) => string | null;
  /** Fixed category order (else largest first). */
  order?: readonly string[];
  /** Human-readable names of categories. */
  labels?: Record<string, string>;
  /** One summary sentence from the released rows (optional). */
  summarise?: (rows: { category: string; share: number }[]) => string | null;
  color?: string;
}

const NOT_DETERMINED = "not_determined";

export class DistributionAnalysis implements Analysis {
  readonly id: string;
  private readonly tally: Tally;
  private n = 0;

  constructor(
    ctx: AnalysisContext,
    private readonly spec: DistributionSpec,
  ) {
    this.id = spec.id;
    this.tally = new Tally(ctx.thresholds);
  }

  add(r: FacetRecord): void {
    this.n++;
    this.tally.add(this.spec.categoryOf(r) ?? NOT_DETERMINED, userKey(r));
  }

  finish(): Section | null {
    if (this.n === 0 || (this.tally.cells.size === 1 && this.tally.cells.has(NOT_DETERMINED))) return null;
    const order =
      this.spec.order &&
      (this.tally.cells.has(NOT_DETERMINED) ? [...this.spec.order, NOT_DETERMINED] : this.spec.order);
    const gated = gateDistribution(this.tally, order);
    const rows = gated.kept.map(({ key, cell }) => ({
      category: key,
      label:
        key === "other"
          ? "Other (pooled)"
          : key === NOT_DETERMINED
            ? "Not determined"
            : (this.spec.labels?.[key] ?? key),
      conversations: cell.conversations,
      share: round(cell.conversations / this.n),
    }));
    const sentence = this.spec.summarise?.(rows);
    return {
      id: this.spec.id,
      title: this.spec.title,
      summary: sentence ? [sentence] : [],
      intro: this.spec.intro ? [this.spec.intro] : [],
      figures: [
        {
          id: this.spec.id,
          title: this.spec.title,
          caption: this.spec.caption,
          method: `${this.spec.method} Categories under the privacy thresholds are pooled into “other”, and so is the smallest category while “other” would be under them.`,
          n: this.n,
          rows,
          suppressed: gated.suppressed,
          spec: {
            width: 480,
            height: { step: 22 },
            mark: { type: "bar", color: this.spec.color ?? "#3b6ea8" },
            encoding: {
              y: { field: "label", type: "nominal", sort: null, title: null },
              x: {
                field: "share",
                type: "quantitative",
                axis: { format: ".0%" },
                title: "Share of conversations",
              },
            },
          },
        },
      ],
    };
  }
}

export function topShareSentence(
  what: string,
  rows: { category: string; label?: string; share: number }[],
): string | null {
  const top = rows
    .filter((r) => r.category !== "other" && r.category !== NOT_DETERMINED)
    .sort((a, b) => b.share - a.share)
    .slice(0, 3);
  if (top.length === 0) return null;
  return `${what}: ${top.map((r) => `${r.label ?? r.category} ${percent(r.share)}`).join(", ")}.`;
}
