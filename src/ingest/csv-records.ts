/**
 * CSV rows as a stream, each with the line it starts on. A row csv-parse cannot make sense of (an
 * unclosed quote, a wrong number of fields) is reported with its line and skipped; a broken gzip ends
 * the rows with a fault. A row holding invalid UTF-8 is set aside (see utf8.ts for how it is found).
 */
import { parse } from "csv-parse";
import { isGzipError, streamFault } from "./lines.ts";
import type { FileInput } from "./reader.ts";
import { countMarks, Utf8Marker } from "./utf8.ts";

export type CsvItem = { line: number; row: Record<string, string> } | { line: number; fault: string };

/**
 * The rows of a CSV file as objects keyed by its header. When the header lacks a `required` column,
 * the file yields one fault (at line 1) instead of one per row.
 */
export async function* readCsvRows(input: FileInput, required: string[] = []): AsyncGenerator<CsvItem> {
  const source = input.open();
  let missing: string[] = [];
  const parser = parse({
    columns: (header: string[]) => {
      const names = header.map((h) => h.trim());
      missing = required.filter((r) => !names.includes(r));
      return names;
    },
    bom: true,
    info: true,
    raw: true,
    relax_column_count: false,
    skip_empty_lines: true,
    skip_records_with_error: true,
  });
  const skipped: CsvItem[] = [];
  parser.on("skip", (error: { lines?: number; message: string; code?: string }) => {
    skipped.push({ line: error.lines ?? 0, fault: `malformed CSV row (${error.code ?? error.message})` });
  });
  const marker = new Utf8Marker();
  source.on("error", (e) => parser.destroy(e));
  marker.on("error", (e) => parser.destroy(e));
  source.pipe(marker).pipe(parser);
  let pinned = 0;
  // csv-parse counts a CRLF inside a quoted field as two lines; subtract those to get true line numbers.
  let crlfInside = 0;
  let lastLine = 1;
  try {
    for await (const { record, raw, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      raw: string;
      info: { lines: number };
    }>) {
      if (missing.length > 0) {
        // The header may be a data row of a headerless file: name only what is missing, never its cells.
        yield {
          line: 1,
          fault: `missing column${missing.length > 1 ? "s" : ""} ${missing.map((m) => `"${m}"`).join(", ")}`,
        };
        return;
      }
      while (skipped.length > 0) yield fixLine(skipped.shift() as CsvItem, crlfInside);
      // The raw text may or may not end with its record delimiter; only breaks inside the record count.
      const body = raw.endsWith("\n") ? raw.slice(0, -1) : raw;
      let breaks = 0;
      for (let i = body.indexOf("\n"); i !== -1; i = body.indexOf("\n", i + 1)) {
        breaks++;
        if (body[i - 1] === "\r") crlfInside++;
      }
      lastLine = info.lines - crlfInside;
      const line = lastLine - breaks;
      const marks = marker.invalid > pinned ? countMarks(raw) : 0;
      pinned += marks;
      if (marks > 0) yield { line, fault: "invalid UTF-8" };
      else yield { line, row: record };
    }
    while (skipped.length > 0) yield fixLine(skipped.shift() as CsvItem, crlfInside);
  } catch (error) {
    while (skipped.length > 0) yield fixLine(skipped.shift() as CsvItem, crlfInside);
    const code = (error as NodeJS.ErrnoException).code ?? "";
    yield {
      line: lastLine + 1,
      fault: isGzipError(error) ? streamFault(error) : `malformed CSV (${code || (error as Error).message})`,
    };
  } finally {
    source.destroy();
  }
}

function fixLine(item: CsvItem, crlfInside: number): CsvItem {
  return { ...item, line: Math.max(1, item.line - crlfInside) };
}

/** The header line of a CSV head, split on commas (good enough for detection). */
export function csvHeader(head: string): string[] {
  const first = head.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  return first.split(",").map((h) => h.trim().replace(/^"|"$/g, "").toLowerCase());
}
