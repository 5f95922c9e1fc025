/**
 * The per-interview facets (METHODS.md section 4), defined once in the facet-definition style of
 * src/facets/facet.ts: the fields each fills in the record's `interview` object, their zod schema
 * (for checking a model's answer), the model prompt, and an offline extractor that is deterministic
 * and explains itself with cues. They run only on interview inputs; `answers` (question and theme
 * of each answer) is filled later by the interview stage, which needs every interview at once.
 */
import type { z } from "zod";
import { fivePoint, valenceOfTokens } from "../facets/valence.ts";
import { type Conversation, type FacetRecord, type Interview, InterviewSchema } from "../types.ts";
import { type AnswerTokens, answerTokens, type CueHit, type CueSet } from "./cues.ts";
import {
  CONCERN_CUES,
  CONTEXT_CUES,
  DISTRUST,
  EXPERIENCE_CUES,
  FAILURE,
  FRUSTRATION,
  INTENT_CUES,
  PROMPT_KINDS,
  SATISFACTION,
  SUCCESS,
  TRUST,
  VISION_CUES,
  WORRY,
} from "./lexicons.ts";
import { segmentInterview } from "./segment.ts";
import {
  CONCERN_LABELS,
  CONCERNS,
  CONTEXT_LABELS,
  CONTEXTS,
  describeLabels,
  EXPERIENCE_LABELS,
  EXPERIENCES,
  INTENT_LABELS,
  INTENTS,
  VISION_LABELS,
  VISIONS,
} from "./vocabulary.ts";

/** The interview object's facet fields (everything but the stage's `answers` and `group`). */
export type InterviewFacets = Omit<Interview, "answers" | "group">;
export type InterviewFacetKey = keyof InterviewFacets;

/** One answer, prepared once for every extractor. */
export interface AnswerText extends AnswerTokens {
  /** What the interviewer asked before it: concern, vision, closing (from the prompt's cues). */
  kinds: Set<string>;
  /** VADER-style compound valence of the answer, -1..1. */
  valence: number;
  /** At least MIN_SUBSTANTIVE_WORDS words: a real answer, not "Sounds good!". */
  substantive: boolean;
}

export interface InterviewText {
  conversation: Conversation;
  answers: AnswerText[];
}

/** An interview facet's cue, as `explain` prints it (answer index, cue name, matched lexicon words). */
export interface InterviewCue {
  answer: number;
  cue: string;
  weight: number;
}

export interface InterviewFacetDefinition<K extends InterviewFacetKey = InterviewFacetKey> {
  name: string;
  fields: readonly K[];
  schema: z.ZodType<Pick<InterviewFacets, K>>;
  description: string;
  /** The instruction for a model-backed extractor (the model engine builds its call schema from `schema`). */
  modelPrompt: string;
  /**
   * Turns a valid model answer (parsed by `schema`) into the facet's values; default: the answer as
   * is. Throws an Error saying what is wrong when the answer cannot be used.
   */
  fromModel?(answer: Pick<InterviewFacets, K>, context: { answers: number }): Pick<InterviewFacets, K>;
  extract(
    text: InterviewText,
    prior: Partial<InterviewFacets>,
  ): { values: Pick<InterviewFacets, K>; cues: InterviewCue[] };
}

const MIN_SUBSTANTIVE_WORDS = 8;

export function prepareInterview(conversation: Conversation): InterviewText {
  const segmented = segmentInterview(conversation);
  const answers = segmented.answers.map((a): AnswerText => {
    const tokens = answerTokens(a.index, a.text);
    const kinds = new Set(PROMPT_KINDS.match(answerTokens(a.index, a.prompt)).map((h) => h.cue));
    const words = tokens.words.filter((w) => w !== "." && w !== "!" && w !== "?").length;
    return Object.assign(tokens, {
      kinds,
      valence: valenceOfTokens(tokens),
      substantive: words >= MIN_SUBSTANTIVE_WORDS,
    });
  });
  return { conversation, answers };
}

/** Hits of one cue set over the participant's answers (substantive answers only). */
function hitsOf(text: InterviewText, set: CueSet): CueHit[] {
  return text.answers.filter((a) => a.substantive).flatMap((a) => set.match(a));
}

