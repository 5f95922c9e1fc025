/**
 * The model engine end to end: `convoscope study --engine model` against the scripted server on
 * 127.0.0.1, through the real SDK clients over real HTTP. Happy path, cache hits on a rerun, resume
 * after a real `kill -9` with zero repeated calls, the budget stop, the dry-run estimate, the batch
 * flow (including a kill while a batch is processing), a refused key, and the offline-vs-model
 * output schemas.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { DuckDBInstance } from "@duckdb/node-api";
import { EXIT } from "../src/errors.ts";
import { facetSpec } from "../src/models/facets.ts";
import { runStudy } from "../src/pipeline/study.ts";
import { FacetRecordSchema } from "../src/types.ts";
import { type AnswerContext, answerForSchema, ScriptedLlmServer } from "./fixtures/scripted-llm-server.ts";
import { CLI, chatLine, runCli, tempDir } from "./helpers.ts";
import { interviewCorpus } from "./interview-fixtures.ts";

const TOPICS = [
  "How long should sourdough bread stay in the oven, and at what temperature?",
  "My python script crashes with a KeyError when it reads the config file.",
  "My sister and I keep arguing about our parents; how do I talk to her calmly?",
];

/** Distinct conversations on three topics, some long enough for a sentiment shift, with emails to redact. */
function corpus(dir: string, n: number, name = "chats.jsonl"): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const turns: [string, string][] = [
      [`${TOPICS[i % 3]} (case ${i}) Write to me at person${i}@example.com`, "Here is how."],
    ];
    for (let t = 0; t < (i % 4 === 0 ? 6 : 1); t++)
      turns.push([`Follow-up ${t} on case ${i}: thanks, that helps`, "Glad to help."]);
    lines.push(chatLine(`c${i}`, `u${i % 40}`, turns));
  }
  const path = join(dir, name);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

let server: ScriptedLlmServer;
const saved = { ...process.env };
before(async () => {
  server = await ScriptedLlmServer.start();
  process.env.ANTHROPIC_API_KEY = "test-key";
  process.env.ANTHROPIC_BASE_URL = server.url;
  process.env.OPENAI_API_KEY = "test-key";
  process.env.OPENAI_BASE_URL = `${server.url}/v1`;
  process.env.CONVOSCOPE_BATCH_POLL_MS = "20";
});
after(async () => {
  for (const k of [
    "ANTHROPIC_API_KEY",
    "ANTHROPIC_BASE_URL",
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "CONVOSCOPE_BATCH_POLL_MS",
  ])
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  await server.close();
});

