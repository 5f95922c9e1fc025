/** Renders a figure's Vega-Lite spec to inline SVG in Node: no browser, no network, no native code. */
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import type { Figure } from "./figure.ts";

const CONFIG = {
  font: "system-ui, -apple-system, Segoe UI, Roboto, sans-serif",
  axis: {
    labelFontSize: 11,
    titleFontSize: 12,
    grid: true,
    gridColor: "#eceff3",
    domainColor: "#9aa3ad",
    labelLimit: 240,
  },
  legend: { labelFontSize: 11, titleFontSize: 12 },
  view: { stroke: null },
  range: {
    category: ["#3b6ea8", "#e08a3c", "#5aa469", "#c4515a", "#8b6bb8", "#7d8c99", "#d4b24c", "#4fa3a5"],
  },
};

/** The full, self-contained Vega-Lite spec for a figure (what release/figures/ID.vl.json holds). */
export function figureSpec(figure: Figure): TopLevelSpec {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    ...figure.spec,
    data: { values: figure.rows },
    config: CONFIG,
  } as TopLevelSpec;
}

export async function renderSvg(figure: Figure): Promise<string> {
  const compiled = compile(figureSpec(figure)).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