function cueOf(h: CueHit, weight = h.weight): InterviewCue {
  return { answer: h.answer, cue: `${h.set}:${h.cue}${h.negated ? ":negated" : ""}: "${h.quote}"`, weight };
}

function total(hits: readonly CueHit[]): number {
  let s = 0;
  for (const h of hits) s += h.weight;
  return s;
}

/** 0 (absent) .. 3 (strong) from a summed cue weight. */
export function intensity(score: number): 0 | 1 | 2 | 3 {
  if (score < 1) return 0;
  if (score < 3) return 1;
  if (score < 6) return 2;
  return 3;
}

/** The [start, end) token span of the sentence holding token `at`. */
function sentenceAround(a: AnswerText, at: number): [number, number] {
  let start = at;
  while (start > 0 && !SENTENCE_END.has(a.words[start - 1] as string)) start--;
  let end = at;
  while (end < a.words.length && !SENTENCE_END.has(a.words[end] as string)) end++;
  return [start, end];
}
const SENTENCE_END = new Set([".", "!", "?"]);

/**
 * A concern cue in a sentence that dismisses worry ("I'm not worried about my job") does not count:
 * the sentence holds a negated worry cue and no worry cue that stands.
 */
function dismissed(a: AnswerText, h: CueHit): boolean {
  const [start, end] = sentenceAround(a, h.at);
  const worry = WORRY.match(a).filter((w) => w.at >= start && w.at < end);
  return worry.length > 0 && worry.every((w) => w.negated);
}

/** Per label, the summed weight of its cues over the substantive answers, and the cues themselves. */
function scoreLabels<L extends string>(
  text: InterviewText,
  cues: Record<string, CueSet>,
  labels: readonly L[],
  boost: (a: AnswerText) => number = () => 1,
  counts: (a: AnswerText, h: CueHit) => boolean = () => true,
): { scores: Map<L, number>; cues: InterviewCue[] } {
  const scores = new Map<L, number>();
  const out: InterviewCue[] = [];
  for (const label of labels) {
    const set = cues[label];
    if (!set) continue;
    let score = 0;
    for (const a of text.answers) {
      if (!a.substantive) continue;
      for (const h of set.match(a)) {
        if (!counts(a, h)) {
          out.push({ ...cueOf(h, 0), cue: `${cueOf(h).cue} (worry dismissed in the sentence)` });
          continue;
        }
        const w = h.weight * boost(a);
        score += w;
        out.push(cueOf(h, w));
      }
    }
    scores.set(label, score);
  }
  return { scores, cues: out };
}

/** Every label whose score reaches its threshold. */
function multiLabel<L extends string>(
  text: InterviewText,
  cues: Record<string, CueSet>,
  labels: readonly L[],
  threshold: number | ((label: L) => number),
  boost?: (a: AnswerText) => number,
  counts?: (a: AnswerText, h: CueHit) => boolean,
): { values: L[]; cues: InterviewCue[] } {
  const scored = scoreLabels(text, cues, labels, boost, counts);
  const values = labels.filter(
    (l) => (scored.scores.get(l) ?? 0) >= (typeof threshold === "number" ? threshold : threshold(l)),
  );
  return { values, cues: scored.cues };
}

/** The best-scoring label when it reaches minScore, else the fallback (ties: the first in order). */
function singleLabel<L extends string>(
  text: InterviewText,
  cues: Record<string, CueSet>,
  labels: readonly L[],
  fallback: L,
  minScore: number,
  boost?: (a: AnswerText) => number,
): { value: L; cues: InterviewCue[] } {
  const scored = scoreLabels(text, cues, labels, boost);
  let best: L = fallback;
  let bestScore = 0;
  for (const l of labels) {
    const score = scored.scores.get(l) ?? 0;
    if (score > bestScore) {
      best = l;
      bestScore = score;
    }
  }
  return { value: bestScore >= minScore ? best : fallback, cues: scored.cues };
}

/**
 * A concern cue counts fully in an answer to a question about concerns (x1.5) or in an answer that
 * voices worry, and half elsewhere (a novel's plot about lost jobs is not a worry about jobs).
 */
const concernBoost = (a: AnswerText) =>
  a.kinds.has("concern") ? 1.5 : WORRY.match(a).some((h) => h.weight > 0) ? 1 : 0.5;
