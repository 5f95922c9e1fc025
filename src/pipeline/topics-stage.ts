/**
 * The topic stage of a study: after every record is written, cluster the conversations by their
 * redacted human text, write each record's base cluster into internal/facets.jsonl, and keep the
 * whole cluster tree (released or not) in internal/topics.json for the release to read.
 */
import { createReadStream } from "node:fs";
import { rename } from "node:fs/promises";
import { createInterface } from "node:readline";
import { buildTopics, type MapMethod, type TopicItem, type TopicNode } from "../cluster/index.ts";
import { makeEmbedder } from "../embed/index.ts";
import type { LongCsvColumns } from "../ingest/reader.ts";
import type { Thresholds } from "../release/gate.ts";
import { JsonlWriter } from "./jsonl-writer.ts";
import type { InputFile } from "./manifest.ts";
import { redactedConversations } from "./reread.ts";
import type { StudyPaths } from "./study-folder.ts";
import { writeFileAtomic } from "./study-folder.ts";

/** How much of a conversation's human text the embedder reads: the request is stated early. */
export const TOPIC_TEXT_CHARS = 2000;

export interface TopicStageOptions {
  columns?: Partial<LongCsvColumns>;
  thresholds: Thresholds;
  seed: number;
  /** "offline" or "openai-compatible:MODEL" (texts are redacted before they are sent). */
  embeddings: string;
  /** The 2-D map of clusters (default "auto": UMAP from 30 base clusters, else PCA). */
  map?: MapMethod;
}

export async function runTopicStage(
  paths: StudyPaths,
  inputs: InputFile[],
  analysed: number,
  o: TopicStageOptions,
): Promise<{ k: number; nodes: TopicNode[] } | null> {
  if (analysed < 2) return null;
  const source = async function* (): AsyncGenerator<TopicItem> {
    for await (const c of redactedConversations(inputs, o.columns)) {
      const text = c.messages
        .filter((m) => m.role === "user")
        .map((m) => m.text)
        .join("\n")
        .slice(0, TOPIC_TEXT_CHARS);
      yield { user: c.userId ?? `conversation:${c.id}`, text };
    }
  };
  const result = await buildTopics(source, analysed, {
    embedder: makeEmbedder(o.embeddings, o.seed),
    thresholds: o.thresholds,
    seed: o.seed,
    ...(o.map && { map: o.map }),
  });
  // Write the base cluster into every record, in order.
  const tmp = `${paths.facets}.topics.tmp`;
  const out = await JsonlWriter.open(tmp);
  let i = 0;
  const lines = createInterface({
    input: createReadStream(paths.facets, "utf8"),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of lines) {
    if (line.length === 0) continue;
    const record = JSON.parse(line);
    record.cluster = result.labels[i++] ?? null;
    await out.write(record);
  }
  await out.close();
  await rename(tmp, paths.facets);
  await writeFileAtomic(paths.topics, `${JSON.stringify(result.nodes, null, 2)}\n`);
  return { k: result.k, nodes: result.nodes };
}
