#!/usr/bin/env node
// The CLI entry. Runs the compiled build when it exists (npm install builds it through `prepare`),
// otherwise the TypeScript sources through tsx, so a checkout works before and after a build.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const built = join(root, "dist", "cli", "main.js");
if (existsSync(built) && !process.env.CONVOSCOPE_FROM_SOURCE) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(join(root, "src", "cli", "main.ts")).href);
}
