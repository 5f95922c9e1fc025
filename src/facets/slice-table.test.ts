import assert from "node:assert/strict";
import { test } from "node:test";
import { hashOf, SliceTable } from "./slice-table.ts";

test("a slice table finds keys by a slice of a text, curly apostrophes as straight ones", () => {
  const table = new SliceTable<number>();
  table.add("don't", hashOf("don't"), 1);
  table.add("do", hashOf("do"), 2);
  const text = "I don’t do that";
  assert.equal(table.get(text, 2, 7, hashOf("don't")), 1);
  assert.equal(table.get(text, 8, 10, hashOf("do")), 2);
  // Same hash, other characters: not found.
  assert.equal(table.get("dx", 0, 2, hashOf("do")), undefined);
  assert.equal(table.get(text, 11, 15, hashOf("that")), undefined);
});

test("a slice table keeps every key through growth, and forgets them when cleared", () => {
  const table = new SliceTable<string>();
  const keys = Array.from({ length: 50_000 }, (_, i) => `w${i.toString(36)}`);
  for (const k of keys) table.add(k, hashOf(k), k.toUpperCase());
  assert.equal(table.size, keys.length);
  for (const k of keys) assert.equal(table.get(` ${k} `, 1, k.length + 1, hashOf(k)), k.toUpperCase());
  table.clear();
  assert.equal(table.size, 0);
  assert.equal(table.get("w0", 0, 2, hashOf("w0")), undefined);
});
