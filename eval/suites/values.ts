/**
 * The offline values facet against hand labels (issue: values in the wild). The labels
 * (test/data/values/values-labels.jsonl, ids and labels only; how they were made: LABELLING.md)
 * name, for 80 assistant replies from four shared datasets, the values each reply expresses, its
 * response type and whether the exchange is subjective. Reported per split: micro precision/recall/F1
 * over (item, value) pairs, per-value P/R for values with enough support, response-type accuracy,
 * subjective accuracy. Then, on whole real datasets: the subjective share, and the most frequent
 * values next to the published shares with a rank correlation over the values both contain.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { spearman } from "../../src/analyses/stats.ts";
import { adjustedRand, nmi } from "../../src/cluster/agreement.ts";
import { HashedTfidfEmbedder } from "../../src/embed/hashed-tfidf.ts";
import { extractOfflineFacets } from "../../src/facets/index.ts";
import type { FacetRecord } from "../../src/types.ts";
import { agreement } from "../../src/validate/metrics.ts";
import { readReference } from "../../src/values/compare.ts";
import { CooccurrenceCounter } from "../../src/values/cooccurrence.ts";
import { countsForValues, valueFrequencies } from "../../src/values/frequencies.ts";
import { ancestors, buildTaxonomy } from "../../src/values/taxonomy.ts";
import { loadEsconv } from "../datasets/esconv.ts";
import { loadHh } from "../datasets/hh-rlhf.ts";
import { loadValueItems } from "../datasets/values-items.ts";
import { loadXstest } from "../datasets/xstest.ts";
import type { Metric, Suite } from "../metric.ts";

const SUITE = "values";
const here = dirname(fileURLToPath(import.meta.url));
const LABELS = join(here, "..", "..", "test", "data", "values", "values-labels.jsonl");
/** Per-value rows are printed for values with at least this many gold items in a split. */
const MIN_SUPPORT = 4;

export interface ValueLabel {
  id: string;
  split: "dev" | "heldout";
  subjective: boolean;
  values_ai: string[];
  value_response: string;
}

export function readValueLabels(path = LABELS): ValueLabel[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as ValueLabel);
}

export interface ValueScores {
  n: number;
  precision: number;
  recall: number;
  f1: number;
  perValue: { value: string; tp: number; fp: number; fn: number; precision: number; recall: number }[];
  responseAccuracy: number;
  subjectiveAccuracy: number;
}

