/**
 * A seeded synthetic interview corpus in the Anthropic Interviewer CSV format: a four-question rubric
 * asked with varying lead-ins, an adaptive probe after the second question, two kinds of answers to
 * the concerns question (jobs vs unreliability), and optional consent and group columns.
 */
import { mulberry32 } from "../src/analyses/stats.ts";

export const RUBRIC = [
  "Could you tell me a bit about your work and what a typical project looks like for you?",
  "Where and when do you find yourself reaching for AI tools in that work?",
  "What concerns, if any, do you have about AI's presence in your field?",
  "Looking ahead, how do you see AI's role in your work evolving over the next few years?",
];

const LEADS = ["That's really interesting.", "Thank you for sharing that.", "That makes sense.", ""];
const WORK = ["illustrator", "copywriter", "biologist", "composer", "data analyst", "teacher"];
const PROBE_TOPICS = ["drafting", "brainstorming", "coding", "editing", "research", "scheduling"];
/** Follow-up probes are worded afresh for each participant, as an adaptive interviewer does. */
const PROBES: ((topic: string, job: string) => string)[] = [
  (t) => `Tell me more about the ${t} part - what did that look like last time?`,
  (t, j) => `As a ${j}, how did you decide that ${t} was worth handing over?`,
  (t) => `What surprised you most when you first tried ${t} that way?`,
  (_, j) => `Is that typical for other people who work as a ${j} around you?`,
  (t) => `Could you give me an example of a ${t} session that went badly?`,
  (t) => `Why ${t}, rather than anything else?`,
  (t) => `Who else on your team relies on ${t} help?`,
  (_, j) => `When did being a ${j} start to feel different?`,
  (t) => `Did ${t} ever go wrong in front of a client?`,
  (t) => `How much of your week goes into ${t} now?`,
  (_, j) => `What would a junior ${j} learn from watching you?`,
  (t) => `Which tool do you open first for ${t}?`,
];

export const JOBS_ANSWER =
  "I worry that clients will replace illustrators and writers with cheap generated images, so our income and jobs disappear. The market is already flooded.";
export const UNRELIABLE_ANSWER =
  "The answers are often wrong and it hallucinates references that do not exist, so I double check everything it gives me.";
/** Said only by participants who did not consent to be quoted: must never reach release/. */
export const SECRET_SENTENCE =
  "The zebra marmalade workshop taught me that clients replace illustrators with generated images.";

export interface InterviewCorpusOptions {
  seed?: number;
  /** Adds a `consent` column: yes for these participants. */
  consent?: (i: number) => boolean;
  /** Adds a `cohort` column. */
  cohort?: (i: number) => string;
}

function csvField(s: string): string {
  return `"${s.replaceAll('"', '""')}"`;
}

export function interviewTranscript(i: number, rand: () => number, secret: boolean): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  const job = pick(WORK);
  const jobs = i % 2 === 0;
  const lines = [
    "AI: Hi! Thank you for joining. I'll ask a few questions about how you use AI in your work. Does that sound good to you?",
    "User: Sounds good, let's begin.",
    `AI: ${pick(LEADS)} ${RUBRIC[0]}`.trim(),
    `User: I work as a ${job}. A typical project takes a few weeks, from first sketches to the final delivery for a client.`,
    `AI: ${pick(LEADS)} ${RUBRIC[1]}`.trim(),
    `User: Mostly for ${pick(PROBE_TOPICS)} and for emails. It saves me a lot of time and it is really helpful when I am stuck.`,
    // Each wording is used by a twelfth of the participants: too few for a question of the rubric.
    `AI: ${(PROBES[i % PROBES.length] as (typeof PROBES)[number])(pick(PROBE_TOPICS), job)}`,
    "User: I asked for a few options, picked one and rewrote it in my own voice.",
    `AI: ${pick(LEADS)} ${RUBRIC[2]}`.trim(),
    `User: ${jobs ? JOBS_ANSWER : UNRELIABLE_ANSWER}${secret ? ` ${SECRET_SENTENCE}` : ""}`,
    `AI: ${RUBRIC[3]}`,
    `User: ${jobs ? "I hope it takes over the tedious admin so I can focus on the creative part." : "I hope it becomes accurate enough to help with data analysis and literature reviews."}`,
    "AI: Those are all my questions. Thank you so much for your time!",
    "User: Thanks, bye!",
  ];
  return lines.join("\n");
}

/** `n` interviews as a CSV (transcript_id,text[,consent][,cohort]). */
export function interviewCorpus(n: number, o: InterviewCorpusOptions = {}): string {
  const rand = mulberry32(o.seed ?? 7);
  const header = [
    "transcript_id",
    "text",
    ...(o.consent ? ["consent"] : []),
    ...(o.cohort ? ["cohort"] : []),
  ];
  const rows = [header.join(",")];
  for (let i = 0; i < n; i++) {
    const consent = o.consent?.(i) ?? false;
    // Non-consenting participants with the jobs answer also say the secret sentence.
    const text = interviewTranscript(i, rand, !consent && i % 2 === 0);
    rows.push(
      [
        `iv-${String(i).padStart(3, "0")}`,
        csvField(text),
        ...(o.consent ? [consent ? "yes" : "no"] : []),
        ...(o.cohort ? [o.cohort(i)] : []),
      ].join(","),
    );
  }
  return `${rows.join("\n")}\n`;
}
