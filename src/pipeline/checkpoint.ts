/**
 * A checkpoint says how far a study got: how many conversations are safely in facets.partial.jsonl
 * and how many bytes they take. It is keyed by a fingerprint of everything that decides the records
 * (input file hashes, reader and analysis options, convoscope version), so a resume never mixes records
 * produced from different inputs or settings.
 */
import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";
import { writeFileAtomic } from "./study-folder.ts";

export const CheckpointSchema = z.strictObject({
  fingerprint: z.string(),
  /** Good conversations whose records are on disk, in input order. */
  records: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  /** Redaction counts of the records on disk, so a resumed study reports the whole run's totals. */
  redactions: z.record(z.string(), z.number()).default({}),
  updated: z.string(),
});
export type Checkpoint = z.infer<typeof CheckpointSchema>;

export function readCheckpoint(path: string): Checkpoint | null {
  if (!existsSync(path)) return null;
  const parsed = CheckpointSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  return parsed.success ? parsed.data : null;
}

export async function writeCheckpoint(
  path: string,
  checkpoint: Omit<z.input<typeof CheckpointSchema>, "updated">,
): Promise<void> {
  await writeFileAtomic(path, JSON.stringify({ ...checkpoint, updated: new Date().toISOString() }));
}
