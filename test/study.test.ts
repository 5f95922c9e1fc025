/** End to end: a study folder from inputs, through the library API and the CLI. */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { open } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { DuckDBInstance } from "@duckdb/node-api";
import { EXIT } from "../src/errors.ts";
import { runStudy } from "../src/pipeline/study.ts";
import { FacetRecordSchema } from "../src/types.ts";
import { CLI, chatLine, runCli, tempDir } from "./helpers.ts";

function corpus(dir: string, n: number, bad = true): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    lines.push(
      chatLine(`c${i}`, `u${i % 40}`, [[`How do I sort a list in Python? (${i})`, "Use sorted(xs)."]]),
    );
    if (bad && i === 3) lines.push("{not json");
    if (bad && i === 7)
      lines.push(JSON.stringify({ id: "r1", messages: [{ role: "narrator", content: "x" }] }));
  }
  const path = join(dir, "chats.jsonl");
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

/**
 * Starts `convoscope study INPUT --out OUT` and kill -9s it as soon as a checkpoint shows partial
 * progress (or after `waitMs`); returns the records that checkpoint claims (0: none was seen).
 */
async function killAtFirstCheckpoint(input: string, out: string, waitMs: number, extra: string[] = []) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", CLI, "study", input, "--out", out, "--quiet", "--no-topics", ...extra],
    { stdio: "ignore" },
  );
  const checkpoint = join(out, "internal", "checkpoint.json");
  let records = 0;
  for (let waited = 0; waited < waitMs && records === 0; waited += 10) {
    await new Promise((r) => setTimeout(r, 10));
    if (existsSync(checkpoint)) {
      try {
        records = JSON.parse(readFileSync(checkpoint, "utf8")).records;
      } catch {
        // caught mid-rename; look again
      }
    }
  }
  child.kill("SIGKILL");
  await new Promise((r) => child.on("close", r));
  return records;
}

