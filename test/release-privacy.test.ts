/**
 * End to end: a study of a corpus crafted so that a gate checking each number on its own would leak
 * by subtraction in every kind of figure (a rare length (10-19 messages), language (French beside Spanish), collaboration mode and concern
 * level; a type whose few conversations are affective minus the types shown; two pushbacks in a
 * type; a few short conversations of a type whose long ones the sentiment figure counts; rare
 * reasons; very long conversations of rare kinds; clusters with a handful of affective or non-English
 * conversations), then the differencing attack of release-attack.ts on everything it released.
 *
 * The corpus reuses the bundled example's conversations (their facets are computed here, so the
 * selection follows the engine), copied under new ids and users to set each cell's size.
 */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { mulberry32 } from "../src/analyses/stats.ts";
import type { TopicNode } from "../src/cluster/index.ts";
import { readConversations } from "../src/ingest/index.ts";
import { analyseConversation } from "../src/pipeline/per-conversation.ts";
import { runStudy } from "../src/pipeline/study.ts";
import { userKey } from "../src/release/gate.ts";
import type { FacetRecord } from "../src/types.ts";
import { ROOT, tempDir } from "./helpers.ts";
import { interviewTranscript, JOBS_ANSWER, UNRELIABLE_ANSWER } from "./interview-fixtures.ts";
import { attackStudy, attributesOf } from "./release-attack.ts";

const thresholds = { minUsers: 3, minConversations: 6 };
const EXAMPLE = join(ROOT, "examples", "conversations.jsonl");

type Pick = (r: FacetRecord) => boolean;
const plain: Pick = (r) =>
  !r.affective && !r.content_creation && !r.pushback && r.language === "English" && r.concern === 1;
const only =
  (type: string): Pick =>
  (r) =>
    r.affective === true && r.affective_types?.join() === type;
const short: Pick = (r) => r.human_turns < 6;
const and =
  (...ps: Pick[]): Pick =>
  (r) =>
    ps.every((p) => p(r));

/** [what, which example conversations, copies, users]: each cell of the crafted corpus. */
const PLAN: [string, Pick, number, number][] = [
  ["everyday, short", and(plain, short, (r) => r.collaboration !== "validation"), 90, 30],
  ["everyday, 6-9 messages", and(plain, (r) => r.human_turns >= 6 && r.human_turns < 10), 20, 8],
  [
    "counseling, 6-9 messages",
    and(
      only("counseling"),
      (r) => r.human_turns >= 6 && r.human_turns < 10,
      (r) => !r.pushback && r.concern === 1,
    ),
    24,
    8,
  ],
  [
    "counseling, 10-19 messages",
    and(
      only("counseling"),
      (r) => r.human_turns >= 10 && r.human_turns < 20,
      (r) => !r.pushback && r.concern === 1,
    ),
    2,
    2,
  ],
  ["counseling, short", and(only("counseling"), short, (r) => !r.pushback && r.concern === 1), 4, 2],
  ["coaching", and(only("coaching"), short), 8, 4],
  [
    "coaching and counseling",
    and(only("coaching,counseling"), (r) => !r.pushback && r.human_turns < 50),
    7,
    4,
  ],
  ["companionship", only("companionship"), 3, 2],
  ["counseling with pushback", and(only("counseling"), (r) => r.pushback === true), 2, 2],
  ["refusals", and((r) => !r.affective && r.pushback_reason === "illegal_activity", short), 12, 5],
  ["rare refusals", and((r) => !r.affective && r.pushback_reason === "medical_diagnosis"), 3, 2],
  ["Spanish", (r) => r.language === "Spanish" && !r.affective && !r.pushback, 6, 3],
  ["French", (r) => r.language === "French" && !r.affective && !r.pushback, 2, 2],
  ["validation", and(plain, (r) => r.collaboration === "validation"), 2, 2],
  ["concerning", (r) => !r.affective && (r.concern ?? 1) >= 2, 2, 1],
  ["very long", (r) => r.human_turns >= 50, 8, 4],
  ["content creation", and((r) => r.content_creation === true, short), 10, 4],
];

/** Runs the differencing attack on a study folder against its internal records. */
function attackFolder(out: string) {
  const read = (...p: string[]) => readFileSync(join(out, ...p), "utf8");
  let topics: TopicNode[] = [];
  try {
    topics = JSON.parse(read("internal", "topics.json"));
  } catch {}
  const nodes = new Map(topics.map((nd) => [nd.id, nd]));
  const truth = read("internal", "facets.jsonl")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as FacetRecord);
  const attributes = truth.map((r) => attributesOf(r, nodes));
  const result = attackStudy(out, attributes, truth.map(userKey), thresholds);
  // Printed so that a run shows what a gate change did (before -> after).
  console.log(
    `# ${out.split("/").at(-1)}: ${result.facts} facts, ${result.tried} differences tried, ${result.leaks.length} leaked`,
  );
  return result;
}

