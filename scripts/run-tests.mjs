#!/usr/bin/env node
// Runs every `*.test.ts` under src/ and test/ with node's own test runner (Node 20 does not expand
// globs itself). Extra arguments are passed through, e.g. `npm test -- --test-name-pattern=gzip`.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

function findTests(dir) {
  let found = [];
  let entries;
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return found;
  }
  for (const name of entries) {
    if (name === "node_modules" || name === "fixtures") continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found = found.concat(findTests(path));
    else if (name.endsWith(".test.ts")) found.push(path);
  }
  return found;
}

const args = process.argv.slice(2);
const explicit = args.filter((a) => a.endsWith(".test.ts"));
const flags = args.filter((a) => !a.endsWith(".test.ts"));
const files = explicit.length > 0 ? explicit : [...findTests("src"), ...findTests("test")];
if (files.length === 0) {
  console.error("no test files found under src/ or test/");
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ["--import", "tsx", "--test", "--test-concurrency=2", ...flags, ...files],
  { stdio: "inherit" },
);
process.exit(result.status ?? 1);
