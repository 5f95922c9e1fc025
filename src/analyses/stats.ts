/** The few statistics the analyses need, with seeded randomness so reruns print the same intervals. */

/** A small, fast, seedable PRNG (mulberry32): uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Interval {
  p: number;
  lo: number;
  hi: number;
}

/** Wilson score interval for a proportion k/n (better than the normal interval near 0 and 1). */
export function wilson(k: number, n: number, z = 1.96): Interval {
  if (n === 0) return { p: 0, lo: 0, hi: 0 };
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { p, lo: Math.max(0, centre - half), hi: Math.min(1, centre + half) };
}

export interface MeanInterval {
  mean: number;
  lo: number;
  hi: number;
}

/** Percentile bootstrap interval of the mean (default 1,000 resamples, 95%), seeded. */
export function bootstrapMean(
  values: readonly number[],
  options: { resamples?: number; seed?: number; level?: number } = {},
): MeanInterval {
  const n = values.length;
  if (n === 0) return { mean: Number.NaN, lo: Number.NaN, hi: Number.NaN };
  const resamples = options.resamples ?? 1000;
  const level = options.level ?? 0.95;
  const rand = mulberry32(options.seed ?? 42);
  let sum = 0;
  for (const v of values) sum += v;
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += values[Math.floor(rand() * n)] as number;
    means[r] = s / n;
  }
  means.sort();
  const tail = (1 - level) / 2;
  const at = (q: number) =>
    means[Math.min(resamples - 1, Math.max(0, Math.round(q * (resamples - 1))))] as number;
  return { mean: sum / n, lo: at(tail), hi: at(1 - tail) };
}

/** Average ranks (ties share the mean rank), 1-based. */
export function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(values.length);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]?.[0] === order[i]?.[0]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[order[k]?.[1] as number] = rank;
    i = j + 1;
  }
  return out;
}

export function pearson(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  if (n !== b.length || n < 2) return Number.NaN;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] as number;
    mb += b[i] as number;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = (a[i] as number) - ma;
    const db = (b[i] as number) - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa === 0 || sbb === 0 ? Number.NaN : sab / Math.sqrt(saa * sbb);
}

/** Spearman rank correlation (Pearson on average ranks, so ties are handled). */
export function spearman(a: readonly number[], b: readonly number[]): number {
  return pearson(ranks(a), ranks(b));
}
