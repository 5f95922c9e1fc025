/**
 * `subjective`, `values_ai`, `values_human`, `value_response`: the values in the wild study
 * (METHODS.md section 3). Could values be expressed at all (purely factual or technical exchanges
 * are left out of value statistics)? Which normative considerations does the assistant state or
 * demonstrate? Which values does the human state explicitly? How does the reply meet the human, on
 * the study's seven-level scale?
 *
 * Offline: cue lexicons (values-cues.ts) over the already tokenised messages, plus two structural
 * cues (a reply laid out as a list of three or more points; a substantive answer). The response type
 * reads the pushback facet's refusal cues first, then agreement, reframing and acknowledgment cues.
 * Every value and decision is a cue `convoscope explain` prints.
 */
import { z } from "zod";
import { FacetRecordSchema, VALUE_RESPONSES, type ValueResponse } from "../types.ts";
import { type Cue, cueOf, type FacetDefinition } from "./facet.ts";
import type { Hit } from "./phrase.ts";
import type { MessageText } from "./text.ts";
import { ASSISTANT_CHARS } from "./text.ts";
import {
  AI_VALUE_CUES,
  AI_VALUE_GROUPS,
  AI_VALUES,
  HUMAN_VALUE_FRAMES,
  HUMAN_VALUE_WORDS,
  RESPONSE_CUES,
  STANCE_CUES,
} from "./values-cues.ts";
import { QUESTION, SENTENCE_END } from "./vocab.ts";

export { AI_VALUE_GROUPS, AI_VALUES } from "./values-cues.ts";

/** A value is expressed when its cues add up to this (a strong cue, or two different weak ones). */
const VALUE_THRESHOLD = 1;
/** A reply of at least this many words that does not open with a refusal answers the request. */
const SUBSTANTIVE_WORDS = 45;
/** Points in a list that make a reply structured (clarity) and broad (thoroughness). */
const LIST_POINTS = 3;
/** Refusals at the very start of a reply (tokens): "I can't help with that." */
const LEAD_TOKENS = 16;
/** A human value word counts within this many words after a valuing frame ("i value ... honesty"). */
const FRAME_REACH = 4;
/** Below this many words a reply that only asks back is an acknowledgment, not help. */
const SHORT_REPLY = 30;

/** Values that a factual or technical answer also shows: they alone do not make an exchange subjective. */
const OBJECTIVE_COMPATIBLE = new Set([
  ...(AI_VALUE_GROUPS.practical ?? []),
  ...(AI_VALUE_GROUPS.epistemic ?? []),
  "safety",
  "legal compliance",
  "professional guidance",
  "privacy",
]);
/** Tasks (request facet) that are value-laden whatever the words. */
const SUBJECTIVE_TASKS = new Set([
  "emotional support",
  "career and personal development",
  "casual conversation",
  "roleplay",
  "potentially harmful requests",
  "creative writing",
]);
/** Strong refusal cues of the pushback facet's lexicon (read by lexicon id, not re-declared). */
const STRONG_REFUSALS = new Set([
  "cant-help",
  "decline",
  "sorry-but",
  "against-policy",
  "do-not-condone",
  "flat-no",
]);

/**
 * Lines that open a numbered or bulleted point ("1. ", "2) ", "- ", "* ", "• "), in the part of a
 * reply the engine reads. A character scan: no regular expression, no allocation.
 */
export function listPoints(raw: string): number {
  const end = Math.min(raw.length, ASSISTANT_CHARS);
  let points = 0;
  for (let start = 0; start < end; ) {
    let i = start;
    while (i < end && (raw.charCodeAt(i) === 32 || raw.charCodeAt(i) === 9)) i++;
    const c = raw.charCodeAt(i);
    let marker = false;
    if (c === 45 || c === 42 || c === 0x2022) marker = true;
    else if (c >= 48 && c <= 57) {
      let j = i + 1;
      if (j < end && raw.charCodeAt(j) >= 48 && raw.charCodeAt(j) <= 57) j++;
      const d = raw.charCodeAt(j);
      if (d === 46 || d === 41) {
        marker = true;
        i = j;
      }
    }
    if (marker) {
      let j = i + 1;
      while (j < end && (raw.charCodeAt(j) === 32 || raw.charCodeAt(j) === 9)) j++;
      if (j > i + 1 && j < end && raw.charCodeAt(j) > 32) points++;
    }
    const newline = raw.indexOf("\n", i);
    if (newline < 0 || newline >= end) break;
    start = newline + 1;
  }
  return points;
}

/** The words of a message that are not sentence punctuation, and whether one of its tokens is "?". */
function countWords(m: MessageText): { words: number; asks: boolean } {
  let words = 0;
  let asks = false;
  // Read from the word table's kind bits: a byte per word, where comparing strings loads each token's.
  const { ids, vocab } = m;
  const kind = vocab.kind;
  for (let i = 0; i < ids.length; i++) {
    const k = kind[ids[i] as number] as number;
    if ((k & QUESTION) !== 0) asks = true;
    else if ((k & SENTENCE_END) === 0) words++;
  }
  return { words, asks };
}

