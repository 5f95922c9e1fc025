/** The analyses a study runs, in report order. */
import type { AnalysisFactory } from "./analysis.ts";
import { OverviewAnalysis } from "./overview.ts";

export const ANALYSES: AnalysisFactory[] = [(ctx) => new OverviewAnalysis(ctx)];

export type { Analysis, AnalysisContext, AnalysisFactory } from "./analysis.ts";
