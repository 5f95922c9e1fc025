/** End to end: interview studies, from transcripts to released themes, groups and (consented) quotes. */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parse } from "csv-parse/sync";
import { EXIT } from "../src/errors.ts";
import { runStudy } from "../src/pipeline/study.ts";
import { scanDirectory } from "../src/privacy/scan.ts";
import { FacetRecordSchema } from "../src/types.ts";
import { chatLine, runCli, tempDir } from "./helpers.ts";
import { interviewCorpus, JOBS_ANSWER, SECRET_SENTENCE, UNRELIABLE_ANSWER } from "./interview-fixtures.ts";

const N = 40;
const thresholds = { minUsers: 3, minConversations: 5 };

function records(out: string) {
  return readFileSync(join(out, "internal", "facets.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((l) => FacetRecordSchema.parse(JSON.parse(l)));
}

function releaseText(out: string): string {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(readFileSync(path, "utf8"));
    }
  };
  walk(join(out, "release"));
  return files.join("\n");
}

test("an interview study: aligned answers, themes with intervals, groups compared, quotes only with consent", async () => {
  const dir = tempDir();
  const input = join(dir, "interviews.csv");
  writeFileSync(
    input,
    interviewCorpus(N, {
      consent: (i) => i % 3 === 0,
      cohort: (i) => (i % 2 === 0 ? "designers" : "researchers"),
    }),
  );
  const out = join(dir, "study");
  await runStudy({
    inputs: [input],
    out,
    ...thresholds,
    topics: false,
    groupBy: "cohort",
    consentColumn: "consent",
  });

  const rs = records(out);
  assert.equal(rs.length, N);
  for (const r of rs) {
    assert.ok(r.interview, r.id);
    assert.equal(r.affective, null, "assistant-use facets do not apply when the AI interviews");
    assert.equal(r.pushback, null);
    assert.equal(r.interview.answers.length, r.human_turns, "one answer per participant turn");
    assert.ok(r.interview.answers.every((a) => a.question !== null && a.theme !== null));
    assert.equal(r.interview.group, Number(r.id.slice(3)) % 2 === 0 ? "designers" : "researchers");
  }
  const even = rs.filter((r) => Number(r.id.slice(3)) % 2 === 0);
  assert.ok(even.every((r) => r.interview?.concerns.includes("jobs_economy")));

  const study = JSON.parse(readFileSync(join(out, "internal", "interviews.json"), "utf8"));
  assert.equal(study.mode, "clustered");
  assert.equal(study.questions.length, 5);
  assert.equal(study.answers, N * 7);

  // release/interview_themes.csv: per question, themes with shares and intervals.
  const themes = parse(readFileSync(join(out, "release", "interview_themes.csv")), {
    columns: true,
  }) as Record<string, string>[];
  assert.ok(themes.length >= 5);
  for (const t of themes) {
    assert.ok(
      Number(t.interviews) >= thresholds.minConversations,
      "every released theme passes the thresholds",
    );
    assert.ok(Number(t.ci_low) <= Number(t.share) && Number(t.share) <= Number(t.ci_high));
  }

  const summary = JSON.parse(readFileSync(join(out, "release", "interview_summary.json"), "utf8"));
  assert.equal(summary.interviews, N);
  assert.ok(summary.concerns.some((c: { category: string }) => c.category === "jobs_economy"));
  assert.equal(summary.questions.length, 5);
  // The jobs concern separates the two cohorts completely: a significant difference.
  const jobs = summary.groups.comparisons.filter(
    (r: { item: string }) => r.item === "Concern: Jobs and economy",
  );
  assert.deepEqual(
    jobs.map((r: { group: string; share: number; significant: boolean }) => [
      r.group,
      r.share,
      r.significant,
    ]),
    [
      ["designers", 1, true],
      ["researchers", 0, true],
    ],
  );

  // Quotes: only consenting participants' words, and never the non-consenting participants' sentence.
  assert.ok(summary.quotes_released > 0);
  const quotes: string[] = summary.questions.flatMap((q: { themes: { quotes: string[] }[] }) =>
    q.themes.flatMap((t) => t.quotes),
  );
  const rows = parse(readFileSync(input), { columns: true }) as Record<string, string>[];
  const consenting = rows.filter((r) => r.consent === "yes").map((r) => r.text as string);
  const others = rows.filter((r) => r.consent !== "yes").map((r) => r.text as string);
  assert.ok(consenting.length > 0 && quotes.length > 0);
  for (const q of quotes) {
    assert.ok(
      consenting.some((t) => t.includes(q)),
      `quote from a consenting participant: ${q}`,
    );
    assert.ok(!others.some((t) => t.includes(q) && !consenting.some((c) => c.includes(q))), q);
  }
  const released = releaseText(out);
  assert.ok(!released.includes("zebra marmalade"), "a non-consenting participant's words never leave");
  assert.ok(!released.includes(SECRET_SENTENCE));
  assert.match(
    readFileSync(join(out, "release", "privacy.json"), "utf8"),
    /quote\(s\) of interview participants who consented/,
  );
  assert.match(
    readFileSync(join(out, "release", "report.html"), "utf8"),
    /a participant who agreed to be quoted/,
  );
  assert.deepEqual(scanDirectory(join(out, "release"), ["zebra marmalade"]), []);
  for (const figure of [
    "interview-sentiment",
    "interview-emotions",
    "interview-concerns",
    "interview-groups",
    "interview-q4-themes",
  ]) {
    assert.ok(existsSync(join(out, "release", "figures", `${figure}.csv`)), figure);
    assert.ok(existsSync(join(out, "release", "figures", `${figure}.vl.json`)), figure);
  }
});

