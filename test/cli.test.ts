/** The command line as a user meets it: help, formats, errors and exit codes. */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { EXIT } from "../src/errors.ts";
import { FORMAT_NAMES } from "../src/ingest/reader.ts";
import { chatLine, runCli, tempDir } from "./helpers.ts";

test("every command has --help with examples", async () => {
  for (const command of [
    "study",
    "facets",
    "report",
    "formats",
    "validate",
    "redact",
    "privacy-check",
    "explain",
    "compare-values",
  ]) {
    const result = await runCli([command, "--help"]);
    assert.equal(result.code, 0, `${command} --help`);
    assert.match(result.stdout, /Examples?:/, `${command} --help shows examples`);
  }
});

test("formats lists every reader", async () => {
  const result = await runCli(["formats", "--json"]);
  assert.equal(result.code, 0);
  const formats = JSON.parse(result.stdout).map((f: { format: string }) => f.format);
  assert.deepEqual([...formats].sort(), [...FORMAT_NAMES].sort());
});

test("an unknown format is a clear error listing the formats and how to force one", async () => {
  const dir = tempDir();
  const path = join(dir, "notes.txt");
  writeFileSync(path, "just some prose\nwith no conversations in it\n");
  const result = await runCli(["study", path, "--out", join(dir, "s")]);
  assert.equal(result.code, EXIT.input);
  assert.match(result.stderr, /notes\.txt/);
  assert.match(result.stderr, /--format/);
  for (const name of FORMAT_NAMES) assert.ok(result.stderr.includes(name), `lists ${name}`);
});

test("a missing input and a bad option value are errors with their own exit codes", async () => {
  const dir = tempDir();
  const missing = await runCli(["study", join(dir, "nope.jsonl"), "--out", join(dir, "s")]);
  assert.equal(missing.code, EXIT.input);
  assert.match(missing.stderr, /nope\.jsonl/);
  const bad = await runCli(["study", "x.jsonl", "--out", join(dir, "s"), "--min-users", "0"]);
  assert.equal(bad.code, EXIT.usage);
});

test("facets writes the per-conversation records only, to a file or stdout", async () => {
  const dir = tempDir();
  const input = join(dir, "c.jsonl");
  writeFileSync(
    input,
    `${chatLine("a", "u1", [["hi", "hello"]])}\n${chatLine("b", null, [
      ["q", "a"],
      ["q2", "a2"],
    ])}\n`,
  );
  const toStdout = await runCli(["facets", input, "--out", "-"]);
  assert.equal(toStdout.code, 0, toStdout.stderr);
  const records = toStdout.stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    records.map((r) => [r.id, r.user_id, r.human_turns]),
    [
      ["a", "u1", 1],
      ["b", null, 2],
    ],
  );
  const toFile = await runCli(["facets", input, "--out", join(dir, "f.jsonl"), "--json"]);
  assert.deepEqual(JSON.parse(toFile.stdout), { analysed: 2, rejected: 0 });
  assert.equal(readFileSync(join(dir, "f.jsonl"), "utf8"), toStdout.stdout);
});

test("report re-renders the release from internal/", async () => {
  const dir = tempDir();
  const input = join(dir, "c.jsonl");
  writeFileSync(input, `${chatLine("a", "u1", [["hi", "hello"]])}\n`);
  const out = join(dir, "s");
  assert.equal((await runCli(["study", input, "--out", out])).code, 0);
  writeFileSync(join(out, "release", "report.html"), "stale");
  const result = await runCli(["report", out]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(readFileSync(join(out, "release", "report.html"), "utf8"), /<!doctype html>/);
  const notStudy = await runCli(["report", dir]);
  assert.equal(notStudy.code, EXIT.input);
});

test("redact writes redacted conversations and counts what it replaced", async () => {
  const dir = tempDir();
  const input = join(dir, "c.jsonl");
  writeFileSync(
    input,
    `${chatLine("a", "u1", [["Hi, my name is Priya Raman, mail me at priya@example.com", "Hello!"]])}\n`,
  );
  const result = await runCli(["redact", input, "--out", join(dir, "r.jsonl"), "--json"]);
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(JSON.parse(result.stdout), {
    conversations: 1,
    rejected: 0,
    redactions: { PERSON: 1, EMAIL: 1 },
  });
  const line = JSON.parse(readFileSync(join(dir, "r.jsonl"), "utf8"));
  assert.equal(line.messages[0].content, "Hi, my name is [PERSON], mail me at [EMAIL]");
  assert.equal(line.user_id, "u1");
});

test("privacy-check passes a clean release and fails (exit 6) on a planted leak or canary", async () => {
  const dir = tempDir();
  const input = join(dir, "c.jsonl");
  writeFileSync(input, `${chatLine("a", "u1", [["hello", "hi"]])}\n`);
  const out = join(dir, "s");
  assert.equal((await runCli(["study", input, "--out", out])).code, 0);
  const clean = await runCli(["privacy-check", out]);
  assert.equal(clean.code, 0, clean.stderr);
  writeFileSync(join(dir, "canaries.txt"), "Zorblat Quindlemore\n");
  writeFileSync(join(out, "release", "figures", "leak.csv"), "name\nZorblat Quindlemore\n");
  const canary = await runCli(["privacy-check", out, "--canaries", join(dir, "canaries.txt")]);
  assert.equal(canary.code, EXIT.leak);
  assert.match(canary.stderr, /figures\/leak\.csv: CANARY/);
  assert.ok(!canary.stderr.includes("Quindlemore"), "the finding is masked");
  writeFileSync(join(out, "release", "figures", "leak.csv"), "email\nzq.canary7@example.org\n");
  assert.equal((await runCli(["privacy-check", out])).code, EXIT.leak);
});

test("explain shows each facet's value and the cues that fired", async () => {
  const dir = tempDir();
  const input = join(dir, "c.jsonl");
  writeFileSync(
    input,
    `${chatLine("x1", "u1", [["I feel so anxious and lonely lately.", "I'm sorry you're going through this."]])}\n`,
  );
  const result = await runCli(["explain", "x1", "--input", input, "--json"]);
  assert.equal(result.code, 0, result.stderr);
  const explanation = JSON.parse(result.stdout);
  const affective = explanation.facets.find((f: { facet: string }) => f.facet === "affective");
  assert.equal(affective.values.affective, true);
  assert.ok(affective.cues.some((c: { cue: string }) => c.cue.startsWith("counseling:")));
  const missing = await runCli(["explain", "nope", "--input", input]);
  assert.equal(missing.code, EXIT.input);
});

test("a reader that closes the pipe early (| head) is not an error", async () => {
  const { spawn } = await import("node:child_process");
  const { CLI } = await import("./helpers.ts");
  const child = spawn(
    process.execPath,
    ["--import", "tsx", CLI, "facets", "examples/conversations.jsonl", "--out", "-"],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  child.stdout.once("data", () => child.stdout.destroy());
  const code = await new Promise((resolve) => child.on("close", resolve));
  assert.equal(code, 0, stderr);
  assert.ok(!stderr.includes("EPIPE"));
});
