/**
 * Agreement between two labelings of the same items (clusters vs human topics, or two runs):
 * normalized mutual information (arithmetic-mean normalisation, as scikit-learn's default) and the
 * adjusted Rand index.
 */

interface Contingency {
  n: number;
  table: Map<string, number>;
  rows: Map<string, number>;
  cols: Map<string, number>;
}

function contingency(a: readonly (string | number)[], b: readonly (string | number)[]): Contingency {
  if (a.length !== b.length) throw new Error("labelings differ in length");
  const table = new Map<string, number>();
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  for (let i = 0; i < a.length; i++) {
    const x = String(a[i]);
    const y = String(b[i]);
    const key = `${x}\u0000${y}`;
    table.set(key, (table.get(key) ?? 0) + 1);
    rows.set(x, (rows.get(x) ?? 0) + 1);
    cols.set(y, (cols.get(y) ?? 0) + 1);
  }
  return { n: a.length, table, rows, cols };
}

function entropy(counts: Iterable<number>, n: number): number {
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / n) * Math.log(c / n);
  return h;
}

export function nmi(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  const { n, table, rows, cols } = contingency(a, b);
  if (n === 0) return 0;
  let mi = 0;
  for (const [key, c] of table) {
    const [x, y] = key.split("\u0000") as [string, string];
    mi += (c / n) * Math.log((c * n) / ((rows.get(x) as number) * (cols.get(y) as number)));
  }
  const ha = entropy(rows.values(), n);
  const hb = entropy(cols.values(), n);
  if (ha === 0 && hb === 0) return 1;
  const denom = (ha + hb) / 2;
  return denom === 0 ? 0 : Math.max(0, mi / denom);
}

const pairs = (k: number) => (k * (k - 1)) / 2;

export function adjustedRand(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  const { n, table, rows, cols } = contingency(a, b);
  let index = 0;
  for (const c of table.values()) index += pairs(c);
  let sumRows = 0;
  for (const c of rows.values()) sumRows += pairs(c);
  let sumCols = 0;
  for (const c of cols.values()) sumCols += pairs(c);
  const expected = (sumRows * sumCols) / pairs(n);
  const max = (sumRows + sumCols) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}