const visionBoost = (a: AnswerText) => (a.kinds.has("vision") ? 2 : 0.5);

export const CONCERN_THRESHOLD = 2;
/**
 * Unreliability needs less evidence: in interviews about AI, "errors" and "wrong" almost always mean
 * the AI's (a threshold of 1 gave the best F1 on the development labels; 2 for the others).
 */
const CONCERN_THRESHOLDS: Partial<Record<string, number>> = { unreliability: 1 };

const emotionsFacet: InterviewFacetDefinition<"emotions"> = {
  name: "interview_emotions",
  fields: ["emotions"],
  schema: InterviewSchema.pick({ emotions: true }),
  description:
    "Emotion intensity over the interview: satisfaction, frustration, worry and trust, 0 (absent) to 3.",
  modelPrompt:
    "how strongly the participant expresses each emotion about AI over the interview: 0 absent, 1 mild, 2 clear, 3 strong.",
  extract(text) {
    const sat = hitsOf(text, SATISFACTION);
    const fru = hitsOf(text, FRUSTRATION);
    const wor = hitsOf(text, WORRY);
    const tru = hitsOf(text, TRUST);
    const dis = hitsOf(text, DISTRUST);
    const trust = Math.max(0, total(tru) - total(dis));
    return {
      values: {
        emotions: {
          satisfaction: intensity(total(sat)),
          frustration: intensity(total(fru)),
          worry: intensity(total(wor)),
          trust: intensity(trust),
        },
      },
      cues: [...sat, ...fru, ...wor, ...tru].map((h) => cueOf(h)).concat(dis.map((h) => cueOf(h, -h.weight))),
    };
  },
};

const concernsFacet: InterviewFacetDefinition<"concerns"> = {
  name: "interview_concerns",
  fields: ["concerns"],
  schema: InterviewSchema.pick({ concerns: true }),
  description: "Concerns the participant raises about AI (multi-label, fixed vocabulary).",
  modelPrompt: `every concern about AI the participant expresses (for themselves, their field or society), [] when none: ${describeLabels(CONCERN_LABELS)}.`,
  fromModel: (answer) => ({ concerns: inOrder(CONCERNS, answer.concerns) }),
  extract(text) {
    const counts = (a: AnswerText, h: CueHit) => !dismissed(a, h);
    const threshold = (c: string) => CONCERN_THRESHOLDS[c] ?? CONCERN_THRESHOLD;
    const { values, cues } = multiLabel(text, CONCERN_CUES, CONCERNS, threshold, concernBoost, counts);
    // Distrust ("I can't trust it", "not reliable") is evidence of unreliability too.
    const distrust = hitsOf(text, DISTRUST);
    const unreliable = cues
      .filter((c) => c.cue.startsWith("unreliability:"))
      .reduce((a, c) => a + c.weight, total(distrust));
    if (!values.includes("unreliability") && unreliable >= threshold("unreliability"))
      values.unshift("unreliability");
    return {
      values: { concerns: CONCERNS.filter((c) => values.includes(c)) },
      cues: [...cues, ...distrust.map((h) => cueOf(h))],
    };
  },
};

const experiencesFacet: InterviewFacetDefinition<"experiences"> = {
  name: "interview_experiences",
  fields: ["experiences"],
  schema: InterviewSchema.pick({ experiences: true }),
  description: "Realised experiences: ways AI has already helped the participant (multi-label).",
  modelPrompt: `every way AI has already helped the participant (what happened, not hopes): ${describeLabels(EXPERIENCE_LABELS)}.`,
  fromModel: (answer) => ({ experiences: inOrder(EXPERIENCES, answer.experiences) }),
  extract(text) {
    const { values, cues } = multiLabel(text, EXPERIENCE_CUES, EXPERIENCES, 2);
    return { values: { experiences: values }, cues };
  },
};

const contextFacet: InterviewFacetDefinition<"context"> = {
  name: "interview_context",
  fields: ["context"],
  schema: InterviewSchema.pick({ context: true }),
  description: "Context tags: the kinds of work the participant uses AI for (multi-label).",
  modelPrompt: `every kind of work the participant uses AI for: ${describeLabels(CONTEXT_LABELS)}.`,
  fromModel: (answer) => ({ context: inOrder(CONTEXTS, answer.context) }),
  extract(text) {
    const { values, cues } = multiLabel(text, CONTEXT_CUES, CONTEXTS, 2);
    return { values: { context: values }, cues };
  },
};

