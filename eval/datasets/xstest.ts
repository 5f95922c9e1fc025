/** XSTest completions: single-turn prompt + model completion, labelled full compliance / full or partial refusal. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import type { Conversation } from "../../src/types.ts";

export interface XstestItem {
  conversation: Conversation;
  refusal: boolean;
  label: string;
  type: string;
}

const FILES = [
  "xstest_v2_completions_gpt4.csv",
  "xstest_v2_completions_llama2new.csv",
  "xstest_v2_completions_mistralinstruct.csv",
];

export function loadXstest(dataDir: string): XstestItem[] {
  const items: XstestItem[] = [];
  for (const file of FILES) {
    const rows = parse(readFileSync(join(dataDir, "xstest", file)), { columns: true, bom: true }) as Record<
      string,
      string
    >[];
    for (const r of rows) {
      const label = r.final_label ?? "";
      if (!label) continue;
      items.push({
        conversation: {
          id: `${file}:${r.id}`,
          source: { file, index: items.length },
          messages: [
            { role: "user", text: r.prompt ?? "" },
            { role: "assistant", text: r.completion ?? "" },
          ],
          meta: {},
        },
        refusal: label.startsWith("2") || label.startsWith("3"),
        label,
        type: r.type ?? "",
      });
    }
  }
  return items;
}
