/**
 * HH-RLHF harmlessness test split: the `chosen` transcript of each pair, split into turns on
 * "\n\nHuman:" / "\n\nAssistant:". Parsed here (not through convoscope's readers) so the facet
 * evaluation does not depend on ingest.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { Conversation, Message } from "../../src/types.ts";

const TURN = /\n\n(Human|Assistant):/g;

export function parseTranscript(transcript: string): Message[] {
  const messages: Message[] = [];
  const marks = [...transcript.matchAll(TURN)];
  for (const [k, m] of marks.entries()) {
    const start = (m.index ?? 0) + m[0].length;
    const end = marks[k + 1]?.index ?? transcript.length;
    const text = transcript.slice(start, end).trim();
    if (text.length > 0) messages.push({ role: m[1] === "Human" ? "user" : "assistant", text });
  }
  return messages;
}

export function loadHh(dataDir: string): Conversation[] {
  const file = join(dataDir, "hh_rlhf", "test.jsonl.gz");
  const lines = gunzipSync(readFileSync(file)).toString("utf8").split("\n");
  const out: Conversation[] = [];
  for (const [i, line] of lines.entries()) {
    if (line.trim().length === 0) continue;
    const messages = parseTranscript(
      `\n\n${(JSON.parse(line) as { chosen: string }).chosen.replace(/^\s+/, "")}`,
    );
    if (messages.length === 0) continue;
    out.push({ id: `hh-${i}`, source: { file: "hh_rlhf/test.jsonl.gz", line: i + 1 }, messages, meta: {} });
  }
  return out;
}
