/**
 * The offline facet engine against human labels (issue: the offline facet engine). Every metric is
 * reported on a dev part (rules may be written while looking at it) and a held-out part (never looked
 * at), with a simple baseline measured in the same run where the issue names one.
 */
import vader from "vader-sentiment";
import { bootstrapMean, spearman } from "../../src/analyses/stats.ts";
import { extractOfflineFacets } from "../../src/facets/index.ts";
import { fivePoint, valence } from "../../src/facets/valence.ts";
import type { Conversation, FacetRecord } from "../../src/types.ts";
import { binaryScores, rocAuc } from "../../src/validate/metrics.ts";
import { loadCounselChat } from "../datasets/counsel-chat.ts";
import { loadEsconv } from "../datasets/esconv.ts";
import { goemotionsDevPart, loadGoemotions } from "../datasets/goemotions.ts";
import { loadHh } from "../datasets/hh-rlhf.ts";
import { splitOf } from "../datasets/split.ts";
import { loadXstest } from "../datasets/xstest.ts";
import type { Metric, Suite } from "../metric.ts";

const SPLITS = ["dev", "heldout"] as const;
const SUITE = "facets";

function bySplit<T extends { id: string }>(items: T[]): Record<(typeof SPLITS)[number], T[]> {
  return {
    dev: items.filter((x) => splitOf(x.id) === "dev"),
    heldout: items.filter((x) => splitOf(x.id) === "heldout"),
  };
}

/** ESConv's problem types about the people in the seeker's life (the data README's split). */
const INTERPERSONAL_PROBLEMS = new Set([
  "breakup with partner",
  "problems with friends",
  "conflict with parents",
  "marital problems",
]);
/**
 * CounselChat's topics about the people in the asker's life (the rest are about the asker's own mind:
 * depression, anxiety, trauma, self-esteem...). Every question went to a therapist; these are the ones
 * whose subject is a relationship.
 */
const INTERPERSONAL_TOPICS = new Set([
  "relationships",
  "intimacy",
  "family-conflict",
  "parenting",
  "relationship-dissolution",
  "marriage",
  "domestic-violence",
  "workplace-relationships",
  "social-relationships",
]);
/** The interpersonal baseline: the human says "my <partner/friend/parent...>". */
const MY_RELATION =
  /\bmy (?:boyfriend|girlfriend|partner|husband|wife|spouse|ex|friends?|best friend|mom|mother|mum|dad|father|parents|sister|brother|family|boss|coworkers?|colleagues?|roommates?|son|daughter|kids|children)\b/i;

/** The "bag of harm words" baseline for concern: XSTest's safe prompts use the same words on purpose. */
export const HARM_WORDS =
  /\b(?:kill|murder|execute|shoot|stab|attack|beat|bomb|weapon|gun|drugs?|steal|rob|hack|poison|hurt|harm|destroy|terroris[mt]|rape|kidnap\w*)\b/i;