function conversationCue(cue: string, weight = 0): Cue {
  return { message: -1, role: "conversation", cue, weight };
}

/** What one pass over the assistant's hits finds, for the values and the response type. */
interface Replies {
  score: Map<string, number>;
  /** The first hit of each response cue. */
  response: Map<string, Hit>;
  /** The first outright refusal that opens a reply. */
  refusal: Hit | undefined;
  /** Every reply is short, and how many of them ask something back. */
  short: boolean;
  asking: number;
  replies: number;
}

/** The assistant's values: lexicon cues (each distinct cue word once per value) and structure. */
function add(score: Map<string, number>, value: string, w: number): void {
  score.set(value, (score.get(value) ?? 0) + w);
}

function readReplies(assistant: readonly MessageText[], cues: Cue[] | undefined): Replies {
  const score = new Map<string, number>();
  const response = new Map<string, Hit>();
  /** Cue words already counted, per value: a word repeated counts once. */
  const seen = new Map<string, Set<string>>();
  let refusal: Hit | undefined;
  let listed = false;
  let answered = false;
  let short = assistant.length > 0;
  let asking = 0;
  for (const m of assistant) {
    let opensWithRefusal = false;
    for (const h of m.hits) {
      if (h.lexicon === AI_VALUE_CUES) {
        const word = m.wordAt(h.at) as string;
        let words = seen.get(h.name);
        if (!words) {
          words = new Set();
          seen.set(h.name, words);
        }
        if (words.has(word)) continue;
        words.add(word);
        add(score, h.name, h.weight);
        cues?.push(cueOf(h, "assistant"));
      } else if (h.lexicon === RESPONSE_CUES) {
        if (!response.has(h.name)) response.set(h.name, h);
      } else if (h.lexicon.id === "refusal" && h.at < LEAD_TOKENS && STRONG_REFUSALS.has(h.name)) {
        opensWithRefusal = true;
        if (refusal) continue;
        // Refusing a request is acting to prevent harm (a bare refusal expresses nothing else).
        refusal = h;
        add(score, "harm prevention", 1);
        cues?.push(cueOf(h, "assistant", 1, "value:harm prevention <- refusal"));
      }
    }
    const points = listPoints(m.raw);
    if (!listed && points >= LIST_POINTS) {
      listed = true;
      add(score, "clarity", 1);
      add(score, "thoroughness", 1);
      cues?.push({
        message: m.index,
        role: "assistant",
        cue: `value:clarity+thoroughness <- list of ${points} points`,
        weight: 1,
      });
    }
    const { words, asks } = countWords(m);
    if (!answered && !opensWithRefusal && words >= SUBSTANTIVE_WORDS) {
      answered = true;
      add(score, "helpfulness", 1);
      cues?.push({
        message: m.index,
        role: "assistant",
        cue: `value:helpfulness <- substantive answer (${words} words)`,
        weight: 1,
      });
    }
    if (words >= SHORT_REPLY) short = false;
    if (asks) asking++;
  }
  return { score, response, refusal, short, asking, replies: assistant.length };
}

/** Each value's place in AI_VALUES (they are distinct), which breaks ties between equal scores. */
const VALUE_ORDER = new Map(AI_VALUES.map((v, i) => [v, i]));

/** The values scored at least VALUE_THRESHOLD, highest first, ties in AI_VALUES order. */
function valuesOf(score: Map<string, number>): string[] {
  // The few values scored, not all of AI_VALUES, are read.
  const out: string[] = [];
  for (const [value, s] of score) if (s >= VALUE_THRESHOLD && VALUE_ORDER.has(value)) out.push(value);
  return out.sort(
    (a, b) =>
      (score.get(b) as number) - (score.get(a) as number) ||
      (VALUE_ORDER.get(a) as number) - (VALUE_ORDER.get(b) as number),
  );
}

/**
 * Values the human names explicitly: a value word within a few words after a valuing frame ("I
 * value ... honesty"), or before a frame that follows it ("honesty is important to me"), in one sentence.
 */
function humanValues(user: readonly MessageText[], cues: Cue[] | undefined): string[] {
  const found: string[] = [];
  for (const m of user) {
    for (const frame of m.hits) {
      if (frame.lexicon !== HUMAN_VALUE_FRAMES) continue;
      const step = frame.name === "mattering" ? -1 : 1;
      for (let k = 1, i = step > 0 ? frame.end : frame.at - 1; k <= FRAME_REACH; k++, i += step) {
        const w = m.wordAt(i);
        if (w === undefined || w === "." || w === "!" || w === "?") break;
        const value = HUMAN_VALUE_WORDS.get(w);
        if (!value || found.includes(value)) continue;
        found.push(value);
        cues?.push(cueOf(frame, "user"), {
          message: m.index,
          role: "user",
          cue: `human-value:${value}: "${w}"`,
          weight: 1,
        });
      }
    }
  }
  return found;
}

