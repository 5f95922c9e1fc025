/** ESConv (CC BY-NC 4.0, evaluation only): emotional-support dialogs; the seeker is the user. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Conversation } from "../../src/types.ts";

export interface EsconvDialog {
  conversation: Conversation;
  problemType: string;
  emotionType: string;
  /**
   * Seeker's initial minus final emotion intensity (survey, 1-5, given as strings; 110 of the 910
   * dialogs have no final intensity, hence null): positive = felt better. Every dialog with both
   * improved (1 to 4 points), so this is a ranking of how much, with many ties.
   */
  improvement: number | null;
  /** The seeker's own 1-5 rating of the supporter's empathy (survey), or null. */
  empathy: number | null;
}

export function loadEsconv(dataDir: string): EsconvDialog[] {
  const text = readFileSync(join(dataDir, "esconv", "train.json"), "utf8");
  const rows = text.trim().startsWith("[")
    ? JSON.parse(text)
    : text
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
  return (rows as Record<string, unknown>[]).map((row, i) => {
    const dialog = row.dialog as { text: string; speaker: string }[];
    const seeker = (row.survey_score as { seeker?: Record<string, string> } | undefined)?.seeker;
    const initial = Number(seeker?.initial_emotion_intensity);
    const final = Number(seeker?.final_emotion_intensity);
    return {
      conversation: {
        id: `esconv-${i}`,
        source: { file: "esconv/train.json", index: i },
        messages: dialog.map((d) => ({
          role: d.speaker === "usr" ? "user" : "assistant",
          text: d.text,
        })) as Conversation["messages"],
        meta: {},
      },
      problemType: String(row.problem_type),
      emotionType: String(row.emotion_type),
      improvement: Number.isFinite(initial) && Number.isFinite(final) ? initial - final : null,
      empathy: seeker?.empathy === undefined ? null : Number(seeker.empathy),
    };
  });
}
