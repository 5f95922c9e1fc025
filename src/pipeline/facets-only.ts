/**
 * `convoscope facets`: the per-conversation records alone (the same schema as internal/facets.jsonl),
 * with no study folder, database or report. For piping into other tools.
 */

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import type { Writable } from "node:stream";
import { ConvoscopeError, EXIT } from "../errors.ts";
import { readItems } from "../ingest/index.ts";
import type { FormatName, LongCsvColumns } from "../ingest/reader.ts";
import type { Rejection } from "../types.ts";
import { defaultWorkers, FacetPool, OrderedAnalysis } from "./facet-pool.ts";
import { INTERVIEW_FORMAT } from "./per-conversation.ts";

export interface FacetsOptions {
  format?: FormatName;
  /** Treat every input as interviews (interview-csv inputs always are). */
  interviews?: boolean;
  columns?: Partial<LongCsvColumns>;
  strict?: boolean;
  /** Worker threads for the per-conversation stage (facet-pool.ts); default defaultWorkers(). */
  workers?: number;
  onRejection?: (r: Rejection) => void;
  onProgress?: (conversations: number) => void;
}

export interface FacetsSummary {
  analysed: number;
  rejected: number;
}

/** Writes one record per conversation to `out` ("-" = stdout). */
export async function writeFacets(
  inputs: string[],
  out: string,
  options: FacetsOptions = {},
): Promise<FacetsSummary> {
  const sink: Writable = out === "-" ? process.stdout : createWriteStream(out);
  let analysed = 0;
  let rejected = 0;
  let interview = false;
  const onFile = ({ format }: { format: FormatName }) => {
    interview = options.interviews === true || format === INTERVIEW_FORMAT;
  };
  const workers = options.workers ?? defaultWorkers();
  const pool = workers > 0 ? FacetPool.start(workers) : null;
  const analysis = new OrderedAnalysis(pool, async ({ json }) => {
    if (!sink.write(`${json}\n`)) await once(sink, "drain");
    analysed++;
    if (analysed % 1000 === 0) options.onProgress?.(analysed);
  });
  try {
    for await (const item of readItems(inputs, {
      format: options.format,
      columns: options.columns,
      onFile,
    })) {
      if ("rejection" in item) {
        if (options.strict) {
          // Every record before the bad one is written, as with no workers.
          await analysis.finish();
          const r = item.rejection;
          throw new ConvoscopeError(
            `${r.file}${r.line !== undefined ? `:${r.line}` : ""}: ${r.reason}`,
            EXIT.rejected,
          );
        }
        rejected++;
        options.onRejection?.(item.rejection);
        continue;
      }
      await analysis.push(item.conversation, interview);
    }
    await analysis.finish();
  } finally {
    await pool?.close();
  }
  if (sink !== process.stdout) {
    sink.end();
    await once(sink, "finish");
  }
  return { analysed, rejected };
}