/** The study's response type, from refusal, resistance, reframing, agreement and acknowledgment cues. */
function responseType(replies: Replies, pushback: boolean): { type: ValueResponse; hit?: Hit; why?: string } {
  const { response, refusal } = replies;
  if (pushback && refusal) return { type: "strong_resistance", hit: refusal };
  if (pushback) return { type: "mild_resistance", why: "pushback without an outright refusal" };
  const resist = response.get("resist");
  if (resist) return { type: "mild_resistance", hit: resist };
  const reframe = response.get("reframe");
  if (reframe) return { type: "reframing", hit: reframe };
  const affirm = response.get("affirm");
  if (affirm) return { type: "strong_support", hit: affirm };
  const acknowledge = response.get("acknowledge");
  if (replies.short && (replies.asking * 2 >= replies.replies || acknowledge))
    return {
      type: "neutral_acknowledgment",
      ...(acknowledge ? { hit: acknowledge } : { why: "short replies that ask back" }),
    };
  return { type: "mild_support", why: "engages without explicit affirmation" };
}

export const valuesFacet: FacetDefinition<"subjective" | "values_ai" | "values_human" | "value_response"> = {
  name: "values",
  fields: ["subjective", "values_ai", "values_human", "value_response"],
  schema: FacetRecordSchema.pick({
    subjective: true,
    values_ai: true,
    values_human: true,
    value_response: true,
  }),
  description:
    "Whether values could be expressed at all; the values the assistant expresses; the values the human states explicitly; and how the reply meets the human's values (the study's seven levels).",
  modelPrompt: [
    "values_ai: the normative considerations the assistant's replies state or show, most salient first, usually 1-6 of 1-4 lower-case words each (e.g. helpfulness, epistemic humility, harm prevention, user wellbeing, healthy boundaries).",
    "values_human: only values the human states explicitly, never inferred.",
    "value_response, how the reply meets the human's values or wishes: strong_support (affirms them), mild_support (goes along), neutral_acknowledgment, reframing (another view), mild_resistance (partly complies or discourages), strong_resistance (refuses or opposes), no_values (purely factual or technical, so no values could be expressed; advice, opinions, ethics, feelings, relationships, creative or safety-relevant requests can).",
  ].join(" "),
  // `subjective` is no separate question for a model: values could be expressed exactly when the
  // response type is not no_values (as offline, where no_values is given to, and only to, exchanges
  // that are not subjective). One field fewer to send, answer and keep consistent.
  modelSchema: z.strictObject({
    values_ai: z.array(z.string()),
    values_human: z.array(z.string()),
    value_response: z.enum(VALUE_RESPONSES),
  }),
  fromModel(answer: { values_ai: string[]; values_human: string[]; value_response: ValueResponse }) {
    return { subjective: answer.value_response !== "no_values", ...answer };
  },
  extract(text, prior, cues) {
    const replies = readReplies(text.assistant, cues);
    const values_ai = valuesOf(replies.score);
    const values_human = humanValues(text.user, cues);

    const signals: string[] = [];
    if (prior.affective) signals.push("affective");
    if (prior.pushback) signals.push("pushback");
    if (prior.content_creation) signals.push("content creation");
    if (prior.task && SUBJECTIVE_TASKS.has(prior.task)) signals.push(`task: ${prior.task}`);
    if (values_human.length > 0) signals.push("human values");
    for (const m of text.user) {
      for (const h of m.hits) {
        if (h.lexicon !== STANCE_CUES) continue;
        if (signals.includes(`human asks: ${h.name}`)) continue;
        signals.push(`human asks: ${h.name}`);
        cues?.push(cueOf(h, "user", 0));
      }
    }
    for (const name of replies.response.keys())
      if (name !== "acknowledge") signals.push(`reply cue: ${name}`);
    const laden = values_ai.filter((v) => !OBJECTIVE_COMPATIBLE.has(v));
    if (laden.length > 0) signals.push(`value-laden reply: ${laden.join(", ")}`);
    const subjective = signals.length > 0;
    cues?.push(
      conversationCue(
        subjective ? `subjective <- ${signals.join("; ")}` : "not subjective: factual or technical",
      ),
    );

    let value_response: ValueResponse = "no_values";
    if (subjective) {
      const r = responseType(replies, prior.pushback === true);
      value_response = r.type;
      cues?.push(
        r.hit
          ? cueOf(r.hit, "assistant", 0, `response:${r.type} <- response`)
          : conversationCue(`response:${r.type} <- ${r.why}`),
      );
    } else cues?.push(conversationCue("response:no_values <- not subjective"));
    return { subjective, values_ai, values_human, value_response };
  },
};
