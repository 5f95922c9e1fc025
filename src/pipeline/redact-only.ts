/**
 * `convoscope redact`: the redaction layer alone. Reads any supported input and writes the same
 * conversations, redacted, as OpenAI-style JSONL (one conversation per line, roles normalised), so
 * redacted logs can be shared with, or sent to, tools that must not see personal data.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import type { Writable } from "node:stream";
import { type ReadOptions, readConversations } from "../ingest/index.ts";
import { addCounts, type RedactionCounts, redactConversation } from "../privacy/redact.ts";

export interface RedactSummary {
  conversations: number;
  rejected: number;
  redactions: RedactionCounts;
}

export async function writeRedacted(
  inputs: string[],
  out: string,
  options: ReadOptions = {},
): Promise<RedactSummary> {
  const sink: Writable = out === "-" ? process.stdout : createWriteStream(out);
  const summary: RedactSummary = { conversations: 0, rejected: 0, redactions: {} };
  const read = readConversations(inputs, {
    ...options,
    onRejection: (r) => {
      summary.rejected++;
      options.onRejection?.(r);
    },
  });
  for await (const conversation of read) {
    const { conversation: redacted, counts } = redactConversation(conversation);
    addCounts(summary.redactions, counts);
    const line = {
      id: redacted.id,
      ...(redacted.userId !== undefined && { user_id: redacted.userId }),
      ...(redacted.timestamp !== undefined && { timestamp: redacted.timestamp }),
      messages: redacted.messages.map((m) => ({ role: m.role, content: m.text })),
    };
    if (!sink.write(`${JSON.stringify(line)}\n`)) await once(sink, "drain");
    summary.conversations++;
  }
  if (sink !== process.stdout) {
    sink.end();
    await once(sink, "finish");
  }
  return summary;
}
