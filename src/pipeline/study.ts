/**
 * `runStudy`: inputs in, study folder out. Reads every input as a stream, runs the per-conversation
 * stages, appends records to internal/facets.jsonl with checkpoints (so a killed run resumes where it
 * stopped), loads the records into DuckDB, and renders the release.
 */
import { rename, rm } from "node:fs/promises";
import { z } from "zod";
import { ConvoscopeError, EXIT } from "../errors.ts";
import { detectOrBlank, expandInputs, readItems } from "../ingest/index.ts";
import { FORMAT_NAMES, type FormatName } from "../ingest/reader.ts";
import { readPlan } from "../interview/plan.ts";
import { runInterviewStage } from "../interview/stage.ts";
import { addCounts, type RedactionCounts } from "../privacy/redact.ts";
import { renderRelease } from "../release/index.ts";
import type { Rejection } from "../types.ts";
import { runValuesStage } from "../values/stage.ts";
import { VERSION } from "../version.ts";
import { readCheckpoint, writeCheckpoint } from "./checkpoint.ts";
import { defaultWorkers, FacetPool, OrderedAnalysis } from "./facet-pool.ts";
import { hashFile, hashValue } from "./hash.ts";
import { JsonlWriter } from "./jsonl-writer.ts";
import type { InputFile, Manifest } from "./manifest.ts";
// The model engine is loaded only when asked for: the offline path never pays for its modules.
import type { ModelEngine, ModelEngineOptions } from "./model-stage.ts";
import { OrderedResults } from "./ordered-results.ts";
import { ANALYSIS_VERSION, INTERVIEW_FORMAT, type ModelConversationResult } from "./per-conversation.ts";
import { loadStudyDatabase, recordRun } from "./store.ts";
import { prepareStudyFolder, studyPaths, writeFileAtomic } from "./study-folder.ts";
import { runTopicStage } from "./topics-stage.ts";

export const StudyOptionsSchema = z.strictObject({
  inputs: z.array(z.string()).min(1, "give at least one input file or folder"),
  out: z.string().min(1),
  format: z.enum(FORMAT_NAMES).optional(),
  columns: z
    .strictObject({
      conversationId: z.string().optional(),
      role: z.string().optional(),
      text: z.string().optional(),
      userId: z.string().optional(),
      timestamp: z.string().optional(),
    })
    .optional(),
  strict: z.boolean().default(false),
  /** "new" refuses a non-empty folder; "force" redoes it; "resume" continues from the checkpoint. */
  mode: z.enum(["new", "force", "resume"]).default("new"),
  /** "offline" (default: no network) or "model" (every facet from `model`, src/models). */
  engine: z.enum(["offline", "model"]).default("offline"),
  /** With engine "model": PROVIDER:MODEL, e.g. anthropic:claude-haiku-4-5. */
  model: z.string().min(1).optional(),
  /** Model requests in flight at once. */
  concurrency: z.number().int().min(1).max(256).default(8),
  /**
   * Worker threads for the offline engine's per-conversation stage (0: all in this thread); by
   * default one per spare core, none below 4 cores (facet-pool.ts). Records are the same.
   */
  workers: z.number().int().min(0).max(64).optional(),
  /** Stop cleanly before the model calls could cost more than this many US dollars. */
  budgetUsd: z.number().positive().optional(),
  /**
   * How an Anthropic model is asked for JSON: "json" (the schema in the system prompt, the reply
   * prefilled with "{") or "tool" (a forced tool; Anthropic bills its tool-use prompt on every request).
   */
  anthropicAnswer: z.enum(["json", "tool"]).default("json"),
  /** Send the facet requests through the provider's batch API (Anthropic: half price, asynchronous). */
  batch: z.boolean().default(false),
  /** A JSON price table overriding the built-in one (USD per million input/output tokens). */
  pricesFile: z.string().optional(),
  /** Characters of message text sent per conversation; longer ones keep their start and end. */
  maxConversationChars: z.number().int().min(1000).optional(),
  /** Model request timeout, retries after the first try, and the first backoff delay (ms). */
  timeoutMs: z.number().int().positive().optional(),
  retries: z.number().int().min(0).optional(),
  retryBaseMs: z.number().int().min(0).optional(),
  minUsers: z.number().int().min(1).default(5),
  minConversations: z.number().int().min(1).default(15),
  seed: z.number().int().default(42),
  /** Cluster conversations into topics (off for a faster study without the topic section). */
  topics: z.boolean().default(true),
  /** Embeddings for the topics: "offline" (no network) or "openai-compatible:MODEL". */
  embeddings: z.string().default("offline"),
  /** A published-format values_tree.csv (or its folder) to place the study's values in. */
  valuesReference: z.string().optional(),
  /** Treat every input as AI-led interviews (interview-csv inputs always are). */
  interviews: z.boolean().default(false),
  /** An interview plan (JSON question list) to align answers with; else questions are clustered. */
  plan: z.string().optional(),
  /** Compare interview groups: "file" (input file) or a column name. */
  groupBy: z.string().min(1).optional(),
  /** A column marking participants who consented to be quoted. */
  consentColumn: z.string().min(1).optional(),
  /** Every interview participant consented to be quoted. */
  consentAll: z.boolean().default(false),
  /** The 2-D map of topics: "auto" (UMAP from 30 base clusters, else PCA), "umap" or "pca". */
  map: z.enum(["auto", "umap", "pca"]).default("auto"),
  commandLine: z.array(z.string()).default([]),
});
export type StudyOptions = z.input<typeof StudyOptionsSchema>;
export type ResolvedOptions = z.output<typeof StudyOptionsSchema>;

