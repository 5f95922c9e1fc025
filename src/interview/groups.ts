/**
 * Groups of participants to compare (`--group-by COLUMN|file`: workforce vs creatives vs
 * scientists), and the test of difference the comparison uses: Pearson's chi-square test of
 * independence on the groups x (has it, has not) table — for two groups the square of the
 * two-proportion z-test — with Holm's step-down correction across every comparison a report makes.
 */
import { basename } from "node:path";
import { gammaln } from "simple-statistics";
import type { Conversation } from "../types.ts";

/** "file" groups by input file (its name without extensions); any other value names a column. */
export const GROUP_BY_FILE = "file";

export function groupOf(conversation: Conversation, groupBy: string | undefined): string | null {
  if (!groupBy) return null;
  if (groupBy === GROUP_BY_FILE) return basename(conversation.source.file).replace(/(\.[A-Za-z0-9]+)+$/, "");
  const value = conversation.meta[groupBy];
  if (value === undefined || value === null) return null;
  const text = String(value).trim();
  return text.length > 0 ? text : null;
}

export interface Proportion {
  /** Participants with the label in the group. */
  k: number;
  /** Participants in the group. */
  n: number;
}

export interface ChiSquare {
  statistic: number;
  df: number;
  p: number;
  /** The smallest expected cell count: below 5 the chi-square approximation is rough. */
  minExpected: number;
}

/** Chi-square test of independence of groups and the label (a G x 2 table). */
export function chiSquareTest(groups: readonly Proportion[]): ChiSquare {
  const used = groups.filter((g) => g.n > 0);
  const n = used.reduce((a, g) => a + g.n, 0);
  const k = used.reduce((a, g) => a + g.k, 0);
  const df = used.length - 1;
  if (df < 1 || k === 0 || k === n) return { statistic: 0, df: Math.max(df, 0), p: 1, minExpected: 0 };
  let statistic = 0;
  let minExpected = Number.POSITIVE_INFINITY;
  for (const g of used) {
    const yes = (g.n * k) / n;
    const no = g.n - yes;
    minExpected = Math.min(minExpected, yes, no);
    statistic += (g.k - yes) ** 2 / yes + (g.n - g.k - no) ** 2 / no;
  }
  return { statistic, df, p: chiSquareSurvival(statistic, df), minExpected };
}

/** P(X >= x) for X ~ chi-square(df): the regularised upper incomplete gamma Q(df/2, x/2). */
export function chiSquareSurvival(x: number, df: number): number {
  if (x <= 0) return 1;
  return upperGamma(df / 2, x / 2);
}

/** Q(a, x) by its series below a + 1 and its continued fraction above (Numerical Recipes 6.2). */
function upperGamma(a: number, x: number): number {
  const lnPrefix = -x + a * Math.log(x) - gammaln(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 500; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return Math.max(0, 1 - sum * Math.exp(lnPrefix));
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 500; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return Math.min(1, Math.exp(lnPrefix) * h);
}

/** Holm's step-down adjusted p-values (family-wise error control), in the input order. */
export function holm(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const adjusted = new Array<number>(m);
  let running = 0;
  for (const [rank, [p, i]] of order.entries()) {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  }
  return adjusted;
}
