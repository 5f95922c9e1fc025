/**
 * Splits a byte stream into lines with their 1-based numbers. Each line is decoded on its own with a
 * strict UTF-8 decoder, so one line of invalid bytes is reported and the rest of the file still reads.
 * Handles a leading BOM and CRLF endings. A stream error (a truncated gzip) ends the lines with a fault.
 */
import type { Readable } from "node:stream";

export type LineItem = { line: number; text: string } | { line: number; fault: string };

const decoder = new TextDecoder("utf-8", { fatal: true });
const NEWLINE = 0x0a;

function decodeLine(bytes: Uint8Array, line: number): LineItem {
  let end = bytes.length;
  if (end > 0 && bytes[end - 1] === 0x0d) end--;
  let start = 0;
  if (line === 1 && end >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  try {
    return { line, text: decoder.decode(bytes.subarray(start, end)) };
  } catch {
    return { line, fault: "invalid UTF-8" };
  }
}

/**
 * The reason for a stream that broke part-way. A gzip cut short and one with corrupt data look the
 * same to the user (the file ends early, what came before is kept), so both read "truncated gzip".
 */
export function streamFault(error: unknown): string {
  if (isGzipError(error)) return "truncated gzip";
  const code = (error as NodeJS.ErrnoException).code;
  return `read error (${code ?? (error as Error).message})`;
}

export function isGzipError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return (code?.startsWith("Z_") ?? false) || /unexpected end of file/i.test(String(error));
}

/**
 * The lines of a stream, a chunk's worth at a time: one await per 64 KiB instead of one per line
 * keeps the per-line cost to the decode.
 */
export async function* readLineBatches(stream: Readable): AsyncGenerator<LineItem[]> {
  let carry: Buffer | null = null;
  let line = 0;
  try {
    for await (const chunk of stream) {
      let buf = chunk as Buffer;
      if (carry) {
        buf = Buffer.concat([carry, buf]);
        carry = null;
      }
      const batch: LineItem[] = [];
      let start = 0;
      let nl = buf.indexOf(NEWLINE, start);
      while (nl !== -1) {
        line++;
        batch.push(decodeLine(buf.subarray(start, nl), line));
        start = nl + 1;
        nl = buf.indexOf(NEWLINE, start);
      }
      if (start < buf.length) carry = Buffer.from(buf.subarray(start));
      if (batch.length > 0) yield batch;
    }
  } catch (error) {
    // Whatever came before the break has been yielded; the partial last line is not trusted.
    yield [{ line: line + 1, fault: streamFault(error) }];
    return;
  }
  if (carry && carry.length > 0) yield [decodeLine(carry, line + 1)];
}

export async function* readLines(stream: Readable): AsyncGenerator<LineItem> {
  for await (const batch of readLineBatches(stream)) yield* batch;
}
