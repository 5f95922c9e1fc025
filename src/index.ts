/** The public library API: `import { readConversations, runStudy } from "convoscope"`. */
export { ConvoscopeError, EXIT } from "./errors.ts";
export { detectFormat, expandInputs, READERS, readConversations, readItems } from "./ingest/index.ts";
export type {
  FileInput,
  FormatName,
  LongCsvColumns,
  Reader,
  ReaderOptions,
  ReadItem,
} from "./ingest/reader.ts";
export { FORMAT_NAMES } from "./ingest/reader.ts";
export {
  alignInterviews,
  explainInterview,
  extractInterview,
  INTERVIEW_FACETS,
  InterviewFacetsSchema,
  parsePlan,
  segmentInterview,
} from "./interview/index.ts";
export { writeFacets } from "./pipeline/facets-only.ts";
export type { Manifest } from "./pipeline/manifest.ts";
export { runStudy, type StudyOptions, type StudyProgress, type StudySummary } from "./pipeline/study.ts";
export { studyPaths } from "./pipeline/study-folder.ts";
export { readFacetRecords, renderRelease } from "./release/index.ts";
export * from "./types.ts";
export { VERSION } from "./version.ts";
