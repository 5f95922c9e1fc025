/**
 * `convoscope validate --gold GOLD.jsonl --pred FACETS.jsonl [--facet NAME]`: how well predicted facets
 * agree with labels a person gave. Gold lines are `{id, <facet>: value, ...}`; predictions are
 * facets.jsonl records. Items are matched by id; gold items without a prediction are counted as missing.
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { ConvoscopeError, EXIT } from "../errors.ts";
import { type Agreement, agreement, binaryScores } from "./metrics.ts";

export interface LabelScores {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface FacetValidation {
  facet: string;
  /** Gold items that had a prediction. */
  n: number;
  missing: number;
  /** Single-valued facets (booleans, categories, levels). */
  agreement?: Agreement;
  /** Multi-label facets (arrays): one binary score per label, and the share of exact set matches. */
  labels?: LabelScores[];
  exactMatch?: number;
}

async function readJsonl(path: string): Promise<{ line: number; value: Record<string, unknown> }[]> {
  const out: { line: number; value: Record<string, unknown> }[] = [];
  let line = 0;
  const lines = createInterface({
    input: createReadStream(path, "utf8"),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  try {
    for await (const text of lines) {
      line++;
      if (text.trim() === "") continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw new ConvoscopeError(`${path}:${line}: not valid JSON`, EXIT.input);
      }
      if (!value || typeof value !== "object" || typeof (value as { id?: unknown }).id !== "string") {
        throw new ConvoscopeError(`${path}:${line}: expected an object with a string "id"`, EXIT.input);
      }
      out.push({ line, value: value as Record<string, unknown> });
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT")
      throw new ConvoscopeError(`${path}: no such file`, EXIT.input);
    throw error;
  }
  return out;
}

function asLabel(v: unknown): string {
  if (v === null || v === undefined) return "null";
  return typeof v === "object" ? JSON.stringify(v) : String(v);
}

export function scoreFacet(facet: string, pairs: [unknown, unknown][], missing: number): FacetValidation {
  const multi = pairs.some(([g]) => Array.isArray(g));
  if (!multi) {
    return {
      facet,
      n: pairs.length,
      missing,
      agreement: agreement(
        pairs.map(([g]) => asLabel(g)),
        pairs.map(([, p]) => asLabel(p)),
      ),
    };
  }
  const sets = pairs.map(
    ([g, p]) => [new Set((g as unknown[] | null) ?? []), new Set((p as unknown[] | null) ?? [])] as const,
  );
  const all = [...new Set(sets.flatMap(([g, p]) => [...g, ...p]))].map(String).sort();
  const labels = all.map((label) => {
    const s = binaryScores(
      sets.map(([g]) => g.has(label)),
      sets.map(([, p]) => p.has(label)),
    );
    return {
      label,
      precision: s.precision,
      recall: s.recall,
      f1: s.f1,
      support: sets.filter(([g]) => g.has(label)).length,
    };
  });
  const exact = sets.filter(([g, p]) => g.size === p.size && [...g].every((x) => p.has(x))).length;
  return {
    facet,
    n: pairs.length,
    missing,
    labels,
    exactMatch: pairs.length === 0 ? 0 : exact / pairs.length,
  };
}

export async function validateFacets(
  goldPath: string,
  predPath: string,
  onlyFacet?: string,
): Promise<FacetValidation[]> {
  const gold = await readJsonl(goldPath);
  const pred = new Map((await readJsonl(predPath)).map((r) => [r.value.id as string, r.value]));
  const facets = onlyFacet
    ? [onlyFacet]
    : [...new Set(gold.flatMap((g) => Object.keys(g.value)))].filter((k) => k !== "id");
  if (facets.length === 0)
    throw new ConvoscopeError(`${goldPath}: gold lines name no facet besides "id"`, EXIT.input);
  return facets.map((facet) => {
    const pairs: [unknown, unknown][] = [];
    let missing = 0;
    for (const g of gold) {
      if (!(facet in g.value)) continue;
      const p = pred.get(g.value.id as string);
      if (!p) {
        missing++;
        continue;
      }
      if (!(facet in p))
        throw new ConvoscopeError(`${predPath}: records have no facet "${facet}"`, EXIT.input);
      pairs.push([g.value[facet], p[facet]]);
    }
    return scoreFacet(facet, pairs, missing);
  });
}

const f = (x: number) => x.toFixed(3);

/** A plain-text table per facet, as `convoscope validate` prints it. */
export function formatValidation(results: FacetValidation[]): string {
  const out: string[] = [];
  for (const r of results) {
    out.push(
      `facet ${r.facet}: n = ${r.n}${r.missing ? ` (${r.missing} gold items without a prediction)` : ""}`,
    );
    if (r.agreement) {
      const a = r.agreement;
      out.push(`  accuracy ${f(a.accuracy)}  macro-F1 ${f(a.macroF1)}  Cohen's kappa ${f(a.kappa)}`);
      out.push("  class                 precision  recall     F1  support");
      for (const c of a.classes)
        out.push(
          `  ${c.label.padEnd(20)}  ${f(c.precision).padStart(9)}  ${f(c.recall).padStart(6)}  ${f(c.f1)}  ${String(c.support).padStart(7)}`,
        );
      out.push(`  confusion (rows gold, columns predicted): ${a.labels.join(" | ")}`);
      for (const [i, row] of a.confusion.entries())
        out.push(`  ${(a.labels[i] ?? "").padEnd(20)}  ${row.map((x) => String(x).padStart(5)).join(" ")}`);
    } else if (r.labels) {
      out.push(`  exact set match ${f(r.exactMatch ?? 0)}`);
      out.push("  label                 precision  recall     F1  support");
      for (const c of r.labels)
        out.push(
          `  ${c.label.padEnd(20)}  ${f(c.precision).padStart(9)}  ${f(c.recall).padStart(6)}  ${f(c.f1)}  ${String(c.support).padStart(7)}`,
        );
    }
  }
  return out.join("\n");
}
