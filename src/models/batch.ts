/**
 * `--batch`: the facet requests go through the provider's batch API (Anthropic's Message Batches:
 * half price, answered within 24 hours) before the per-conversation stage runs. The stage then finds
 * every answer in the cache; a request the batch could not answer is sent the ordinary way.
 *
 * Resumable: each submitted batch is appended to internal/cache/batches.jsonl (its id and request
 * keys) before anything waits on it, so a run killed while a batch is processing polls that same
 * batch when rerun instead of paying for it again. Results go into the answer cache as they arrive.
 */
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ConvoscopeError, EXIT } from "../errors.ts";
import { readItems } from "../ingest/index.ts";
import type { LongCsvColumns } from "../ingest/reader.ts";
import type { InputFile } from "../pipeline/manifest.ts";
import { redactConversation } from "../privacy/redact.ts";
import type { CallMeta, ModelClient } from "./call.ts";
import { type FacetSpec, facetCall } from "./facets.ts";
import type { BatchItem } from "./provider.ts";

export interface BatchOptions {
  columns?: Partial<LongCsvColumns>;
  /** Conversations already written by an interrupted run (not asked again). */
  skip: number;
  /** Inputs of AI-led interviews: their conversations get the interview request. */
  isInterview?: (input: InputFile) => boolean;
  cacheDir: string;
  /** Requests per batch (the API allows up to 100,000 and 256 MB). */
  size?: number;
  pollMs?: number;
}

interface BatchRecord {
  batch_id: string;
  keys?: string[];
  done?: boolean;
}

function readState(path: string): Map<string, string[]> {
  const pending = new Map<string, string[]>();
  if (!existsSync(path)) return pending;
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (!line.trim()) continue;
    let r: BatchRecord;
    try {
      r = JSON.parse(line) as BatchRecord;
    } catch {
      continue; // a torn last line
    }
    if (r.done) pending.delete(r.batch_id);
    else if (r.keys) pending.set(r.batch_id, r.keys);
  }
  return pending;
}

export async function runFacetBatches(
  engine: { client: ModelClient; spec: FacetSpec; interviewSpec: FacetSpec; maxChars: number },
  inputs: InputFile[],
  o: BatchOptions,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<{ submitted: number; answered: number }> {
  const { client } = engine;
  const api = client.provider.batch;
  if (!api) {
    throw new ConvoscopeError(
      `[models] ${client.provider.id} has no batch API: --batch works with anthropic:MODEL`,
      EXIT.usage,
    );
  }
  const statePath = join(o.cacheDir, "batches.jsonl");
  const pending = readState(statePath);
  const inFlight = new Set([...pending.values()].flat());
  const size = Math.min(o.size ?? 10_000, api.maxRequests);
  const pollMs = o.pollMs ?? Number(process.env.CONVOSCOPE_BATCH_POLL_MS ?? 30_000);
  // What each request is for, by key (facets or interview facets), for the answers' accounting.
  const meta = new Map<string, CallMeta>();
  let submitted = 0;
  let spent = client.stats.cost_usd;
  const budget = client.o.budgetUsd;
  let overBudget = false;

  // 1. Everything not cached and not already in a batch, submitted in batches as it is read.
  let items: BatchItem[] = [];
  const seen = new Set<string>();
  const submit = async () => {
    if (items.length === 0) return;
    const id = await api.submit(items);
    appendFileSync(statePath, `${JSON.stringify({ batch_id: id, keys: items.map((i) => i.id) })}\n`);
    pending.set(
      id,
      items.map((i) => i.id),
    );
    submitted += items.length;
    items = [];
  };
  let good = 0;
  for (const input of inputs) {
    const spec = o.isInterview?.(input) ? engine.interviewSpec : engine.spec;
    for await (const item of readItems(input.path, {
      format: input.format ?? undefined,
      columns: o.columns,
    })) {
      if ("rejection" in item) continue;
      if (++good <= o.skip || overBudget) continue;
      const { call } = facetCall(spec, redactConversation(item.conversation).conversation, engine.maxChars);
      const key = client.keyOf(call);
      meta.set(key, { purpose: call.purpose, promptVersion: call.promptVersion });
      if (seen.has(key) || inFlight.has(key) || client.cached(call)) continue;
      seen.add(key);
      if (budget !== undefined) {
        const cost = client.worstCaseCost(call.request) * api.discount;
        // What does not fit is left to the ordinary stage, which stops cleanly at the budget.
        if (spent + cost > budget) {
          overBudget = true;
          continue;
        }
        spent += cost;
      }
      items.push({ id: key, request: call.request });
      if (items.length >= size) await submit();
    }
  }
  await submit();

  // 2. Wait for every pending batch (this run's and an interrupted run's), then store the answers.
  let answered = 0;
  const total = [...pending.values()].reduce((a, k) => a + k.length, 0);
  while (pending.size > 0) {
    for (const [id] of [...pending]) {
      const status = await api.status(id);
      if (!status.done) continue;
      for await (const r of api.results(id)) {
        if (r.answer) {
          const what = meta.get(r.id) ?? { purpose: "facets", promptVersion: engine.spec.version };
          client.record(r.id, what, r.answer, api.discount);
          answered++;
        }
      }
      appendFileSync(statePath, `${JSON.stringify({ batch_id: id, done: true })}\n`);
      pending.delete(id);
      onProgress(answered, total);
    }
    if (pending.size > 0) await new Promise((r) => setTimeout(r, pollMs));
  }
  return { submitted, answered };
}
