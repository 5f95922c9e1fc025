/** Vega-Lite specs of the values section's figures (the rows are injected when rendering). */
import { barsWithIntervals, PANEL_HEADER } from "../release/figure.ts";

/** Share per value with its Wilson interval, one bar per value. */
export function valueBarsSpec(title: string, color: string): Record<string, unknown> {
  return barsWithIntervals({ value: "share", lo: "ci_low", hi: "ci_high", title, color, format: ".0%" });
}

/** The taxonomy as a two-level tree: a panel per top-level group, a bar per group below it. */
export function taxonomySpec(): Record<string, unknown> {
  return {
    width: 420,
    height: { step: 16 },
    mark: { type: "bar" },
    encoding: {
      y: { field: "group", type: "nominal", sort: "-x", title: null, axis: { labelLimit: 300 } },
      x: {
        field: "share_of_occurrences",
        type: "quantitative",
        axis: { format: ".0%" },
        title: "Share of value mentions",
      },
      color: { field: "top_level", type: "nominal", legend: null },
      row: {
        field: "top_level",
        type: "nominal",
        title: null,
        sort: { field: "top_level_share", op: "max", order: "descending" },
        header: PANEL_HEADER,
      },
    },
    resolve: { scale: { y: "independent" } },
  };
}

/** Adjusted residuals of the over-represented values, one panel per context. */
export function situationalSpec(): Record<string, unknown> {
  return {
    width: 360,
    height: { step: 16 },
    mark: { type: "bar", color: "#5aa469" },
    encoding: {
      y: { field: "value", type: "nominal", sort: "-x", title: null },
      x: { field: "residual", type: "quantitative", title: "Adjusted Pearson residual" },
      tooltip: [
        { field: "value" },
        { field: "conversations" },
        { field: "expected" },
        { field: "p_bonferroni" },
      ],
      row: {
        field: "label",
        type: "nominal",
        title: null,
        sort: null,
        header: PANEL_HEADER,
      },
    },
    resolve: { scale: { y: "independent" } },
  };
}

/** The seven response types in the study's order, with intervals. */
export function responseSpec(): Record<string, unknown> {
  return barsWithIntervals({
    value: "share",
    lo: "ci_low",
    hi: "ci_high",
    title: "Share of subjective conversations",
    color: "#e08a3c",
    format: ".0%",
  });
}
