import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { studyPaths } from "../pipeline/study-folder.ts";
import { baseRecord, type FacetRecord } from "../types.ts";
import { runValuesStage, valuesPath } from "./stage.ts";

function record(i: number, values: string[] | null, subjective: boolean | null = true): FacetRecord {
  const r = baseRecord({
    id: `c${i}`,
    userId: `u${i % 20}`,
    source: { file: "f" },
    messages: [{ role: "user", text: "x" }],
    meta: {},
  });
  return { ...r, subjective, values_ai: values, values_human: [] };
}

function study(records: FacetRecord[]) {
  const root = mkdtempSync(join(tmpdir(), "convoscope-values-"));
  const paths = studyPaths(root);
  mkdirSync(paths.internal, { recursive: true });
  writeFileSync(paths.facets, `${records.map((r) => JSON.stringify(r)).join("\n")}\n`);
  return paths;
}

const options = { thresholds: { minUsers: 5, minConversations: 15 }, seed: 42, embeddings: "offline" };

test("a model's messy value strings are normalised in the records, one form per value", async () => {
  const variants = ["User's well-being", "user wellbeing", "User Wellbeing.", "users' well being"];
  const records = Array.from({ length: 40 }, (_, i) =>
    record(i, [variants[i % 4] as string, i % 4 === 0 ? "Decision making" : "decision-making", "none"]),
  );
  const paths = study(records);
  const file = await runValuesStage(paths, options);
  const out = readFileSync(paths.facets, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as FacetRecord);
  assert.equal(out.length, 40);
  assert.deepEqual(
    new Set(out.flatMap((r) => r.values_ai ?? [])),
    new Set(["user wellbeing", "decision-making"]),
  );
  const leaf = file.nodes.find((n) => n.id === "user wellbeing");
  assert.equal(leaf?.occurrences, 40);
  assert.equal(leaf?.conversations, 40);
  assert.equal(leaf?.released, true);
  // Rerunning changes nothing (normalisation is idempotent, the taxonomy seeded).
  const again = await runValuesStage(paths, options);
  assert.deepEqual(again, file);
  assert.deepEqual(JSON.parse(readFileSync(valuesPath(paths), "utf8")), file);
});

test("values under the thresholds stay internal; groups pool them; objective records do not count", async () => {
  const records = [
    ...Array.from({ length: 30 }, (_, i) => record(i, ["honesty", i < 4 ? "rare made-up value" : "clarity"])),
    ...Array.from({ length: 10 }, (_, i) => record(100 + i, ["helpfulness"], false)),
  ];
  const file = await runValuesStage(study(records), options);
  assert.equal(file.conversations, 30, "not-subjective records are left out");
  const byId = new Map(file.nodes.map((n) => [n.id, n]));
  assert.equal(byId.get("rare made-up value")?.released, false);
  assert.equal(byId.get("honesty")?.released, true);
  assert.equal(byId.has("helpfulness"), false);
  for (const n of file.nodes.filter((x) => x.level > 0)) {
    assert.ok(!n.name.includes("rare made-up value"), "a group is never named after an unreleased value");
    assert.ok(!n.description.includes("rare made-up value"));
  }
  assert.equal(file.occurrences, 60);
});