const readRecords = (out: string) =>
  readFileSync(join(out, "internal", "facets.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));

/** `convoscope study INPUT --out OUT --engine model --model MODEL ...rest`. */
const modelStudy = (input: string, out: string, model: string, ...rest: string[]) => [
  "study",
  input,
  "--out",
  out,
  "--engine",
  "model",
  "--model",
  model,
  ...rest,
];

const facetCalls = (from = 0) => server.answered.slice(from).filter((a) => a.schemaName === "facets").length;

test("happy path: one call per conversation, only redacted text sent, every record valid, a rerun makes zero calls", async () => {
  const dir = tempDir();
  const input = corpus(dir, 240);
  const out = join(dir, "s");
  const received = server.received.length;
  const answered = server.answered.length;
  const seen: string[] = [];
  server.answer = (ctx) => {
    seen.push(ctx.user);
    return undefined;
  };
  const { manifest } = await runStudy({
    inputs: [input],
    out,
    engine: "model",
    model: "anthropic:claude-haiku-4-5",
  });
  server.answer = () => undefined;
  assert.equal(facetCalls(answered), 240, "model calls per conversation = 1");
  assert.ok(
    seen.length > 0 && seen.every((t) => !t.includes("@example.com")),
    "the provider saw only redacted text",
  );
  const records = readRecords(out);
  assert.equal(records.length, 240);
  for (const r of records) FacetRecordSchema.parse(r);
  assert.deepEqual(
    records.map((r) => r.id),
    Array.from({ length: 240 }, (_, i) => `c${i}`),
    "records in input order",
  );
  assert.ok(
    records.filter((r) => r.sentiment?.shift !== null).length >= 50,
    "sentiment shift for 6+ human messages",
  );
  const m = manifest.model;
  assert.ok(m);
  assert.equal(m.engine, "model");
  assert.equal(m.model, "anthropic:claude-haiku-4-5");
  assert.equal(m.prompt_version, "facets-3");
  assert.equal(m.by_purpose.facets?.calls, 240);
  assert.ok(m.input_tokens > 0 && m.cost_usd > 0);
  assert.deepEqual(m.facet_failures, {});
  assert.ok((m.by_purpose.naming?.calls ?? 0) >= 1, "clusters named by the model");
  assert.ok(m.cluster_audit && m.cluster_audit.checked >= 2, "every cluster name audited");
  const log = readFileSync(join(out, "internal", "cache", "calls.jsonl"), "utf8")
    .trim()
    .split("\n");
  assert.equal(log.length, server.received.length - received, "every request logged");
  const entry = JSON.parse(log[0] as string);
  for (const k of ["model", "prompt_version", "usage", "duration_ms", "status"])
    assert.ok(k in entry, `log has ${k}`);

  // --force redoes the analysis in the folder but pays for nothing again.
  const before = server.received.length;
  const forced = await runStudy({
    inputs: [input],
    out,
    engine: "model",
    model: "anthropic:claude-haiku-4-5",
    mode: "force",
  });
  assert.equal(server.received.length, before, "zero calls on a rerun");
  assert.equal(forced.manifest.model?.calls, 0);
  assert.equal(forced.manifest.model?.cache_hits, m.calls);
  assert.equal(readFileSync(join(out, "internal", "facets.jsonl"), "utf8").length > 0, true);
  assert.deepEqual(readRecords(out), records, "a rerun gives the same records");
});

test("interviews: one interview request each, themes and values groups named by the model and audited, a rerun makes zero calls", async () => {
  const dir = tempDir();
  const input = join(dir, "interviews.csv");
  // Personal data in every transcript, which no request may carry.
  writeFileSync(
    input,
    interviewCorpus(40).replaceAll("Sounds good, let's begin.", "Sure, mail me at me@example.com."),
  );
  const out = join(dir, "s");
  // The dry run knows interviews get their own request, and estimates the themes' naming.
  const dryRun = async (model: string) => {
    const dry = await runCli(modelStudy(input, out, model, "--dry-run", "--json", "--no-topics"));
    assert.equal(dry.code, 0, dry.stderr);
    return JSON.parse(dry.stdout);
  };
  const local = await dryRun("openai-compatible:qwen");
  assert.equal(local.interview_calls, 40);
  assert.equal(local.facet_calls, 40);
  assert.ok(local.theme_naming.calls > 0);
  assert.equal(local.request_overhead_tokens, 0);
  const priced = await dryRun("anthropic:claude-haiku-4-5");
  assert.equal(priced.request_overhead_tokens, 0, "Anthropic's JSON mode: no tool-use prompt");
  assert.ok(priced.input_tokens > local.input_tokens, "Claude's tokenizer margin");
  assert.ok(!existsSync(out), "a dry run writes nothing");

  const from = server.answered.length;
  const seen: string[] = [];
  // The scripted model's values, so that some are common enough to be released and name groups.
  const common = ["helpfulness", "honesty", "clarity", "curiosity", "user wellbeing", "professionalism"];
  server.answer = (ctx) => {
    seen.push(ctx.user);
    if (ctx.schemaName !== "interview_facets") return undefined;
    const answer = answerForSchema(ctx.schema, { seed: ctx.user, user: ctx.user }) as Record<string, unknown>;
    const k = ctx.user.length % common.length;
    return { ...answer, subjective: true, values_ai: [common[k], common[(k + 1) % common.length]] };
  };
  const options = {
    inputs: [input],
    out,
    engine: "model" as const,
    model: "anthropic:claude-haiku-4-5",
    topics: false,
    minUsers: 3,
    minConversations: 5,
  };
  const { manifest } = await runStudy(options);
  server.answer = () => undefined;
  const mine = server.answered.slice(from);
  assert.equal(
    mine.filter((a) => a.schemaName === "interview_facets").length,
    40,
    "one request per interview",
  );
  assert.equal(mine.filter((a) => a.schemaName === "facets").length, 0, "no conversation request");
  assert.equal(
    mine
      .filter((a) => a.schemaName === "interview_facets")
      .reduce((a, x) => a + Math.ceil(x.input * 1.15), 0),
    priced.input_tokens,
    "the estimate's input tokens are what the server counted (x 1.15 for Claude's tokenizer)",
  );
  assert.ok(
    seen.every((t) => !t.includes("@example.com")),
    "the provider saw only redacted text",
  );
  const records = readRecords(out);
  assert.equal(records.length, 40);
  for (const r of records) {
    FacetRecordSchema.parse(r);
    assert.ok(r.interview && r.interview.answers.length === r.human_turns, r.id);
  }
  const m = manifest.model;
  assert.ok(m);
  assert.deepEqual(m.facet_failures, {});

  // Themes: every theme but the brief answers named once by the model, every name audited; the
  // scripted model's names ("Discuss ...") stand where the audit passed them, keyword names elsewhere.
  const study = JSON.parse(readFileSync(join(out, "internal", "interviews.json"), "utf8"));
  const themes: { id: string; name: string }[] = study.themes;
  const named = themes.filter((t) => !t.id.endsWith("/brief"));
  assert.equal(m.by_purpose.theme_naming?.calls, named.length);
  assert.ok(m.theme_audit && m.theme_audit.checked === named.length);
  assert.equal(
    named.filter((t) => t.name.startsWith("Discuss")).length,
    m.theme_audit.checked - m.theme_audit.failed,
  );
  // Values groups: named from released values, audited the same way.
  const values = JSON.parse(readFileSync(join(out, "internal", "values.json"), "utf8"));
  type Node = { id: string; level: number; name: string; released: boolean; parent: string | null };
  const nodes = new Map<string, Node>(values.nodes.map((n: Node) => [n.id, n]));
  const shown = new Set<string>();
  for (const n of nodes.values())
    for (let p = n.level === 0 && n.released ? n.parent : null; p; p = nodes.get(p)?.parent ?? null)
      shown.add(p);
  const groups = [...nodes.values()].filter((n) => shown.has(n.id));
  assert.ok(groups.length > 0, "some groups have released values to be named from");
  assert.equal(m.by_purpose.values_naming?.calls, groups.length);
  assert.ok(m.values_audit && m.values_audit.checked === groups.length);
  assert.equal(
    groups.filter((g) => g.name.startsWith("Discuss")).length,
    m.values_audit.checked - m.values_audit.failed,
  );

  // A rerun pays for nothing and names everything the same.
  const before = server.received.length;
  const again = await runStudy({ ...options, mode: "force" });
  assert.equal(server.received.length, before, "zero calls on a rerun");
  assert.equal(again.manifest.model?.calls, 0);
  assert.deepEqual(JSON.parse(readFileSync(join(out, "internal", "interviews.json"), "utf8")).themes, themes);
});

async function describe(db: string, table: string): Promise<string[]> {
  const instance = await DuckDBInstance.create(db, { access_mode: "READ_ONLY" });
  const connection = await instance.connect();
  try {
    const rows = (await connection.runAndReadAll(`DESCRIBE ${table}`)).getRows() as unknown[][];
    return rows.map((r) => `${r[0]} ${r[1]}`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

test("the offline-vs-model choice changes no output schema", async () => {
  const dir = tempDir();
  const input = corpus(dir, 200);
  const offline = join(dir, "offline");
  const model = join(dir, "model");
  server.answer = (ctx) =>
    ctx.schemaName === "privacy_audit"
      ? { scores: (ctx.user.match(/^\d+\. /gm) ?? []).map(() => 5) }
      : undefined;
  const a = await runStudy({ inputs: [input], out: offline });
  const b = await runStudy({ inputs: [input], out: model, engine: "model", model: "openai:gpt-4o-mini" });
  const keys = (out: string) => readRecords(out).map((r) => Object.keys(r).join(","));
  server.answer = () => undefined;
  assert.deepEqual(keys(model), keys(offline), "facets.jsonl: the same fields in the same order");
  for (const r of readRecords(model)) FacetRecordSchema.parse(r);
  const files = (out: string) => readdirSync(join(out, "release"), { recursive: true }).map(String).sort();
  const fa = files(offline);
  assert.deepEqual(
    files(model).filter((f) => fa.includes(f)).length,
    fa.length,
    "every release file of the offline run exists",
  );
  for (const f of fa.filter((f) => f.endsWith(".csv"))) {
    const header = (out: string) => readFileSync(join(out, "release", f), "utf8").split("\n")[0];
    if (header(offline) !== "" && header(model) !== "")
      assert.equal(header(model), header(offline), `${f} columns`);
  }
  const keysOf = (path: string) => [
    ...new Set((JSON.parse(readFileSync(path, "utf8")) as object[]).map((c) => Object.keys(c).join(","))),
  ];
  for (const file of [join("release", "clusters.json"), join("internal", "topics.json")])
    assert.deepEqual(keysOf(join(model, file)), keysOf(join(offline, file)), file);
  assert.deepEqual(
    await describe(join(model, "internal", "study.duckdb"), "conversations"),
    await describe(join(offline, "internal", "study.duckdb"), "conversations"),
  );
  assert.deepEqual(Object.keys(b.manifest).sort(), Object.keys(a.manifest).sort(), "manifest fields");
  assert.equal(a.manifest.model, null);
  const privacy = (out: string) =>
    Object.keys(JSON.parse(readFileSync(join(out, "release", "privacy.json"), "utf8"))).sort();
  assert.deepEqual(privacy(model), privacy(offline));
});

test("a study killed with kill -9 mid-run resumes with zero repeated calls", async () => {
  const dir = tempDir();
  const input = corpus(dir, 150);
  const out = join(dir, "s");
  const from = server.answered.length;
  server.stallAfter = from + 60;
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      CLI,
      "study",
      input,
      "--out",
      out,
      "--engine",
      "model",
      "--model",
      "openai:gpt-4o-mini",
      "--quiet",
      "--concurrency",
      "4",
    ],
    { stdio: "ignore", env: process.env },
  );
  const answers = join(out, "internal", "cache", "answers.jsonl");
  for (let i = 0; i < 3000; i++) {
    await new Promise((r) => setTimeout(r, 20));
    if (existsSync(answers) && readFileSync(answers, "utf8").split("\n").length > 60) break;
  }
  // The kill lands after the study's first checkpoint (written at its start), however loaded the machine.
  for (let i = 0; i < 3000 && !existsSync(join(out, "internal", "checkpoint.json")); i++) {
    await new Promise((r) => setTimeout(r, 20));
  }
  child.kill("SIGKILL");
  await new Promise((r) => child.on("close", r));
  assert.equal(server.answered.length - from, 60, "killed with 60 answers received, the rest in flight");
  assert.ok(!existsSync(join(out, "manifest.json")));
  server.stallAfter = Number.POSITIVE_INFINITY;

  const resumed = await runCli(modelStudy(input, out, "openai:gpt-4o-mini", "--resume", "--json"));
  assert.equal(resumed.code, 0, resumed.stderr);
  const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
  assert.equal(manifest.resumed, true);
  assert.equal(manifest.counts.analysed, 150);
  const mine = server.answered.slice(from);
  assert.equal(
    mine.filter((a) => a.schemaName === "facets").length,
    150,
    "each conversation answered exactly once",
  );
  const keys = mine.map((a) => a.key);
  assert.equal(new Set(keys).size, keys.length, "zero repeated calls");
  assert.deepEqual(
    readRecords(out).map((r) => r.id),
    Array.from({ length: 150 }, (_, i) => `c${i}`),
  );
});

test("--budget stops cleanly before exceeding it, keeps what was done, and --resume continues", async () => {
  const dir = tempDir();
  const input = corpus(dir, 120);
  const out = join(dir, "s");
  const budget = 0.05;
  const stopped = await runCli(
    modelStudy(input, out, "anthropic:claude-haiku-4-5", "--budget", String(budget), "--concurrency", "2"),
  );
  assert.equal(stopped.code, EXIT.budget, stopped.stderr);
  assert.match(stopped.stderr, /budget reached: \$[\d.]+ spent of \$0\.05.*records are kept.*--resume/s);
  const checkpoint = JSON.parse(readFileSync(join(out, "internal", "checkpoint.json"), "utf8"));
  assert.ok(checkpoint.records > 0 && checkpoint.records < 120, `kept ${checkpoint.records} records`);
  const log = readFileSync(join(out, "internal", "cache", "calls.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  const spent = log.reduce((a, e) => a + (e.usage ? e.usage.input * 1 + e.usage.output * 5 : 0), 0) / 1e6;
  assert.ok(spent <= budget, `spent $${spent} of $${budget}`);

  const resumed = await runCli(
    modelStudy(input, out, "anthropic:claude-haiku-4-5", "--resume", "--budget", "5", "--json"),
  );
  assert.equal(resumed.code, 0, resumed.stderr);
  assert.equal(JSON.parse(resumed.stdout).counts.analysed, 120);
  assert.equal(readRecords(out).length, 120);
});

test("--dry-run estimates calls, tokens and cost before any call, and writes nothing", async () => {
  const dir = tempDir();
  const input = corpus(dir, 90);
  const out = join(dir, "s");
  const received = server.received.length;
  const dry = await runCli(
    modelStudy(input, out, "openai-compatible:qwen", "--dry-run", "--json", "--no-topics"),
  );
  assert.equal(dry.code, 0, dry.stderr);
  assert.equal(server.received.length, received, "no call");
  assert.ok(!existsSync(out), "nothing written");
  const estimate = JSON.parse(dry.stdout);
  assert.equal(estimate.facet_calls, 90);
  assert.equal(estimate.cost_usd, 0, "a local model costs nothing");
  // The estimate's input tokens are what the server then counts with the same tokenizer.
  const from = server.answered.length;
  const { manifest } = await runStudy({
    inputs: [input],
    out,
    engine: "model",
    model: "openai-compatible:qwen",
    topics: false,
  });
  assert.equal(manifest.model?.input_tokens, estimate.input_tokens);
  assert.equal(server.answered.length - from, 90);
  const again = JSON.parse(
    (await runCli(modelStudy(input, out, "openai-compatible:qwen", "--dry-run", "--json", "--no-topics")))
      .stdout,
  );
  assert.equal(again.facet_calls, 0, "answers already paid for are not estimated again");
  assert.equal(again.cached, 90);

  const priced = await runCli(modelStudy(input, join(dir, "p"), "anthropic:claude-haiku-4-5", "--dry-run"));
  assert.match(priced.stdout, /facet requests: {2}90, ~[\d,]+ input tokens/);
  assert.match(priced.stdout, /estimated cost: {2}\$[\d.]+/);
  assert.match(priced.stdout, /with --batch: {4}\$[\d.]+/);
});

/** Every Anthropic request the scripted server answers, with how it carried the schema. */
function captureRequests(): AnswerContext[] {
  const seen: AnswerContext[] = [];
  server.answer = (ctx) => {
    seen.push(ctx);
    return undefined;
  };
  return seen;
}

test("Anthropic JSON mode (default): the schema in the system prompt, the reply prefilled with {, no tool; the dry run's estimate is what the server counted; a rerun makes zero calls; tool mode on request", async () => {
  const dir = tempDir();
  const input = corpus(dir, 30);
  const out = join(dir, "s");
  const dry = async (...rest: string[]) => {
    const r = await runCli(
      modelStudy(input, out, "anthropic:claude-haiku-4-5", "--dry-run", "--json", "--no-topics", ...rest),
    );
    assert.equal(r.code, 0, r.stderr);
    return JSON.parse(r.stdout);
  };
  const json = await dry();
  const tool = await dry("--anthropic-answer", "tool");
  assert.equal(json.answer_mode, "json-prompt");
  assert.equal(json.request_overhead_tokens, 0, "no tool, so no tool-use prompt");
  assert.equal(tool.answer_mode, "tool");
  assert.equal(tool.request_overhead_tokens, 340);
  // Tool mode pays 340 a request; JSON mode only the few tokens that introduce the schema.
  const saved = (tool.input_tokens - json.input_tokens) / 30;
  assert.ok(saved > 300 && saved < 340, `saved ${saved} a request`);

  const seen = captureRequests();
  const from = server.answered.length;
  const options = {
    inputs: [input],
    out,
    engine: "model" as const,
    model: "anthropic:claude-haiku-4-5",
    topics: false,
  };
  const { manifest } = await runStudy(options);
  server.answer = () => undefined;
  const facets = seen.filter((c) => c.schemaName === "facets");
  assert.equal(facets.length, 30);
  const { $schema: _drop, ...schema } = facetSpec().schema;
  for (const c of facets) {
    assert.equal(c.prefill, "{", "the assistant turn is prefilled");
    assert.equal(c.schemaInSystem, true, "no tool: the schema is in the system prompt");
    assert.deepEqual(c.schema, { title: "facets", ...schema });
  }
  const mine = server.answered.slice(from).filter((a) => a.schemaName === "facets");
  assert.equal(
    mine.reduce((a, x) => a + Math.ceil(x.input * 1.15), 0),
    json.input_tokens,
    "the estimate is the server's count of what was sent (x 1.15 for Claude's tokenizer)",
  );
  for (const r of readRecords(out)) FacetRecordSchema.parse(r);
  const m = manifest.model;
  assert.ok(m);
  assert.equal(m.answer_mode, "json-prompt");
  assert.equal(m.json_answer_version, "json-answer-1");
  assert.equal(m.by_purpose.facets?.calls, 30);
  assert.deepEqual(m.facet_failures, {});
  assert.equal(m.repairs, 0);

  const before = server.received.length;
  const again = await runStudy({ ...options, mode: "force" });
  assert.equal(server.received.length, before, "zero calls on a rerun");
  assert.equal(again.manifest.model?.cache_hits, 30);

  // Tool mode is another request (its own cache keys): asked again, with a forced tool and no prefill.
  const toolSeen = captureRequests();
  const forced = await runStudy({ ...options, mode: "force", anthropicAnswer: "tool" });
  server.answer = () => undefined;
  assert.equal(forced.manifest.model?.by_purpose.facets?.calls, 30);
  assert.equal(forced.manifest.model?.answer_mode, "tool");
  assert.ok(toolSeen.length >= 30 && toolSeen.every((c) => !c.schemaInSystem && c.prefill === undefined));
  for (const r of readRecords(out)) FacetRecordSchema.parse(r);
});

test("Anthropic JSON mode: prose after the object and a repeated prefill are tolerated, a truncated or schema-violating continuation is repaired once, one still invalid is counted as failed", async () => {
  const dir = tempDir();
  const input = corpus(dir, 12);
  const out = join(dir, "s");
  const seen: AnswerContext[] = [];
  const broken = (ctx: AnswerContext) =>
    Object.fromEntries(Object.keys(ctx.schema.properties as object).map((k) => [k, 12345]));
  server.answer = (ctx) => {
    seen.push(ctx);
    const repair = ctx.user.includes("<previous_answer>");
    // Case 5 violates the schema once (then repaired); case 9 every time (then failed).
    if (ctx.user.includes("(case 5)") && !repair) return broken(ctx);
    if (ctx.user.includes("(case 9)")) return broken(ctx);
    return undefined;
  };
  // The first three requests: the object with a sentence after it, a reply cut at max_tokens, and a
  // reply that repeats the prefilled "{".
  server.faults.push({ trailing: true }, { truncated: true }, { repeatPrefill: true });
  const { manifest } = await runStudy({
    inputs: [input],
    out,
    engine: "model",
    model: "anthropic:claude-haiku-4-5",
    topics: false,
    concurrency: 1,
  });
  server.answer = () => undefined;
  const m = manifest.model;
  assert.ok(m);
  const repairs = seen.filter((c) => c.user.includes("<previous_answer>"));
  assert.equal(
    m.repairs,
    3,
    "the truncated reply, case 5 and case 9: prose after an object or a repeated { needs none",
  );
  assert.equal(m.by_purpose["facets-repair"]?.calls, 3);
  assert.equal(repairs.length, 3);
  assert.ok(repairs.every((c) => c.prefill === "{" && c.schemaInSystem));
  assert.deepEqual(
    m.facet_failures,
    Object.fromEntries(facetSpec().facets.map((f) => [f.name, 1])),
    "case 9: every facet failed once, counted",
  );
  const records = readRecords(out);
  assert.equal(records.length, 12, "the run goes on");
  for (const r of records) FacetRecordSchema.parse(r);
  assert.equal(typeof records[5].request, "string", "case 5 repaired");
  assert.equal(records[9].request, null, "case 9 failed");
});

test("--batch in Anthropic JSON mode: batch requests carry the schema in the system prompt and the prefill; an invalid batch answer is repaired through the Messages API", async () => {
  const dir = tempDir();
  const input = corpus(dir, 20);
  const out = join(dir, "s");
  const from = server.answered.length;
  const seen: AnswerContext[] = [];
  server.answer = (ctx) => {
    seen.push(ctx);
    // The batch's answer for case 7 violates the schema.
    if (ctx.user.includes("(case 7)") && !ctx.user.includes("<previous_answer>")) return { request: 12345 };
    return undefined;
  };
  const { manifest } = await runStudy({
    inputs: [input],
    out,
    engine: "model",
    model: "anthropic:claude-haiku-4-5",
    topics: false,
    batch: true,
  });
  server.answer = () => undefined;
  const mine = server.answered.slice(from);
  assert.equal(mine.filter((a) => a.api === "batch").length, 20);
  assert.equal(
    mine.filter((a) => a.api !== "batch" && a.schemaName === "facets").length,
    1,
    "the one repair",
  );
  assert.ok(seen.every((c) => c.prefill === "{" && c.schemaInSystem));
  const m = manifest.model;
  assert.ok(m);
  assert.equal(m.batch, true);
  assert.equal(m.repairs, 1);
  assert.deepEqual(m.facet_failures, {});
  const records = readRecords(out);
  assert.equal(records.length, 20);
  for (const r of records) FacetRecordSchema.parse(r);
});

test("--batch: requests go through Message Batches (create, poll, results), resumable after kill -9", async () => {
  const dir = tempDir();
  const input = corpus(dir, 60);
  const out = join(dir, "s");
  const batches = server.batches.size;
  server.batchPolls = 1_000_000;
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      CLI,
      "study",
      input,
      "--out",
      out,
      "--engine",
      "model",
      "--model",
      "anthropic:claude-haiku-4-5",
      "--batch",
      "--quiet",
    ],
    { stdio: "ignore", env: process.env },
  );
  const state = join(out, "internal", "cache", "batches.jsonl");
  for (let i = 0; i < 2000 && !existsSync(state); i++) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 200));
  child.kill("SIGKILL");
  await new Promise((r) => child.on("close", r));
  assert.equal(server.batches.size, batches + 1, "one batch submitted before the kill");
  server.batchPolls = 2;
  const from = server.answered.length;
  const resumed = await runCli(
    modelStudy(input, out, "anthropic:claude-haiku-4-5", "--batch", "--resume", "--json"),
  );
  assert.equal(resumed.code, 0, resumed.stderr);
  assert.equal(server.batches.size, batches + 1, "the interrupted batch was polled, not submitted again");
  const mine = server.answered.slice(from);
  assert.equal(mine.filter((a) => a.api === "batch").length, 60);
  assert.equal(
    mine.filter((a) => a.api !== "batch" && a.schemaName === "facets").length,
    0,
    "no facet request outside the batch",
  );
  const m = JSON.parse(resumed.stdout).model;
  assert.equal(m.batch, true);
  // Batch answers cost half: the manifest's cost is half the list price of the facet tokens, plus the cluster calls.
  const facetTokens =
    mine.filter((a) => a.api === "batch").reduce((a, x) => a + x.input * 1 + x.output * 5, 0) / 1e6;
  const others =
    mine.filter((a) => a.api !== "batch").reduce((a, x) => a + x.input * 1 + x.output * 5, 0) / 1e6;
  assert.ok(Math.abs(m.cost_usd - (facetTokens / 2 + others)) < 1e-5, `cost ${m.cost_usd}`);
  assert.equal(readRecords(out).length, 60);
});

test("a refused key stops the study with exit code 9 and a clear message; --resume continues once fixed", async () => {
  const dir = tempDir();
  const input = corpus(dir, 30);
  const out = join(dir, "s");
  for (let i = 0; i < 50; i++) server.faults.push({ status: 401 });
  const refused = await runCli(modelStudy(input, out, "anthropic:claude-haiku-4-5", "--concurrency", "1"));
  assert.equal(refused.code, EXIT.provider, refused.stderr);
  assert.match(refused.stderr, /answered 401.*refused the credentials; check ANTHROPIC_API_KEY/);
  assert.equal(server.faults.length, 49, "one request, then a clean stop");
  server.faults.length = 0;
  const resumed = await runCli(modelStudy(input, out, "anthropic:claude-haiku-4-5", "--resume"));
  assert.equal(resumed.code, 0, resumed.stderr);
  assert.match(resumed.stderr, /model anthropic:claude-haiku-4-5 \(facets-3\): \d+ calls/);
});

test("usage errors: a model needs --engine model, a spec needs a provider, gguf without node-llama-cpp says how to install it", async () => {
  const dir = tempDir();
  const input = corpus(dir, 5);
  const a = await runCli(["study", input, "--out", join(dir, "a"), "--engine", "model"]);
  assert.equal(a.code, EXIT.usage);
  assert.match(a.stderr, /needs --model PROVIDER:MODEL/);
  const b = await runCli(modelStudy(input, join(dir, "b"), "claude-haiku"));
  assert.equal(b.code, EXIT.usage);
  assert.match(b.stderr, /PROVIDER:MODEL with PROVIDER one of anthropic, openai, openai-compatible, gguf/);
  const model = join(dir, "tiny.gguf");
  writeFileSync(model, "GGUF");
  const c = await runCli(modelStudy(input, join(dir, "c"), `gguf:${model}`));
  if (existsSync(join(process.cwd(), "node_modules", "node-llama-cpp"))) return;
  assert.equal(c.code, EXIT.usage, c.stderr);
  assert.match(c.stderr, /node-llama-cpp is not installed.*npm install --omit=optional node-llama-cpp/);
  assert.ok(!existsSync(join(dir, "c")), "nothing written before the engine could start");
});
