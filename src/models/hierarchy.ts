/**
 * One level of Clio's model-built hierarchy (METHODS.md section 1, step 4), above named clusters:
 *   1. neighbourhoods: k-means over embeddings of the children's names and descriptions (~40 each);
 *   2. propose: per neighbourhood, parent categories in proportion to its size (seeing some outsiders);
 *   3. deduplicate: the proposals merged into the level's target count;
 *   4. assign: each child to its best parent, the parents listed in a freshly shuffled order for every
 *      request so list position cannot bias the choice;
 *   5. rename: each parent named again from the children it actually got (empty parents dropped).
 * A step whose answer stays invalid falls back to geometry (nearest parent by embedding), so a level
 * is always complete.
 */
import { z } from "zod";
import { mulberry32 } from "../analyses/stats.ts";
import { kmeans } from "../cluster/kmeans.ts";
import { HashedTfidfEmbedder } from "../embed/hashed-tfidf.ts";
import { ask, type Named, NamedSchema, tidyName } from "./ask.ts";
import type { ModelClient } from "./call.ts";
import {
  assignPrompt,
  deduplicatePrompt,
  HIERARCHY_PROMPT_VERSION,
  HIERARCHY_SYSTEM,
  proposePrompt,
  renamePrompt,
} from "./prompts/clusters.ts";

export const NEIGHBOURHOOD = 40;
export const ASSIGN_PER_REQUEST = 20;
const OUTSIDERS = 10;

export interface ModelLevel {
  parents: Named[];
  /** parentOf[i] = index into `parents` of child i. */
  parentOf: number[];
}

const text = (n: Named) => `${n.name}. ${n.description}`;

function shuffled<T>(items: readonly T[], rand: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Unique display names (an enum needs them): a repeated name gets " (2)", " (3)"... */
function uniqueNames(parents: readonly Named[]): string[] {
  const seen = new Map<string, number>();
  return parents.map((p) => {
    const n = (seen.get(p.name) ?? 0) + 1;
    seen.set(p.name, n);
    return n === 1 ? p.name : `${p.name} (${n})`;
  });
}

const named = (count: number) => z.strictObject({ parents: z.array(NamedSchema).length(count) });

export async function buildModelLevel(
  client: ModelClient,
  children: readonly Named[],
  k: number,
  seed: number,
): Promise<ModelLevel> {
  const n = children.length;
  const rand = mulberry32(seed);
  const embedder = new HashedTfidfEmbedder({ seed });
  const texts = children.map(text);
  embedder.fit(texts);
  const vectors = await embedder.embed(texts);
  const d = embedder.dimensions;
  const groups = Math.max(1, Math.ceil(n / NEIGHBOURHOOD));
  const labels =
    groups === 1 ? new Int32Array(n) : kmeans(vectors, d, { k: groups, seed, restarts: 2 }).labels;
  const hoods: number[][] = Array.from({ length: groups }, () => []);
  for (let i = 0; i < n; i++) hoods[labels[i] as number]?.push(i);

  // Propose.
  const proposals: Named[] = [];
  for (const hood of hoods.filter((h) => h.length > 0)) {
    const count = Math.max(1, Math.min(hood.length, Math.round((k * hood.length) / n)));
    const inside = new Set(hood);
    const outsiders = shuffled(
      children.map((_, i) => i).filter((i) => !inside.has(i)),
      rand,
    ).slice(0, OUTSIDERS);
    const answer = await ask(client, {
      purpose: "hierarchy-propose",
      promptVersion: HIERARCHY_PROMPT_VERSION,
      system: HIERARCHY_SYSTEM,
      user: proposePrompt({
        children: hood.map((i) => text(children[i] as Named)),
        outsiders: outsiders.map((i) => (children[i] as Named).name),
        count,
      }),
      schema: named(count),
      schemaName: "categories",
      maxTokens: 80 + 90 * count,
    });
    // Without an answer, the neighbourhood's largest children stand in as its proposals.
    proposals.push(
      ...(answer?.parents.map(tidyName) ?? hood.slice(0, count).map((i) => children[i] as Named)),
    );
  }

  // Deduplicate to the target count.
  let parents = proposals;
  if (proposals.length > k) {
    const answer = await ask(client, {
      purpose: "hierarchy-deduplicate",
      promptVersion: HIERARCHY_PROMPT_VERSION,
      system: HIERARCHY_SYSTEM,
      user: deduplicatePrompt({ proposals: proposals.map(text), count: k }),
      schema: named(k),
      schemaName: "categories",
      maxTokens: 80 + 90 * k,
    });
    parents = answer?.parents.map(tidyName) ?? proposals.slice(0, k);
  }

  // Assign, parents shuffled anew for every request.
  const parentTexts = parents.map(text);
  const pe = new HashedTfidfEmbedder({ seed });
  pe.fit([...texts, ...parentTexts]);
  const childVectors = await pe.embed(texts);
  const parentVectors = await pe.embed(parentTexts);
  const nearest = (i: number) => {
    let best = 0;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let p = 0; p < parents.length; p++) {
      let dot = 0;
      for (let j = 0; j < pe.dimensions; j++)
        dot +=
          (childVectors[i * pe.dimensions + j] as number) * (parentVectors[p * pe.dimensions + j] as number);
      if (dot > bestScore) {
        bestScore = dot;
        best = p;
      }
    }
    return best;
  };
  const names = uniqueNames(parents);
  const indexOf = new Map(names.map((nm, p) => [nm, p]));
  const parentOf = new Array<number>(n).fill(-1);
  for (let start = 0; start < n; start += ASSIGN_PER_REQUEST) {
    const chunk = children.slice(start, start + ASSIGN_PER_REQUEST);
    const order = shuffled(
      names.map((_, p) => p),
      rand,
    );
    const answer =
      parents.length === 1
        ? null
        : await ask(client, {
            purpose: "hierarchy-assign",
            promptVersion: HIERARCHY_PROMPT_VERSION,
            system: HIERARCHY_SYSTEM,
            user: assignPrompt({
              children: chunk.map(text),
              parents: order.map((p) => `${names[p]}: ${(parents[p] as Named).description}`),
            }),
            schema: z.strictObject({
              assignments: z
                .array(z.enum(order.map((p) => names[p] as string) as [string, ...string[]]))
                .length(chunk.length),
            }),
            schemaName: "assignments",
            maxTokens: 40 + 20 * chunk.length,
          });
    for (let c = 0; c < chunk.length; c++) {
      const chosen = answer ? indexOf.get(answer.assignments[c] as string) : undefined;
      parentOf[start + c] = chosen ?? (parents.length === 1 ? 0 : nearest(start + c));
    }
  }

  // Rename each parent from the children it got; drop the empty ones.
  const kept: Named[] = [];
  const renumber = new Map<number, number>();
  for (let p = 0; p < parents.length; p++) {
    const mine = children.filter((_, i) => parentOf[i] === p);
    if (mine.length === 0) continue;
    const answer = await ask(client, {
      purpose: "hierarchy-rename",
      promptVersion: HIERARCHY_PROMPT_VERSION,
      system: HIERARCHY_SYSTEM,
      user: renamePrompt({ children: mine.map(text) }),
      schema: NamedSchema,
      schemaName: "category",
      maxTokens: 200,
    });
    renumber.set(p, kept.length);
    kept.push(answer ? tidyName(answer) : (parents[p] as Named));
  }
  return { parents: kept, parentOf: parentOf.map((p) => renumber.get(p) as number) };
}
