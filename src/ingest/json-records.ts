/**
 * The shared machinery of every JSON-based format: records come either one per line (JSONL) or as the
 * elements of one top-level JSON array, which is streamed element by element, never parsed whole.
 * A format only says how one parsed record becomes a conversation.
 */
import streamArray from "stream-json/streamers/stream-array.js";
import type { Conversation, SourceRef } from "../types.ts";
import { isGzipError, readLineBatches, streamFault } from "./lines.ts";
import { readHead } from "./open.ts";
import type { FileInput, ReadItem } from "./reader.ts";
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

async function* jsonLines(input: FileInput, convert: Convert): AsyncGenerator<ReadItem> {
  for await (const batch of readLineBatches(input.open())) {
    for (const item of batch) {
      if ("fault" in item) {
        yield { rejection: { file: input.path, line: item.line, reason: item.fault } };
        continue;
      }
      if (isBlank(item.text)) continue;
      let value: unknown;
      try {
        value = JSON.parse(item.text);
      } catch {
        yield { rejection: { file: input.path, line: item.line, reason: "malformed JSON" } };
        continue;
      }
      yield convertOrReject(convert, value, {
        source: { file: input.path, line: item.line },
        fallbackId: `${input.path}:${item.line}`,
      });
    }
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
 * may itself be an array of messages), or always an array (exports).
 */
export async function* readJsonRecords(
  input: FileInput,
  convert: Convert,
  mode: "auto" | "lines-of-arrays" | "array" = "auto",
): AsyncGenerator<ReadItem> {
  const head = await readHead(input, 4096);
  // An empty file holds no records (rather than being a broken array).
  if (head.length < 4096 && head.trim() === "") return;
  const array = mode === "array" || looksLikeArray(head, mode === "lines-of-arrays");
  yield* array ? jsonArray(input, convert) : jsonLines(input, convert);
}
