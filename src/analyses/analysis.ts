/**
 * One analysis = one accumulator over the per-conversation records. The release streams
 * internal/facets.jsonl once and feeds every analysis; each then returns a gated report section.
 */
import type { Manifest } from "../pipeline/manifest.ts";
import type { Section } from "../release/figure.ts";
import type { Thresholds } from "../release/gate.ts";
import type { FacetRecord } from "../types.ts";

export interface AnalysisContext {
  thresholds: Thresholds;
  manifest: Manifest;
  /** Seed for every resampling, so reruns print the same intervals. */
  seed: number;
}

export interface Analysis {
  readonly id: string;
  add(record: FacetRecord): void;
  finish(): Section | null;
}

export type AnalysisFactory = (ctx: AnalysisContext) => Analysis;
