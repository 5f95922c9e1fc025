/**
 * The shared machinery of every JSON-based format: records come either one per line (JSONL) or as the
 * elements of one top-level JSON array, which is streamed element by element, never parsed whole.
 * A format only says how one parsed record becomes a conversation.
 */
import streamArray from "stream-json/streamers/stream-array.js";
import type { Conversation, SourceRef } from "../types.ts";
import { readLines, streamFault } from "./lines.ts";
import { readHead } from "./open.ts";
import type { FileInput, ReadItem } from "./reader.ts";
import { RecordError } from "./roles.ts";

/** Where a record is, and the id it gets when the input has none of its own. */
export interface Place {
  source: SourceRef;
  fallbackId: string;
}

export type Convert = (value: unknown, place: Place) => Conversation;

function firstSignificantChar(head: string): string {
  const m = /[^\s\uFEFF]/.exec(head);
  return m ? m[0] : "";
}

/** True when the text starts a JSON array (an export) rather than JSON lines. */
export function looksLikeArray(head: string): boolean {
  return firstSignificantChar(head) === "[" && !/^\s*\[[^\n]*\]\s*(\n|$)/.test(head.replace(/^\uFEFF/, ""));
}

function convertOrReject(convert: Convert, value: unknown, place: Place): ReadItem {
  try {
    return { conversation: convert(value, place) };
  } catch (error) {
    if (error instanceof RecordError) return { rejection: { ...place.source, reason: error.message } };
    throw error;
  }
}

async function* jsonLines(input: FileInput, convert: Convert): AsyncGenerator<ReadItem> {
  for await (const item of readLines(input.open())) {
    const source = { file: input.path, line: item.line };
    if ("fault" in item) {
      yield { rejection: { ...source, reason: item.fault } };
      continue;
    }
    if (item.text.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(item.text);
    } catch {
      yield { rejection: { ...source, reason: "malformed JSON" } };
      continue;
    }
    yield convertOrReject(convert, value, { source, fallbackId: `${input.path}:${item.line}` });
  }
}

async function* jsonArray(input: FileInput, convert: Convert): AsyncGenerator<ReadItem> {
  const source = input.open();
  const elements = streamArray.withParserAsStream();
  source.on("error", (e) => elements.destroy(e));
  source.pipe(elements);
  let index = 0;
  try {
    for await (const { key, value } of elements as AsyncIterable<{ key: number; value: unknown }>) {
      index = key + 1;
      yield convertOrReject(convert, value, {
        source: { file: input.path, index: key },
        fallbackId: `${input.path}[${key}]`,
      });
    }
  } catch (error) {
    // Elements before the break are kept; the rest of the file cannot be trusted.
    const zlib = (error as NodeJS.ErrnoException).code?.startsWith("Z_");
    yield {
      rejection: {
        file: input.path,
        index,
        reason: zlib ? streamFault(error) : "malformed JSON array (the rest of the file was not read)",
      },
    };
  }
}

/**
 * Reads JSONL or a JSON array, whichever the file holds ("auto"), or always an array (exports, which
 * may be minified onto one line).
 */
export async function* readJsonRecords(
  input: FileInput,
  convert: Convert,
  mode: "auto" | "array" = "auto",
): AsyncGenerator<ReadItem> {
  const array = mode === "array" || looksLikeArray(await readHead(input, 4096));
  yield* array ? jsonArray(input, convert) : jsonLines(input, convert);
}
