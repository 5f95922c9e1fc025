/** Small helpers shared by the end-to-end tests. */
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Conversation } from "../src/types.ts";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const CLI = join(ROOT, "src", "cli", "main.ts");

export function tempDir(prefix = "convoscope-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI from source in a child process, as a user would (stderr is not a TTY: no progress bar).
 * `timeoutMs`: kill it then (code null), for a test that a run ends at all.
 */
export function runCli(
  args: string[],
  options: { cwd?: string; timeoutMs?: number } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", CLI, ...args], {
      cwd: options.cwd ?? ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const timer = options.timeoutMs ? setTimeout(() => child.kill("SIGKILL"), options.timeoutMs) : undefined;
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** One OpenAI-style JSONL line. */
export function chatLine(id: string, user: string | null, turns: [string, string][]): string {
  const messages = turns.flatMap(([u, a]) => [
    { role: "user", content: u },
    { role: "assistant", content: a },
  ]);
  return JSON.stringify(user === null ? { id, messages } : { id, user_id: user, messages });
}

/** A conversation of (user, assistant?) turns, for facet tests. */
export function chat(...turns: [string, string?][]): Conversation {
  return {
    id: "t",
    source: { file: "test", line: 1 },
    messages: turns.flatMap(([u, a]) => [
      { role: "user" as const, text: u },
      ...(a ? [{ role: "assistant" as const, text: a }] : []),
    ]),
    meta: {},
  };
}
