/** The analyses a study runs, in report order. */
import { COLLABORATION_MODES } from "../types.ts";
import { AffectivePrevalence } from "./affective.ts";
import type { AnalysisFactory } from "./analysis.ts";
import { DistributionAnalysis, topShareSentence } from "./distribution.ts";
import { InterviewsAnalysis } from "./interviews.ts";
import { LongConversationsAnalysis } from "./long-conversations.ts";
import { OverviewAnalysis } from "./overview.ts";
import { PushbackAnalysis } from "./pushback.ts";
import { SentimentShiftAnalysis } from "./sentiment-shift.ts";
import { TopicsAnalysis } from "./topics.ts";
import { ValuesAnalysis } from "./values.ts";

const COLLABORATION_LABELS: Record<string, string> = {
  directive: "Directive (automation)",
  feedback_loop: "Feedback loop (automation)",
  task_iteration: "Task iteration (augmentation)",
  learning: "Learning (augmentation)",
  validation: "Validation (augmentation)",
  none: "None",
};

export const ANALYSES: AnalysisFactory[] = [
  (ctx) => new OverviewAnalysis(ctx),
  (ctx) => new InterviewsAnalysis(ctx),
  (ctx) => (ctx.topics ? new TopicsAnalysis(ctx, ctx.topics) : null),
  (ctx) => new AffectivePrevalence(ctx),
  (ctx) => new PushbackAnalysis(ctx),
  (ctx) => new SentimentShiftAnalysis(ctx),
  (ctx) => new LongConversationsAnalysis(ctx),
  (ctx) => new ValuesAnalysis(ctx, ctx.values ?? null),
  (ctx) =>
    new DistributionAnalysis(ctx, {
      id: "languages",
      title: "Languages",
      caption: "Language of the human's messages.",
      method: "Detected per conversation from the human's messages.",
      categoryOf: (r) => r.language,
      summarise: (rows) => topShareSentence("Languages", rows),
      color: "#4fa3a5",
    }),
  (ctx) =>
    new DistributionAnalysis(ctx, {
      id: "collaboration",
      title: "How the work is shared",
      intro:
        "The Economic Index's collaboration modes: automation (directive, feedback loop) versus augmentation (task iteration, learning, validation).",
      caption: "Collaboration mode per conversation.",
      method: "One mode per conversation from the collaboration facet.",
      categoryOf: (r) => r.collaboration,
      order: COLLABORATION_MODES,
      labels: COLLABORATION_LABELS,
      summarise: (rows) => topShareSentence("Most common collaboration modes", rows),
      color: "#e08a3c",
    }),
  (ctx) =>
    new DistributionAnalysis(ctx, {
      id: "concern",
      title: "Concern level",
      caption: "How concerning conversations are, from 1 (not concerning) to 5 (needs immediate review).",
      method:
        "Concern facet; levels under the privacy thresholds are pooled, so rare high-concern conversations are never singled out.",
      categoryOf: (r) => (r.concern === null ? null : String(r.concern)),
      order: ["1", "2", "3", "4", "5"],
      labels: { "1": "1 not concerning", "2": "2", "3": "3", "4": "4", "5": "5 needs review" },
      color: "#7d8c99",
    }),
];

export type { Analysis, AnalysisContext, AnalysisFactory } from "./analysis.ts";
