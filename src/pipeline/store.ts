/**
 * `internal/study.duckdb`: the same per-conversation records as facets.jsonl, as typed tables an
 * analyst can query (`duckdb internal/study.duckdb "select language, count(*) ..."`), plus the
 * rejections and the run's manifest.
 */
import { rm } from "node:fs/promises";
import { DuckDBInstance } from "@duckdb/node-api";
import type { Manifest } from "./manifest.ts";
import type { StudyPaths } from "./study-folder.ts";

/** Column types of `conversations`, one per FacetRecord field, so all-null fields still get a type. */
export const CONVERSATION_COLUMNS: Record<string, string> = {
  id: "VARCHAR",
  user_id: "VARCHAR",
  source_file: "VARCHAR",
  timestamp: "VARCHAR",
  language: "VARCHAR",
  human_turns: "INTEGER",
  assistant_turns: "INTEGER",
  content_creation: "BOOLEAN",
  affective: "BOOLEAN",
  affective_types: "VARCHAR[]",
  pushback: "BOOLEAN",
  pushback_reason: "VARCHAR",
  sentiment: 'STRUCT(messages DOUBLE[], start DOUBLE, "end" DOUBLE, shift DOUBLE)',
  collaboration: "VARCHAR",
  concern: "INTEGER",
  request: "VARCHAR",
  task: "VARCHAR",
  cluster: "VARCHAR",
  subjective: "BOOLEAN",
  values_ai: "VARCHAR[]",
  values_human: "VARCHAR[]",
  value_response: "VARCHAR",
};

function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

function columnsSpec(columns: Record<string, string>): string {
  return `{${Object.entries(columns)
    .map(([k, v]) => `${k}: ${sqlString(v)}`)
    .join(", ")}}`;
}

async function withDatabase<T>(
  path: string,
  work: (run: (sql: string) => Promise<unknown[][]>) => Promise<T>,
): Promise<T> {
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  try {
    return await work(async (sql) => (await connection.runAndReadAll(sql)).getRows() as unknown[][]);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Builds the database afresh from the JSONL files and returns the user counts the manifest needs. */
export async function loadStudyDatabase(paths: StudyPaths): Promise<{ distinct: number; withIds: number }> {
  await rm(paths.duckdb, { force: true });
  await rm(`${paths.duckdb}.wal`, { force: true });
  return withDatabase(paths.duckdb, async (run) => {
    await run(
      `CREATE TABLE conversations AS SELECT * FROM read_json(${sqlString(paths.facets)}, ` +
        `format = 'newline_delimited', columns = ${columnsSpec(CONVERSATION_COLUMNS)})`,
    );
    await run(
      `CREATE TABLE rejected AS SELECT * FROM read_json(${sqlString(paths.rejected)}, format = 'newline_delimited', ` +
        `columns = {file: 'VARCHAR', line: 'INTEGER', "index": 'INTEGER', reason: 'VARCHAR'})`,
    );
    const [row] = await run(
      "SELECT count(DISTINCT coalesce(user_id, 'conversation:' || id)), count(user_id) FROM conversations",
    );
    return { distinct: Number(row?.[0] ?? 0), withIds: Number(row?.[1] ?? 0) };
  });
}

/** Stores the finished run's manifest in the `runs` table and its inputs in `inputs`. */
export async function recordRun(paths: StudyPaths, manifest: Manifest): Promise<void> {
  await withDatabase(paths.duckdb, async (run) => {
    await run("CREATE TABLE IF NOT EXISTS runs (finished_at VARCHAR, fingerprint VARCHAR, manifest JSON)");
    await run(
      `INSERT INTO runs VALUES (${sqlString(manifest.finished_at)}, ${sqlString(manifest.fingerprint)}, ` +
        `${sqlString(JSON.stringify(manifest))})`,
    );
    await run("CREATE OR REPLACE TABLE inputs (path VARCHAR, format VARCHAR, bytes BIGINT, sha256 VARCHAR)");
    for (const f of manifest.inputs) {
      await run(
        `INSERT INTO inputs VALUES (${sqlString(f.path)}, ${f.format ? sqlString(f.format) : "NULL"}, ${f.bytes}, ${sqlString(f.sha256)})`,
      );
    }
  });
}
