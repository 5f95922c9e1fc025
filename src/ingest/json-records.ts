/**
 * The shared machinery of every JSON-based format: records come either one per line (JSONL) or as the
 * elements of one top-level JSON array, which is streamed element by element, never parsed whole.
 * A format only says how one parsed record becomes a conversation.
 */
import streamArray from "stream-json/streamers/stream-array.js";
import type { Conversation, SourceRef } from "../types.ts";
import { isGzipError, type LineItem, readLineBatches, streamFault } from "./lines.ts";
import { readHead } from "./open.ts";
import type { FileInput, Reader, ReadItem } from "./reader.ts";
import { RecordError } from "./roles.ts";
import { countMarks, Utf8Marker } from "./utf8.ts";

/** Where a record is, and the id it gets when the input has none of its own. */
export interface Place {
  source: SourceRef;
  fallbackId: string;
}

export type Convert = (value: unknown, place: Place) => Conversation;

const FIRST_CHAR = /[^\s\uFEFF]/;
const FIRST_KEY = /^[\s\uFEFF]*\[\s*\{\s*"([^"\\]*)"/;
const MESSAGE_KEYS = new Set(["role", "content", "name"]);

/**
 * True when the text starts one JSON array (an export, possibly minified onto one line) rather than
 * JSON lines. With `linesOfArrays`, a first element that is a message (`{"role", ...}`) means JSON
 * lines each holding a bare array of messages (the OpenAI form) instead.
 */
export function looksLikeArray(head: string, linesOfArrays = false): boolean {
  if (FIRST_CHAR.exec(head)?.[0] !== "[") return false;
  if (!linesOfArrays) return true;
  const key = FIRST_KEY.exec(head)?.[1];
  return key === undefined || !MESSAGE_KEYS.has(key);
}

function convertOrReject(convert: Convert, value: unknown, place: Place): ReadItem {
  try {
    return { conversation: convert(value, place) };
  } catch (error) {
    if (error instanceof RecordError) return { rejection: { ...place.source, reason: error.message } };
    throw error;
  }
}

/** Blank without allocating for the usual line, which starts with `{` or `[`. */
function isBlank(text: string): boolean {
  return text.length === 0 || (text.charCodeAt(0) <= 0x20 && text.trim() === "");
}

/**
 * Where a JSON line is. Its fallback id is only spelled out when a record has no id of its own, which
 * keeps a string per line off the common path.
 */
class LinePlace implements Place {
  readonly source: SourceRef;
  readonly #path: string;
  readonly #line: number;
  constructor(path: string, line: number) {
    this.source = { file: path, line };
    this.#path = path;
    this.#line = line;
  }
  get fallbackId(): string {
    return `${this.#path}:${this.#line}`;
  }
}

/**
 * JSON lines, one batch per chunk of the file (see readLineBatches). A batch parses each line only
 * as it is read, so a chunk's lines are held as text, not as parsed records.
 */
async function* jsonLines(input: FileInput, convert: Convert): AsyncGenerator<Iterable<ReadItem>> {
  for await (const lines of readLineBatches(input.open())) yield parsedLines(input.path, lines, convert);
}

function* parsedLines(path: string, lines: LineItem[], convert: Convert): Generator<ReadItem> {
  for (const item of lines) {
    if ("fault" in item) {
      yield { rejection: { file: path, line: item.line, reason: item.fault } };
      continue;
    }
    if (isBlank(item.text)) continue;
    let value: unknown;
    try {
      value = JSON.parse(item.text);
    } catch {
      yield { rejection: { file: path, line: item.line, reason: "malformed JSON" } };
      continue;
    }
    yield convertOrReject(convert, value, new LinePlace(path, item.line));
  }
}

async function* jsonArray(input: FileInput, convert: Convert): AsyncGenerator<ReadItem> {
  const source = input.open();
  const marker = new Utf8Marker();
  const elements = streamArray.withParserAsStream();
  source.on("error", (e) => elements.destroy(e));
  marker.on("error", (e) => elements.destroy(e));
  source.pipe(marker).pipe(elements);
  let index = 0;
  let pinned = 0;
  try {
    for await (const { key, value } of elements as AsyncIterable<{ key: number; value: unknown }>) {
      index = key + 1;
      if (marker.invalid > pinned) {
        const marks = countMarks(JSON.stringify(value));
        if (marks > 0) {
          pinned += marks;
          yield { rejection: { file: input.path, index: key, reason: "invalid UTF-8" } };
          continue;
        }
      }
      yield convertOrReject(convert, value, {
        source: { file: input.path, index: key },
        fallbackId: `${input.path}[${key}]`,
      });
    }
  } catch (error) {
    // Elements before the break are kept; the rest of the file cannot be trusted.
    yield {
      rejection: {
        file: input.path,
        index,
        reason: isGzipError(error)
          ? streamFault(error)
          : "malformed JSON array (the rest of the file was not read)",
      },
    };
  } finally {
    source.destroy();
  }
}

/**
 * Reads JSONL or a JSON array, whichever the file holds ("auto"; "lines-of-arrays" when a JSON line
 * may itself be an array of messages), or always an array (exports), in batches: JSON lines come a
 * chunk of the file at a time, array elements one at a time (the streaming parser yields them so).
 * Each batch is read to its end before the next is asked for.
 */
export async function* readJsonRecordBatches(
  input: FileInput,
  convert: Convert,
  mode: "auto" | "lines-of-arrays" | "array" = "auto",
): AsyncGenerator<Iterable<ReadItem>> {
  const head = await readHead(input, 4096);
  // An empty file holds no records (rather than being a broken array).
  if (head.length < 4096 && head.trim() === "") return;
  const array = mode === "array" || looksLikeArray(head, mode === "lines-of-arrays");
  if (!array) {
    yield* jsonLines(input, convert);
    return;
  }
  for await (const item of jsonArray(input, convert)) yield [item];
}

/** The `read` and `readBatches` of a JSON-based format, from how it converts one record. */
export function jsonReader(
  convert: Convert,
  mode: "auto" | "lines-of-arrays" | "array" = "auto",
): Pick<Reader, "read" | "readBatches"> {
  return {
    async *read(input) {
      for await (const batch of readJsonRecordBatches(input, convert, mode)) yield* batch;
    },
    readBatches: (input) => readJsonRecordBatches(input, convert, mode),
  };
}
