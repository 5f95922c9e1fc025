/** ESConv (CC BY-NC 4.0, evaluation only): emotional-support dialogs; the seeker is the user. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Conversation } from "../../src/types.ts";

export interface EsconvDialog {
  conversation: Conversation;
  problemType: string;
  emotionType: string;
  /** Seeker's initial minus final emotion intensity (1-5 scale): positive = felt better. */
  improvement: number | null;
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
    };
  });
}
