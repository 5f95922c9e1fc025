/**
 * `npm run eval`: scores convoscope against the real, human-labelled datasets in ../shared/data
 * (or $CONVOSCOPE_DATA). Datasets are read in place, never copied. Prints one table and exits 7
 * when any metric is on the wrong side of its floor in eval/floors.json.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Metric, Suite } from "./metric.ts";
import { SUITES } from "./suites/index.ts";

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = resolve(process.env.CONVOSCOPE_DATA ?? join(here, "..", "..", "shared", "data"));
type Floor = { min?: number; max?: number };
const floors: Record<string, Floor> = JSON.parse(readFileSync(join(here, "floors.json"), "utf8"));

function fmt(x: number | undefined): string {
  if (x === undefined || Number.isNaN(x)) return "";
  return Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(3);
}

async function main(): Promise<void> {
  if (!existsSync(dataDir)) {
    console.error(`eval: no data folder at ${dataDir} (set CONVOSCOPE_DATA); nothing to evaluate`);
    process.exit(0);
  }
  const only = process.argv.slice(2);
  const suites: Suite[] = SUITES.filter((s) => only.length === 0 || only.includes(s.name));
  const rows: Metric[] = [];
  for (const suite of suites) {
    const missing = suite.needs.filter((d) => !existsSync(join(dataDir, d)));
    if (missing.length > 0) {
      console.error(`eval: skipping ${suite.name}: missing ${missing.join(", ")}`);
      continue;
    }
    const t0 = performance.now();
    const metrics = await suite.run(dataDir);
    console.error(`eval: ${suite.name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    rows.push(...metrics);
  }
  let passed = 0;
  let failed = 0;
  const header = ["metric", "split", "n", "value", "baseline", "floor", "status", "note"];
  const table: string[][] = [header];
  for (const m of rows) {
    const key = `${m.suite}/${m.name}`;
    const floor = floors[key];
    let status = "";
    let floorText = "";
    if (floor) {
      const ok =
        (floor.min === undefined || m.value >= floor.min) &&
        (floor.max === undefined || m.value <= floor.max);
      status = ok ? "ok" : "BELOW FLOOR";
      floorText = floor.min !== undefined ? `>= ${floor.min}` : `<= ${floor.max}`;
      if (ok) passed++;
      else failed++;
    }
    table.push([
      key,
      m.split ?? "",
      m.n?.toString() ?? "",
      fmt(m.value),
      fmt(m.baseline),
      floorText,
      status,
      m.note ?? "",
    ]);
  }
  const widths = header.map((_, i) => Math.max(...table.map((r) => (r[i] ?? "").length)));
  for (const r of table)
    console.log(
      r
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join("  ")
        .trimEnd(),
    );
  // A floor of a suite that ran but reported no such metric is a renamed or lost metric: say so.
  const ran = new Set(rows.map((m) => m.suite));
  const unknown = Object.keys(floors).filter(
    (k) => ran.has(k.split("/")[0] ?? "") && !rows.some((m) => `${m.suite}/${m.name}` === k),
  );
  for (const k of unknown) {
    console.log(`${k}: MISSING (it has a floor but the suite no longer reports it)`);
    failed++;
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 7 : 0);
}

await main();
