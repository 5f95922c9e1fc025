import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { formatValidation, validateFacets } from "./index.ts";

function files(gold: object[], pred: object[]): [string, string] {
  const dir = mkdtempSync(join(tmpdir(), "validate-"));
  const g = join(dir, "gold.jsonl");
  const p = join(dir, "pred.jsonl");
  writeFileSync(g, gold.map((x) => JSON.stringify(x)).join("\n"));
  writeFileSync(p, pred.map((x) => JSON.stringify(x)).join("\n"));
  return [g, p];
}

test("validate matches gold to predictions by id, per facet", async () => {
  const [g, p] = files(
    [
      { id: "a", pushback: true, affective_types: ["coaching"] },
      { id: "b", pushback: false, affective_types: [] },
      { id: "c", pushback: true },
      { id: "zz", pushback: true },
    ],
    [
      { id: "a", pushback: true, affective_types: ["coaching", "counseling"] },
      { id: "b", pushback: true, affective_types: [] },
      { id: "c", pushback: true, affective_types: null },
    ],
  );
  const [pushback, types] = await validateFacets(g, p);
  assert.equal(pushback?.facet, "pushback");
  assert.equal(pushback?.n, 3);
  assert.equal(pushback?.missing, 1);
  assert.equal(pushback?.agreement?.accuracy, 2 / 3);
  assert.equal(types?.facet, "affective_types");
  assert.equal(types?.exactMatch, 1 / 2);
  const coaching = types?.labels?.find((l) => l.label === "coaching");
  assert.equal(coaching?.recall, 1);
  const counseling = types?.labels?.find((l) => l.label === "counseling");
  assert.equal(counseling?.precision, 0);
  assert.ok(pushback && types);
  assert.match(formatValidation([pushback, types]), /Cohen's kappa/);
});

test("a malformed gold line is an error naming the file and line", async () => {
  const [g, p] = files([{ id: "a", pushback: true }], [{ id: "a", pushback: true }]);
  writeFileSync(g, '{"id":"a","pushback":true}\n{oops\n');
  await assert.rejects(validateFacets(g, p), /gold\.jsonl:2: not valid JSON/);
});
