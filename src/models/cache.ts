/**
 * The model-answer cache and the call log, side by side in a study's internal/cache/ (which `--force`
 * keeps): two append-only JSON-lines files.
 *
 * - answers.jsonl: one line per answer received, keyed by a content hash of everything that decides
 *   the answer (model, prompt version, schema, the request as sent). Each answer is written with one
 *   write(2) the moment it arrives, so a `kill -9` loses at most the calls still in flight; a torn
 *   last line is cut off when the cache is next opened. Only keys and file offsets stay in memory.
 * - calls.jsonl: llm-style, one line per request sent (also failed tries): when, model, purpose,
 *   prompt version, key, status, attempt, token usage, duration. No text: the answers file has it.
 */
import {
  closeSync,
  existsSync,
  fstatSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import type { Usage } from "./provider.ts";

export interface CachedAnswer {
  key: string;
  model: string;
  purpose: string;
  prompt_version: string;
  json: unknown;
  text: string;
  truncated: boolean;
  usage: Usage;
  at: string;
  /** Set when the provider refused this request as sent (a 4xx other than 401/403/429). */
  error?: string;
}

export interface CallLogEntry {
  at: string;
  model: string;
  purpose: string;
  prompt_version: string;
  key: string;
  status: "ok" | "retry" | "failed" | "batch";
  attempt: number;
  usage: Usage | null;
  duration_ms: number;
  error?: string;
}

const KEY_AT_START = /^\{"key":"([0-9a-f]{64})"/;

export class AnswerCache {
  private readonly index = new Map<string, { offset: number; length: number }>();
  private size: number;

  private constructor(
    private readonly fd: number,
    private readonly logFd: number,
  ) {
    this.size = fstatSync(fd).size;
  }

  /** Opens (creating) the cache in `dir`. */
  static open(dir: string): AnswerCache {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, "answers.jsonl");
    const fd = openSync(path, existsSync(path) ? "r+" : "w+");
    const logFd = openSync(join(dir, "calls.jsonl"), "a");
    const cache = new AnswerCache(fd, logFd);
    cache.load();
    return cache;
  }

  /** Indexes every complete line; cuts a torn last line (a write interrupted by a kill). */
  private load(): void {
    const chunk = Buffer.alloc(1 << 20);
    let carry = Buffer.alloc(0);
    let carryStart = 0;
    let position = 0;
    for (;;) {
      const n = readSync(this.fd, chunk, 0, chunk.length, position);
      if (n === 0) break;
      const data = carry.length > 0 ? Buffer.concat([carry, chunk.subarray(0, n)]) : chunk.subarray(0, n);
      let start = 0;
      for (let nl = data.indexOf(10, start); nl !== -1; nl = data.indexOf(10, start)) {
        const head = data.toString("utf8", start, Math.min(nl, start + 80));
        const key = KEY_AT_START.exec(head)?.[1];
        if (key) this.index.set(key, { offset: carryStart + start, length: nl - start });
        start = nl + 1;
      }
      carryStart += start;
      carry = Buffer.from(data.subarray(start));
      position += n;
    }
    if (carry.length > 0) {
      ftruncateSync(this.fd, carryStart);
      this.size = carryStart;
    }
  }

  get entries(): number {
    return this.index.size;
  }

  has(key: string): boolean {
    return this.index.has(key);
  }

  get(key: string): CachedAnswer | undefined {
    const at = this.index.get(key);
    if (!at) return undefined;
    const buffer = Buffer.alloc(at.length);
    readSync(this.fd, buffer, 0, at.length, at.offset);
    return JSON.parse(buffer.toString("utf8")) as CachedAnswer;
  }

  /** Appends an answer durably (one write) and indexes it. */
  put(answer: CachedAnswer): void {
    if (this.index.has(answer.key)) return;
    // `key` first, so loading can index a line without parsing it.
    const { key, ...rest } = answer;
    const line = Buffer.from(`${JSON.stringify({ key, ...rest })}\n`);
    writeSync(this.fd, line, 0, line.length, this.size);
    this.index.set(answer.key, { offset: this.size, length: line.length - 1 });
    this.size += line.length;
  }

  log(entry: CallLogEntry): void {
    writeSync(this.logFd, `${JSON.stringify(entry)}\n`);
  }

  close(): void {
    closeSync(this.fd);
    closeSync(this.logFd);
  }
}
