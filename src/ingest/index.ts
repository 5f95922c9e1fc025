/**
 * Reading conversations from files and folders in any supported format, as a stream. This is where a
 * conversation's journey starts: everything downstream sees only `Conversation` and `Rejection`.
 */
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { ConvoscopeError, EXIT } from "../errors.ts";
import type { Conversation, Rejection } from "../types.ts";
import { detectOrBlank, getReader } from "./detect.ts";
import { fileInput } from "./open.ts";
import type { FileInput, FormatName, Reader, ReaderOptions, ReadItem } from "./reader.ts";

export { detectFormat, detectFromHead, detectOrBlank, formatList, getReader, READERS } from "./detect.ts";
export { fileInput } from "./open.ts";
export type { FileInput, FormatName, Reader, ReaderOptions, ReadItem } from "./reader.ts";
export { FORMAT_NAMES } from "./reader.ts";

const INPUT_EXTENSIONS = /\.(jsonl|ndjson|json|csv|txt)(\.gz)?$/i;

export interface ReadOptions extends ReaderOptions {
  /** Force one format for every file instead of detecting it per file. */
  format?: FormatName;
  /** Throw at the first rejection instead of reporting it. */
  strict?: boolean;
  onRejection?: (r: Rejection) => void;
  onFile?: (f: { path: string; format: FormatName }) => void;
  /** Called with the number of (compressed) bytes read from disk, for progress. */
  onBytes?: (n: number) => void;
}

/** Files as given; folders walked recursively for known extensions. Sorted, so order is deterministic. */
export async function expandInputs(inputs: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(input);
    } catch {
      throw new ConvoscopeError(`${input}: no such file or folder`, EXIT.input);
    }
    if (info.isDirectory()) files.push(...(await walk(input)).sort(byPath));
    else files.push(input);
  }
  return files;
}

/** Plain code-unit order, the same on every machine and locale. */
const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.name.startsWith(".")) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(path)));
    else if (e.isFile() && INPUT_EXTENSIONS.test(e.name)) out.push(path);
  }
  return out;
}

/**
 * The files to read with their formats, each announced through `onFile` as its turn comes, and each
 * file's items in batches: a reader's own (a chunk of JSON lines), else one item at a time.
 */
async function* sources(
  inputs: string | string[],
  options: ReadOptions,
): AsyncGenerator<AsyncIterable<Iterable<ReadItem>>> {
  for (const path of await expandInputs(Array.isArray(inputs) ? inputs : [inputs])) {
    // An empty file found in a folder is nothing to read, not a reason to stop.
    const format = options.format ?? (await detectOrBlank(path));
    if (format === null) continue;
    options.onFile?.({ path, format });
    yield batchesOf(getReader(format), fileInput(path, options.onBytes), options);
  }
}

async function* batchesOf(
  reader: Reader,
  input: FileInput,
  options: ReadOptions,
): AsyncGenerator<Iterable<ReadItem>> {
  if (reader.readBatches) yield* reader.readBatches(input, options);
  else for await (const item of reader.read(input, options)) yield [item];
}

/** Every conversation and rejection in the inputs, in file order. */
export async function* readItems(
  inputs: string | string[],
  options: ReadOptions = {},
): AsyncGenerator<ReadItem> {
  for await (const batches of sources(inputs, options)) for await (const batch of batches) yield* batch;
}

function where(r: Rejection): string {
  return `${r.file}${r.line !== undefined ? `:${r.line}` : r.index !== undefined ? `[${r.index}]` : ""}`;
}

/** The good conversations; rejections go to `onRejection`, or throw with `strict`. */
export async function* readConversations(
  inputs: string | string[],
  options: ReadOptions = {},
): AsyncGenerator<Conversation> {
  for await (const batches of sources(inputs, options)) {
    for await (const batch of batches) {
      for (const item of batch) {
        if ("conversation" in item) {
          yield item.conversation;
          continue;
        }
        if (options.strict)
          throw new ConvoscopeError(`${where(item.rejection)}: ${item.rejection.reason}`, EXIT.rejected);
        options.onRejection?.(item.rejection);
      }
    }
  }
}
