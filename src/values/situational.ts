/**
 * Situational values (METHODS.md section 3): which values appear disproportionately in a context
 * (an affective type, a topic, a human value). For a value x context table of counts: Pearson's
 * chi-square test of independence, and per cell the adjusted (standardised) Pearson residual
 *
 *   r_ij = (O_ij - E_ij) / sqrt(E_ij (1 - R_i / N) (1 - C_j / N)),   E_ij = R_i C_j / N,
 *
 * which is standard normal under independence (Haberman 1973; Agresti, Categorical Data Analysis,
 * 2.4.5), with a two-sided p-value per cell, Bonferroni-corrected for the number of cells tested.
 */
import { chiSquareUpperTail, normalUpperTail } from "../analyses/stats.ts";

export interface ContingencyResult {
  rows: number;
  columns: number;
  n: number;
  chiSquare: number;
  df: number;
  p: number;
  /** expected[i][j] = R_i C_j / N. */
  expected: number[][];
  /** Adjusted Pearson residuals (NaN where a row or column is empty or is everything). */
  residuals: number[][];
}

/** Chi-square test of independence with adjusted residuals for a table of counts (rows x columns). */
export function contingency(table: readonly (readonly number[])[]): ContingencyResult {
  const r = table.length;
  const c = table[0]?.length ?? 0;
  const rowSums = table.map((row) => row.reduce((a, b) => a + b, 0));
  const colSums = Array.from({ length: c }, (_, j) => table.reduce((a, row) => a + (row[j] ?? 0), 0));
  const n = rowSums.reduce((a, b) => a + b, 0);
  const expected = table.map((_, i) =>
    colSums.map((cj) => (n === 0 ? 0 : ((rowSums[i] as number) * cj) / n)),
  );
  let chiSquare = 0;
  const residuals = table.map((row, i) =>
    row.map((o, j) => {
      const e = expected[i]?.[j] as number;
      if (e > 0) chiSquare += (o - e) ** 2 / e;
      const v = e * (1 - (rowSums[i] as number) / n) * (1 - (colSums[j] as number) / n);
      return v > 0 ? (o - e) / Math.sqrt(v) : Number.NaN;
    }),
  );
  const usedRows = rowSums.filter((s) => s > 0).length;
  const usedCols = colSums.filter((s) => s > 0).length;
  const df = Math.max(0, (usedRows - 1) * (usedCols - 1));
  return {
    rows: r,
    columns: c,
    n,
    chiSquare,
    df,
    p: df > 0 ? chiSquareUpperTail(chiSquare, df) : 1,
    expected,
    residuals,
  };
}

export interface SituationalCell {
  row: string;
  column: string;
  observed: number;
  expected: number;
  residual: number;
  /** Two-sided p-value of the residual, times the number of cells tested (at most 1). */
  pBonferroni: number;
}

export interface SituationalResult extends Omit<ContingencyResult, "expected" | "residuals"> {
  /** Over-represented cells (positive residual, significant after Bonferroni), largest residual first per column. */
  over: SituationalCell[];
  /** Cells tested (the Bonferroni factor). */
  tested: number;
}

/**
 * The values over-represented in each context: cells with a positive adjusted residual whose
 * Bonferroni-corrected two-sided p-value is below `alpha`, at most `perColumn` per context.
 */
export function situational(
  rowNames: readonly string[],
  columnNames: readonly string[],
  table: readonly (readonly number[])[],
  o: {
    alpha?: number;
    perColumn?: number;
    /**
     * Each cell against its own 2x2 table (the row or not, the column or not) over `n` units, with
     * these margins: for tables whose rows or columns overlap (a conversation with several values
     * or contexts), and so that a cell's expected count and residual are functions of released
     * counts only (the row's, the column's, n) rather than of the whole table's hidden cells.
     */
    margins?: { rows: readonly number[]; columns: readonly number[]; n: number };
  } = {},
): SituationalResult {
  const alpha = o.alpha ?? 0.05;
  const result = contingency(table);
  if (o.margins) {
    const { rows, columns, n } = o.margins;
    result.expected = table.map((_, i) => columns.map((c) => (n === 0 ? 0 : ((rows[i] as number) * c) / n)));
    result.residuals = table.map((row, i) =>
      row.map((obs, j) => {
        const e = result.expected[i]?.[j] as number;
        const v = e * (1 - (rows[i] as number) / n) * (1 - (columns[j] as number) / n);
        return v > 0 ? (obs - e) / Math.sqrt(v) : Number.NaN;
      }),
    );
  }
  const tested = result.residuals.flat().filter((x) => Number.isFinite(x)).length;
  const over: SituationalCell[] = [];
  for (const [j, column] of columnNames.entries()) {
    const cells: SituationalCell[] = [];
    for (const [i, row] of rowNames.entries()) {
      const residual = result.residuals[i]?.[j] as number;
      if (!Number.isFinite(residual) || residual <= 0) continue;
      const pBonferroni = Math.min(1, 2 * normalUpperTail(residual) * tested);
      if (pBonferroni >= alpha) continue;
      cells.push({
        row,
        column,
        observed: table[i]?.[j] as number,
        expected: result.expected[i]?.[j] as number,
        residual,
        pBonferroni,
      });
    }
    cells.sort((a, b) => b.residual - a.residual || (a.row < b.row ? -1 : 1));
    over.push(...cells.slice(0, o.perColumn ?? Number.POSITIVE_INFINITY));
  }
  const { expected: _e, residuals: _r, ...rest } = result;
  return { ...rest, over, tested };
}