export interface StudyProgress {
  stage: "hash" | "batch" | "read" | "topics" | "interviews" | "store" | "release" | "done";
  conversations: number;
  rejected: number;
  filesDone: number;
  filesTotal: number;
  /** Input bytes read so far and in all (compressed size for gzip): what an ETA is computed from. */
  bytesDone?: number;
  bytesTotal?: number;
  file?: string;
  /** With the model engine: calls made, answers from the cache, tokens and dollars so far. */
  model?: { calls: number; cached: number; tokens: number; costUsd: number };
}

export interface StudySummary {
  out: string;
  manifest: Manifest;
}

const CHECKPOINT_EVERY_RECORDS = 5000;
const CHECKPOINT_EVERY_MS = 2000;

export async function runStudy(
  options: StudyOptions,
  onProgress: (p: StudyProgress) => void = () => {},
): Promise<StudySummary> {
  const opts = parseOptions(options);
  const paths = studyPaths(opts.out);
  const startedAt = new Date();
  const timings: Record<string, number> = {};
  const time = async <T>(stage: string, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      timings[stage] = round((performance.now() - t0) / 1000 + (timings[stage] ?? 0));
    }
  };

  // A bad plan is a usage error before any work starts.
  const plan = opts.plan ? readPlan(opts.plan) : undefined;
  const files = await expandInputs(opts.inputs);
  if (files.length === 0)
    throw new ConvoscopeError(`no input files found in ${opts.inputs.join(", ")}`, EXIT.input);
  const inputs: InputFile[] = await time("hash_inputs", async () => {
    const out: InputFile[] = [];
    for (const [i, path] of files.entries()) {
      onProgress({
        stage: "hash",
        conversations: 0,
        rejected: 0,
        filesDone: i,
        filesTotal: files.length,
        file: path,
      });
      // An empty file has no format and nothing to read: it is listed in the manifest, then skipped.
      const format = opts.format ?? (await detectOrBlank(path));
      out.push({ path, format, ...(await hashFile(path)) });
    }
    return out;
  });

  // The model engine is checked before the folder is touched: a missing key fails early and cleanly.
  const engineOptions = opts.engine === "model" ? modelEngineOptions(opts) : null;
  const stage = engineOptions ? await import("./model-stage.ts") : null;
  const prepared = engineOptions && stage ? await stage.prepareModelEngine(engineOptions) : null;
  const spec = prepared && stage ? stage.facetSpec() : null;
  const interviewSpec = prepared && stage ? stage.interviewFacetSpec() : null;
  const fingerprint = hashValue({
    version: VERSION,
    analysis: ANALYSIS_VERSION,
    inputs: inputs.map((f) => [f.path, f.sha256, f.format]),
    columns: opts.columns ?? null,
    engine: opts.engine,
    interviews: opts.interviews,
    ...(spec && {
      model: opts.model,
      prompt: spec.version,
      schema: spec.hash,
      interview_schema: interviewSpec?.hash,
      max_chars: opts.maxConversationChars ?? stage?.DEFAULT_MAX_CHARS,
    }),
  });
  const previous = opts.mode === "resume" ? readCheckpoint(paths.checkpoint) : null;
  if (opts.mode === "resume" && previous && previous.fingerprint !== fingerprint) {
    throw new ConvoscopeError(
      `cannot resume ${opts.out}: its checkpoint was made from other inputs or options; use --force to start over`,
      EXIT.usage,
    );
  }
  await prepareStudyFolder(paths, opts.mode === "resume" ? "resume" : opts.mode);
  const engine =
    engineOptions && prepared && stage ? stage.openModelEngine(engineOptions, prepared, paths.cache) : null;
  try {
    return await studyWith(
      opts,
      plan,
      paths,
      inputs,
      fingerprint,
      previous,
      stage && engine ? { ...stage, engine } : null,
      timings,
      time,
      startedAt,
      onProgress,
    );
  } finally {
    engine?.close();
  }
}

