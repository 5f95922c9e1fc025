/**
 * Groups of participants to compare (`--group-by COLUMN|file`: workforce vs creatives vs
 * scientists), and the test of difference the comparison uses: Pearson's chi-square test of
 * independence on the groups x (has it, has not) table — for two groups the square of the
 * two-proportion z-test — with Holm's step-down correction across every comparison a report makes.
 */
import { basename } from "node:path";
import { chiSquareUpperTail } from "../analyses/stats.ts";
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
  return { statistic, df, p: chiSquareUpperTail(statistic, df), minExpected };
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