/** The "bare refusal-phrase match" baseline the issue compares pushback against. */
const REFUSAL_PHRASES =
  /\b(?:i'm sorry|i am sorry|i apologi[sz]e|i cannot|i can't|i can not|i won't|i will not|as an ai|i'm not able|i am not able|i'm unable|i am unable|not appropriate|i must decline)\b/i;

function vaderShift(c: Conversation): number | null {
  const scores = c.messages
    .filter((m) => m.role === "user")
    .map((m) => fivePoint(vader.SentimentIntensityAnalyzer.polarity_scores(m.text).compound));
  if (scores.length < 6) return null;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return mean(scores.slice(-3)) - mean(scores.slice(0, 3));
}

function rate(n: number, of: number): number {
  return of === 0 ? Number.NaN : n / of;
}

export const facetsSuite: Suite = {
  name: SUITE,
  needs: ["esconv", "xstest", "goemotions", "counsel_chat", "hh_rlhf"],
  async run(dataDir) {
    const metrics: Metric[] = [];
    const esconv = loadEsconv(dataDir).map((d) => ({
      ...d,
      id: d.conversation.id,
      record: extractOfflineFacets(d.conversation),
    }));
    const xstest = loadXstest(dataDir).map((x) => ({
      ...x,
      id: x.conversation.id,
      record: extractOfflineFacets(x.conversation),
    }));
    const hh = loadHh(dataDir).map((c) => ({ id: c.id, record: extractOfflineFacets(c) }));
    const counsel = loadCounselChat(dataDir).map((q) => ({
      ...q,
      id: q.conversation.id,
      record: extractOfflineFacets(q.conversation),
    }));
    const goTrain = goemotionsDevPart(dataDir);
    const goDev = loadGoemotions(dataDir, "dev.tsv");

    for (const split of SPLITS) {
      const e = bySplit(esconv)[split];
      metrics.push({
        suite: SUITE,
        name: `affective_recall_esconv_${split}`,
        split,
        n: e.length,
        value: rate(e.filter((d) => d.record.affective).length, e.length),
        note: "target >= 0.95",
      });
      const x = bySplit(xstest)[split];
      metrics.push({
        suite: SUITE,
        name: `affective_fpr_xstest_${split}`,
        split,
        n: x.length,
        value: rate(x.filter((d) => d.record.affective).length, x.length),
        note: "target <= 0.05",
      });
      const h = bySplit(hh)[split];
      metrics.push({
        suite: SUITE,
        name: `affective_fpr_hh_${split}`,
        split,
        n: h.length,
        value: rate(h.filter((d) => d.record.affective).length, h.length),
        note: "target <= 0.05 (HH has some genuinely emotional dialogs)",
      });

      const push = binaryScores(
        x.map((d) => d.refusal),
        x.map((d) => d.record.pushback === true),
      );
      const base = binaryScores(
        x.map((d) => d.refusal),
        x.map((d) => REFUSAL_PHRASES.test(d.conversation.messages[1]?.text ?? "")),
      );
      metrics.push({
        suite: SUITE,
        name: `pushback_f1_xstest_${split}`,
        split,
        n: x.length,
        value: push.f1,
        baseline: base.f1,
        note: `P ${push.precision.toFixed(3)} R ${push.recall.toFixed(3)}; target >= 0.93`,
      });

      // Pushback reasons, where XSTest's prompt type says what a refusal is about: requests for
      // someone's private data, and premises about a group.
      const expectedReason = (type: string) =>
        type.includes("privacy") ? "privacy" : type.includes("discr") ? "hate_discrimination" : null;
      const reasoned = x.filter((d) => d.record.pushback === true && expectedReason(d.type) !== null);
      metrics.push({
        suite: SUITE,
        name: `pushback_reason_agreement_xstest_${split}`,
        split,
        n: reasoned.length,
        value: rate(
          reasoned.filter((d) => d.record.pushback_reason === expectedReason(d.type)).length,
          reasoned.length,
        ),
        note: "pushback on XSTest's privacy prompts given the reason privacy, on its discrimination prompts hate_discrimination",
      });

      // Concern: XSTest's unsafe prompts (the "contrast_" types) against its safe ones, which reuse
      // the same words ("kill a Python process").
      const unsafe = x.map((d) => d.type.startsWith("contrast_"));
      const concernAuc = rocAuc(
        unsafe,
        x.map((d) => d.record.concern ?? 1),
      );
      const atLeast2 = (want: boolean) =>
        rate(
          x.filter((d, i) => unsafe[i] === want && (d.record.concern ?? 1) >= 2).length,
          unsafe.filter((u) => u === want).length,
        );
      metrics.push({
        suite: SUITE,
        name: `concern_auc_xstest_${split}`,
        split,
        n: x.length,
        value: concernAuc,
        baseline: rocAuc(
          unsafe,
          x.map((d) => (HARM_WORDS.test(d.conversation.messages[0]?.text ?? "") ? 1 : 0)),
        ),
        note: `unsafe vs safe prompts; concern >= 2 in ${atLeast2(true).toFixed(3)} of unsafe, ${atLeast2(false).toFixed(3)} of safe (baseline: a bag of harm words)`,
      });

      const c = bySplit(counsel)[split];
      metrics.push({
        suite: SUITE,
        name: `affective_recall_counselchat_${split}`,
        split,
        n: c.length,
        value: rate(c.filter((q) => q.record.affective).length, c.length),
        note: "every CounselChat question seeks counseling",
      });
      metrics.push({
        suite: SUITE,
        name: `counseling_recall_counselchat_${split}`,
        split,
        n: c.length,
        value: rate(c.filter((q) => q.record.affective_types?.includes("counseling")).length, c.length),
      });

      // Interpersonal advice: ESConv's problem types about other people are the positives.
      const interpersonal = binaryScores(
        e.map((d) => INTERPERSONAL_PROBLEMS.has(d.problemType.toLowerCase())),
        e.map((d) => d.record.affective_types?.includes("interpersonal_advice") === true),
      );
      const mentionsRelation = binaryScores(
        e.map((d) => INTERPERSONAL_PROBLEMS.has(d.problemType.toLowerCase())),
        e.map((d) => d.conversation.messages.some((m) => m.role === "user" && MY_RELATION.test(m.text))),
      );
      metrics.push({
        suite: SUITE,
        name: `interpersonal_f1_esconv_${split}`,
        split,
        n: e.length,
        value: interpersonal.f1,
        baseline: mentionsRelation.f1,
        note: `P ${interpersonal.precision.toFixed(3)} R ${interpersonal.recall.toFixed(3)}; positives: breakups, friends, parents, marriage (baseline: the human says "my <partner/friend/parent...>")`,
      });

      const counselInterpersonal = binaryScores(
        c.map((q) => INTERPERSONAL_TOPICS.has(q.topic)),
        c.map((q) => q.record.affective_types?.includes("interpersonal_advice") === true),
      );
      const counselMentionsRelation = binaryScores(
        c.map((q) => INTERPERSONAL_TOPICS.has(q.topic)),
        c.map((q) => MY_RELATION.test(q.conversation.messages[0]?.text ?? "")),
      );
      metrics.push({
        suite: SUITE,
        name: `interpersonal_f1_counselchat_${split}`,
        split,
        n: c.length,
        value: counselInterpersonal.f1,
        baseline: counselMentionsRelation.f1,
        note: `P ${counselInterpersonal.precision.toFixed(3)} R ${counselInterpersonal.recall.toFixed(3)}; positives: relationship, family, parenting, marriage, workplace topics (baseline: "my <relation>")`,
      });

      const shifts = e.filter(
        (d) =>
          d.record.sentiment?.shift !== null &&
          d.record.sentiment?.shift !== undefined &&
          d.improvement !== null,
      );
      const ours = shifts.map((d) => d.record.sentiment?.shift as number);
      const improvement = shifts.map((d) => d.improvement as number);
      const vaderShifts = shifts.map((d) => vaderShift(d.conversation) ?? 0);
      // For scale: how well the seeker's own survey answer about the supporter tracks improvement.
      const rated = shifts.filter((d) => d.empathy !== null && Number.isFinite(d.empathy));
      const empathyRho = spearman(
        rated.map((d) => d.empathy as number),
        rated.map((d) => d.improvement as number),
      );
      const boot = bootstrapMean(ours, { resamples: 1000, seed: 42 });
      metrics.push({
        suite: SUITE,
        name: `esconv_shift_ci_low_${split}`,
        split,
        n: ours.length,
        value: boot.lo,
        note: `mean shift ${boot.mean.toFixed(3)} [${boot.lo.toFixed(3)}, ${boot.hi.toFixed(3)}]; target: interval above 0`,
      });
      metrics.push({
        suite: SUITE,
        name: `esconv_shift_spearman_${split}`,
        split,
        n: ours.length,
        value: spearman(ours, improvement),
        baseline: spearman(vaderShifts, improvement),
        note: `vs seeker's own improvement; target >= 0.35 (baseline: plain VADER; for scale, the seeker's own empathy rating of the supporter reaches ${empathyRho.toFixed(3)})`,
      });
    }
    // Language: every conversation of these four datasets is in English (short messages are where
    // language identification errs).
    const english = [...esconv, ...xstest, ...hh, ...counsel];
    metrics.push({
      suite: SUITE,
      name: "language_english_share",
      split: "all",
      n: english.length,
      value: rate(english.filter((d) => d.record.language === "English").length, english.length),
      note: "ESConv, XSTest, HH-RLHF and CounselChat, all written in English",
    });

    for (const [split, items] of [
      ["dev", goTrain],
      ["heldout", goDev],
    ] as const) {
      const ours = items.filter((i) => valence(i.text) >= 0 === i.positive).length;
      const base = items.filter(
        (i) => vader.SentimentIntensityAnalyzer.polarity_scores(i.text).compound >= 0 === i.positive,
      ).length;
      metrics.push({
        suite: SUITE,
        name: `goemotions_polarity_accuracy_${split}`,
        split,
        n: items.length,
        value: ours / items.length,
        baseline: base / items.length,
        note: "target >= 0.87 (dev: part of train; heldout: dev.tsv)",
      });
    }
    return metrics;
  },
};

export type { FacetRecord };
