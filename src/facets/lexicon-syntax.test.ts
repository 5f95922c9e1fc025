/**
 * A lint over every cue phrase written in the engine's source: alternatives are single words, so a
 * phrase meant as "wear gloves | wear a mask" but written "wear gloves|goggles|a mask" reads as the
 * slots wear, gloves|goggles|a, mask and never matches "wear gloves". Such a slot mixes function words
 * ("a", "the", "at", "up") with content words; a slot of only one kind is how phrases are meant.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const src = join(dirname(fileURLToPath(import.meta.url)), "..");
const FILES = [
  ...readdirSync(join(src, "facets")).map((f) => join(src, "facets", f)),
  join(src, "interview", "lexicons.ts"),
].filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));

/** Word classes a slot's alternatives are meant to share ("my|the|a", "in|from|of", "him|her|them"). */
const CLASSES = [
  "a an the my your our his her their this that these those another some any all every no per several many both few much more most",
  "at of with on up to in for by as from into onto over off out about along past through around",
  "i you he she it we they me him her them us this that someone somebody anyone everyone nobody people",
  "how why what when where which who whom whose that if whether like",
].map((c) => new Set(c.split(" ")));
/** The words that began the phrases written as extra slots: "a mask", "at night", "how to", "a lot of". */
const STARTERS = new Set(
  "a an the at of with on up to in for by as from into off out how what that".split(" "),
);

/** The slots of quoted phrases (string literals with alternatives) that mix function and content words. */
export function mixedSlots(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/"([^"\n]*\|[^"\n]*)"/g)) {
    const items = (m[1] as string).trim().split(/\s+/);
    // The last slot may list anything: nothing follows it to be read as a continuation.
    for (let k = 0; k + 1 < items.length; k++) {
      // Before a gap, "a" stands for "a <anything>": a slot of its own.
      if ((items[k + 1] as string).startsWith("..")) continue;
      const alternatives = (items[k] as string).replace(/\?$/, "").split("|");
      const oneClass = CLASSES.some((c) => alternatives.every((a) => c.has(a)));
      if (alternatives.some((a) => STARTERS.has(a)) && !oneClass) found.push(`"${m[1]}" (slot ${items[k]})`);
    }
  }
  return found;
}

test("the lint finds a slot that mixes a function word with content words", () => {
  assert.equal(mixedSlots('["wear gloves|goggles|a mask", "wear a mask"]').length, 1);
  assert.equal(mixedSlots('["my|the|a character|characters", "i can|could not"]').length, 0);
});

test("no cue phrase in the engine reads a phrase's alternatives as extra slots", () => {
  const found = FILES.flatMap((f) => mixedSlots(readFileSync(f, "utf8")).map((s) => `${f}: ${s}`));
  assert.deepEqual(found, []);
});
