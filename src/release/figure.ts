/** A released figure: gated data rows, the Vega-Lite spec that draws them, and what a reader needs to trust it. */

export type Row = Record<string, string | number | boolean | null>;

export interface Figure {
  /** File stem under release/figures/ (kebab-case). */
  id: string;
  title: string;
  /** What the figure shows, in plain words. */
  caption: string;
  /** How the numbers were computed. */
  method: string;
  /** Conversations the figure covers. */
  n: number;
  /** The released rows: every one has passed the privacy gate. */
  rows: Row[];
  /** A Vega-Lite spec without `data`: the rows are injected when rendering. */
  spec: Record<string, unknown>;
  /** Categories not shown on their own: under the thresholds, or withheld by the subtraction rule. */
  suppressed: number;
}

export interface Section {
  id: string;
  title: string;
  /** Sentences for the executive summary, with the key numbers. */
  summary: string[];
  /** Paragraphs shown above the figures. */
  intro?: string[];
  figures: Figure[];
}

/** Rounds shares and intervals for release: enough precision to read, no false precision. */
export function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function percent(x: number, digits = 1): string {
  return `${(x * 100).toFixed(digits)}%`;
}

/** A horizontal bar per category with its interval drawn as a rule: the shape of most affective-use figures. */
export function barsWithIntervals(o: {
  value: string;
  lo: string;
  hi: string;
  title: string;
  color: string;
  format: string;
}): Record<string, unknown> {
  return {
    width: 480,
    height: { step: 28 },
    layer: [
      {
        mark: { type: "bar", color: o.color },
        encoding: {
          y: { field: "label", type: "nominal", sort: null, title: null },
          x: { field: o.value, type: "quantitative", axis: { format: o.format }, title: o.title },
        },
      },
      {
        mark: { type: "rule", color: "#1d2530" },
        encoding: {
          y: { field: "label", type: "nominal", sort: null },
          x: { field: o.lo, type: "quantitative" },
          x2: { field: o.hi },
        },
      },
    ],
  };
}

/**
 * The header of each panel of a faceted figure, above its panel: on the left, long names took
 * half the width and the browser scaled the whole figure down until they could not be read.
 */
export const PANEL_HEADER = {
  labelOrient: "top",
  labelAnchor: "start",
  labelAngle: 0,
  labelFontSize: 12,
  labelFontWeight: "bold",
  labelLimit: 560,
  labelPadding: 4,
} as const;
