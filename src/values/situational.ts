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

/** Upper tail of the standard normal, accurate to ~1e-15 relative also far in the tail. */
export function normalUpperTail(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/** Complementary error function: the Chebyshev fit of Numerical Recipes (3rd ed., 6.2.2), relative error < 1.2e-16. */
export function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x);
  const cof = [
    -1.3026537197817094, 0.6419697923564902, 1.9476473204185836e-2, -9.561514786808631e-3,
    -9.46595344482036e-4, 3.66839497852761e-4, 4.2523324806907e-5, -2.0278578112534e-5, -1.624290004647e-6,
    1.30365583558e-6, 1.5626441722e-8, -8.5238095915e-8, 6.529054439e-9, 5.059343495e-9, -9.91364156e-10,
    -2.27365122e-10, 9.6467911e-11, 2.394038e-12, -6.886027e-12, 8.94487e-13, 3.13092e-13, -1.12708e-13,
    3.81e-16, 7.106e-15, -1.523e-15, -9.4e-17, 1.21e-16, -2.8e-17,
  ];
  const t = 2 / (2 + x);
  const ty = 4 * t - 2;
  let d = 0;
  let dd = 0;
  for (let j = cof.length - 1; j > 0; j--) {
    const tmp = d;
    d = ty * d - dd + (cof[j] as number);
    dd = tmp;
  }
  return t * Math.exp(-x * x + 0.5 * ((cof[0] as number) + ty * d) - dd);
}

/** ln Gamma (Lanczos, g = 7, n = 9). */
function logGamma(x: number): number {
  const g = [
    0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406,
    12.507343278686905, -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const xx = x - 1;
  let a = g[0] as number;
  const t = xx + 7.5;
  for (let i = 1; i < 9; i++) a += (g[i] as number) / (xx + i);
  return 0.5 * Math.log(2 * Math.PI) + (xx + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularised upper incomplete gamma Q(a, x) (series below a + 1, continued fraction above). */
export function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  const lead = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 10_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    return Math.max(0, 1 - sum * Math.exp(lead));
  }
  // Lentz's continued fraction for Q.
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(lead) * h;
}

/** P(X >= x) for a chi-square variable with `df` degrees of freedom. */
export function chiSquareUpperTail(x: number, df: number): number {
  return gammaQ(df / 2, x / 2);
}

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
