/**
 * AI-led interview transcripts (the Anthropic Interviewer release): CSV `transcript_id,text`, where
 * `text` holds the whole interview with each turn on a line starting `Assistant:`, `AI:` or `User:`.
 * Lines without a prefix continue the current turn. Other columns (split, consent, group) go to meta.
 */
import type { Conversation } from "../types.ts";
import { csvHeader, readCsvRows } from "./csv-records.ts";
import type { Reader, ReadItem } from "./reader.ts";
import { buildMessages, RecordError } from "./roles.ts";

const SPEAKER = /^(Assistant|AI|User):[ \t]?/;

export function splitInterview(text: string): { role: string; content: string }[] {
  const turns: { role: string; content: string[] }[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = SPEAKER.exec(line);
    if (m) turns.push({ role: m[1] === "User" ? "user" : "assistant", content: [line.slice(m[0].length)] });
    else if (turns.length > 0) turns[turns.length - 1]?.content.push(line);
  }
  return turns.map((t) => ({ role: t.role, content: t.content.join("\n").trim() }));
}

export function interviewConversation(row: Record<string, string>, file: string, line: number): Conversation {
  const text = row.text;
  if (text === undefined) throw new RecordError('missing "text" column');
  const turns = splitInterview(text);
  if (turns.length === 0) throw new RecordError("no Assistant:/AI:/User: turns");
  const meta: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (k !== "text" && k !== "transcript_id") meta[k] = v;
  const id = row.transcript_id?.trim();
  return { id: id || `${file}:${line}`, source: { file, line }, messages: buildMessages(turns, meta), meta };
}

export const interviewCsv: Reader = {
  format: "interview-csv",
  description:
    "Interview transcripts CSV: transcript_id,text with turns on lines beginning Assistant:, AI: or User:",
  example:
    'transcript_id,text\nint-001,"Assistant: Thanks for joining. What do you use AI for?\nUser: Mostly drafting grant proposals."',
  detect(head) {
    const cols = csvHeader(head);
    return cols.includes("transcript_id") && cols.includes("text") ? 0.95 : 0;
  },
  async *read(input): AsyncGenerator<ReadItem> {
    for await (const item of readCsvRows(input, ["text"])) {
      if ("fault" in item) {
        yield { rejection: { file: input.path, line: item.line, reason: item.fault } };
        continue;
      }
      try {
        yield { conversation: interviewConversation(item.row, input.path, item.line) };
      } catch (error) {
        if (!(error instanceof RecordError)) throw error;
        yield { rejection: { file: input.path, line: item.line, reason: error.message } };
      }
    }
  },
};
