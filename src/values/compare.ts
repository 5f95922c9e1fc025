/**
 * Releases of the values study in the published format (`values_frequencies.csv`, `values_tree.csv`):
 * read (a reference such as Anthropic/values-in-the-wild, or another study), and compared side by
 * side with a rank correlation over the values both contain (`convoscope compare-values`).
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { spearman } from "../analyses/stats.ts";
import { ConvoscopeError, EXIT } from "../errors.ts";

export interface ReferenceNode {
  cluster_id: string;
  description: string;
  name: string;
  level: number;
  parent_cluster_id: string | null;
  pct_total_occurrences: number;
}

export interface Reference {
  /** value -> pct_convos (percent, as published). */
  frequencies: Map<string, number>;
  tree: ReferenceNode[];
}

function csv(path: string): Record<string, string>[] {
  if (!existsSync(path)) throw new ConvoscopeError(`${path} does not exist`, EXIT.input);
  return parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
}

/** Reads `values_frequencies.csv` and `values_tree.csv` from a folder, or the two given files. */
export function readReference(path: string): Reference {
  const folder = existsSync(path) && statSync(path).isDirectory();
  return {
    frequencies: folder ? readFrequencies(join(path, "values_frequencies.csv")) : new Map(),
    tree: folder ? readTree(join(path, "values_tree.csv")) : [],
  };
}

export function readFrequencies(path: string): Map<string, number> {
  return new Map(csv(path).map((r) => [String(r.value), Number(r.pct_convos)]));
}

export function readTree(path: string): ReferenceNode[] {
  return csv(path).map((r) => ({
    cluster_id: String(r.cluster_id),
    description: r.description ?? "",
    name: String(r.name),
    level: Number(r.level),
    parent_cluster_id: r.parent_cluster_id ? r.parent_cluster_id : null,
    pct_total_occurrences: Number(r.pct_total_occurrences),
  }));
}

export interface LevelShare {
  name: string;
  pct: number;
}

export interface ValueShareRow {
  value: string;
  pct_convos: number;
}

export interface ValuesRelease {
  frequencies: ValueShareRow[];
  /** The top level of the tree (share of value mentions, percent). */
  topLevel: LevelShare[];
}

export interface ValuesComparison {
  ours: ValuesRelease;
  reference: ValuesRelease;
  /** Values both releases contain. */
  shared: number;
  onlyOurs: number;
  onlyReference: number;
  /** Spearman rank correlation of pct_convos over the shared values (NaN below 2). */
  spearman: number;
  /** Top-level names both trees use (a study placed in the reference taxonomy shares them all). */
  sharedTopLevel: number;
}

function headerOf(path: string): string[] {
  const first = readFileSync(path, "utf8").split(/\r?\n/, 1)[0] ?? "";
  return first
    .replace(/^\uFEFF/, "")
    .split(",")
    .map((c) => c.trim());
}

/** A release's two CSVs from a study folder, a release folder, a folder of CSVs, or the files themselves. */
export function readValuesRelease(paths: readonly string[]): ValuesRelease {
  const files: string[] = [];
  for (const p of paths) {
    if (!existsSync(p)) throw new ConvoscopeError(`${p} does not exist`, EXIT.input);
    if (statSync(p).isDirectory()) {
      const dir = existsSync(join(p, "release", "values_frequencies.csv")) ? join(p, "release") : p;
      for (const name of ["values_frequencies.csv", "values_tree.csv"])
        if (existsSync(join(dir, name))) files.push(join(dir, name));
    } else files.push(p);
  }
  let frequencies: ValueShareRow[] | null = null;
  let tree: ReferenceNode[] | null = null;
  for (const f of files) {
    const header = headerOf(f);
    if (header.includes("pct_convos") && header.includes("value"))
      frequencies = [...readFrequencies(f)].map(([value, pct_convos]) => ({ value, pct_convos }));
    else if (header.includes("cluster_id") && header.includes("pct_total_occurrences")) tree = readTree(f);
    else
      throw new ConvoscopeError(
        `${f}: neither values_frequencies.csv (value,pct_convos) nor values_tree.csv columns`,
        EXIT.input,
      );
  }
  if (!frequencies)
    throw new ConvoscopeError(
      `no values_frequencies.csv (value,pct_convos) in ${paths.join(", ")}`,
      EXIT.input,
    );
  const top = tree ? Math.max(...tree.map((n) => n.level)) : -1;
  return {
    frequencies: frequencies.sort((a, b) => b.pct_convos - a.pct_convos || (a.value < b.value ? -1 : 1)),
    topLevel: (tree ?? [])
      .filter((n) => n.level === top && top > 0)
      .map((n) => ({ name: n.name, pct: n.pct_total_occurrences }))
      .sort((a, b) => b.pct - a.pct),
  };
}

