/**
 * The interview stage of a study: after every record is written, read the interview inputs again
 * (redacted), segment each interview into answers, align the answers with the interview's questions
 * (from the plan, or by clustering what the interviewer asked), find themes per question, pick
 * quotes from consenting participants, then write each record's `interview.answers` and `group`
 * into internal/facets.jsonl and everything else into internal/interviews.json for the release.
 */
import { createReadStream } from "node:fs";
import { rename } from "node:fs/promises";
import { createInterface } from "node:readline";
import type { GroupNamer } from "../cluster/naming.ts";
import { makeEmbedder } from "../embed/index.ts";
import type { LongCsvColumns } from "../ingest/reader.ts";
import { JsonlWriter } from "../pipeline/jsonl-writer.ts";
import type { InputFile } from "../pipeline/manifest.ts";
import { redactedConversations } from "../pipeline/reread.ts";
import type { StudyPaths } from "../pipeline/study-folder.ts";
import { writeFileAtomic } from "../pipeline/study-folder.ts";
import type { Thresholds } from "../release/gate.ts";
import type { FacetRecord } from "../types.ts";
import { type Alignment, alignInterviews, type InterviewQuestion } from "./align.ts";
import { groupOf } from "./groups.ts";
import type { InterviewPlan } from "./plan.ts";
import { type ConsentOptions, hasConsent, pickQuotes, type Quote, type QuoteCandidate } from "./quotes.ts";
import { type SegmentedInterview, segmentInterview } from "./segment.ts";
import { findThemes, nameThemesWith, type Theme } from "./themes.ts";

/** internal/interviews.json: what the release needs beyond the records. Internal: quotes live here. */
export interface InterviewStudy {
  mode: Alignment["mode"];
  plan_title: string | null;
  group_by: string | null;
  consent: { column: string | null; all: boolean; participants: number };
  interviews: number;
  answers: number;
  /** Answers whose question could not be told (only when no rubric question was found at all). */
  unaligned: number;
  questions: (InterviewQuestion & { answers: number; probes: number; interviews: number })[];
  themes: Theme[];
  /** Candidate quotes of consenting participants, per theme (the release keeps released themes' only). */
  quotes: Quote[];
}

export interface InterviewStageOptions {
  columns?: Partial<LongCsvColumns>;
  thresholds: Thresholds;
  seed: number;
  /** "offline" or "openai-compatible:MODEL" (texts are redacted before they are sent). */
  embeddings: string;
  plan?: InterviewPlan;
  groupBy?: string;
  consent: ConsentOptions;
  /** Names the themes from their answers (the model engine's); keyword names otherwise, and as its fallback. */
  namer?: GroupNamer;
}

interface ReadInterview extends SegmentedInterview {
  /** The record's id (`id` is made unique across files for the maps below). */
  recordId: string;
  group: string | null;
  consent: boolean;
}

export async function runInterviewStage(
  paths: StudyPaths,
  inputs: readonly InputFile[],
  o: InterviewStageOptions,
): Promise<InterviewStudy | null> {
  const interviews: ReadInterview[] = [];
  const seen = new Map<string, number>();
  for await (const c of redactedConversations(inputs, o.columns)) {
    const n = seen.get(c.id) ?? 0;
    seen.set(c.id, n + 1);
    interviews.push({
      ...segmentInterview(c),
      id: n === 0 ? c.id : `${c.id}~${n + 1}`,
      recordId: c.id,
      group: groupOf(c, o.groupBy),
      consent: hasConsent(c, o.consent),
    });
  }
  if (interviews.length === 0) return null;
  const alignment = await alignInterviews(interviews, {
    embedder: makeEmbedder(o.embeddings, o.seed),
    thresholds: o.thresholds,
    seed: o.seed,
    ...(o.plan && { plan: o.plan }),
  });
  const themes = await findThemes(interviews, alignment, {
    embedder: () => makeEmbedder(o.embeddings, o.seed),
    thresholds: o.thresholds,
    seed: o.seed,
  });

  if (o.namer) await nameThemesWith(themes, interviews, o.namer);

  // Quotes: candidates per theme from consenting participants only.
  const candidates = new Map<string, QuoteCandidate[]>();
  for (const iv of interviews) {
    if (!iv.consent) continue;
    const row = themes.assignments.get(iv.id) ?? [];
    for (const a of iv.answers) {
      const theme = row[a.index];
      if (!theme) continue;
      candidates.set(theme, [...(candidates.get(theme) ?? []), { user: iv.user, text: a.text }]);
    }
  }
  const quotes = themes.themes.flatMap((t) => pickQuotes(t.id, t.keywords, candidates.get(t.id) ?? []));

  await writeAnswers(paths, interviews, alignment, themes.assignments);

  const perQuestion = new Map<string, { answers: number; probes: number; interviews: Set<string> }>();
  let unaligned = 0;
  for (const iv of interviews) {
    for (const a of alignment.answers.get(iv.id) ?? []) {
      if (a.question === null) {
        unaligned++;
        continue;
      }
      const q = perQuestion.get(a.question) ?? { answers: 0, probes: 0, interviews: new Set<string>() };
      q.answers++;
      if (a.probe) q.probes++;
      q.interviews.add(iv.id);
      perQuestion.set(a.question, q);
    }
  }
  const study: InterviewStudy = {
    mode: alignment.mode,
    plan_title: o.plan?.title ?? null,
    group_by: o.groupBy ?? null,
    consent: {
      column: o.consent.column ?? null,
      all: o.consent.all ?? false,
      participants: interviews.filter((iv) => iv.consent).length,
    },
    interviews: interviews.length,
    answers: interviews.reduce((a, iv) => a + iv.answers.length, 0),
    unaligned,
    questions: alignment.questions.map((q) => ({
      ...q,
      answers: perQuestion.get(q.id)?.answers ?? 0,
      probes: perQuestion.get(q.id)?.probes ?? 0,
      interviews: perQuestion.get(q.id)?.interviews.size ?? 0,
    })),
    themes: themes.themes,
    quotes,
  };
  await writeFileAtomic(paths.interviews, `${JSON.stringify(study, null, 2)}\n`);
  return study;
}

/** Rewrites internal/facets.jsonl with each interview record's answers (question, theme) and group. */
async function writeAnswers(
  paths: StudyPaths,
  interviews: readonly ReadInterview[],
  alignment: Alignment,
  themes: Map<string, (string | null)[]>,
): Promise<void> {
  const tmp = `${paths.facets}.interviews.tmp`;
  const out = await JsonlWriter.open(tmp);
  const lines = createInterface({
    input: createReadStream(paths.facets, "utf8"),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let next = 0;
  for await (const line of lines) {
    if (line.length === 0) continue;
    const record = JSON.parse(line) as FacetRecord;
    if (record.interview) {
      const iv = interviews[next++];
      // Records and re-read interviews come in the same order; a mismatch is a bug, not bad input.
      if (!iv || iv.recordId !== record.id)
        throw new Error(`interview stage: record ${record.id} out of step`);
      const aligned = alignment.answers.get(iv.id) ?? [];
      const row = themes.get(iv.id) ?? [];
      record.interview.answers = iv.answers.map((a) => ({
        question: aligned[a.index]?.question ?? null,
        theme: row[a.index] ?? null,
        probe: aligned[a.index]?.probe ?? false,
      }));
      record.interview.group = iv.group;
    }
    await out.write(record);
  }
  await out.close();
  await rename(tmp, paths.facets);
}