async function query(db: string, sql: string): Promise<unknown[][]> {
  const instance = await DuckDBInstance.create(db, { access_mode: "READ_ONLY" });
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRows() as unknown[][];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

test("runStudy writes the study folder contract", async () => {
  const dir = tempDir();
  const input = corpus(dir, 100);
  const out = join(dir, "study");
  const { manifest } = await runStudy({ inputs: [input], out });

  assert.deepEqual(manifest.counts, { read: 102, rejected: 2, analysed: 100, users: 40, has_user_ids: true });
  assert.equal(manifest.inputs.length, 1);
  assert.match(manifest.inputs[0]?.sha256 ?? "", /^[0-9a-f]{64}$/);
  assert.equal(manifest.inputs[0]?.format, "openai-jsonl");
  for (const stage of ["hash_inputs", "read_and_facets", "store", "release"]) {
    assert.equal(typeof manifest.timings[stage], "number", `timing for ${stage}`);
  }

  const records = readFileSync(join(out, "internal", "facets.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  assert.equal(records.length, 100);
  for (const r of records) FacetRecordSchema.parse(r);
  assert.equal(records[0].id, "c0");
  assert.equal(records[0].human_turns, 1);

  const rejected = readFileSync(join(out, "internal", "rejected.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    rejected.map((r) => r.line),
    [5, 10],
  );
  for (const r of rejected) assert.deepEqual(Object.keys(r).sort(), ["file", "line", "reason"]);

  const [[count]] = (await query(
    join(out, "internal", "study.duckdb"),
    "select count(*) from conversations",
  )) as [[bigint]];
  assert.equal(Number(count), 100);
  const [[runs]] = (await query(join(out, "internal", "study.duckdb"), "select count(*) from runs")) as [
    [bigint],
  ];
  assert.equal(Number(runs), 1);

  assert.ok(existsSync(join(out, "release", "report.html")));
  assert.ok(existsSync(join(out, "release", "privacy.json")));
  assert.ok(existsSync(join(out, "release", "figures", "conversation-length.csv")));
  assert.ok(existsSync(join(out, "manifest.json")));
  // Topics: every record has its base cluster; the release has the gated tree.
  assert.ok(records.every((r) => typeof r.cluster === "string"));
  const clusters = JSON.parse(readFileSync(join(out, "release", "clusters.json"), "utf8"));
  assert.ok(Array.isArray(clusters));
  for (const c of clusters) assert.ok(c.conversations >= 15);
  assert.ok(
    !existsSync(join(out, "internal", "checkpoint.json")),
    "the checkpoint is removed when a study finishes",
  );
});

test("a study refuses an existing folder unless --force, and --force gives the same records", async () => {
  const dir = tempDir();
  const input = corpus(dir, 30, false);
  const out = join(dir, "study");
  const first = await runCli(["study", input, "--out", out]);
  assert.equal(first.code, 0, first.stderr);
  const before = readFileSync(join(out, "internal", "facets.jsonl"), "utf8");

  const again = await runCli(["study", input, "--out", out]);
  assert.equal(again.code, EXIT.exists);
  assert.match(again.stderr, /already exists.*--force/);

  const forced = await runCli(["study", input, "--out", out, "--force", "--json"]);
  assert.equal(forced.code, 0, forced.stderr);
  assert.equal(JSON.parse(forced.stdout).counts.analysed, 30);
  assert.equal(readFileSync(join(out, "internal", "facets.jsonl"), "utf8"), before, "reruns are identical");
});

test("--strict stops at the first bad record with its file and line", async () => {
  const dir = tempDir();
  const input = corpus(dir, 10);
  const result = await runCli(["study", input, "--out", join(dir, "s"), "--strict"]);
  assert.equal(result.code, EXIT.rejected);
  assert.match(result.stderr, /chats\.jsonl:5: /);
});

test("a study killed mid-run resumes to exactly the records of an uninterrupted run", async () => {
  const dir = tempDir();
  const lines: string[] = [];
  for (let i = 0; i < 120_000; i++) {
    lines.push(
      chatLine(`c${i}`, `u${i % 500}`, [
        [`Question number ${i} about sorting lists? Reply to q${i}@example.com`, "An answer."],
      ]),
    );
  }
  const input = join(dir, "big.jsonl");
  writeFileSync(input, `${lines.join("\n")}\n`);
  const killed = join(dir, "killed");

  const records = await killAtFirstCheckpoint(input, killed, 30_000);
  assert.ok(records > 0 && records < 120_000, `killed part-way (checkpoint at ${records})`);
  assert.ok(!existsSync(join(killed, "manifest.json")));

  const refused = await runCli(["study", input, "--out", killed]);
  assert.equal(refused.code, EXIT.exists, "an interrupted folder is not overwritten silently");

  const resumed = await runCli(["study", input, "--out", killed, "--resume", "--json", "--no-topics"]);
  assert.equal(resumed.code, 0, resumed.stderr);
  const manifest = JSON.parse(readFileSync(join(killed, "manifest.json"), "utf8"));
  assert.equal(manifest.resumed, true);
  assert.equal(manifest.counts.analysed, 120_000);

  const straight = join(dir, "straight");
  assert.equal((await runCli(["study", input, "--out", straight, "--quiet", "--no-topics"])).code, 0);
  const a = readFileSync(join(killed, "internal", "facets.jsonl"), "utf8");
  const b = readFileSync(join(straight, "internal", "facets.jsonl"), "utf8");
  assert.equal(a.length, b.length);
  assert.ok(a === b, "resumed records equal an uninterrupted run's, byte for byte");
  const straightManifest = JSON.parse(readFileSync(join(straight, "manifest.json"), "utf8"));
  assert.deepEqual(manifest.redactions, { EMAIL: 120_000 });
  assert.deepEqual(manifest.redactions, straightManifest.redactions, "redaction totals survive the resume");
});

test("on worker threads, killed and resumed with another worker count, a study equals one run in one thread", async () => {
  const dir = tempDir();
  const lines: string[] = [];
  for (let i = 0; i < 60_000; i++) {
    lines.push(
      chatLine(`c${i}`, `u${i % 500}`, [
        [`I feel so anxious about my exam ${i}. Mail me at q${i}@example.com`, "That sounds hard."],
      ]),
    );
  }
  const input = join(dir, "big.jsonl");
  writeFileSync(input, `${lines.join("\n")}\n`);
  const killed = join(dir, "killed");
  const records = await killAtFirstCheckpoint(input, killed, 60_000, ["--workers", "2"]);
  assert.ok(records > 0 && records < 60_000, `killed part-way (checkpoint at ${records})`);

  const resumed = await runCli([
    "study",
    input,
    "--out",
    killed,
    "--resume",
    "--no-topics",
    "--workers",
    "1",
  ]);
  assert.equal(resumed.code, 0, resumed.stderr);
  const straight = join(dir, "straight");
  assert.equal(
    (await runCli(["study", input, "--out", straight, "--quiet", "--no-topics", "--workers", "0"])).code,
    0,
  );
  const a = readFileSync(join(killed, "internal", "facets.jsonl"), "utf8");
  const b = readFileSync(join(straight, "internal", "facets.jsonl"), "utf8");
  assert.ok(a === b, "the pooled, resumed records equal the one-thread run's, byte for byte");
  const manifest = JSON.parse(readFileSync(join(killed, "manifest.json"), "utf8"));
  assert.deepEqual(manifest.redactions, { EMAIL: 60_000 }, "redaction counts come back from the workers");
});

test("a write that fails (a full disk) leaves a checkpoint claiming only what is on disk; --resume completes", async () => {
  const dir = tempDir();
  const input = corpus(dir, 12_000, false);
  const out = join(dir, "s");
  // Every FileHandle shares one prototype: the third block of records (1 MiB) fails as on a full disk.
  const probe = await open(input, "r");
  const proto = Object.getPrototypeOf(probe) as { write: (...args: unknown[]) => Promise<unknown> };
  await probe.close();
  const realWrite = proto.write;
  let blocks = 0;
  proto.write = function (this: unknown, data: unknown, ...rest: unknown[]) {
    if (typeof data === "string" && data.length >= 1 << 20 && ++blocks === 3)
      return Promise.reject(
        Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" }),
      );
    return realWrite.call(this, data, ...rest);
  };
  try {
    await assert.rejects(runStudy({ inputs: [input], out, topics: false, workers: 0 }), /ENOSPC/);
  } finally {
    proto.write = realWrite;
  }
  const checkpoint = JSON.parse(readFileSync(join(out, "internal", "checkpoint.json"), "utf8"));
  const partial = readFileSync(join(out, "internal", "facets.partial.jsonl"), "utf8");
  assert.equal(checkpoint.bytes, Buffer.byteLength(partial), "the checkpoint's bytes are on disk");
  assert.equal(checkpoint.records, partial.split("\n").length - 1, "and so are its records");
  await runStudy({ inputs: [input], out, topics: false, workers: 0, mode: "resume" });
  const ids = readFileSync(join(out, "internal", "facets.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l).id);
  assert.deepEqual(
    ids,
    Array.from({ length: 12_000 }, (_, i) => `c${i}`),
    "every record, once, in order",
  );
});

test("--strict with workers stops at the bad record and leaves no thread running", async () => {
  const dir = tempDir();
  const input = corpus(dir, 600);
  const result = await runCli(["study", input, "--out", join(dir, "s"), "--strict", "--workers", "2"], {
    timeoutMs: 60_000,
  });
  assert.equal(result.code, EXIT.rejected, "the run ends (a live worker would hold it open)");
  assert.match(result.stderr, /chats\.jsonl:5: /);
});

test("convoscope facets --strict with workers writes every record before the bad one, as without", async () => {
  const dir = tempDir();
  const lines = Array.from({ length: 1500 }, (_, i) =>
    chatLine(`c${i}`, "u", [[`Question ${i}?`, "Answer."]]),
  );
  const input = join(dir, "late-bad.jsonl");
  writeFileSync(
    input,
    `${[...lines, "{not json", chatLine("after", "u", [["More?", "Yes."]])].join("\n")}\n`,
  );
  for (const w of ["0", "2"]) {
    const out = join(dir, `strict-${w}.jsonl`);
    const r = await runCli(["facets", input, "--out", out, "--strict", "--workers", w], {
      timeoutMs: 60_000,
    });
    assert.equal(r.code, EXIT.rejected, r.stderr);
    assert.equal(readFileSync(out, "utf8").split("\n").length - 1, 1500, `--workers ${w}`);
  }
  const tooMany = await runCli(["facets", input, "--out", join(dir, "x.jsonl"), "--workers", "65"]);
  assert.equal(tooMany.code, EXIT.usage);
});

test("convoscope facets writes the same lines with workers as without", async () => {
  const dir = tempDir();
  const input = corpus(dir, 700);
  const outs = ["0", "2"].map((w) => join(dir, `facets-${w}.jsonl`));
  for (const [i, w] of ["0", "2"].entries()) {
    const r = await runCli(["facets", input, "--out", outs[i] as string, "--workers", w]);
    assert.equal(r.code, 0, r.stderr);
  }
  const [zero, two] = outs.map((o) => readFileSync(o, "utf8"));
  assert.equal(zero?.split("\n").length, 701);
  assert.ok(zero === two);
});

test("resume refuses a checkpoint made from other inputs", async () => {
  const dir = tempDir();
  const out = join(dir, "s");
  const input = corpus(dir, 20, false);
  await runStudy({ inputs: [input], out });
  // A leftover checkpoint from a different input:
  writeFileSync(
    join(out, "internal", "checkpoint.json"),
    JSON.stringify({ fingerprint: "x", records: 3, bytes: 10, updated: "" }),
  );
  const result = await runCli(["study", input, "--out", out, "--resume"]);
  assert.equal(result.code, EXIT.usage);
  assert.match(result.stderr, /other inputs or options/);
});

test("a folder with an empty file beside a good one: the empty file is listed and skipped", async () => {
  const dir = tempDir();
  const folder = join(dir, "in");
  const { mkdirSync } = await import("node:fs");
  mkdirSync(folder);
  writeFileSync(join(folder, "a-empty.jsonl"), "");
  corpus(folder, 20, false);
  const { manifest } = await runStudy({ inputs: [folder], out: join(dir, "s") });
  assert.equal(manifest.counts.analysed, 20);
  assert.deepEqual(
    manifest.inputs.map((f) => [f.path.endsWith("a-empty.jsonl"), f.format]),
    [
      [true, null],
      [false, "openai-jsonl"],
    ],
  );
});