export function compareValues(ours: ValuesRelease, reference: ValuesRelease): ValuesComparison {
  const ref = new Map(reference.frequencies.map((r) => [r.value, r.pct_convos]));
  const mine = new Map(ours.frequencies.map((r) => [r.value, r.pct_convos]));
  const shared = ours.frequencies.filter((r) => ref.has(r.value));
  const refTop = new Set(reference.topLevel.map((t) => t.name));
  return {
    ours,
    reference,
    shared: shared.length,
    onlyOurs: ours.frequencies.length - shared.length,
    onlyReference: reference.frequencies.filter((r) => !mine.has(r.value)).length,
    spearman:
      shared.length < 2
        ? Number.NaN
        : spearman(
            shared.map((r) => r.pct_convos),
            shared.map((r) => ref.get(r.value) as number),
          ),
    sharedTopLevel: ours.topLevel.filter((t) => refTop.has(t.name)).length,
  };
}

const fmt = (x: number | undefined) => (x === undefined ? "-" : `${x.toFixed(1)}%`);

/** Side by side, for the terminal. */
export function formatComparison(c: ValuesComparison, top = 15): string {
  const lines: string[] = [];
  const ref = new Map(c.reference.frequencies.map((r) => [r.value, r.pct_convos]));
  const mine = new Map(c.ours.frequencies.map((r) => [r.value, r.pct_convos]));
  const pad = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s.padEnd(n));
  lines.push("Top-level groups (share of value mentions)");
  lines.push(`  ${pad("this study", 44)} ${"".padStart(7)}   ${pad("reference", 40)}`);
  const rows = Math.max(c.ours.topLevel.length, c.reference.topLevel.length);
  for (let i = 0; i < rows; i++) {
    const o = c.ours.topLevel[i];
    const r = c.reference.topLevel[i];
    lines.push(
      `  ${pad(o?.name ?? "", 44)} ${(o ? fmt(o.pct) : "").padStart(7)}   ${pad(r?.name ?? "", 40)} ${(r ? fmt(r.pct) : "").padStart(7)}`,
    );
  }
  lines.push("", `Top values (share of subjective conversations): this study | reference`);
  lines.push(
    `  ${pad("value", 28)} ${"ours".padStart(7)} ${"ref".padStart(7)}   ${pad("value", 28)} ${"ref".padStart(7)} ${"ours".padStart(7)}`,
  );
  for (let i = 0; i < top; i++) {
    const o = c.ours.frequencies[i];
    const r = c.reference.frequencies[i];
    if (!o && !r) break;
    const left = o
      ? `${pad(o.value, 28)} ${fmt(o.pct_convos).padStart(7)} ${fmt(ref.get(o.value)).padStart(7)}`
      : "".padEnd(44);
    const right = r
      ? `${pad(r.value, 28)} ${fmt(r.pct_convos).padStart(7)} ${fmt(mine.get(r.value)).padStart(7)}`
      : "";
    lines.push(`  ${left}   ${right}`);
  }
  lines.push(
    "",
    `Values in both releases: ${c.shared} (only this study: ${c.onlyOurs}; only the reference: ${c.onlyReference})`,
    `Spearman rank correlation of pct_convos over them: ${Number.isNaN(c.spearman) ? "n/a (fewer than 2)" : c.spearman.toFixed(3)}`,
  );
  if (c.ours.topLevel.length > 0)
    lines.push(
      `Top-level groups named as in the reference: ${c.sharedTopLevel} of ${c.ours.topLevel.length}`,
    );
  return lines.join("\n");
}
