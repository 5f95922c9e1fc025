/** WNUT-17 emerging entities: noisy user text in CoNLL BIO format. Sentences are rebuilt with character offsets. */
import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface WnutSentence {
  id: string;
  text: string;
  entities: { type: string; start: number; end: number }[];
}

export function loadWnut17(dataDir: string): WnutSentence[] {
  const out: WnutSentence[] = [];
  let tokens: [string, string][] = [];
  const flush = () => {
    if (tokens.length === 0) return;
    let text = "";
    const entities: WnutSentence["entities"] = [];
    let open: { type: string; start: number; end: number } | null = null;
    for (const [token, tag] of tokens) {
      const start = text.length === 0 ? 0 : text.length + 1;
      text = text.length === 0 ? token : `${text} ${token}`;
      const end = text.length;
      if (tag.startsWith("B-")) {
        if (open) entities.push(open);
        open = { type: tag.slice(2), start, end };
      } else if (tag.startsWith("I-") && open) open.end = end;
      else if (open) {
        entities.push(open);
        open = null;
      }
    }
    if (open) entities.push(open);
    out.push({ id: `wnut-${out.length}`, text, entities });
    tokens = [];
  };
  for (const line of readFileSync(join(dataDir, "wnut17", "wnut17train.conll"), "utf8").split("\n")) {
    const [token, tag] = line.split("\t");
    if (!token || !tag) flush();
    else tokens.push([token, tag.trim()]);
  }
  flush();
  return out;
}
