/** CounselChat: questions people asked licensed therapists, with a topic label (31 classes). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import type { Conversation } from "../../src/types.ts";

export interface CounselQuestion {
  conversation: Conversation;
  topic: string;
}

/** One conversation per distinct question: its title and text as one user message. */
export function loadCounselChat(dataDir: string): CounselQuestion[] {
  const rows = parse(readFileSync(join(dataDir, "counsel_chat", "20200325_counsel_chat.csv")), {
    columns: true,
    bom: true,
  }) as Record<string, string>[];
  const seen = new Set<string>();
  const out: CounselQuestion[] = [];
  for (const r of rows) {
    const id = r.questionID ?? "";
    if (seen.has(id)) continue;
    seen.add(id);
    const text = `${r.questionTitle ?? ""}\n${r.questionText ?? ""}`.trim();
    out.push({
      conversation: {
        id: `counsel-${id}`,
        source: { file: "counsel_chat", index: out.length },
        messages: [{ role: "user", text }],
        meta: {},
      },
      topic: r.topic ?? "",
    });
  }
  return out;
}