test("without consent, themes are described and never quoted", async () => {
  const dir = tempDir();
  const input = join(dir, "interviews.csv");
  writeFileSync(input, interviewCorpus(N));
  const out = join(dir, "study");
  await runStudy({ inputs: [input], out, ...thresholds, topics: false });
  const summary = JSON.parse(readFileSync(join(out, "release", "interview_summary.json"), "utf8"));
  assert.equal(summary.quotes_released, 0);
  assert.equal(summary.groups, null, "no --group-by, no comparison");
  const released = releaseText(out);
  for (const sentence of [...JOBS_ANSWER.split(". "), ...UNRELIABLE_ANSWER.split(", "), SECRET_SENTENCE])
    assert.ok(!released.includes(sentence), sentence);
  assert.match(
    readFileSync(join(out, "release", "privacy.json"), "utf8"),
    /no conversation text, ids or quotes/,
  );
  assert.match(
    readFileSync(join(out, "release", "report.html"), "utf8"),
    /themes are described, never quoted/,
  );
});

test("the CLI: --plan aligns answers to the plan's questions; a bad plan is a usage error naming the file", async () => {
  const dir = tempDir();
  const input = join(dir, "interviews.csv");
  writeFileSync(input, interviewCorpus(20));
  const plan = join(dir, "plan.json");
  writeFileSync(
    plan,
    JSON.stringify({
      title: "AI at work",
      questions: [
        { id: "work", text: "Tell me about your work and a typical project." },
        { id: "use", text: "Where do you find yourself reaching for AI tools?" },
        { id: "concerns", text: "What concerns do you have about AI in your field?" },
        { id: "future", text: "How do you see AI's role in your work evolving?" },
      ],
    }),
  );
  const out = join(dir, "study");
  const ok = await runCli([
    "study",
    input,
    "--out",
    out,
    "--plan",
    plan,
    "--no-topics",
    "--min-users",
    "3",
    "--min-conversations",
    "5",
    "--consent-all",
  ]);
  assert.equal(ok.code, 0, ok.stderr);
  const summary = JSON.parse(readFileSync(join(out, "release", "interview_summary.json"), "utf8"));
  assert.deepEqual(summary.alignment, { mode: "plan", plan_title: "AI at work" });
  assert.deepEqual(
    summary.questions.map((q: { question_id: string }) => q.question_id),
    ["work", "use", "concerns", "future"],
  );
  assert.ok(summary.quotes_released > 0, "--consent-all lets every participant be quoted");

  const bad = join(dir, "bad-plan.json");
  writeFileSync(bad, JSON.stringify({ questions: [] }));
  const refused = await runCli(["study", input, "--out", join(dir, "s2"), "--plan", bad]);
  assert.equal(refused.code, EXIT.usage);
  assert.match(refused.stderr, /bad-plan\.json: questions: a plan needs at least one question/);
});

test("a chat study is unchanged: no interview facets, no interview outputs", async () => {
  const dir = tempDir();
  const input = join(dir, "chats.jsonl");
  writeFileSync(
    input,
    `${Array.from({ length: 30 }, (_, i) => chatLine(`c${i}`, `u${i % 10}`, [["What concerns do you have about my job?", "None."]])).join("\n")}\n`,
  );
  const out = join(dir, "study");
  await runStudy({ inputs: [input], out, topics: false });
  assert.ok(records(out).every((r) => r.interview === null));
  assert.ok(!existsSync(join(out, "internal", "interviews.json")));
  assert.ok(!existsSync(join(out, "release", "interview_summary.json")));
  assert.ok(!existsSync(join(out, "release", "interview_themes.csv")));
  assert.ok(!readFileSync(join(out, "release", "report.html"), "utf8").includes("Interview study"));
});