async function studyWith(
  opts: ResolvedOptions,
  plan: ReturnType<typeof readPlan> | undefined,
  paths: ReturnType<typeof studyPaths>,
  inputs: InputFile[],
  fingerprint: string,
  previous: ReturnType<typeof readCheckpoint>,
  model: (typeof import("./model-stage.ts") & { engine: ModelEngine }) | null,
  timings: Record<string, number>,
  time: <T>(stage: string, work: () => Promise<T>) => Promise<T>,
  startedAt: Date,
  onProgress: (p: StudyProgress) => void,
): Promise<StudySummary> {
  const engine = model?.engine ?? null;
  const resumed = previous !== null;
  const skip = previous?.records ?? 0;

  const facets = await JsonlWriter.open(paths.facetsPartial, previous?.bytes ?? 0, skip);
  // Rejections are cheap to find again, so they are rewritten from the start on every run.
  const rejected = await JsonlWriter.open(paths.rejected);
  const rejectionsByReason: Record<string, number> = {};
  // Redaction counts of records already on disk come from the checkpoint, so totals survive a resume.
  const redactions: RedactionCounts = { ...(previous?.redactions ?? {}) };
  let good = 0;
  let lastCheckpoint = performance.now();
  const checkpoint = async () => {
    await facets.flush();
    await writeCheckpoint(paths.checkpoint, {
      fingerprint,
      records: facets.durableLines,
      bytes: facets.bytes,
      redactions,
    });
    lastCheckpoint = performance.now();
  };
  // At once, so that a run killed before its first timed checkpoint still resumes (and says so).
  if (!resumed) await checkpoint();

  const bytesTotal = inputs.reduce((a, f) => a + f.bytes, 0);
  let bytesDone = 0;
  const progress = (filesDone: number, file?: string) =>
    onProgress({
      stage: "read",
      conversations: engine ? facets.lines : good,
      rejected: rejected.lines,
      filesDone,
      filesTotal: inputs.length,
      bytesDone,
      bytesTotal,
      file,
      ...(engine && { model: modelProgress(engine) }),
    });
  const isInterview = (input: InputFile) => opts.interviews || input.format === INTERVIEW_FORMAT;
  if (model && engine && opts.batch) {
    await time("model_batch", () =>
      model.runFacetBatches(
        engine,
        inputs,
        { columns: opts.columns, skip, cacheDir: paths.cache, isInterview },
        (done, total) =>
          onProgress({
            stage: "batch",
            conversations: done,
            rejected: 0,
            filesDone: 0,
            filesTotal: inputs.length,
            bytesDone: done,
            bytesTotal: total,
            model: modelProgress(engine),
          }),
      ),
    );
  }
  // The model engine's records finish in any order and are written in input order.
  let fileIndex = 0;
  let lastProgress = 0;
  const ordered =
    model && engine
      ? new OrderedResults<ModelConversationResult>(opts.concurrency * 4, async (result) => {
          addCounts(redactions, result.redactions);
          model.countFailures(engine, result);
          await facets.write(result.record);
          const now = performance.now();
          if (now - lastProgress > 200) {
            lastProgress = now;
            progress(fileIndex, inputs[fileIndex]?.path);
          }
          if (facets.lines % CHECKPOINT_EVERY_RECORDS === 0 || now - lastCheckpoint > CHECKPOINT_EVERY_MS)
            await checkpoint();
        })
      : null;
  // The offline engine: in this thread, or on worker threads (facet-pool.ts); records in input order.
  const workers = opts.workers ?? defaultWorkers();
  const pool = !engine && workers > 0 ? FacetPool.start(workers) : null;
  const analysis = engine
    ? null
    : new OrderedAnalysis(pool, async (result) => {
        addCounts(redactions, result.redactions);
        await facets.writeJson(result.json);
        if (facets.lines % 1000 === 0) progress(fileIndex, inputs[fileIndex]?.path);
        if (
          facets.lines % CHECKPOINT_EVERY_RECORDS === 0 ||
          performance.now() - lastCheckpoint > CHECKPOINT_EVERY_MS
        ) {
          await checkpoint();
        }
      });
  const stopCleanly = async (error: unknown): Promise<never> => {
    await pool?.close();
    // What was written is kept: a checkpoint, so --resume continues (and pays nothing twice). If the
    // records could not be written (a full disk), the last checkpoint stands: it claims only what
    // reached the disk. Either way the error that stopped the run is the one reported.
    await checkpoint().catch(() => {});
    await facets.close().catch(() => {});
    await rejected.close().catch(() => {});
    if (
      error instanceof ConvoscopeError &&
      (error.exitCode === EXIT.budget || error.exitCode === EXIT.provider)
    ) {
      throw new ConvoscopeError(
        `${error.message}. ${facets.durableLines} conversation records are kept in ${opts.out}; ` +
          `continue with --resume${error.exitCode === EXIT.budget ? " (and a higher --budget)" : ""}`,
        error.exitCode,
      );
    }
    throw error;
  };
  // A stop after every record is written (budget or provider, during the topic naming): the records
  // stay in internal/facets.jsonl; a rerun with --force pays only for what is not yet cached.
  const stopAfterRecords = (error: unknown): never => {
    if (
      error instanceof ConvoscopeError &&
      (error.exitCode === EXIT.budget || error.exitCode === EXIT.provider)
    ) {
      throw new ConvoscopeError(
        `${error.message}. All ${good} conversation records are in ${paths.facets}; rerun with --force ` +
          "(every answer already received is reused from the cache) to finish the topics and the release",
        error.exitCode,
      );
    }
    throw error;
  };
  await time("read_and_facets", async () => {
    // The workers hold the process open: stopped on every way out (a --strict rejection included).
    try {
      await readAndAnalyse();
    } finally {
      await pool?.close();
    }
    await checkpoint();
    await facets.close();
    await rejected.close();
  });
  async function readAndAnalyse(): Promise<void> {
    for (const [i, input] of inputs.entries()) {
      progress(i, input.path);
      const interview = isInterview(input);
      const items = readItems(input.path, {
        format: input.format ?? undefined,
        columns: opts.columns,
        onBytes: (n) => {
          bytesDone += n;
        },
      });
      fileIndex = i;
      for await (const item of items) {
        if ("rejection" in item) {
          await recordRejection(item.rejection, opts.strict, rejected, rejectionsByReason);
          continue;
        }
        good++;
        if (good <= skip) continue;
        if (ordered) {
          try {
            await ordered.push(
              (model as NonNullable<typeof model>).analyse(engine as ModelEngine, item.conversation, {
                interview,
              }),
            );
          } catch (error) {
            await stopCleanly(error);
          }
          continue;
        }
        try {
          await (analysis as OrderedAnalysis).push(item.conversation, interview);
        } catch (error) {
          await stopCleanly(error);
        }
      }
    }
    if (ordered) await ordered.drain().catch(stopCleanly);
    await analysis?.finish().catch(stopCleanly);
  }
  if (good < skip) {
    throw new ConvoscopeError(
      `cannot resume ${opts.out}: the checkpoint has more records than the inputs`,
      EXIT.usage,
    );
  }
  await rename(paths.facetsPartial, paths.facets);

  if (opts.topics) {
    const all = inputs.length;
    onProgress({
      stage: "topics",
      conversations: good,
      rejected: rejected.lines,
      filesDone: all,
      filesTotal: all,
    });
    const tree = await time("topics", () =>
      runTopicStage(paths, inputs, good, {
        columns: opts.columns,
        thresholds: { minUsers: opts.minUsers, minConversations: opts.minConversations },
        seed: opts.seed,
        embeddings: opts.embeddings,
        map: opts.map,
      }),
    );
    // The model names the clusters, rebuilds the levels above them and audits every name.
    if (engine && tree) {
      const refined = await time("topics_model", () =>
        (model as NonNullable<typeof model>)
          .modelTopics(paths.facets, paths.topics, engine.client, {
            thresholds: { minUsers: opts.minUsers, minConversations: opts.minConversations },
            seed: opts.seed,
          })
          .catch(stopAfterRecords),
      );
      engine.clusterAudit = { checked: refined.audited, failed: refined.auditFailed };
    }
  }

  // Normalise value strings (either engine), build the values taxonomy: internal/values.json.
  // With the model engine, the model names the groups (and, below, the interview themes).
  await time("values", () =>
    runValuesStage(paths, {
      thresholds: { minUsers: opts.minUsers, minConversations: opts.minConversations },
      seed: opts.seed,
      embeddings: opts.embeddings,
      reference: opts.valuesReference ?? null,
      ...(model && engine && { namer: model.valuesNamer(engine) }),
    }).catch(stopAfterRecords),
  );
  const interviewInputs = inputs.filter((f) => f.format !== null && isInterview(f));
  if (interviewInputs.length > 0) {
    onProgress({
      stage: "interviews",
      conversations: good,
      rejected: rejected.lines,
      filesDone: inputs.length,
      filesTotal: inputs.length,
    });
    await time("interviews", () =>
      runInterviewStage(paths, interviewInputs, {
        columns: opts.columns,
        thresholds: { minUsers: opts.minUsers, minConversations: opts.minConversations },
        seed: opts.seed,
        embeddings: opts.embeddings,
        ...(plan && { plan }),
        ...(opts.groupBy && { groupBy: opts.groupBy }),
        consent: { ...(opts.consentColumn && { column: opts.consentColumn }), all: opts.consentAll },
        ...(model && engine && { namer: model.themeNamer(engine) }),
      }).catch(stopAfterRecords),
    );
  }

  onProgress({
    stage: "store",
    conversations: good,
    rejected: rejected.lines,
    filesDone: inputs.length,
    filesTotal: inputs.length,
  });
  const users = await time("store", () => loadStudyDatabase(paths));

  const manifest: Manifest = {
    convoscope_version: VERSION,
    node_version: process.version,
    command_line: opts.commandLine,
    engine: opts.engine,
    model:
      model && engine
        ? model.modelManifest(engine, {
            model: opts.model as string,
            batch: opts.batch,
            concurrency: opts.concurrency,
            ...(opts.budgetUsd !== undefined && { budgetUsd: opts.budgetUsd }),
          })
        : null,
    options: {
      format: opts.format ?? null,
      columns: opts.columns ?? null,
      strict: opts.strict,
      min_users: opts.minUsers,
      min_conversations: opts.minConversations,
      seed: opts.seed,
      topics: opts.topics,
      embeddings: opts.embeddings,
      values_reference: opts.valuesReference ?? null,
      interviews: opts.interviews,
      plan: opts.plan ?? null,
      group_by: opts.groupBy ?? null,
      consent_column: opts.consentColumn ?? null,
      consent_all: opts.consentAll,
      map: opts.map,
    },
    inputs,
    counts: {
      read: good + rejected.lines,
      rejected: rejected.lines,
      analysed: good,
      users: users.distinct,
      has_user_ids: users.withIds > 0,
    },
    rejections_by_reason: rejectionsByReason,
    redactions,
    timings,
    started_at: startedAt.toISOString(),
    finished_at: "",
    resumed,
    fingerprint,
  };
  onProgress({
    stage: "release",
    conversations: good,
    rejected: rejected.lines,
    filesDone: inputs.length,
    filesTotal: inputs.length,
  });
  await time("release", () => renderRelease(paths.root, manifest));
  manifest.finished_at = new Date().toISOString();
  await recordRun(paths, manifest);
  await writeFileAtomic(paths.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
  await rm(paths.checkpoint, { force: true });
  onProgress({
    stage: "done",
    conversations: good,
    rejected: rejected.lines,
    filesDone: inputs.length,
    filesTotal: inputs.length,
  });
  return { out: paths.root, manifest };
}

export function parseOptions(options: StudyOptions): ResolvedOptions {
  const parsed = StudyOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "options"}: ${i.message}`);
    throw new ConvoscopeError(`invalid study options: ${problems.join("; ")}`, EXIT.usage);
  }
  const o = parsed.data;
  if (o.engine === "model" && !o.model)
    throw new ConvoscopeError(
      "--engine model needs --model PROVIDER:MODEL (e.g. anthropic:claude-haiku-4-5)",
      EXIT.usage,
    );
  if (o.engine !== "model" && (o.model || o.batch || o.budgetUsd !== undefined))
    throw new ConvoscopeError("--model, --batch and --budget need --engine model", EXIT.usage);
  return o;
}

export function modelEngineOptions(o: ResolvedOptions): ModelEngineOptions {
  return {
    model: o.model as string,
    concurrency: o.concurrency,
    anthropicAnswer: o.anthropicAnswer,
    ...(o.budgetUsd !== undefined && { budgetUsd: o.budgetUsd }),
    ...(o.pricesFile !== undefined && { pricesFile: o.pricesFile }),
    ...(o.maxConversationChars !== undefined && { maxChars: o.maxConversationChars }),
    ...(o.timeoutMs !== undefined && { timeoutMs: o.timeoutMs }),
    ...(o.retries !== undefined && { retries: o.retries }),
    ...(o.retryBaseMs !== undefined && { baseDelayMs: o.retryBaseMs }),
  };
}

function modelProgress(engine: ModelEngine): NonNullable<StudyProgress["model"]> {
  const s = engine.client.stats;
  return {
    calls: s.calls,
    cached: s.cache_hits,
    tokens: s.input_tokens + s.output_tokens,
    costUsd: s.cost_usd,
  };
}

async function recordRejection(
  rejection: Rejection,
  strict: boolean,
  out: JsonlWriter,
  byReason: Record<string, number>,
): Promise<void> {
  if (strict) {
    const where =
      rejection.line !== undefined
        ? `:${rejection.line}`
        : rejection.index !== undefined
          ? `[${rejection.index}]`
          : "";
    throw new ConvoscopeError(
      `${rejection.file}${where}: ${rejection.reason} (--strict stops at the first bad record)`,
      EXIT.rejected,
    );
  }
  byReason[reasonKind(rejection.reason)] = (byReason[reasonKind(rejection.reason)] ?? 0) + 1;
  await out.write(rejection);
}

/** Groups reasons by their kind ("unknown role" rather than each role's name) for the summary. */
function reasonKind(reason: string): string {
  return (
    reason
      .replace(/\s*[:(].*$/, "")
      .replace(/\s*"[^"]*"/g, "")
      .trim() || reason
  );
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export type { FormatName };