/** Micro and per-value scores of predicted records against labels (same order). */
export function scoreValues(labels: readonly ValueLabel[], records: readonly FacetRecord[]): ValueScores {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const c = (v: string) => {
    let x = counts.get(v);
    if (!x) {
      x = { tp: 0, fp: 0, fn: 0 };
      counts.set(v, x);
    }
    return x;
  };
  let responseRight = 0;
  let subjectiveRight = 0;
  for (const [i, label] of labels.entries()) {
    const r = records[i] as FacetRecord;
    const pred = new Set(r.values_ai ?? []);
    const gold = new Set(label.values_ai);
    for (const v of pred) gold.has(v) ? c(v).tp++ : c(v).fp++;
    for (const v of gold) if (!pred.has(v)) c(v).fn++;
    if (r.value_response === label.value_response) responseRight++;
    if (r.subjective === label.subjective) subjectiveRight++;
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const x of counts.values()) {
    tp += x.tp;
    fp += x.fp;
    fn += x.fn;
  }
  const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return {
    n: labels.length,
    precision,
    recall,
    f1: ratio(2 * precision * recall, precision + recall),
    perValue: [...counts.entries()]
      .map(([value, x]) => ({
        value,
        ...x,
        precision: ratio(x.tp, x.tp + x.fp),
        recall: ratio(x.tp, x.tp + x.fn),
      }))
      .sort((a, b) => b.tp + b.fn - (a.tp + a.fn) || (a.value < b.value ? -1 : 1)),
    responseAccuracy: ratio(responseRight, labels.length),
    subjectiveAccuracy: ratio(subjectiveRight, labels.length),
  };
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

export const valuesSuite: Suite = {
  name: SUITE,
  needs: ["esconv", "xstest", "counsel_chat", "hh_rlhf", "values_in_the_wild"],
  async run(dataDir) {
    const metrics: Metric[] = [];
    const labels = readValueLabels();
    const items = loadValueItems(dataDir);
    const missing = labels.filter((l) => !items.has(l.id));
    if (missing.length > 0)
      throw new Error(`values labels refer to unknown items: ${missing.map((l) => l.id).join(", ")}`);
    const records = labels.map((l) => extractOfflineFacets(items.get(l.id)?.conversation as never));

    for (const split of ["dev", "heldout"] as const) {
      const idx = labels.flatMap((l, i) => (l.split === split ? [i] : []));
      const s = scoreValues(
        idx.map((i) => labels[i] as ValueLabel),
        idx.map((i) => records[i] as FacetRecord),
      );
      metrics.push(
        { suite: SUITE, name: `micro_precision_${split}`, split, n: s.n, value: s.precision },
        { suite: SUITE, name: `micro_recall_${split}`, split, n: s.n, value: s.recall },
        { suite: SUITE, name: `micro_f1_${split}`, split, n: s.n, value: s.f1 },
        {
          suite: SUITE,
          name: `response_accuracy_${split}`,
          split,
          n: s.n,
          value: s.responseAccuracy,
          note: "seven-level response type",
        },
        { suite: SUITE, name: `subjective_accuracy_${split}`, split, n: s.n, value: s.subjectiveAccuracy },
      );
      for (const v of s.perValue) {
        if (v.tp + v.fn < MIN_SUPPORT) continue;
        metrics.push({
          suite: SUITE,
          name: `value_${split}_${v.value.replaceAll(/[^a-z]+/g, "_")}`,
          split,
          n: v.tp + v.fn,
          value: v.recall,
          note: `recall; precision ${v.precision.toFixed(3)} (tp ${v.tp}, fp ${v.fp}, fn ${v.fn})`,
        });
      }
    }
    const response = agreement(
      labels.map((l) => l.value_response),
      records.map((r) => r.value_response ?? "null"),
    );
    metrics.push({
      suite: SUITE,
      name: "response_kappa",
      split: "all",
      n: response.n,
      value: response.kappa,
      note: `macro-F1 ${response.macroF1.toFixed(3)}`,
    });

    // Whole real datasets: how much is subjective, and which values the offline engine finds.
    const sets: [string, FacetRecord[]][] = [
      ["xstest", loadXstest(dataDir).map((x) => extractOfflineFacets(x.conversation))],
      ["hh", loadHh(dataDir).map((c) => extractOfflineFacets(c))],
      ["esconv", loadEsconv(dataDir).map((d) => extractOfflineFacets(d.conversation))],
      [
        "counselchat",
        [...items.values()]
          .filter((it) => it.source === "counsel")
          .map((it) => extractOfflineFacets(it.conversation)),
      ],
    ];
    for (const [name, recs] of sets) {
      metrics.push({
        suite: SUITE,
        name: `subjective_share_${name}`,
        split: "all",
        n: recs.length,
        value: recs.filter((r) => r.subjective).length / Math.max(1, recs.length),
        note:
          name === "esconv" || name === "counselchat"
            ? "all value-laden: expect ~1"
            : "the study kept 44% of real traffic",
      });
    }
    const reference = readReference(join(dataDir, "values_in_the_wild"));
    const all = sets.flatMap(([, recs]) => recs);
    const ours = valueFrequencies(all);
    const shared = ours.filter((v) => reference.frequencies.has(v.value));
    const rho = spearman(
      shared.map((v) => v.share),
      shared.map((v) => reference.frequencies.get(v.value) as number),
    );
    const top = ours
      .slice(0, 8)
      .map(
        (v) => `${v.value} ${pct(v.share)} (study ${(reference.frequencies.get(v.value) ?? 0).toFixed(1)}%)`,
      )
      .join("; ");
    metrics.push({
      suite: SUITE,
      name: "spearman_vs_published_shares",
      split: "all",
      n: shared.length,
      value: rho,
      note: `over the offline vocabulary on all four datasets (${all.length} conversations); top: ${top}`,
    });
    metrics.push(...(await taxonomyAgreement(all, reference.tree)));
    metrics.push(...(await publishedRecovery(reference.tree)));
    return metrics;
  },
};

/**
 * How well the offline taxonomy's top level recovers the published one over the same values: NMI and
 * ARI between each value's top-level group and its group in the reference, phrase embeddings alone
 * (the baseline) and blended with co-occurrence.
 */
async function taxonomyAgreement(
  records: FacetRecord[],
  tree: ReturnType<typeof readReference>["tree"],
): Promise<Metric[]> {
  const occurrences = new Map<string, number>();
  const cooccurrence = new CooccurrenceCounter();
  for (const r of records) {
    if (!countsForValues(r)) continue;
    for (const v of r.values_ai ?? []) occurrences.set(v, (occurrences.get(v) ?? 0) + 1);
    cooccurrence.add(r.values_ai ?? []);
  }
  const refById = new Map(tree.map((n) => [n.cluster_id, n]));
  const refTop = (value: string) => {
    let node = tree.find((n) => n.level === 0 && n.name === value);
    while (node?.parent_cluster_id) node = refById.get(node.parent_cluster_id);
    return node?.name ?? null;
  };
  const values = [...occurrences.keys()].filter((v) => refTop(v) !== null);
  const counts = values.map((value) => ({ value, occurrences: occurrences.get(value) as number }));
  const topOf = async (cooc: CooccurrenceCounter | null) => {
    const nodes = await buildTaxonomy(counts, { seed: 42, cooccurrence: cooc });
    const byId = new Map(nodes.map((n) => [n.id, n]));
    return values.map((v) => ancestors(v, byId).at(-1) ?? v);
  };
  const gold = values.map((v) => refTop(v) as string);
  const phrase = await topOf(null);
  const blended = await topOf(cooccurrence);
  return [
    {
      suite: SUITE,
      name: "taxonomy_top_level_nmi",
      split: "all",
      n: values.length,
      value: nmi(blended, gold),
      baseline: nmi(phrase, gold),
      note: `vs the published top level (5 groups); ARI ${adjustedRand(blended, gold).toFixed(3)} (phrase only ${adjustedRand(phrase, gold).toFixed(3)}); baseline = phrase embeddings without co-occurrence`,
    },
  ];
}

/**
 * The taxonomy method on the published values themselves: re-cluster the 3,307 published values
 * (phrase embeddings, hierarchical k-means) and compare each value's first-level group with the
 * published one. Baseline: the same clustering over the topic embedder (word TF-IDF + LSA).
 */
async function publishedRecovery(tree: ReturnType<typeof readReference>["tree"]): Promise<Metric[]> {
  const values = tree.filter((n) => n.level === 0);
  const gold = values.map((v) => v.parent_cluster_id ?? "");
  const counts = values.map((v) => ({
    value: v.name,
    occurrences: Math.max(1, Math.round(v.pct_total_occurrences * 1000)),
  }));
  const firstLevel = async (embedder?: HashedTfidfEmbedder) => {
    const nodes = await buildTaxonomy(counts, { seed: 42, ...(embedder && { embedder }) });
    const m = new Map(nodes.map((n) => [n.id, n]));
    return {
      labels: values.map((v) => m.get(v.name)?.parent ?? ""),
      groups: nodes.filter((n) => n.level === 1).length,
    };
  };
  const ours = await firstLevel();
  const base = await firstLevel(new HashedTfidfEmbedder({ seed: 42 }));
  const published = new Set(gold).size;
  return [
    {
      suite: SUITE,
      name: "taxonomy_published_level1_nmi",
      split: "all",
      n: values.length,
      value: nmi(ours.labels, gold),
      baseline: nmi(base.labels, gold),
      note: `re-clustering the published values: ${ours.groups} first-level groups vs ${published} published; ARI ${adjustedRand(ours.labels, gold).toFixed(3)} (baseline ${adjustedRand(base.labels, gold).toFixed(3)}); baseline = topic embedder`,
    },
  ];
}
