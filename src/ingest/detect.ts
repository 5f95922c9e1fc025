/** Picks the reader for a file from its first 64 KiB: every reader scores the head; the best score wins. */
import { basename } from "node:path";
import { ConvoscopeError, EXIT } from "../errors.ts";
import { chatGptExport } from "./chatgpt-export.ts";
import { claudeExport } from "./claude-export.ts";
import { hh } from "./hh.ts";
import { interviewCsv } from "./interview-csv.ts";
import { longCsv } from "./long-csv.ts";
import { fileInput, readHead } from "./open.ts";
import { openAiJsonl } from "./openai-jsonl.ts";
import type { FormatName, Reader } from "./reader.ts";
import { shareGpt } from "./sharegpt.ts";
import { wildChat } from "./wildchat.ts";

/** Every reader, in the order `convoscope formats` lists them. More specific formats come first. */
export const READERS: Reader[] = [
  openAiJsonl,
  shareGpt,
  hh,
  wildChat,
  claudeExport,
  chatGptExport,
  interviewCsv,
  longCsv,
];

export function getReader(format: FormatName): Reader {
  const reader = READERS.find((r) => r.format === format);
  if (!reader) throw new ConvoscopeError(`unknown format "${format}"`, EXIT.usage);
  return reader;
}

export function formatList(): string {
  const width = Math.max(...READERS.map((r) => r.format.length));
  return READERS.map((r) => `  ${r.format.padEnd(width)}  ${r.description}`).join("\n");
}

/** The best-scoring reader for a head of text, or null when none recognises it. */
export function detectFromHead(head: string, fileName: string): FormatName | null {
  let best: Reader | null = null;
  let bestScore = 0;
  for (const reader of READERS) {
    const score = reader.detect(head, fileName);
    if (score > bestScore) {
      best = reader;
      bestScore = score;
    }
  }
  return best?.format ?? null;
}

/** The format of a file from its head, or null when the file holds nothing but whitespace. */
export async function detectOrBlank(path: string): Promise<FormatName | null> {
  const head = await readHead(fileInput(path));
  if (head.length < 1 << 15 && head.trim() === "") return null;
  const format = detectFromHead(head, basename(path));
  if (format) return format;
  throw unknownFormat(path, "its start matches none of the formats convoscope reads");
}

export async function detectFormat(path: string): Promise<FormatName> {
  const format = await detectOrBlank(path);
  if (format) return format;
  throw unknownFormat(path, "it is empty");
}

function unknownFormat(path: string, why: string): ConvoscopeError {
  return new ConvoscopeError(
    `cannot tell the format of ${path}: ${why}. The formats convoscope reads:\n${formatList()}\n` +
      `If you know the format, force it with --format NAME, e.g.: convoscope study ${path} --format openai-jsonl`,
    EXIT.input,
  );
}
