/** HH-RLHF harmlessness test split, read through convoscope's own `hh` reader. */
import { join } from "node:path";
import { readConversations } from "../../src/ingest/index.ts";
import type { Conversation } from "../../src/types.ts";

export async function loadHh(dataDir: string): Promise<Conversation[]> {
  const out: Conversation[] = [];
  for await (const c of readConversations(join(dataDir, "hh_rlhf", "test.jsonl.gz"))) out.push(c);
  return out;
}
