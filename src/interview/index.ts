/**
 * Interview studies (METHODS.md section 4), in the order an interview travels: segmentation into
 * answers, alignment with the interview's questions, per-interview facets, themes per question,
 * groups and consented quotes; the study runs them all in `runInterviewStage`.
 */
export {
  type AlignedAnswer,
  type Alignment,
  alignInterviews,
  type InterviewQuestion,
} from "./align.ts";
export {
  explainInterview,
  extractInterview,
  INTERVIEW_FACETS,
  type InterviewFacetDefinition,
  InterviewFacetsSchema,
} from "./facets.ts";
export { chiSquareTest, groupOf, holm } from "./groups.ts";
export { type InterviewPlan, parsePlan, readPlan } from "./plan.ts";
export { type ConsentOptions, hasConsent, pickQuotes, type Quote } from "./quotes.ts";
export { type Answer, type SegmentedInterview, segmentInterview } from "./segment.ts";
export { type InterviewStudy, runInterviewStage } from "./stage.ts";
export { findThemes, type Theme } from "./themes.ts";
export * from "./vocabulary.ts";
