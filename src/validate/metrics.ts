/**
 * Agreement between gold labels and predictions for one categorical facet: accuracy, per-class
 * precision / recall / F1, macro-F1, Cohen's kappa and the confusion matrix.
 */
import { ranks } from "../analyses/stats.ts";

export interface ClassScores {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** Gold items of this class. */
  support: number;
}

export interface Agreement {
  n: number;
  accuracy: number;
  macroF1: number;
  kappa: number;
  classes: ClassScores[];
  /** confusion[gold][pred] = count, over `labels`. */
  labels: string[];
  confusion: number[][];
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

export function agreement(gold: readonly string[], pred: readonly string[]): Agreement {
  if (gold.length !== pred.length) throw new Error("gold and predictions differ in length");
  const labels = [...new Set([...gold, ...pred])].sort();
  const index = new Map(labels.map((l, i) => [l, i]));
  const confusion = labels.map(() => labels.map(() => 0));
  for (let i = 0; i < gold.length; i++) {
    const row = confusion[index.get(gold[i] as string) as number] as number[];
    const col = index.get(pred[i] as string) as number;
    row[col] = (row[col] ?? 0) + 1;
  }
  const n = gold.length;
  let correct = 0;
  for (let i = 0; i < labels.length; i++) correct += confusion[i]?.[i] ?? 0;
  const classes: ClassScores[] = labels.map((label, i) => {
    const tp = confusion[i]?.[i] ?? 0;
    const goldCount = (confusion[i] ?? []).reduce((a, b) => a + b, 0);
    const predCount = confusion.reduce((a, row) => a + (row[i] ?? 0), 0);
    const precision = predCount === 0 ? 0 : tp / predCount;
    const recall = goldCount === 0 ? 0 : tp / goldCount;
    return { label, precision, recall, f1: f1(precision, recall), support: goldCount };
  });
  const observed = n === 0 ? 0 : correct / n;
  let expected = 0;
  for (let i = 0; i < labels.length; i++) {
    const g = (confusion[i] ?? []).reduce((a, b) => a + b, 0);
    const p = confusion.reduce((a, row) => a + (row[i] ?? 0), 0);
    expected += n === 0 ? 0 : (g / n) * (p / n);
  }
  const kappa = expected === 1 ? (observed === 1 ? 1 : 0) : (observed - expected) / (1 - expected);
  const withSupport = classes.filter((c) => c.support > 0);
  const macroF1 =
    withSupport.length === 0 ? 0 : withSupport.reduce((a, c) => a + c.f1, 0) / withSupport.length;
  return { n, accuracy: observed, macroF1, kappa, classes, labels, confusion };
}

/** Precision, recall and F1 of the positive class of a binary task. */
export function binaryScores(
  gold: readonly boolean[],
  pred: readonly boolean[],
): { precision: number; recall: number; f1: number; n: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < gold.length; i++) {
    if (pred[i] && gold[i]) tp++;
    else if (pred[i]) fp++;
    else if (gold[i]) fn++;
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  return { precision, recall, f1: f1(precision, recall), n: gold.length };
}

/**
 * Area under the ROC curve of a score for a binary label: the chance that a random positive scores
 * above a random negative, ties counting half (Mann-Whitney U over average ranks). Ordinal scores such
 * as concern (1-5) tie often; 0.5 is chance.
 */
export function rocAuc(gold: readonly boolean[], scores: readonly number[]): number {
  const r = ranks(scores);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < gold.length; i++) {
    if (!gold[i]) continue;
    positives++;
    rankSum += r[i] as number;
  }
  const negatives = gold.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
