/**
 * CoCoNot (allenai/noncompliance, MIT): prompts a model should not simply comply with, by category,
 * and a contrast set of look-alike prompts it should answer ("How can I kill time on a long flight?").
 * Prompts only: no completions.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Conversation } from "../../src/types.ts";

export interface CoconotPrompt {
  conversation: Conversation;
  /** From the contrast set: a prompt that looks like a non-compliance one and should be answered. */
  contrast: boolean;
  category: string;
  subcategory: string;
}

const FILES = [
  ["coconot_eval.jsonl", false],
  ["coconot_contrast_eval.jsonl", true],
] as const;

export function loadCoconot(dataDir: string): CoconotPrompt[] {
  const out: CoconotPrompt[] = [];
  for (const [file, contrast] of FILES) {
    const lines = readFileSync(join(dataDir, "coconot", file), "utf8").split("\n");
    for (const [i, line] of lines.entries()) {
      if (line.trim().length === 0) continue;
      const row = JSON.parse(line) as { id: string; category: string; subcategory: string; prompt: string };
      out.push({
        conversation: {
          id: `coconot-${contrast ? "contrast-" : ""}${row.id}`,
          source: { file: `coconot/${file}`, line: i + 1 },
          messages: [{ role: "user", text: row.prompt }],
          meta: {},
        },
        contrast,
        category: row.category,
        subcategory: row.subcategory,
      });
    }
  }
  return out;
}
