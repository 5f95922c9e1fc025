/**
 * The one interface every input format implements. A reader turns a (decompressed) byte stream into
 * conversations and rejections, streaming: it never holds more than one record's worth of the file.
 */
import type { Readable } from "node:stream";
import type { Conversation, Rejection } from "../types.ts";

export const FORMAT_NAMES = [
  "openai-jsonl",
  "sharegpt",
  "hh",
  "wildchat",
  "claude-export",
  "chatgpt-export",
  "interview-csv",
  "long-csv",
] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** What a reader yields: a good conversation, or a record set aside with its place and reason. */
export type ReadItem = { conversation: Conversation } | { rejection: Rejection };

/** Column names of the generic long CSV (one row per message). */
export interface LongCsvColumns {
  conversationId: string;
  role: string;
  text: string;
  userId: string;
  timestamp: string;
}

export interface ReaderOptions {
  columns?: Partial<LongCsvColumns>;
}

export interface FileInput {
  /** The path as the user gave it (relative paths stay relative): used in ids and rejections. */
  path: string;
  /** Opens the file's bytes, gunzipped when the file is gzip. Each call returns a fresh stream. */
  open(): Readable;
}

export interface Reader {
  readonly format: FormatName;
  /** One line for `convoscope formats`. */
  readonly description: string;
  /** An example record, shown by `convoscope formats --examples`. */
  readonly example: string;
  /**
   * How sure this reader is that the file is its format, from 0 (no) to 1 (certain), given the first
   * ~64 KiB of decoded text and the file name. Detection picks the highest score above 0.
   */
  detect(head: string, fileName: string): number;
  read(input: FileInput, options: ReaderOptions): AsyncIterable<ReadItem>;
  /**
   * The same items as `read`, several at a time where the format allows (a chunk of JSON lines):
   * one await per batch instead of one per record. Optional; readers without it are read item by item.
   */
  readBatches?(input: FileInput, options: ReaderOptions): AsyncIterable<Iterable<ReadItem>>;
}
