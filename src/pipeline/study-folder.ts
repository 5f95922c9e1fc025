/**
 * The study folder: the contract later stages and outside evaluations rely on.
 *
 *   DIR/manifest.json            what ran, on what, with which options, how long each stage took
 *   DIR/internal/                stays with the analyst: per-conversation records, DuckDB, rejections
 *   DIR/release/                 aggregate, threshold-checked output that is safe to share
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ConvoscopeError, EXIT } from "../errors.ts";

export interface StudyPaths {
  root: string;
  manifest: string;
  internal: string;
  facets: string;
  facetsPartial: string;
  checkpoint: string;
  rejected: string;
  duckdb: string;
  /** The topic tree, every cluster with its `released` flag (internal: small clusters stay here). */
  topics: string;
  /** Interview questions, themes and consented quote candidates (internal; see src/interview/stage.ts). */
  interviews: string;
  /** Model answers survive `--force`: a redone analysis never pays twice. */
  cache: string;
  release: string;
  figures: string;
}

export function studyPaths(root: string): StudyPaths {
  const internal = join(root, "internal");
  const release = join(root, "release");
  return {
    root,
    manifest: join(root, "manifest.json"),
    internal,
    facets: join(internal, "facets.jsonl"),
    facetsPartial: join(internal, "facets.partial.jsonl"),
    checkpoint: join(internal, "checkpoint.json"),
    rejected: join(internal, "rejected.jsonl"),
    duckdb: join(internal, "study.duckdb"),
    topics: join(internal, "topics.json"),
    interviews: join(internal, "interviews.json"),
    cache: join(internal, "cache"),
    release,
    figures: join(release, "figures"),
  };
}

export type PrepareMode = "new" | "force" | "resume";

/**
 * Makes the folder ready. A non-empty folder is refused unless `--force` (redo everything but the
 * model cache) or `--resume` (continue from the checkpoint, which the caller validates).
 */
export async function prepareStudyFolder(paths: StudyPaths, mode: PrepareMode): Promise<void> {
  const entries = existsSync(paths.root) ? await readdir(paths.root) : [];
  if (entries.length > 0 && mode === "new") {
    throw new ConvoscopeError(
      `${paths.root} already exists and is not empty: pass --force to redo the study there, ` +
        "--resume to continue an interrupted run, or choose another --out",
      EXIT.exists,
    );
  }
  if (mode === "force") {
    await rm(paths.release, { recursive: true, force: true });
    await rm(paths.manifest, { force: true });
    for (const name of existsSync(paths.internal) ? await readdir(paths.internal) : []) {
      if (join(paths.internal, name) !== paths.cache) {
        await rm(join(paths.internal, name), { recursive: true, force: true });
      }
    }
  }
  await mkdir(paths.internal, { recursive: true });
  await mkdir(paths.figures, { recursive: true });
}

/** Writes a file whole or not at all: a kill mid-write leaves the old version, never half of one. */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, content);
  await rename(tmp, path);
}
