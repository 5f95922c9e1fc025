/**
 * Topic clusters against human topic labels (issue: topic clusters): NMI and adjusted Rand index on
 * CounselChat questions (title + text, 31 topics) and ESConv dialogs (13 problem types; the seeker's
 * `usr` turns, and separately the seeker's one-line `situation`), with k = the number of gold classes.
 * Beside each, in the same run, the plain baseline: scikit-learn-style TF-IDF (unigrams, raw counts,
 * smooth idf, L2, no reduction) + Euclidean k-means (k-means++, one init); and stability, the ARI
 * between two seeds of the default pipeline.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { mulberry32 } from "../../src/analyses/stats.ts";
import { adjustedRand, nmi } from "../../src/cluster/agreement.ts";
import { kmeans } from "../../src/cluster/kmeans.ts";
import type { Embedder } from "../../src/embed/embedder.ts";
import { HashedTfidfEmbedder } from "../../src/embed/hashed-tfidf.ts";
import { loadCounselChat } from "../datasets/counsel-chat.ts";
import { loadEsconv } from "../datasets/esconv.ts";
import type { Metric, Suite } from "../metric.ts";

const SUITE = "clusters";

async function cluster(embedder: Embedder, texts: string[], k: number, seed: number): Promise<number[]> {
  const vectors = await embedder.embed(texts);
  return Array.from(kmeans(vectors, embedder.dimensions, { k, seed, restarts: 3 }).labels);
}

/** TfidfVectorizer defaults: tokens of 2+ word characters, lower-cased, no stopword list. */
function tfidfRows(texts: string[]): { index: Int32Array; value: Float64Array }[] {
  const vocab = new Map<string, number>();
  const counts = texts.map((t) => {
    const c = new Map<number, number>();
    for (const w of t.toLowerCase().match(/[\p{L}\p{N}_]{2,}/gu) ?? []) {
      let id = vocab.get(w);
      if (id === undefined) {
        id = vocab.size;
        vocab.set(w, id);
      }
      c.set(id, (c.get(id) ?? 0) + 1);
    }
    return c;
  });
  const df = new Float64Array(vocab.size);
  for (const c of counts) for (const id of c.keys()) df[id] = (df[id] as number) + 1;
  const n = texts.length;
  return counts.map((c) => {
    const index = Int32Array.from(c.keys());
    const value = Float64Array.from(c, ([id, tf]) => tf * (Math.log((1 + n) / (1 + (df[id] as number))) + 1));
    const norm = Math.hypot(...value) || 1;
    for (let t = 0; t < value.length; t++) value[t] = (value[t] as number) / norm;
    return { index, value };
  });
}

/** The baseline: Euclidean k-means (k-means++ seeding, Lloyd to convergence) over sparse unit rows. */
function baselineKmeans(texts: string[], k: number, seed: number): number[] {
  const rows = tfidfRows(texts);
  const n = rows.length;
  const v = Math.max(1, ...rows.map((r) => Math.max(-1, ...r.index) + 1));
  const rand = mulberry32(seed);
  const centres = new Float64Array(k * v);
  const norms = new Float64Array(k);
  // Squared distance of unit row i to centre c: 1 - 2 x.c + |c|^2.
  const dist = (i: number, c: number) => {
    const r = rows[i] as { index: Int32Array; value: Float64Array };
    let dot = 0;
    for (let t = 0; t < r.index.length; t++)
      dot += (r.value[t] as number) * (centres[c * v + (r.index[t] as number)] as number);
    return Math.max(0, 1 - 2 * dot + (norms[c] as number));
  };
  const setCentre = (c: number, i: number) => {
    const r = rows[i] as { index: Int32Array; value: Float64Array };
    for (let t = 0; t < r.index.length; t++) centres[c * v + (r.index[t] as number)] = r.value[t] as number;
    norms[c] = 1;
  };
  setCentre(0, Math.floor(rand() * n));
  const best = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      best[i] = Math.min(best[i] as number, dist(i, c - 1));
      total += best[i] as number;
    }
    let r = rand() * total;
    let pick = 0;
    for (; pick < n - 1; pick++) {
      r -= best[pick] as number;
      if (r <= 0) break;
    }
    setCentre(c, pick);
  }
  const labels = new Int32Array(n).fill(-1);
  for (let iter = 0; iter < 300; iter++) {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      let label = 0;
      let min = Number.POSITIVE_INFINITY;
      for (let c = 0; c < k; c++) {
        const dd = dist(i, c);
        if (dd < min) {
          min = dd;
          label = c;
        }
      }
      if (labels[i] !== label) changed++;
      labels[i] = label;
    }
    if (changed === 0) break;
    const sizes = new Float64Array(k);
    const sums = new Float64Array(k * v);
    for (let i = 0; i < n; i++) {
      const c = labels[i] as number;
      sizes[c] = (sizes[c] as number) + 1;
      const r = rows[i] as { index: Int32Array; value: Float64Array };
      for (let t = 0; t < r.index.length; t++) {
        const at = c * v + (r.index[t] as number);
        sums[at] = (sums[at] as number) + (r.value[t] as number);
      }
    }
    for (let c = 0; c < k; c++) {
      if (sizes[c] === 0) continue;
      let norm = 0;
      for (let j = 0; j < v; j++) {
        const x = (sums[c * v + j] as number) / (sizes[c] as number);
        centres[c * v + j] = x;
        norm += x * x;
      }
      norms[c] = norm;
    }
  }
  return Array.from(labels);
}

export const clustersSuite: Suite = {
  name: SUITE,
  needs: ["esconv", "counsel_chat"],
  async run(dataDir) {
    const esconv = loadEsconv(dataDir);
    // The situation line is not in the shared loader's output: read it beside, in the same order.
    const situations = readFileSync(join(dataDir, "esconv", "train.json"), "utf8")
      .trim()
      .split("\n")
      .map((l) => String((JSON.parse(l) as { situation?: unknown }).situation ?? ""));
    const counsel = loadCounselChat(dataDir);
    const esconvGold = esconv.map((d) => d.problemType);
    const sets: [string, string[], string[]][] = [
      [
        "esconv",
        esconv.map((d) =>
          d.conversation.messages
            .filter((m) => m.role === "user")
            .map((m) => m.text)
            .join("\n"),
        ),
        esconvGold,
      ],
      ["esconv_situation", situations, esconvGold],
      [
        "counselchat",
        counsel.map((q) => q.conversation.messages[0]?.text ?? ""),
        counsel.map((q) => q.topic),
      ],
    ];
    const metrics: Metric[] = [];
    for (const [name, texts, gold] of sets) {
      const k = new Set(gold).size;
      const ours = await cluster(new HashedTfidfEmbedder(), texts, k, 42);
      const again = await cluster(new HashedTfidfEmbedder(), texts, k, 4242);
      const baseline = baselineKmeans(texts, k, 42);
      const note = `k = ${k}; baseline: sklearn-style TF-IDF + k-means; target: NMI at least double the baseline`;
      metrics.push({
        suite: SUITE,
        name: `${name}_nmi`,
        split: "all",
        n: texts.length,
        value: nmi(ours, gold),
        baseline: nmi(baseline, gold),
        note,
      });
      metrics.push({
        suite: SUITE,
        name: `${name}_ari`,
        split: "all",
        n: texts.length,
        value: adjustedRand(ours, gold),
        baseline: adjustedRand(baseline, gold),
      });
      metrics.push({
        suite: SUITE,
        name: `${name}_stability_ari`,
        split: "all",
        n: texts.length,
        value: adjustedRand(ours, again),
        note: "ARI between two seeds",
      });
    }
    return metrics;
  },
};
