/** `manifest.json`: what ran, on what, with which options, and what came of it. */
import type { FormatName } from "../ingest/reader.ts";
import type { ModelManifest } from "./model-stage.ts";

export interface InputFile {
  path: string;
  format: FormatName | null;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  convoscope_version: string;
  node_version: string;
  command_line: string[];
  engine: string;
  /** The model engine's figures (model, prompt version, calls, cache hits, tokens, cost, failures); null offline. */
  model: ModelManifest | null;
  options: Record<string, unknown>;
  inputs: InputFile[];
  counts: {
    /** Records met in the inputs: analysed + rejected. */
    read: number;
    rejected: number;
    analysed: number;
    /** Distinct user ids; equals `analysed` when the input has none (each conversation is its own user). */
    users: number;
    has_user_ids: boolean;
  };
  rejections_by_reason: Record<string, number>;
  /** Personal-data spans replaced by placeholders at ingest, by type (counts only). */
  redactions: Partial<Record<string, number>>;
  /** Wall-clock seconds per stage. */
  timings: Record<string, number>;
  started_at: string;
  finished_at: string;
  resumed: boolean;
  fingerprint: string;
}
