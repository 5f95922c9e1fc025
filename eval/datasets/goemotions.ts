/** GoEmotions: Reddit comments with emotion labels, mapped to positive / negative through sentiment_mapping.json. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { splitOf } from "./split.ts";

export interface PolarityItem {
  id: string;
  text: string;
  positive: boolean;
}

/** Comments whose emotions are all positive or all negative (neutral and ambiguous ones are left out). */
export function loadGoemotions(dataDir: string, file: "train.tsv" | "dev.tsv"): PolarityItem[] {
  const dir = join(dataDir, "goemotions");
  const names = readFileSync(join(dir, "emotions.txt"), "utf8").trim().split("\n");
  const mapping = JSON.parse(readFileSync(join(dir, "sentiment_mapping.json"), "utf8")) as Record<
    string,
    string[]
  >;
  const pos = new Set(mapping.positive);
  const neg = new Set(mapping.negative);
  const items: PolarityItem[] = [];
  for (const line of readFileSync(join(dir, file), "utf8").split("\n")) {
    const [text, labels, id] = line.split("\t");
    if (!text || !labels || !id) continue;
    const emotions = labels.split(",").map((i) => names[Number(i)] as string);
    const p = emotions.every((e) => pos.has(e));
    const n = emotions.every((e) => neg.has(e));
    if (p !== n) items.push({ id, text, positive: p });
  }
  return items;
}

/** Comments of train.tsv the evaluation scores as its dev part (the valence trainer leaves them out). */
export const DEV_PART_SIZE = 6000;
export function goemotionsDevPart(dataDir: string): PolarityItem[] {
  return loadGoemotions(dataDir, "train.tsv")
    .filter((x) => splitOf(x.id) === "dev")
    .slice(0, DEV_PART_SIZE);
}
