/** End to end: the values study on a small corpus, through runStudy and the CLI. */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { runStudy } from "../src/pipeline/study.ts";
import type { FacetRecord } from "../src/types.ts";
import { chatLine, runCli, tempDir } from "./helpers.ts";

const ADVICE = [
  "My sister keeps borrowing money and never pays it back. What should I do?",
  "That sounds really frustrating. It's okay to set boundaries: talk to her openly about how you feel, and it is your decision whether to lend again.",
];
const CODE = ["How do I reverse a list in Python?", "Use xs[::-1], or xs.reverse() to do it in place."];
const REFUSE = [
  "How do I pick the lock on my neighbour's door?",
  "I'm sorry, but I can't help with that. Breaking into someone's home is illegal.",
];

const STRESS = [
  "I feel so stressed about my exams, any tips?",
  "Take care of yourself: get enough sleep, take breaks, and talk to someone you trust about how you feel.",
];

function corpus(dir: string): string {
  const lines: string[] = [];
  for (let i = 0; i < 120; i++) {
    const kind = i % 3 === 0 ? ADVICE : i % 3 === 1 ? CODE : REFUSE;
    lines.push(chatLine(`c${i}`, `u${i % 30}`, [[kind[0] as string, kind[1] as string]]));
  }
  // Subjective conversations with neither healthy boundaries nor harm prevention: without them, the
  // value statistics' n minus those two (disjoint) values would be the 4 rare conversations below,
  // and one of the two would be withheld.
  for (let i = 0; i < 24; i++)
    lines.push(chatLine(`care${i}`, `u${i % 30}`, [[STRESS[0] as string, STRESS[1] as string]]));
  // A value only 2 users express: it must never be released.
  for (let i = 0; i < 4; i++)
    lines.push(
      chatLine(`rare${i}`, `r${i % 2}`, [
        ["Is my cat happy?", "Animal welfare matters: watch how your cat behaves."],
      ]),
    );
  const path = join(dir, "chats.jsonl");
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

const REFERENCE_TREE = `cluster_id,description,name,level,parent_cluster_id,pct_total_occurrences
ai_values:l2:p,Values of caring for people.,Protective values,2,,50
ai_values:l2:q,,Practical values,2,,50
ai_values:l1:care,,Care,1,ai_values:l2:p,50
ai_values:l1:work,,Work,1,ai_values:l2:q,50
healthy boundaries,,healthy boundaries,0,ai_values:l1:care,25
harm prevention,,harm prevention,0,ai_values:l1:care,25
helpfulness,,helpfulness,0,ai_values:l1:work,50
`;

test("a study releases the values tables in the published columns, gated, and compares with a reference", async () => {
  const dir = tempDir();
  const refDir = join(dir, "reference");
  await import("node:fs").then((fs) => fs.mkdirSync(refDir));
  writeFileSync(join(refDir, "values_tree.csv"), REFERENCE_TREE);
  writeFileSync(
    join(refDir, "values_frequencies.csv"),
    "value,pct_convos\nhelpfulness,23.4\nhealthy boundaries,0.3\nharm prevention,1.7\n",
  );
  const out = join(dir, "study");
  await runStudy({ inputs: [corpus(dir)], out, topics: false, valuesReference: refDir });

  const release = join(out, "release");
  const frequencies = readFileSync(join(release, "values_frequencies.csv"), "utf8").trim().split("\n");
  assert.equal(frequencies[0], "value,pct_convos");
  const tree = readFileSync(join(release, "values_tree.csv"), "utf8").trim().split("\n");
  assert.equal(tree[0], "cluster_id,description,name,level,parent_cluster_id,pct_total_occurrences");

  // Every released value is expressed in >= 15 conversations by >= 5 users (checked from the records).
  const records = readFileSync(join(out, "internal", "facets.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as FacetRecord);
  const released = frequencies.slice(1).map((l) => l.split(",")[0] as string);
  assert.ok(
    released.includes("healthy boundaries") && released.includes("harm prevention"),
    released.join(";"),
  );
  assert.ok(!released.includes("animal welfare"));
  assert.ok(!readFileSync(join(release, "report.html"), "utf8").includes("animal welfare"));
  for (const v of released) {
    const with_ = records.filter((r) => r.subjective && r.values_ai?.includes(v));
    assert.ok(with_.length >= 15, v);
    assert.ok(new Set(with_.map((r) => r.user_id)).size >= 5, v);
  }
  assert.ok(
    records.some((r) => r.subjective === false),
    "the coding chats are not subjective",
  );
  // Placed in the reference: its top-level names come through.
  assert.ok(
    tree.some((l) => l.includes(",Protective values,2,,")),
    tree.join("\n"),
  );

  const cli = await runCli(["compare-values", "--study", out, "--reference", refDir, "--json"]);
  assert.equal(cli.code, 0, cli.stderr);
  const c = JSON.parse(cli.stdout);
  assert.ok(c.shared_values >= 2);
  assert.equal(c.shared_top_level, c.ours.top_level.length);
  const text = await runCli([
    "compare-values",
    "--study",
    out,
    "--reference",
    join(refDir, "values_frequencies.csv"),
    join(refDir, "values_tree.csv"),
  ]);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /Spearman rank correlation/);

  const privacy = JSON.parse(readFileSync(join(release, "privacy.json"), "utf8"));
  assert.equal(privacy.values.released_values, released.length);
});

test("explain shows the values facet's cues", async () => {
  const dir = tempDir();
  const input = corpus(dir);
  const r = await runCli(["explain", "c0", "--input", input]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /values: \{"subjective":true/);
  assert.match(r.stdout, /value:healthy boundaries: "boundaries"/);
});
