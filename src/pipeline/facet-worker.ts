/**
 * One worker thread of the facet pool (facet-pool.ts): receives a batch of conversations, runs the
 * same per-conversation stage as the main thread (redaction, then the offline facets), and posts the
 * records back, serialised, under the batch's id. Pure per conversation, so which worker runs a batch
 * never changes a record.
 */
import { parentPort } from "node:worker_threads";
import type { Conversation } from "../types.ts";
import { type AnalysedLine, analyseToLine } from "./per-conversation.ts";

export interface PoolRequest {
  id: number;
  conversations: Conversation[];
  /** Per conversation: is it an interview (AnalyseOptions.interview). */
  interviews: boolean[];
}

/** Records come back as JSON text: a string crosses threads for a copy, an object for a clone. */
export type PoolReply = { id: number; results: AnalysedLine[] } | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error("facet-worker.ts runs as a worker thread of the facet pool");
port.on("message", ({ id, conversations, interviews }: PoolRequest) => {
  let reply: PoolReply;
  try {
    reply = {
      id,
      results: conversations.map((c, i) => analyseToLine(c, { interview: interviews[i] === true })),
    };
  } catch (error) {
    reply = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});
