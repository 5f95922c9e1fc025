/**
 * Interview studies (issue: interview studies) on the 250 Anthropic Interviewer transcripts:
 * segmentation of every transcript into as many answers as it has `User:` turns; alignment of every
 * answer with a question found by clustering; and the offline interview facets against 64 interviews
 * hand-labelled for this repo (test/data/LABELLING.md): within-one accuracy of overall sentiment
 * (1-7) and F1 of two concerns, on the development labels the rules were tuned on and on the 40
 * held-out ones. Baselines in the same run: always the most common label (sentiment 5, no concern)
 * and a bare keyword match per concern. The published classifiers were validated at >= 90%
 * agreement with a person; each note says how far the offline engine is from that. The themes found
 * per question are printed to stderr, for a reader to judge.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { makeEmbedder } from "../../src/embed/index.ts";
import { alignInterviews } from "../../src/interview/align.ts";
import { extractInterview } from "../../src/interview/facets.ts";
import { segmentInterview } from "../../src/interview/segment.ts";
import { findThemes } from "../../src/interview/themes.ts";
import { redactConversation } from "../../src/privacy/redact.ts";
import type { Conversation } from "../../src/types.ts";
import { binaryScores } from "../../src/validate/metrics.ts";
import { INTERVIEW_FILES, interviewFiles, loadInterviews } from "../datasets/anthropic-interviewer.ts";
import type { Metric, Suite } from "../metric.ts";

const SUITE = "interviews";
const PUBLISHED = 0.9;
const here = dirname(fileURLToPath(import.meta.url));
const LABELS = { dev: "interview-labels-dev.jsonl", heldout: "interview-labels.jsonl" } as const;

interface Label {
  id: string;
  sentiment: number;
  unreliability: boolean;
  jobs_economy: boolean;
}

function labels(file: string): Label[] {
  return readFileSync(join(here, "..", "..", "test", "data", file), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Label);
}

/** The bare keyword baselines: a concern is "raised" when any of its words occurs in an answer. */
const KEYWORDS: Record<"unreliability" | "jobs_economy", RegExp> = {
  unreliability: /\b(?:wrong|errors?|mistakes?|hallucinat\w*|inaccura\w*|unreliable)\b/i,
  jobs_economy: /\b(?:jobs?|replace\w*|income|unemploy\w*)\b/i,
};

const answersText = (c: Conversation) =>
  c.messages
    .filter((m) => m.role === "user")
    .map((m) => m.text)
    .join("\n");

const gap = (x: number) =>
  `${x >= PUBLISHED ? "meets" : `${((PUBLISHED - x) * 100).toFixed(1)} points below`} the published >= 90% agreement`;

