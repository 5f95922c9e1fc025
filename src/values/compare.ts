/** A reference release of the values study (the published CSVs) read for comparison and mapping. */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
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