/** Copies of the example's conversations picked by `pick`, under new ids and users. */
async function corpusOf(dir: string, name: string, plan: [string, Pick, number, number][]): Promise<string> {
  const lines = readFileSync(EXAMPLE, "utf8").trim().split("\n");
  const records: FacetRecord[] = [];
  for await (const c of readConversations(EXAMPLE)) records.push(analyseConversation(c).record);
  const out: string[] = [];
  for (const [what, pick, copies, users] of plan) {
    const pool = records.flatMap((r, i) => (pick(r) ? [i] : []));
    assert.ok(pool.length > 0, `the example has a conversation for "${what}"`);
    for (let j = 0; j < copies; j++) {
      const line = JSON.parse(lines[pool[j % pool.length] as number] as string);
      out.push(JSON.stringify({ ...line, id: `${what}-${j}`, user_id: `${what}-u${j % users}` }));
    }
  }
  const path = join(dir, `${name}.jsonl`);
  writeFileSync(path, `${out.join("\n")}\n`);
  return path;
}

test("no number of the release minus others singles out fewer than the thresholds", async () => {
  const dir = tempDir();
  const out = join(dir, "study");
  await runStudy({ inputs: [await corpusOf(dir, "crafted", PLAN)], out, ...thresholds });
  const result = attackFolder(out);
  assert.deepEqual(result.leaks, []);
  // Not vacuous: every kind of figure released something, and differences were tried.
  for (const figure of [
    "conversation-length",
    "languages",
    "collaboration",
    "affective-prevalence",
    "pushback-rate",
    "pushback-reasons",
    "sentiment-shift",
    "long-conversations-mix",
    "clusters",
    "clusters affective",
    "clusters languages",
  ])
    assert.ok(result.figures.has(figure), `${figure} released something`);
  assert.ok(result.tried > 100, `differences tried: ${result.tried}`);
});

const values =
  (...vs: string[]): Pick =>
  (r) =>
    r.subjective === true && (r.values_ai ?? []).join() === vs.join();

/**
 * Values crafted to leak under a per-value gate: helpfulness in all but a few subjective
 * conversations, self-compassion nearly always in counseling and a few times outside it (the
 * situational cell minus the value), values groups with a few mentions of small values.
 */
const VALUES_PLAN: [string, Pick, number, number][] = [
  ["helpful, clear, thorough", values("helpfulness", "clarity", "thoroughness"), 40, 12],
  ["helpful", and(values("helpfulness"), (r) => !r.affective), 30, 10],
  ["helpful, honest", values("helpfulness", "honesty"), 12, 5],
  ["helpful, boundaries", values("helpfulness", "healthy boundaries"), 10, 4],
  ["self-compassion", values("self-compassion"), 12, 5],
  [
    "helpful, validation, self-compassion",
    values("helpfulness", "emotional validation", "open communication", "self-compassion"),
    2,
    2,
  ],
  ["self-care", values("self-care"), 2, 2],
  ["helpful, safety", values("helpfulness", "safety"), 2, 2],
  ["factual", (r) => r.subjective === false, 20, 8],
];

test("values: no released value, cell or group share minus others singles out fewer than the thresholds", async () => {
  const dir = tempDir();
  const out = join(dir, "values-study");
  await runStudy({ inputs: [await corpusOf(dir, "values", VALUES_PLAN)], out, ...thresholds });
  const result = attackFolder(out);
  assert.deepEqual(result.leaks, []);
  for (const figure of ["values_frequencies.csv", "values-situational"])
    assert.ok(result.figures.has(figure), `${figure} released something`);
  assert.ok(result.tried > 20, `differences tried: ${result.tried}`);
});

/**
 * Interviews crafted to leak under per-item gates: unreliability raised by all but two
 * participants (two of one cohort), two participants who skip the last question, and cohorts of
 * unequal size.
 */
function interviewsCsv(n: number): string {
  const rand = mulberry32(11);
  const rows = ["transcript_id,text,cohort"];
  for (let i = 0; i < n; i++) {
    let text = interviewTranscript(i, rand, false);
    if (i >= 2) text = text.replace(JOBS_ANSWER, `${JOBS_ANSWER} ${UNRELIABLE_ANSWER}`);
    if (i === 3 || i === 5) {
      const lines = text.split("\n");
      text = [...lines.slice(0, 10), ...lines.slice(-2)].join("\n");
    }
    rows.push(
      [`iv-${i}`, `"${text.replaceAll('"', '""')}"`, i % 3 === 0 ? "designers" : "researchers"].join(","),
    );
  }
  return `${rows.join("\n")}\n`;
}

test("interviews: no released item, theme, question or group count minus others singles out fewer than the thresholds", async () => {
  const dir = tempDir();
  const input = join(dir, "interviews.csv");
  writeFileSync(input, interviewsCsv(48));
  const out = join(dir, "interview-study");
  await runStudy({ inputs: [input], out, ...thresholds, topics: false, groupBy: "cohort" });
  const result = attackFolder(out);
  assert.deepEqual(result.leaks, []);
  for (const figure of ["interviews concerns", "interviews questions", "interviews groups"])
    assert.ok(result.figures.has(figure), `${figure} released something`);
  assert.ok(result.tried > 20, `differences tried: ${result.tried}`);
});