export const interviewsSuite: Suite = {
  name: SUITE,
  needs: INTERVIEW_FILES.map((f) => `anthropic_interviewer/${f}`),
  async run(dataDir) {
    const metrics: Metric[] = [];
    const conversations = (await loadInterviews(dataDir)).map((c) => redactConversation(c).conversation);

    // Segmentation: every transcript yields as many answers as it has User: lines.
    const userLines = new Map<string, number>();
    for (const f of interviewFiles(dataDir))
      for (const row of parse(readFileSync(f), { columns: true, bom: true }) as Record<string, string>[])
        userLines.set(
          row.transcript_id as string,
          (row.text ?? "").split(/\r?\n/).filter((l) => l.startsWith("User:")).length,
        );
    const segmented = conversations.map(segmentInterview);
    const right = segmented.filter((s) => s.answers.length === userLines.get(s.id)).length;
    const answers = segmented.reduce((a, s) => a + s.answers.length, 0);
    metrics.push({
      suite: SUITE,
      name: "segmentation_exact_share",
      value: right / segmented.length,
      n: segmented.length,
      split: "all",
      note: `${right} of ${segmented.length} transcripts with answers = User: turns (${answers} answers)`,
    });

    // Alignment by clustering the interviewer's questions, then themes per question.
    const thresholds = { minUsers: 5, minConversations: 15 };
    const alignment = await alignInterviews(segmented, {
      embedder: makeEmbedder("offline", 42),
      thresholds,
      seed: 42,
    });
    let aligned = 0;
    let probes = 0;
    const perQuestion = new Map<string, number>();
    for (const rows of alignment.answers.values())
      for (const r of rows) {
        if (r.question === null) continue;
        aligned++;
        if (r.probe) probes++;
        perQuestion.set(r.question, (perQuestion.get(r.question) ?? 0) + 1);
      }
    metrics.push({
      suite: SUITE,
      name: "answers_aligned_share",
      value: aligned / answers,
      n: answers,
      split: "all",
      note: `${alignment.questions.length} questions found; ${probes} answers to follow-up probes counted under the question before`,
    });
    metrics.push({
      suite: SUITE,
      name: "questions_found",
      value: alignment.questions.length,
      n: segmented.length,
      split: "all",
      note: "the data: a shared greeting, then a rubric of eight questions for creatives and one for scientists",
    });
    const themes = await findThemes(segmented, alignment, {
      embedder: () => makeEmbedder("offline", 42),
      thresholds,
      seed: 42,
    });
    console.error(
      "eval: interviews: answers per question and themes (share of the participants who answered)",
    );
    for (const q of alignment.questions) {
      const answered = [...alignment.answers.entries()].filter(([, rows]) =>
        rows.some((r) => r.question === q.id),
      );
      console.error(
        `  ${q.id} (${q.asked} interviews asked it, ${perQuestion.get(q.id) ?? 0} answers): ${q.label}`,
      );
      for (const t of themes.themes.filter((th) => th.question === q.id)) {
        const holders = answered.filter(([id]) => themes.assignments.get(id)?.includes(t.id)).length;
        console.error(`      ${((holders / answered.length) * 100).toFixed(0).padStart(3)}%  ${t.name}`);
      }
    }

    // The interview facets against the hand labels.
    const byId = new Map(conversations.map((c) => [c.id, c]));
    for (const split of ["dev", "heldout"] as const) {
      const gold = labels(LABELS[split]);
      const rows = gold.map((g) => {
        const c = byId.get(g.id) as Conversation;
        return { gold: g, pred: extractInterview(c), text: answersText(c) };
      });
      const within =
        rows.filter((r) => Math.abs(r.pred.sentiment - r.gold.sentiment) <= 1).length / rows.length;
      const always5 = rows.filter((r) => Math.abs(5 - r.gold.sentiment) <= 1).length / rows.length;
      metrics.push({
        suite: SUITE,
        name: `sentiment_within_one_${split}`,
        value: within,
        baseline: always5,
        n: rows.length,
        split,
        note: `baseline: always 5; ${gap(within)}`,
      });
      metrics.push({
        suite: SUITE,
        name: `sentiment_exact_${split}`,
        value: rows.filter((r) => r.pred.sentiment === r.gold.sentiment).length / rows.length,
        baseline: rows.filter((r) => r.gold.sentiment === 5).length / rows.length,
        n: rows.length,
        split,
        note: "baseline: always 5",
      });
      for (const concern of ["unreliability", "jobs_economy"] as const) {
        const truth = rows.map((r) => r.gold[concern]);
        const s = binaryScores(
          truth,
          rows.map((r) => r.pred.concerns.includes(concern)),
        );
        const keyword = binaryScores(
          truth,
          rows.map((r) => KEYWORDS[concern].test(r.text)),
        );
        const agree =
          rows.filter((r) => r.pred.concerns.includes(concern) === r.gold[concern]).length / rows.length;
        metrics.push({
          suite: SUITE,
          name: `${concern}_f1_${split}`,
          value: s.f1,
          baseline: keyword.f1,
          n: rows.length,
          split,
          note: `P ${s.precision.toFixed(2)} R ${s.recall.toFixed(2)}, agreement ${agree.toFixed(3)} (${gap(agree)}); baseline: keyword match`,
        });
      }
    }

    // Net positive share over all 250, beside the 81k-person study's 67% (a different population).
    const all = conversations.map(extractInterview);
    const positive = all.filter((iv) => iv.sentiment >= 5).length / all.length;
    metrics.push({
      suite: SUITE,
      name: "net_positive_share",
      value: positive,
      n: all.length,
      split: "all",
      note: "published (81k study, another population): 0.67",
    });
    return metrics;
  },
};
