// A facet-pool worker that analyses nothing (bench/worker.ts, "pool ceiling"): it answers each batch
// at once with a small line per conversation, speaking facet-worker.ts's messages, so a run through
// it measures only the main thread's share of the pool's work. Plain JavaScript: it runs as it is.
import { parentPort } from "node:worker_threads";

parentPort?.on("message", ({ id, conversations }) => {
  parentPort?.postMessage({
    id,
    results: conversations.map((c) => ({ json: `{"id":${JSON.stringify(c.id)}}`, redactions: {} })),
  });
});
