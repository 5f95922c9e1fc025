/** Presidio research synthetic set: template sentences with fake PII and character-offset spans. */
import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface PresidioItem {
  id: string;
  text: string;
  spans: { type: string; start: number; end: number }[];
}

export function loadPresidio(dataDir: string): PresidioItem[] {
  const rows = JSON.parse(readFileSync(join(dataDir, "presidio_synth", "synth_dataset_v2.json"), "utf8")) as {
    full_text: string;
    spans: { entity_type: string; start_position: number; end_position: number }[];
  }[];
  return rows.map((r, i) => ({
    id: `presidio-${i}`,
    text: r.full_text,
    spans: r.spans.map((s) => ({ type: s.entity_type, start: s.start_position, end: s.end_position })),
  }));
}
