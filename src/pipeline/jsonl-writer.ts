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
  private pendingLines = 0;
  /** A write that failed: nothing more is written, and nothing past the last good flush is counted. */
  private failure: unknown = null;
  private constructor(
    private readonly handle: FileHandle,
    /** Bytes durably handed to the OS so far. */
    public bytes: number,
    /** Lines durably handed to the OS so far: what a checkpoint may claim. */
    public durableLines: number,
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

  /** Lines written so far, those still pending included. */
  get lines(): number {
    return this.durableLines + this.pendingLines;
  }

  async write(value: unknown): Promise<void> {
    await this.writeJson(JSON.stringify(value));
  }

  /** One line already serialised (by a worker thread, say): `json` holds no newline. */
  async writeJson(json: string): Promise<void> {
    if (this.failure !== null) throw this.failure;
    const line = `${json}\n`;
    this.pending.push(line);
    this.pendingBytes += Buffer.byteLength(line);
    this.pendingLines++;
    if (this.pendingBytes >= FLUSH_AT) await this.flush();
  }

  /**
   * Hands the pending lines to the OS. If that fails (a full disk), the counts stay at the last good
   * flush and every later flush fails too, so no checkpoint can claim lines that are not on disk.
   */
  async flush(): Promise<void> {
    if (this.failure !== null) throw this.failure;
    if (this.pending.length === 0) return;
    const block = this.pending.join("");
    const bytes = this.pendingBytes;
    const lines = this.pendingLines;
    this.pending = [];
    this.pendingBytes = 0;
    this.pendingLines = 0;
    try {
      await this.handle.write(block);
    } catch (error) {
      this.failure = error;
      throw error;
    }
    this.bytes += bytes;
    this.durableLines += lines;
  }

  /** Flushes and closes; after a failed write, only closes (the failure was thrown already). */
  async close(): Promise<void> {
    try {
      if (this.failure === null) await this.flush();
    } finally {
      await this.handle.close();
    }
  }
}
