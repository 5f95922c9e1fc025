/** Opening an input: plain or gzip (told by its magic bytes, not its name), always as a byte stream. */
import { closeSync, createReadStream, openSync, readSync } from "node:fs";
import type { Readable } from "node:stream";
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
      return raw.pipe(gunzip);
    },
  };
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
