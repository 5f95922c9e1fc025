import assert from "node:assert/strict";
import { test } from "node:test";
import { toCsv } from "./csv.ts";

test("CSV quotes commas, quotes and newlines and leaves nulls empty", () => {
  const csv = toCsv([
    { name: "plain", n: 3, note: null },
    { name: 'say "hi", then', n: 4, note: "two\nlines" },
  ]);
  assert.equal(csv, 'name,n,note\nplain,3,\n"say ""hi"", then",4,"two\nlines"\n');
});
