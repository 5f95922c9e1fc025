/**
 * End to end: a study of themes of very different sizes and audiences, then a differencing attack
 * on what it released (clusters.json, clusters.csv and the report's topic figures), checked against
 * the internal records.
 */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parse } from "csv-parse/sync";
import { mulberry32 } from "../src/analyses/stats.ts";
import type { TopicNode } from "../src/cluster/index.ts";
import { runStudy } from "../src/pipeline/study.ts";
import { chatLine, tempDir } from "./helpers.ts";
import { attack, type TruthRecord } from "./topic-attack.ts";

/** [words, conversations, users]: from broad themes to ones a handful of people write about. */
const THEMES: [string, number, number][] = [
  ["python error traceback function script debug exception module", 260, 40],
  ["recipe dinner oven flour sauce bake ingredients pasta", 200, 35],
  ["anxious lonely panic worried sleep stress overwhelmed crying", 160, 30],
  ["invoice spreadsheet budget formula column quarterly revenue pivot", 120, 25],
  ["garden tomato soil compost seeds watering balcony plants", 70, 12],
  ["guitar chords strumming melody practice fingers song capo", 40, 6],
  ["aquarium filter shrimp tank algae gravel heater guppies", 24, 3],
  ["origami crane paper folds kirigami sheets crease valley", 12, 2],
  ["beekeeping hive queen honey frames smoker swarm apiary", 9, 4],
];

function corpus(dir: string): string {
  const rand = mulberry32(17);
  const lines: string[] = [];
  let i = 0;
  for (const [t, [vocabulary, n, users]] of THEMES.entries()) {
    const words = vocabulary.split(" ");
    for (let j = 0; j < n; j++, i++) {
      const pick = () => words[Math.floor(rand() * words.length)];
      const text = `Could you help me with ${pick()} and ${pick()}? My ${pick()} ${pick()} keeps going wrong, and the ${pick()} too.`;
      lines.push(chatLine(`c${i}`, `t${t}-u${j % users}`, [[text, "Here is what I would try first."]]));
    }
  }
  const path = join(dir, "themes.jsonl");
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

test("no released topic number minus others singles out fewer than the thresholds", async () => {
  const dir = tempDir();
  const out = join(dir, "study");
  // Thresholds above the defaults, so that this corpus has small clusters beside released siblings.
  const thresholds = { minUsers: 8, minConversations: 25 };
  await runStudy({ inputs: [corpus(dir)], out, ...thresholds });
  const read = (...p: string[]) => readFileSync(join(out, ...p), "utf8");
  const nodes = JSON.parse(read("internal", "topics.json")) as TopicNode[];
  const truth: TruthRecord[] = read("internal", "facets.jsonl")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l))
    .map((r) => ({
      user: r.user_id,
      base: r.cluster,
      language: r.language,
      types: r.affective ? (r.affective_types ?? []) : [],
    }));
  const clusters = JSON.parse(read("release", "clusters.json")) as Record<string, unknown>[];
  const csv = parse(read("release", "clusters.csv"), { columns: true }) as Record<string, string>[];
  assert.deepEqual(
    csv.map((r) => [r.id, Number(r.conversations), Number(r.x), Number(r.y)]),
    clusters.map((r) => [r.id, r.conversations, r.x, r.y]),
    "clusters.csv holds the rows of clusters.json",
  );
  for (const r of clusters) assert.ok(Number.isFinite(r.x) && Number.isFinite(r.y), `${r.id} has x/y`);
  const figure = (id: string) =>
    parse(read("release", "figures", `${id}.csv`), { columns: true, cast: true }) as Record<
      string,
      unknown
    >[];

  const result = attack(
    { clusters, perType: figure("topics-per-affective-type"), tree: figure("topic-tree") },
    truth,
    new Map(nodes.map((nd) => [nd.id, nd.parent])),
    thresholds,
  );
  assert.deepEqual(result.leaks, []);
  // Not vacuous: small themes were held back and some remainders released.
  assert.ok(
    nodes.some((nd) => !clusters.some((r) => r.id === nd.id)),
    "some clusters are under the thresholds",
  );
  assert.ok(result.tried > 0, "some differences were non-zero");
  assert.ok(
    clusters.some((r) => r.level === 1) && clusters.some((r) => r.level === 0),
    "two levels are released",
  );
  // The report says so too.
  const html = read("release", "report.html");
  assert.match(html, /Top-level topics and their subtopics/);
  assert.match(html, /Map of topics/);
});
