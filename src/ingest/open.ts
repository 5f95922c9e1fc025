/** Opening an input: plain or gzip (told by its magic bytes, not its name), always as a byte stream. */
import { closeSync, createReadStream, openSync, readSync } from "node:fs";
import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import type { FileInput } from "./reader.ts";

export function isGzip(path: string): boolean {
  const fd = openSync(path, "r");
  try {
    const magic = Buffer.alloc(2);
    return readSync(fd, magic, 0, 2, 0) === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/**
 * A FileInput whose streams are decompressed. A gunzip error (truncated or corrupt data) surfaces as
 * an error on the returned stream after every byte before the break has been delivered.
 */
export function fileInput(path: string, onBytes?: (n: number) => void): FileInput {
  const gzip = isGzip(path);
  return {
    path,
    open(): Readable {
      const raw = createReadStream(path, { highWaterMark: 1 << 16 });
      if (onBytes) raw.on("data", (chunk) => onBytes((chunk as Buffer).length));
      if (!gzip) return raw;
      const gunzip = createGunzip();
      raw.on("error", (e) => gunzip.destroy(e));
      return dataBeforeError(raw.pipe(gunzip));
    },
  };
}

/**
 * `source`'s bytes, then its error, with none of the bytes before the error lost. A stream that errs
 * is destroyed, and a reader of it (an async iterator, a pipe) drops what it held decompressed but
 * not yet handed on; its buffer can still be read, though. So this reads it to the end, and hands on
 * one chunk at a time (a high-water mark of one byte): the error then reaches a stream whose buffer
 * is empty, and the reader has had every chunk before it.
 */
function dataBeforeError(source: Readable): Readable {
  let failure: unknown = null;
  source.on("error", (error) => {
    failure = error;
  });
  async function* chunks(): AsyncGenerator<Buffer> {
    for (;;) {
      const chunk = source.read() as Buffer | null;
      if (chunk !== null) {
        yield chunk;
        continue;
      }
      if (failure !== null) throw failure;
      if (source.readableEnded) return;
      await new Promise<void>((resolve) => {
        const done = () => {
          source.off("readable", done);
          source.off("end", done);
          source.off("error", done);
          resolve();
        };
        source.on("readable", done);
        source.on("end", done);
        source.on("error", done);
      });
    }
  }
  const out = Readable.from(chunks(), { objectMode: false, highWaterMark: 1 });
  out.on("close", () => source.destroy());
  return out;
}

/** The first `limit` bytes of the decoded file as text (for format detection). */
export async function readHead(input: FileInput, limit = 1 << 16): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  const stream = input.open();
  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= limit) break;
    }
  } catch {
    // A broken gzip still has a readable head; reading proper reports the break.
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks)
    .subarray(0, limit)
    .toString("utf8")
    .replace(/^\uFEFF/, "");
}
