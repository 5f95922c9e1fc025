import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { ConvoscopeError } from "../errors.ts";
import { compareValues, formatComparison, readValuesRelease } from "./compare.ts";

function release(frequencies: string, tree?: string): string {
  const dir = mkdtempSync(join(tmpdir(), "convoscope-compare-"));
  writeFileSync(join(dir, "values_frequencies.csv"), frequencies);
  if (tree) writeFileSync(join(dir, "values_tree.csv"), tree);
  return dir;
}

const TREE = `cluster_id,description,name,level,parent_cluster_id,pct_total_occurrences
a,,a,0,ai_values:l1:x,60
b,,b,0,ai_values:l1:y,40
ai_values:l1:x,"Group x, described.",Practical values,1,,60
ai_values:l1:y,,Epistemic values,1,,40
`;

test("two releases side by side with a rank correlation over the values both contain", () => {
  const ours = readValuesRelease([release("value,pct_convos\na,30\nb,20\nc,10\nd,5\n", TREE)]);
  const ref = readValuesRelease([release("value,pct_convos\nb,25\na,22\nc,3\ne,1\n", TREE)]);
  const c = compareValues(ours, ref);
  assert.equal(c.shared, 3);
  assert.equal(c.onlyOurs, 1);
  assert.equal(c.onlyReference, 1);
  // Ranks ours (a, b, c) = 3, 2, 1 and reference 2, 3, 1: Spearman = 1 - 6 * (1 + 1 + 0) / (3 * 8) = 0.5.
  assert.ok(Math.abs(c.spearman - 0.5) < 1e-12);
  assert.deepEqual(ours.topLevel, [
    { name: "Practical values", pct: 60 },
    { name: "Epistemic values", pct: 40 },
  ]);
  assert.equal(c.sharedTopLevel, 2);
  const text = formatComparison(c, 3);
  assert.match(text, /Practical values\s+60\.0%/);
  assert.match(text, /Spearman rank correlation of pct_convos over them: 0\.500/);
});

test("the reference may be the two files in any order, or a study folder's release", () => {
  const dir = release("value,pct_convos\na,1\n", TREE);
  const r = readValuesRelease([join(dir, "values_tree.csv"), join(dir, "values_frequencies.csv")]);
  assert.equal(r.frequencies.length, 1);
  assert.equal(r.topLevel.length, 2);
});

test("a file in neither format, or no frequencies, is a clear error naming it", () => {
  const dir = release("value,pct_convos\na,1\n");
  const bad = join(dir, "other.csv");
  writeFileSync(bad, "x,y\n1,2\n");
  assert.throws(
    () => readValuesRelease([bad]),
    (e: unknown) => e instanceof ConvoscopeError && e.message.includes("other.csv"),
  );
  assert.throws(() => readValuesRelease([join(dir, "missing")]), ConvoscopeError);
});
