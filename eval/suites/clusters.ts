/**
 * Topic clusters against human topic labels (issue: topic clusters): NMI and adjusted Rand index on
 * CounselChat questions (31 topics) and ESConv dialogs (13 problem types, the seeker's turns), with
 * k = the number of gold classes; the plain TF-IDF + k-means baseline measured beside the default
 * embedder in the same run; and stability, the ARI between two seeds.
 */
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

export const clustersSuite: Suite = {
  name: SUITE,
  needs: ["esconv", "counsel_chat"],
  async run(dataDir) {
    const esconv = loadEsconv(dataDir);
    const counsel = loadCounselChat(dataDir);
    const sets: [string, string[], string[]][] = [
      [
        "esconv",
        esconv.map((d) =>
          d.conversation.messages
            .filter((m) => m.role === "user")
            .map((m) => m.text)
            .join("\n"),
        ),
        esconv.map((d) => d.problemType),
      ],
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
      const baseline = await cluster(
        new HashedTfidfEmbedder({ plain: true, dimensions: 1024 }),
        texts,
        k,
        42,
      );
      const note = `k = ${k}; baseline: plain TF-IDF + k-means; target: NMI at least double the baseline`;
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
