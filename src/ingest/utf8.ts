/**
 * Invalid UTF-8 in inputs that cannot be split into lines before parsing (JSON arrays, CSV). A
 * streaming parser decodes bytes on its own and would silently turn bad bytes into U+FFFD, which real
 * text also contains. So the bytes pass through a check first: each invalid sequence is replaced by
 * U+FDD0, a Unicode noncharacter reserved for exactly this kind of internal use, and counted. The
 * reader then looks for the marker only while some replaced sequence has not yet been pinned on a
 * record, which keeps the common, valid case free.
 */
import { isUtf8 } from "node:buffer";
import { Transform, type TransformCallback } from "node:stream";

export const INVALID_MARK = "\uFDD0";
const MARK_BYTES = Buffer.from(INVALID_MARK, "utf8");

/** Length of a well-formed sequence at `i`, or 0 when the bytes there are not valid UTF-8. */
function sequenceLength(b: Uint8Array, i: number, end: number): number {
  const c = b[i] as number;
  if (c < 0x80) return 1;
  let n: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (c >= 0xc2 && c <= 0xdf) n = 2;
  else if (c >= 0xe0 && c <= 0xef) {
    n = 3;
    if (c === 0xe0) lo = 0xa0;
    else if (c === 0xed) hi = 0x9f; // no surrogates
  } else if (c >= 0xf0 && c <= 0xf4) {
    n = 4;
    if (c === 0xf0) lo = 0x90;
    else if (c === 0xf4) hi = 0x8f;
  } else return 0;
  if (i + n > end) return 0;
  const second = b[i + 1] as number;
  if (second < lo || second > hi) return 0;
  for (let k = 2; k < n; k++) {
    const x = b[i + k] as number;
    if (x < 0x80 || x > 0xbf) return 0;
  }
  return n;
}

/** How many trailing bytes could be the start of a sequence that the next chunk completes. */
function incompleteTail(b: Uint8Array): number {
  const len = b.length;
  for (let back = 1; back <= 3 && back <= len; back++) {
    const c = b[len - back] as number;
    if (c < 0x80) return 0;
    if (c >= 0xc0) {
      const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      return need > back ? back : 0;
    }
  }
  return 0;
}

/** A pass-through stream that marks invalid UTF-8; `invalid` counts the sequences marked so far. */
export class Utf8Marker extends Transform {
  invalid = 0;
  private carry: Buffer | null = null;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = null;
    const tail = incompleteTail(buf);
    if (tail > 0) {
      this.carry = Buffer.from(buf.subarray(buf.length - tail));
      buf = buf.subarray(0, buf.length - tail);
    }
    done(null, isUtf8(buf) ? buf : this.repair(buf));
  }

  override _flush(done: TransformCallback): void {
    done(null, this.carry ? this.repair(this.carry) : undefined);
  }

  private repair(buf: Buffer): Buffer {
    const parts: Buffer[] = [];
    let start = 0;
    let i = 0;
    while (i < buf.length) {
      const n = sequenceLength(buf, i, buf.length);
      if (n > 0) {
        i += n;
        continue;
      }
      parts.push(buf.subarray(start, i), MARK_BYTES);
      this.invalid++;
      i++;
      // One mark per run of bad bytes: skip continuation bytes that belong to the broken sequence.
      while (i < buf.length && (buf[i] as number) >= 0x80 && (buf[i] as number) <= 0xbf) i++;
      start = i;
    }
    parts.push(buf.subarray(start));
    return Buffer.concat(parts);
  }
}

/** How many marks a string holds. */
export function countMarks(text: string): number {
  let n = 0;
  for (let i = text.indexOf(INVALID_MARK); i !== -1; i = text.indexOf(INVALID_MARK, i + 1)) n++;
  return n;
}
