/**
 * Generic long CSV: one row per message, `conversation_id, role, text` and optional `user_id,
 * timestamp` (names configurable). Rows of a conversation are expected to be contiguous, which keeps
 * memory to one conversation; if an id comes back later, that fragment becomes its own conversation
 * (`<id>~2`, `<id>~3`, ...) so no row is lost.
 */
import type { Conversation } from "../types.ts";
import { csvHeader, readCsvRows } from "./csv-records.ts";
import type { LongCsvColumns, Reader, ReadItem } from "./reader.ts";
import { buildMessages, isoTimestamp, normaliseRole, RecordError } from "./roles.ts";

export const DEFAULT_COLUMNS: LongCsvColumns = {
  conversationId: "conversation_id",
  role: "role",
  text: "text",
  userId: "user_id",
  timestamp: "timestamp",
};

interface Pending {
  id: string;
  line: number;
  userId?: string;
  timestamp?: string;
  rows: { role: string; content: string }[];
}

export const longCsv: Reader = {
  format: "long-csv",
  description:
    "Long CSV, one row per message: conversation_id,role,text[,user_id,timestamp] (rename with --columns)",
  example: "conversation_id,role,text,user_id\nc1,user,Hi,u7\nc1,assistant,Hello!,u7",
  detect(head) {
    const cols = csvHeader(head);
    return cols.includes("conversation_id") && cols.includes("role") && cols.includes("text") ? 0.9 : 0;
  },
  async *read(input, options): AsyncGenerator<ReadItem> {
    const c = { ...DEFAULT_COLUMNS, ...options.columns };
    const fragments = new Map<string, number>();
    let current: Pending | null = null;

    const flush = (p: Pending): ReadItem => {
      try {
        const meta: Record<string, unknown> = {};
        const fragment = fragments.get(p.id) ?? 0;
        fragments.set(p.id, fragment + 1);
        if (fragment > 0) meta.fragment = fragment + 1;
        const conversation: Conversation = {
          id: fragment > 0 ? `${p.id}~${fragment + 1}` : p.id,
          ...(p.userId && { userId: p.userId }),
          ...(p.timestamp && { timestamp: p.timestamp }),
          source: { file: input.path, line: p.line },
          messages: buildMessages(p.rows, meta),
          meta,
        };
        return { conversation };
      } catch (error) {
        if (!(error instanceof RecordError)) throw error;
        return { rejection: { file: input.path, line: p.line, reason: error.message } };
      }
    };

    for await (const item of readCsvRows(input, [c.conversationId, c.role, c.text])) {
      if ("fault" in item) {
        yield { rejection: { file: input.path, line: item.line, reason: item.fault } };
        continue;
      }
      const row = item.row;
      const id = row[c.conversationId]?.trim();
      if (!id || row[c.role] === undefined || row[c.text] === undefined) {
        yield {
          rejection: {
            file: input.path,
            line: item.line,
            reason: `missing ${c.conversationId}, ${c.role} or ${c.text}`,
          },
        };
        continue;
      }
      // Here a record is a row: a row with an unknown role is set aside alone, its neighbours kept.
      if (normaliseRole(row[c.role]) === null) {
        yield {
          rejection: {
            file: input.path,
            line: item.line,
            reason: `unknown role "${String(row[c.role]).slice(0, 40)}"`,
          },
        };
        continue;
      }
      if (current && current.id !== id) {
        yield flush(current);
        current = null;
      }
      if (!current) {
        const timestamp = isoTimestamp(row[c.timestamp]);
        current = {
          id,
          line: item.line,
          rows: [],
          ...(row[c.userId] && { userId: row[c.userId] }),
          ...(timestamp && { timestamp }),
        };
      }
      current.rows.push({ role: row[c.role] as string, content: row[c.text] as string });
    }
    if (current) yield flush(current);
  },
};