const visionFacet: InterviewFacetDefinition<"vision"> = {
  name: "interview_vision",
  fields: ["vision"],
  schema: InterviewSchema.pick({ vision: true }),
  description: "The participant's primary vision or hope for AI (one label).",
  modelPrompt: `the participant's primary vision or hope for AI, what it would ideally do for them: ${describeLabels(VISION_LABELS)}.`,
  extract(text) {
    const { value, cues } = singleLabel(text, VISION_CUES, VISIONS, "none", 2, visionBoost);
    return { values: { vision: value }, cues };
  },
};

const intentFacet: InterviewFacetDefinition<"intent"> = {
  name: "interview_intent",
  fields: ["intent"],
  schema: InterviewSchema.pick({ intent: true }),
  description: "What the participant mainly uses AI for (one label).",
  modelPrompt: `what the participant mainly uses AI for: ${describeLabels(INTENT_LABELS)}.`,
  extract(text) {
    const { value, cues } = singleLabel(text, INTENT_CUES, INTENTS, "exploration", 1);
    return { values: { intent: value }, cues };
  },
};

const valenceFacet: InterviewFacetDefinition<"valence"> = {
  name: "interview_valence",
  fields: ["valence"],
  schema: InterviewSchema.pick({ valence: true }),
  description: "Emotional valence: the mean valence of the participant's substantive answers, -1..1.",
  modelPrompt:
    "the emotional valence of the participant's answers overall, from -1 very negative through 0 neutral to 1 very positive.",
  extract(text) {
    const scored = text.answers.filter((a) => a.substantive);
    const mean = scored.length ? scored.reduce((s, a) => s + a.valence, 0) / scored.length : 0;
    return {
      values: { valence: Math.round(mean * 1000) / 1000 },
      cues: scored.map((a) => ({
        answer: a.index,
        cue: `valence ${a.valence.toFixed(2)}`,
        weight: fivePoint(a.valence),
      })),
    };
  },
};

const momentsFacet: InterviewFacetDefinition<"moments"> = {
  name: "interview_moments",
  fields: ["moments"],
  schema: InterviewSchema.pick({ moments: true }),
  description: "Success and failure moments: answers that tell of a concrete success or failure with AI.",
  modelPrompt:
    "the numbers k of the answers (lines Hk) that tell of a concrete moment when AI succeeded for the participant (success) or failed them (failure).",
  // Answers are numbered from 0; a number no answer has cannot be a moment.
  fromModel(answer, { answers }) {
    const moments = { success: [] as number[], failure: [] as number[] };
    for (const kind of ["success", "failure"] as const) {
      for (const k of answer.moments[kind]) {
        if (k < 0 || k >= answers)
          throw new Error(`moments.${kind}: ${k} is not an answer's number (0-${answers - 1})`);
      }
      moments[kind] = [...new Set(answer.moments[kind])].sort((a, b) => a - b);
    }
    return { moments };
  },
  extract(text) {
    const success: number[] = [];
    const failure: number[] = [];
    const cues: InterviewCue[] = [];
    for (const a of text.answers) {
      if (!a.substantive) continue;
      const s = SUCCESS.match(a).filter((h) => h.weight > 0);
      const f = FAILURE.match(a);
      // A success is told in a positive answer; a failure needs no such condition.
      if (s.length > 0 && a.valence > 0 && s.length >= f.length) success.push(a.index);
      if (f.length > 0) failure.push(a.index);
      cues.push(...s.map((h) => cueOf(h)), ...f.map((h) => cueOf(h)));
    }
    return { values: { moments: { success, failure } }, cues };
  },
};

/**
 * Overall sentiment 1-7 (5+ positive, as in the 81k study): a linear score of the answers' mean
 * valence, the balance of satisfaction against frustration, worry and distrust cues, and the number
 * of concerns raised, rounded and clamped to the scale.
 */
