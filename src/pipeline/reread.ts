/**
 * A later stage's second pass over the study's inputs: the good conversations again, redacted as at
 * ingest. Re-reading costs less than keeping every text in memory: the readers stream, redaction is fast.
 */
import { readItems } from "../ingest/index.ts";
import type { LongCsvColumns } from "../ingest/reader.ts";
import { redactConversation } from "../privacy/redact.ts";
import type { Conversation } from "../types.ts";
import type { InputFile } from "./manifest.ts";

export async function* redactedConversations(
  inputs: readonly InputFile[],
  columns?: Partial<LongCsvColumns>,
): AsyncGenerator<Conversation> {
  for (const input of inputs)
    for await (const item of readItems(input.path, { format: input.format ?? undefined, columns }))
      if (!("rejection" in item)) yield redactConversation(item.conversation).conversation;
}
