/**
 * One analysis = one accumulator over the per-conversation records. The release streams
 * internal/facets.jsonl once and feeds every analysis; each then returns a gated report section.
 */
import type { TopicNode } from "../cluster/index.ts";
import type { InterviewStudy } from "../interview/stage.ts";
import type { Manifest } from "../pipeline/manifest.ts";
import type { Section } from "../release/figure.ts";
import type { Thresholds } from "../release/gate.ts";
import type { FacetRecord } from "../types.ts";
import type { ValuesFile } from "../values/stage.ts";

export interface AnalysisContext {
  thresholds: Thresholds;
  manifest: Manifest;
  /** Seed for every resampling, so reruns print the same intervals. */
  seed: number;
  /** The topic tree from internal/topics.json, when the study clustered its conversations. */
  topics?: TopicNode[] | null;
  /** The values taxonomy from internal/values.json, when the study built one. */
  values?: ValuesFile | null;
  /** Interview questions, themes and consented quotes from internal/interviews.json, when the study has interviews. */
  interviews?: InterviewStudy | null;
}

export interface Analysis {
  readonly id: string;
  add(record: FacetRecord): void;
  /** A section, several (one analysis may report per question), or null when there is nothing to say. */
  finish(): Section | Section[] | null;
}

/** Makes an analysis, or null when the study lacks what it needs (e.g. no topics). */
export type AnalysisFactory = (ctx: AnalysisContext) => Analysis | null;