const sentimentFacet: InterviewFacetDefinition<"sentiment"> = {
  name: "interview_sentiment",
  fields: ["sentiment"],
  schema: InterviewSchema.pick({ sentiment: true }),
  description:
    "Overall sentiment towards AI over the interview, 1 (very negative) to 7 (very positive); 5+ is positive.",
  modelPrompt:
    "how the participant feels about AI over the whole interview: 1 very negative, 2 negative, 3 somewhat negative, 4 mixed or neutral, 5 somewhat positive, 6 positive, 7 very positive.",
  extract(text, prior) {
    const sat = total(hitsOf(text, SATISFACTION));
    const neg = total(hitsOf(text, FRUSTRATION)) + total(hitsOf(text, WORRY)) + total(hitsOf(text, DISTRUST));
    const concerns = prior.concerns?.length ?? 0;
    const valence = prior.valence ?? 0;
    const balance = (sat - neg) / Math.sqrt(sat + neg + 4);
    const score =
      SENTIMENT.intercept +
      SENTIMENT.balance * balance +
      SENTIMENT.valence * valence -
      SENTIMENT.concern * concerns;
    const sentiment = Math.max(1, Math.min(7, Math.round(score)));
    return {
      values: { sentiment },
      cues: [
        {
          answer: -1,
          cue: `satisfaction cues ${sat.toFixed(1)} vs frustration, worry, distrust ${neg.toFixed(1)}`,
          weight: round(SENTIMENT.balance * balance),
        },
        { answer: -1, cue: `mean valence ${valence.toFixed(2)}`, weight: round(SENTIMENT.valence * valence) },
        { answer: -1, cue: `${concerns} concern(s)`, weight: round(-SENTIMENT.concern * concerns) },
      ],
    };
  },
};

/**
 * The sentiment rule's weights: a ridge least-squares fit on the 24 development labels (leave-one-out
 * within-one accuracy 0.96 there), with the cue balance kept at a small weight so that strongly
 * worded interviews reach the ends of the scale. Answers about AI read positive in VADER's lexicon
 * even when mixed, hence an intercept near 4 and valence, not cues, as the main term.
 */
export const SENTIMENT = { intercept: 4, valence: 1.8, balance: 0.3, concern: 0.2 };

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Every interview facet, in the order they run (sentiment reads concerns and valence). */
export const INTERVIEW_FACETS: InterviewFacetDefinition[] = [
  emotionsFacet,
  concernsFacet,
  experiencesFacet,
  contextFacet,
  visionFacet,
  intentFacet,
  valenceFacet,
  momentsFacet,
  sentimentFacet,
] as InterviewFacetDefinition[];

/** A model's multi-label answer as the offline extractor writes one: each label once, in vocabulary order. */
function inOrder<L extends string>(vocabulary: readonly L[], labels: readonly L[]): L[] {
  const given = new Set(labels);
  return vocabulary.filter((l) => given.has(l));
}

/**
 * Facets of how a person uses an assistant, which do not apply when the AI is the interviewer: they
 * stay null on interview records (an interviewee describing feelings is not seeking support), and the
 * model engine does not ask for them.
 */
export const NOT_FOR_INTERVIEWS = {
  content_creation: null,
  affective: null,
  affective_types: null,
  pushback: null,
  pushback_reason: null,
  collaboration: null,
} as const satisfies Partial<FacetRecord>;

/** The interview facets' fields as one zod object (what a one-call model engine asks for). */
export const InterviewFacetsSchema = InterviewSchema.omit({ answers: true, group: true });

export interface InterviewExplanation {
  facet: string;
  values: Partial<InterviewFacets>;
  cues: InterviewCue[];
}

/** The interview object of one (redacted) interview, offline; `answers` not yet aligned. */
export function extractInterview(conversation: Conversation): Interview {
  return explainInterview(conversation).interview;
}

export function explainInterview(conversation: Conversation): {
  interview: Interview;
  facets: InterviewExplanation[];
} {
  const text = prepareInterview(conversation);
  const values: Partial<InterviewFacets> = {};
  const facets: InterviewExplanation[] = [];
  for (const facet of INTERVIEW_FACETS) {
    const result = facet.extract(text, values);
    Object.assign(values, result.values);
    facets.push({ facet: facet.name, values: result.values, cues: result.cues });
  }
  const interview: Interview = {
    ...(values as InterviewFacets),
    group: null,
    answers: text.answers.map(() => ({ question: null, theme: null, probe: false })),
  };
  return { interview, facets };
}
