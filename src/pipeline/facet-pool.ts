/**
 * The per-conversation stage on worker threads, for machines with cores to spare. The main thread
 * keeps reading, parsing and writing; batches of conversations go to the workers (facet-worker.ts),
 * and their records come back and are written in input order, so the output, the checkpoints and a
 * resume are the same as with no worker at all. What a killed run had in flight was never written:
 * the resume recomputes it.
 *
 * Each conversation is copied to a worker (structured clone), which costs the main thread about as
 * much as parsing it again; its record comes back as JSON text, a plain string copy. The pool pays
 * where the facets cost several times the reading (real logs) and cores are free: `npm run bench`
 * measures it, and the main thread's share that bounds it ("pool ceiling").
 */
import { availableParallelism } from "node:os";
import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { ConvoscopeError, EXIT } from "../errors.ts";
import type { Conversation } from "../types.ts";
import type { PoolReply, PoolRequest } from "./facet-worker.ts";
import { OrderedResults } from "./ordered-results.ts";
import { type AnalysedLine, analyseToLine } from "./per-conversation.ts";

/**
 * A batch for a worker closes at this many conversations or characters of text, whichever comes
 * first: enough that messaging costs little, and what is in flight (two batches per worker) stays
 * small however long the conversations are.
 */
const BATCH = 256;
const BATCH_CHARS = 1 << 20;
/** Most workers the default takes: past this the main thread's reading is the limit. */
const MAX_DEFAULT_WORKERS = 8;

/**
 * The default worker count: one per core beyond the main thread's, at most MAX_DEFAULT_WORKERS, and
 * none below 4 cores. On the 2-core machines this project is built on, workers gained little or
 * nothing (`npm run bench`, pool vs ingest+redact+facets: 0.77x-1.02x; a study's read_and_facets:
 * 1.18x), as two threads share what is likely one physical core; on 3 cores the one worker a
 * default could give would only move the work off the main thread.
 */
export function defaultWorkers(cores = availableParallelism()): number {
  return cores >= 4 ? Math.min(cores - 1, MAX_DEFAULT_WORKERS) : 0;
}

/** facet-worker: the compiled .js beside this module, or the .ts source when run from source. */
const WORKER_ENTRY = new URL(`./facet-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

/** A .ts entry loads only through tsx's loader: Node 20 does not pass --import hooks to workers. */
function startWorker(entry: URL): Worker {
  if (/\.[cm]?js$/.test(entry.pathname)) return new Worker(entry);
  const tsx = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true });
}

interface Pending {
  resolve: (results: AnalysedLine[]) => void;
  reject: (error: Error) => void;
}

export class FacetPool {
  readonly size: number;
  private readonly workers: Worker[];
  private readonly pending: Map<number, Pending>[];
  private nextId = 0;
  private failure: Error | null = null;
  private closing = false;

  private constructor(size: number, entry: URL) {
    this.size = size;
    this.workers = [];
    this.pending = [];
    for (let w = 0; w < size; w++) {
      const worker = startWorker(entry);
      const pending = new Map<number, Pending>();
      worker.on("message", (reply: PoolReply) => {
        const p = pending.get(reply.id);
        if (!p) return;
        pending.delete(reply.id);
        if ("error" in reply) p.reject(new Error(`facet worker: ${reply.error}`));
        else p.resolve(reply.results);
      });
      const fail = (error: Error) => {
        this.failure ??= error;
        for (const p of pending.values()) p.reject(error);
        pending.clear();
      };
      worker.on("error", fail);
      // Any exit close() did not ask for fails the batches the worker held (an exit code 0 too).
      worker.on("exit", (code) => {
        if (!this.closing)
          fail(new ConvoscopeError(`a facet worker stopped (exit code ${code})`, EXIT.internal));
      });
      this.workers.push(worker);
      this.pending.push(pending);
    }
  }

  /** `entry`: another worker speaking facet-worker's messages (bench/ measures the pool's own cost so). */
  static start(size: number, entry: URL = WORKER_ENTRY): FacetPool {
    return new FacetPool(size, entry);
  }

  /** The results of one batch, in its order, from the next worker in turn. */
  analyse(conversations: Conversation[], interviews: boolean[]): Promise<AnalysedLine[]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const w = id % this.size;
    return new Promise((resolve, reject) => {
      (this.pending[w] as Map<number, Pending>).set(id, { resolve, reject });
      const request: PoolRequest = { id, conversations, interviews };
      (this.workers[w] as Worker).postMessage(request);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const p of this.pending) p.clear();
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * Conversations in, records out as JSON lines in input order: analysed here one by one (no pool), or
 * in batches on the pool. `write` sees every result in input order either way.
 */
export class OrderedAnalysis {
  private conversations: Conversation[] = [];
  private interviews: boolean[] = [];
  private chars = 0;
  private readonly ordered: OrderedResults<AnalysedLine[]> | null;

  constructor(
    private readonly pool: FacetPool | null,
    private readonly write: (result: AnalysedLine) => Promise<void>,
  ) {
    this.ordered = pool
      ? new OrderedResults(pool.size * 2, async (results) => {
          for (const r of results) await write(r);
        })
      : null;
  }

  async push(conversation: Conversation, interview: boolean): Promise<void> {
    if (!this.pool || !this.ordered) {
      await this.write(analyseToLine(conversation, { interview }));
      return;
    }
    this.conversations.push(conversation);
    this.interviews.push(interview);
    for (const m of conversation.messages) this.chars += m.text.length;
    if (this.conversations.length === BATCH || this.chars >= BATCH_CHARS) await this.send();
  }

  /** Sends what is left and writes every result still pending. */
  async finish(): Promise<void> {
    if (!this.ordered) return;
    if (this.conversations.length > 0) await this.send();
    await this.ordered.drain();
  }

  private async send(): Promise<void> {
    const batch = this.pool?.analyse(this.conversations, this.interviews);
    this.conversations = [];
    this.interviews = [];
    this.chars = 0;
    if (batch) await this.ordered?.push(batch);
  }
}
