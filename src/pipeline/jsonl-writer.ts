/**
 * An append-only JSONL file written in large blocks. It knows how many bytes and lines are on disk
 * after each flush, which is what a checkpoint records so a killed run can cut the file back to the
 * last complete record and carry on.
 */
import { type FileHandle, open, truncate } from "node:fs/promises";

const FLUSH_AT = 1 << 20;

export class JsonlWriter {
  private pending: string[] = [];
  private pendingBytes = 0;
  private constructor(
    private readonly handle: FileHandle,
    /** Bytes durably handed to the OS so far. */
    public bytes: number,
    /** Lines handed to the OS so far. */
    public lines: number,
  ) {}

  /** Opens `path` for appending after cutting it to `keepBytes` (0 = start afresh). */
  static async open(path: string, keepBytes = 0, keepLines = 0): Promise<JsonlWriter> {
    const handle = await open(path, keepBytes > 0 ? "r+" : "w");
    if (keepBytes > 0) {
      await handle.close();
      await truncate(path, keepBytes);
      return new JsonlWriter(await open(path, "a"), keepBytes, keepLines);
    }
    return new JsonlWriter(handle, 0, 0);
  }

  async write(value: unknown): Promise<void> {
    await this.writeJson(JSON.stringify(value));
  }

  /** One line already serialised (by a worker thread, say): `json` holds no newline. */
  async writeJson(json: string): Promise<void> {
    const line = `${json}\n`;
    this.pending.push(line);
    this.pendingBytes += Buffer.byteLength(line);
    this.lines++;
    if (this.pendingBytes >= FLUSH_AT) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const block = this.pending.join("");
    this.pending = [];
    await this.handle.write(block);
    this.bytes += this.pendingBytes;
    this.pendingBytes = 0;
  }

  async close(): Promise<void> {
    await this.flush();
    await this.handle.close();
  }
}
