/**
 * The affective facet against hand labels (test/data/affective/): whether a conversation is
 * affective, and which types it is, on 1,024 real conversations from HH-RLHF, ESConv and CounselChat.
 * Beside each score: a simple baseline measured in the same run, and the two annotators' own agreement
 * (Cohen's kappa before adjudication), which is as far as a score against these labels can mean much.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { extractOfflineFacets } from "../../src/facets/index.ts";
import { AFFECTIVE_TYPES, type AffectiveType } from "../../src/types.ts";
import { agreement, binaryScores } from "../../src/validate/metrics.ts";
import { affectiveSample, type Stratum } from "../datasets/affective-sample.ts";
import { splitOf } from "../datasets/split.ts";
import type { Metric, Suite } from "../metric.ts";

const SUITE = "affective";
const here = dirname(fileURLToPath(import.meta.url));
const LABELS = join(here, "..", "..", "test", "data", "affective", "affective-labels.jsonl");

interface Label {
  affective: boolean;
  types: AffectiveType[];
  content_creation: boolean;
}
interface LabelLine extends Label {
  id: string;
  stratum: Stratum;
  annotators: [Label, Label];
}

export function readAffectiveLabels(path = LABELS): LabelLine[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as LabelLine);
}

/**
 * Baselines a reader can reproduce in a line each: the human mentions someone close ("my wife"),
 * a feeling ("I feel so anxious"), or work, study, goals or habits; affective when any of them does.
 */
const BASELINES: Partial<Record<AffectiveType, RegExp>> = {
  interpersonal_advice:
    /\bmy (?:boyfriend|girlfriend|partner|husband|wife|spouse|ex|friends?|best friend|mom|mother|mum|dad|father|parents|sister|brother|family|boss|coworkers?|colleagues?|roommates?|son|daughter|kids|children)\b/i,
  counseling:
    /\b(?:i(?:'m| am)? (?:feel(?:ing)?|so|really|very) (?:sad|depressed|anxious|lonely|stressed|hopeless|worthless|scared|overwhelmed)|depress\w*|anxiety|suicid\w*|therap\w*|panic attacks?)\b/i,
  coaching:
    /\b(?:jobs?|career|work|school|college|class(?:es)?|exams?|stud(?:y|ying|ies)|goals?|habits?|motivat\w*|confiden\w*|productiv\w*)\b/i,
};
const SCORED_TYPES: AffectiveType[] = ["interpersonal_advice", "coaching", "counseling"];
/** The parts of the sample scored apart: batch 1's halves, batch 2 (test), batch 3 (more dev items). */
const PARTS = ["dev", "heldout", "test", "dev_batch3"] as const;

const kappaOf = (a: boolean[], b: boolean[]) =>
  agreement(
    a.map((x) => String(x)),
    b.map((x) => String(x)),
  ).kappa;

export const affectiveSuite: Suite = {
  name: SUITE,
  needs: ["hh_rlhf", "esconv", "counsel_chat"],
  async run(dataDir) {
    const labels = new Map(readAffectiveLabels().map((l) => [l.id, l]));
    const items = affectiveSample(dataDir).map(({ stratum, batch, conversation }) => {
      const label = labels.get(conversation.id);
      if (!label) throw new Error(`no affective label for ${conversation.id} (sample and labels differ)`);
      const humanText = conversation.messages
        .filter((m) => m.role === "user")
        .map((m) => m.text)
        .join("\n");
      // Batch 2 was labelled after the cues were revised on batch 1's dev half: a test set, kept unread.
      // Batch 3 holds dev-half items only, labelled later: scored on its own, so batch 1's figures
      // stay comparable from run to run.
      const part = batch === 2 ? "test" : batch === 3 ? "dev_batch3" : splitOf(conversation.id);
      return {
        id: conversation.id,
        stratum,
        part,
        label,
        humanText,
        record: extractOfflineFacets(conversation),
      };
    });
    const metrics: Metric[] = [];
    for (const name of PARTS) {
      const split = name === "dev_batch3" ? "dev" : name;
      const part = items.filter((x) => x.part === name);
      const gold = part.map((x) => x.label.affective);
      const ours = binaryScores(
        gold,
        part.map((x) => x.record.affective === true),
      );
      const baseline = binaryScores(
        gold,
        part.map((x) => Object.values(BASELINES).some((re) => re.test(x.humanText))),
      );
      const annotators = kappaOf(
        part.map((x) => x.label.annotators[0].affective),
        part.map((x) => x.label.annotators[1].affective),
      );
      metrics.push({
        suite: SUITE,
        name: `affective_f1_${name}`,
        split,
        n: part.length,
        value: ours.f1,
        baseline: baseline.f1,
        note: `P ${ours.precision.toFixed(3)} R ${ours.recall.toFixed(3)}; ${gold.filter(Boolean).length} affective; annotators' kappa ${annotators.toFixed(3)} (baseline: mentions someone close, a feeling or a goal)`,
      });
      const f1s: number[] = [];
      for (const type of SCORED_TYPES) {
        const goldType = part.map((x) => x.label.types.includes(type));
        const s = binaryScores(
          goldType,
          part.map((x) => x.record.affective_types?.includes(type) === true),
        );
        const re = BASELINES[type] as RegExp;
        const b = binaryScores(
          goldType,
          part.map((x) => re.test(x.humanText)),
        );
        const k = kappaOf(
          part.map((x) => x.label.annotators[0].types.includes(type)),
          part.map((x) => x.label.annotators[1].types.includes(type)),
        );
        f1s.push(s.f1);
        metrics.push({
          suite: SUITE,
          name: `${type}_f1_${name}`,
          split,
          n: part.length,
          value: s.f1,
          baseline: b.f1,
          note: `P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)}; ${goldType.filter(Boolean).length} labelled; annotators' kappa ${k.toFixed(3)}`,
        });
      }
      metrics.push({
        suite: SUITE,
        name: `types_macro_f1_${name}`,
        split,
        n: part.length,
        value: f1s.reduce((a, b) => a + b, 0) / f1s.length,
        note: `mean F1 of ${SCORED_TYPES.join(", ")} (companionship and romantic roleplay: too few labelled to score)`,
      });
      // Among conversations both the labels and the engine call affective: does the engine name
      // the same types? (Exact set; the mix a report shows rests on it.)
      const both = part.filter((x) => x.label.affective && x.record.affective);
      metrics.push({
        suite: SUITE,
        name: `types_exact_match_${name}`,
        split,
        n: both.length,
        value:
          both.filter(
            (x) =>
              AFFECTIVE_TYPES.filter((t) => x.label.types.includes(t)).join() ===
              AFFECTIVE_TYPES.filter((t) => x.record.affective_types?.includes(t)).join(),
          ).length / both.length,
        note: "same set of types, where both call the conversation affective",
      });
      // The uniform HH stratum estimates how often a red-teaming log is affective (batch 1 holds it all).
      const random = part.filter((x) => x.stratum === "hh-random");
      if (random.length === 0) continue;
      metrics.push({
        suite: SUITE,
        name: `hh_random_affective_share_${name}`,
        split,
        n: random.length,
        value: random.filter((x) => x.record.affective).length / random.length,
        note: `labelled share ${(random.filter((x) => x.label.affective).length / random.length).toFixed(3)}: what a uniform sample of HH-RLHF holds`,
      });
    }
    return metrics;
  },
};
