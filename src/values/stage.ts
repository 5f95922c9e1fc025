/**
 * The values stage of a study, after every record is written (and the topic stage has run):
 *
 * 1. normalise every record's value strings in place, whichever engine wrote them, and merge
 *    near-duplicates across the corpus (normalise.ts);
 * 2. build the taxonomy of the assistant's values (taxonomy.ts), clustered or placed in a
 *    reference taxonomy given with `--values-reference`;
 * 3. count the conversations and users behind every value and group and apply the privacy
 *    thresholds; name the groups from released values (offline, or by the model engine's namer);
 * 4. keep everything (released or not) in internal/values.json for the release to read.
 *
 * Rerunning it gives the same file: normalisation is idempotent and every step is seeded.
 */
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { rename } from "node:fs/promises";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { GroupNamer } from "../cluster/naming.ts";
import { makeEmbedder } from "../embed/index.ts";
import { JsonlWriter } from "../pipeline/jsonl-writer.ts";
import type { StudyPaths } from "../pipeline/study-folder.ts";
import { writeFileAtomic } from "../pipeline/study-folder.ts";
import { Cell, type Thresholds, userKey } from "../release/gate.ts";
import type { FacetRecord } from "../types.ts";
import { readTree } from "./compare.ts";
import { CooccurrenceCounter } from "./cooccurrence.ts";
import { PhraseEmbedder } from "./embed.ts";
import { countsForValues } from "./frequencies.ts";
import { normaliseValueList, ValueVocabulary } from "./normalise.ts";
import { ancestors, buildTaxonomy, nameTaxonomy, nameTaxonomyWith, type TaxonomyNode } from "./taxonomy.ts";

export interface ValuesStageOptions {
  thresholds: Thresholds;
  seed: number;
  /** "offline" (the phrase embedder) or "openai-compatible:MODEL", as for the topics. */
  embeddings: string;
  /** A `values_tree.csv` in the published format to place the values in. */
  reference?: string | null;
  /** Names the taxonomy's groups (the model engine's); offline names otherwise, and as its fallback. */
  namer?: GroupNamer;
}

/** internal/values.json */
export interface ValuesFile {
  /** Subjective conversations with values: the denominator of value shares. */
  conversations: number;
  /** Value mentions in all (the denominator of `pct_total_occurrences`). */
  occurrences: number;
  reference: string | null;
  embedder: string;
  /** Groups per level, values first. */
  levels: number[];
  nodes: TaxonomyNode[];
}

export function valuesPath(paths: StudyPaths): string {
  return join(paths.internal, "values.json");
}

/** internal/values.json, or null for a study without one (run before the values stage existed). */
export function readValuesFile(paths: StudyPaths): ValuesFile | null {
  const path = valuesPath(paths);
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as ValuesFile) : null;
}

/** The published dataset's columns (Anthropic/values-in-the-wild), in order. */
export const VALUES_RELEASE_COLUMNS = {
  frequencies: ["value", "pct_convos"],
  tree: ["cluster_id", "description", "name", "level", "parent_cluster_id", "pct_total_occurrences"],
};

/** A `values_tree.csv`, or a folder holding one. */
export function referenceTreePath(path: string): string {
  return existsSync(path) && statSync(path).isDirectory() ? join(path, "values_tree.csv") : path;
}

async function* records(path: string): AsyncGenerator<FacetRecord> {
  const lines = createInterface({
    input: createReadStream(path, "utf8"),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of lines) if (line.length > 0) yield JSON.parse(line) as FacetRecord;
}

export async function runValuesStage(paths: StudyPaths, o: ValuesStageOptions): Promise<ValuesFile> {
  // Pass 1: the canonical forms each key is written in, over the whole corpus.
  const vocabulary = new ValueVocabulary();
  for await (const r of records(paths.facets)) {
    vocabulary.addList(normaliseValueList(r.values_ai));
    vocabulary.addList(normaliseValueList(r.values_human));
  }
  // Pass 2: rewrite the records with one form per value; count each value's mentions.
  const occurrences = new Map<string, number>();
  const cooccurrence = new CooccurrenceCounter();
  const tmp = `${paths.facets}.values.tmp`;
  const out = await JsonlWriter.open(tmp);
  for await (const r of records(paths.facets)) {
    r.values_ai = vocabulary.rewrite(normaliseValueList(r.values_ai));
    r.values_human = vocabulary.rewrite(normaliseValueList(r.values_human));
    if (countsForValues(r)) {
      for (const v of r.values_ai ?? []) occurrences.set(v, (occurrences.get(v) ?? 0) + 1);
      cooccurrence.add(r.values_ai ?? []);
    }
    await out.write(r);
  }
  await out.close();
  await rename(tmp, paths.facets);

  const embedder = o.embeddings === "offline" ? new PhraseEmbedder() : makeEmbedder(o.embeddings, o.seed);
  const nodes = await buildTaxonomy(
    [...occurrences].map(([value, n]) => ({ value, occurrences: n })),
    {
      seed: o.seed,
      embedder,
      cooccurrence,
      reference: o.reference ? readTree(referenceTreePath(o.reference)) : null,
    },
  );

  // Pass 3: conversations and users behind every value and group (a conversation once per node).
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const cells = new Map(nodes.map((n) => [n.id, new Cell(o.thresholds.minUsers)]));
  let conversations = 0;
  let total = 0;
  for await (const r of records(paths.facets)) {
    if (!countsForValues(r)) continue;
    conversations++;
    const user = userKey(r);
    const touched = new Set<string>();
    for (const v of r.values_ai ?? []) {
      total++;
      touched.add(v);
      for (const g of ancestors(v, byId)) touched.add(g);
    }
    for (const id of touched) cells.get(id)?.add(user);
  }
  for (const n of nodes) {
    const cell = cells.get(n.id) as Cell;
    n.conversations = cell.conversations;
    n.users = cell.usersAtLeast;
    n.released = cell.passes(o.thresholds);
  }
  nameTaxonomy(nodes);
  if (o.namer) await nameTaxonomyWith(nodes, o.namer);
  const levels: number[] = [];
  for (const n of nodes) levels[n.level] = (levels[n.level] ?? 0) + 1;
  const file: ValuesFile = {
    conversations,
    occurrences: total,
    reference: o.reference ?? null,
    embedder: embedder.name,
    levels,
    nodes,
  };
  await writeFileAtomic(valuesPath(paths), `${JSON.stringify(file, null, 2)}\n`);
  return file;
}
