/**
 * The `convoscope` command line: commander wiring only. Each command parses its options, calls the
 * library, and prints a human summary (or `--json`). Progress goes to stderr. The entry point that
 * runs it is main.ts.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Command, InvalidArgumentError, Option } from "commander";
import { ConvoscopeError, EXIT } from "../errors.ts";
import { explainFacets } from "../facets/index.ts";
import { READERS, readConversations } from "../ingest/index.ts";
import { FORMAT_NAMES, type FormatName, type LongCsvColumns } from "../ingest/reader.ts";
import { explainInterview } from "../interview/facets.ts";
import { writeFacets } from "../pipeline/facets-only.ts";
import { INTERVIEW_FORMAT } from "../pipeline/per-conversation.ts";
import { writeRedacted } from "../pipeline/redact-only.ts";
import { runStudy, type StudyOptions } from "../pipeline/study.ts";
import { redactConversation } from "../privacy/redact.ts";
import { scanDirectory } from "../privacy/scan.ts";
import { readManifest, renderRelease } from "../release/index.ts";
import { formatValidation, validateFacets } from "../validate/index.ts";
import { compareValues, formatComparison, readValuesRelease } from "../values/compare.ts";
import { VERSION } from "../version.ts";
import { formatEstimate, formatModelLine } from "./model-summary.ts";
import { progressBar } from "./progress.ts";

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError("expected a number above 0");
  return n;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a whole number of at least 1");
  return n;
}

function workerCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 64)
    throw new InvalidArgumentError("expected a whole number from 0 to 64");
  return n;
}

const workersOption = () =>
  new Option(
    "--workers <n>",
    "worker threads for the offline facets (0 = none; default: one per spare core, at most 8, none below 4 cores)",
  ).argParser(workerCount);

const COLUMN_KEYS: Record<string, keyof LongCsvColumns> = {
  conversation_id: "conversationId",
  role: "role",
  text: "text",
  user_id: "userId",
  timestamp: "timestamp",
};

/** `--columns conversation_id=chat,role=speaker` -> { conversationId: "chat", role: "speaker" }. */
export function parseColumns(value: string): Partial<LongCsvColumns> {
  const out: Partial<LongCsvColumns> = {};
  for (const pair of value.split(",")) {
    const [key, name] = pair.split("=").map((s) => s.trim());
    const field = key ? COLUMN_KEYS[key] : undefined;
    if (!field || !name) {
      throw new InvalidArgumentError(
        `expected KEY=COLUMN pairs with KEY one of ${Object.keys(COLUMN_KEYS).join(", ")}`,
      );
    }
    out[field] = name;
  }
  return out;
}

const formatOption = () =>
  new Option("--format <name>", "force an input format instead of detecting it per file").choices([
    ...FORMAT_NAMES,
  ]);
const columnsOption = () =>
  new Option(
    "--columns <pairs>",
    "long-csv column names, e.g. conversation_id=chat,role=speaker,text=body",
  ).argParser(parseColumns);

export function buildProgram(): Command {
  const program = new Command("convoscope")
    .description(
      "Privacy-preserving aggregate insight from AI-assistant conversation logs and AI-led interviews.",
    )
    .version(VERSION)
    .exitOverride()
    .showHelpAfterError()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command("study")
    .description(
      "read conversations, analyse them, and write a study folder (internal/, release/, manifest.json)",
    )
    .argument("<inputs...>", "files or folders (.jsonl, .json, .csv, optionally .gz)")
    .requiredOption("-o, --out <dir>", "the study folder to write")
    .addOption(formatOption())
    .addOption(columnsOption())
    .option("--strict", "stop at the first malformed record instead of setting it aside", false)
    .option("--force", "redo the study in an existing folder (cached model answers are kept)", false)
    .option("--resume", "continue an interrupted study in --out from its checkpoint", false)
    .addOption(
      new Option("--engine <name>", "facet engine: offline (no network) or model (--model)")
        .choices(["offline", "model"])
        .default("offline"),
    )
    .option(
      "--model <spec>",
      "with --engine model: anthropic:MODEL, openai:MODEL, openai-compatible:MODEL or gguf:/path/model.gguf",
    )
    .option("--concurrency <n>", "model requests in flight at once", positiveInt, 8)
    .addOption(workersOption())
    .option(
      "--budget <usd>",
      "stop cleanly before model calls could cost more than this (US dollars)",
      positiveNumber,
    )
    .addOption(
      new Option(
        "--anthropic-answer <mode>",
        'anthropic: "json" = schema in the system prompt, reply prefilled with "{"; "tool" = a forced tool (+340 billed input tokens a request)',
      )
        .choices(["json", "tool"])
        .default("json"),
    )
    .option("--batch", "send facet requests through the provider's batch API (anthropic: half price)", false)
    .option("--dry-run", "estimate model calls, tokens and cost, then stop (no call, nothing written)", false)
    .option("--prices <file>", "JSON price table overriding the built-in one (USD per million tokens)")
    .option(
      "--max-conversation-chars <n>",
      "characters of message text sent per conversation (longer ones keep their start and end)",
      positiveInt,
    )
    .option("--min-users <n>", "distinct users every released number must cover", positiveInt, 5)
    .option("--min-conversations <n>", "conversations every released number must cover", positiveInt, 15)
    .option(
      "--seed <n>",
      "seed for every random step (bootstrap, clustering)",
      (v) => Number.parseInt(v, 10),
      42,
    )
    .option("--no-topics", "skip the topic clusters (faster on very large inputs)")
    .option(
      "--embeddings <spec>",
      'embeddings for topics: "offline", "offline-chars", "openai-compatible:MODEL" (OPENAI_BASE_URL, OPENAI_API_KEY) or "transformers:MODEL_DIR"',
      "offline",
    )
    .option(
      "--values-reference <path>",
      "a values_tree.csv in the published format (or its folder) to place the study's values in",
    )
    .option("--interviews", "treat every input as AI-led interviews (interview-csv inputs always are)", false)
    .option("--plan <file>", "interview plan: a JSON list of the interview's questions to align answers with")
    .option("--group-by <column>", 'compare interview groups by a column, or by input file: "file"')
    .option("--consent-column <name>", "column marking participants who agreed to be quoted (yes/true/1)")
    .option("--consent-all", "every interview participant agreed to be quoted", false)
    .addOption(
      new Option(
        "--map <method>",
        "2-D map of topics: UMAP over cluster centroids, or PCA; auto = UMAP from 30 clusters",
      )
        .choices(["auto", "umap", "pca"])
        .default("auto"),
    )
    .option("-q, --quiet", "no progress bar", false)
    .option("--json", "print a machine-readable summary on stdout", false)
    .addHelpText(
      "after",
      `
Examples:
  $ convoscope study examples/conversations.jsonl --out my-study
  $ convoscope study interviews.csv --out iv --plan plan.json --group-by file --consent-column consent
  $ convoscope study exports/ --out q3 --min-users 10 --min-conversations 50
  $ convoscope study messages.csv --format long-csv --columns conversation_id=chat,role=speaker --out s
  $ convoscope study big.jsonl.gz --out s --resume      # after an interrupted run
  $ convoscope study chats.jsonl --out s --engine model --model anthropic:claude-haiku-4-5 --dry-run
  $ convoscope study chats.jsonl --out s --engine model --model anthropic:claude-haiku-4-5 --budget 5
  $ OPENAI_BASE_URL=http://127.0.0.1:11434/v1 convoscope study chats.jsonl --out s --engine model --model openai-compatible:llama3.1`,
    )
    .action(async (inputs: string[], o) => {
      if (o.force && o.resume)
        throw new ConvoscopeError("--force and --resume exclude each other", EXIT.usage);
      const options: StudyOptions = {
        inputs,
        out: o.out,
        format: o.format as FormatName | undefined,
        columns: o.columns,
        strict: o.strict,
        mode: o.resume ? "resume" : o.force ? "force" : "new",
        engine: o.engine,
        minUsers: o.minUsers,
        minConversations: o.minConversations,
        seed: o.seed,
        topics: o.topics,
        embeddings: o.embeddings,
        valuesReference: o.valuesReference,
        interviews: o.interviews,
        plan: o.plan,
        groupBy: o.groupBy,
        consentColumn: o.consentColumn,
        consentAll: o.consentAll,
        map: o.map,
        commandLine: ["convoscope", ...process.argv.slice(2)],
        concurrency: o.concurrency,
        ...(o.workers !== undefined && { workers: o.workers }),
        batch: o.batch,
        anthropicAnswer: o.anthropicAnswer,
        ...(o.model !== undefined && { model: o.model }),
        ...(o.budget !== undefined && { budgetUsd: o.budget }),
        ...(o.prices !== undefined && { pricesFile: o.prices }),
        ...(o.maxConversationChars !== undefined && { maxConversationChars: o.maxConversationChars }),
      };
      if (o.dryRun) {
        if (o.engine !== "model")
          throw new ConvoscopeError("--dry-run estimates --engine model runs", EXIT.usage);
        const { estimateStudy } = await import("../pipeline/estimate.ts");
        const e = await estimateStudy({ ...options, batch: false });
        console.log(o.json ? JSON.stringify(e) : formatEstimate(e));
        return;
      }
      const bar = progressBar(o.quiet || o.json);
      let summary: Awaited<ReturnType<typeof runStudy>>;
      try {
        summary = await runStudy(options, (p) => bar.update(p));
      } finally {
        bar.stop();
      }
      const m = summary.manifest;
      if (o.json) {
        console.log(
          JSON.stringify({
            out: summary.out,
            counts: m.counts,
            rejections_by_reason: m.rejections_by_reason,
            timings: m.timings,
            model: m.model,
          }),
        );
        return;
      }
      const seconds = Object.values(m.timings).reduce((a, b) => a + b, 0);
      console.error(
        `convoscope: ${m.counts.analysed} conversations analysed, ${m.counts.rejected} set aside, ` +
          `${m.inputs.length} input file${m.inputs.length === 1 ? "" : "s"}, ${seconds.toFixed(1)} s${m.resumed ? " (resumed)" : ""}`,
      );
      for (const [reason, n] of Object.entries(m.rejections_by_reason))
        console.error(`  set aside: ${n} x ${reason}`);
      if (m.counts.rejected > 0)
        console.error(`  where: ${summary.out}/internal/rejected.jsonl (file and line, no text)`);
      if (m.model) console.error(`  ${formatModelLine(m.model)}`);
      console.error(`  report: ${summary.out}/release/report.html`);
    });

  program
    .command("facets")
    .description(
      "write only the per-conversation records (the internal/facets.jsonl schema), no study folder",
    )
    .argument("<inputs...>", "files or folders")
    .requiredOption("-o, --out <file>", "JSONL file to write, or - for stdout")
    .addOption(formatOption())
    .addOption(columnsOption())
    .option("--strict", "stop at the first malformed record", false)
    .option("--interviews", "treat every input as AI-led interviews (interview-csv inputs always are)", false)
    .addOption(workersOption())
    .option("--json", "print a machine-readable summary on stdout (not with --out -)", false)
    .addHelpText(
      "after",
      "\nExamples:\n  $ convoscope facets examples/conversations.jsonl --out facets.jsonl\n  $ convoscope facets chats.jsonl.gz --out - | head",
    )
    .action(async (inputs: string[], o) => {
      const summary = await writeFacets(inputs, o.out, {
        format: o.format,
        columns: o.columns,
        strict: o.strict,
        interviews: o.interviews,
        ...(o.workers !== undefined && { workers: o.workers }),
      });
      if (o.json && o.out !== "-") console.log(JSON.stringify(summary));
      else console.error(`convoscope: ${summary.analysed} records written, ${summary.rejected} set aside`);
    });

  program
    .command("report")
    .description(
      "re-render DIR/release from DIR/internal (after changing code or thresholds in the manifest)",
    )
    .argument("<dir>", "a study folder")
    .addHelpText("after", "\nExample:\n  $ convoscope report my-study")
    .action(async (dir: string) => {
      const sections = await renderRelease(dir, readManifest(dir));
      console.error(`convoscope: ${dir}/release/report.html rendered (${sections.length} sections)`);
    });

  program
    .command("formats")
    .description("list the input formats convoscope reads")
    .option("--json", "machine-readable", false)
    .option("--examples", "show an example record of each format", false)
    .addHelpText("after", "\nExample:\n  $ convoscope formats --examples")
    .action((o) => {
      if (o.json) {
        console.log(
          JSON.stringify(
            READERS.map((r) => ({ format: r.format, description: r.description, example: r.example })),
          ),
        );
        return;
      }
      const width = Math.max(...READERS.map((r) => r.format.length));
      for (const r of READERS) {
        console.log(`${r.format.padEnd(width)}  ${r.description}`);
        if (o.examples)
          console.log(
            `${" ".repeat(width)}  e.g. ${r.example.replaceAll("\n", `\n${" ".repeat(width + 7)}`)}\n`,
          );
      }
      console.log("\nFormats are detected per file; force one with --format NAME.");
    });

  program
    .command("redact")
    .description(
      "redact personal data only: write the conversations with typed placeholders ([EMAIL], [PERSON], ...)",
    )
    .argument("<inputs...>", "files or folders")
    .requiredOption("-o, --out <file>", "JSONL file to write (OpenAI chat format), or - for stdout")
    .addOption(formatOption())
    .addOption(columnsOption())
    .option("--json", "print a machine-readable summary on stdout (not with --out -)", false)
    .addHelpText(
      "after",
      "\nExamples:\n  $ convoscope redact chats.jsonl --out chats.redacted.jsonl\n  $ convoscope redact export/conversations.json --out - | head",
    )
    .action(async (inputs: string[], o) => {
      const summary = await writeRedacted(inputs, o.out, { format: o.format, columns: o.columns });
      if (o.json && o.out !== "-") console.log(JSON.stringify(summary));
      else {
        const kinds =
          Object.entries(summary.redactions)
            .map(([k, v]) => `${v} ${k}`)
            .join(", ") || "nothing";
        console.error(
          `convoscope: ${summary.conversations} conversations redacted (${kinds}), ${summary.rejected} set aside`,
        );
      }
    });

  program
    .command("privacy-check")
    .description("scan every file under STUDY/release for personal-data patterns and planted canaries")
    .argument("<study>", "a study folder")
    .option("--canaries <file>", "strings that must not appear, one per line")
    .option("--json", "machine-readable findings", false)
    .addHelpText(
      "after",
      "\nExit code 6 when anything is found.\n\nExamples:\n  $ convoscope privacy-check my-study\n  $ convoscope privacy-check my-study --canaries planted.txt",
    )
    .action(async (study: string, o) => {
      const release = join(study, "release");
      if (!existsSync(release))
        throw new ConvoscopeError(`${release} does not exist: is ${study} a study folder?`, EXIT.input);
      const canaries = o.canaries ? readFileSync(o.canaries, "utf8").split(/\r?\n/) : [];
      const findings = scanDirectory(release, canaries);
      if (o.json) console.log(JSON.stringify({ findings }));
      else if (findings.length === 0)
        console.error(
          `convoscope: ${release} is clean (no PII pattern${canaries.length ? " or canary" : ""} found)`,
        );
      else for (const f of findings) console.error(`  ${f.file}: ${f.kind} ${f.preview}`);
      if (findings.length > 0)
        throw new ConvoscopeError(`${findings.length} finding(s) under ${release}`, EXIT.leak);
    });

  program
    .command("explain")
    .description("show every facet of one conversation and the cues behind each decision (offline engine)")
    .argument("<id>", "the conversation id (as in internal/facets.jsonl)")
    .option("--study <dir>", "find the conversation in this study's inputs")
    .option("--input <files...>", "or in these input files")
    .addOption(formatOption())
    .option("--interviews", "explain the interview facets too, whatever the input format", false)
    .option("--json", "machine-readable", false)
    .addHelpText(
      "after",
      "\nExamples:\n  $ convoscope explain ex-0042 --study my-study\n  $ convoscope explain c17 --input chats.jsonl",
    )
    .action(async (id: string, o) => {
      let inputs: string[] = o.input ?? [];
      let format = o.format as FormatName | undefined;
      let interviews = o.interviews === true;
      if (o.study) {
        const manifest = readManifest(o.study);
        inputs = manifest.inputs.map((f) => f.path);
        format ??= (manifest.options.format as FormatName | null) ?? undefined;
        interviews ||= manifest.options.interviews === true;
      }
      if (inputs.length === 0) throw new ConvoscopeError("give --study DIR or --input FILE...", EXIT.usage);
      let interview = false;
      const onFile = (f: { format: FormatName }) => {
        interview = interviews || f.format === INTERVIEW_FORMAT;
      };
      for await (const conversation of readConversations(inputs, { format, onFile })) {
        if (conversation.id !== id) continue;
        // Explained as the pipeline sees it: redacted first.
        const redacted = redactConversation(conversation).conversation;
        const explanation = explainFacets(redacted);
        const interviewFacets = interview ? explainInterview(redacted).facets : [];
        if (o.json) {
          console.log(
            JSON.stringify(interview ? { ...explanation, interview: interviewFacets } : explanation),
          );
          return;
        }
        console.log(
          `conversation ${id} (${conversation.source.file}${conversation.source.line ? `:${conversation.source.line}` : ""})`,
        );
        for (const f of explanation.facets) {
          console.log(`\n${f.facet}: ${JSON.stringify(f.values)}`);
          for (const c of f.cues) {
            const where = c.message >= 0 ? `message ${c.message} (${c.role})` : c.role;
            console.log(`  ${c.weight >= 0 ? "+" : ""}${Number(c.weight.toFixed(2))}  ${c.cue}  [${where}]`);
          }
        }
        for (const f of interviewFacets) {
          console.log(`\n${f.facet}: ${JSON.stringify(f.values)}`);
          for (const c of f.cues) {
            const where = c.answer >= 0 ? `answer ${c.answer}` : "interview";
            console.log(`  ${c.weight >= 0 ? "+" : ""}${Number(c.weight.toFixed(2))}  ${c.cue}  [${where}]`);
          }
        }
        return;
      }
      throw new ConvoscopeError(`no conversation with id "${id}" in ${inputs.join(", ")}`, EXIT.input);
    });

  program
    .command("compare-values")
    .description(
      "compare a study's released values (values_frequencies.csv, values_tree.csv) with a reference release, side by side",
    )
    .requiredOption("--study <dir>", "a study folder (or a folder holding the two CSVs)")
    .requiredOption(
      "--reference <paths...>",
      "a folder with the published values_frequencies.csv and values_tree.csv, or the two files",
    )
    .option("--top <n>", "values listed on each side", positiveInt, 15)
    .option("--json", "machine-readable", false)
    .addHelpText(
      "after",
      "\nExamples:\n  $ convoscope compare-values --study my-study --reference ../shared/data/values_in_the_wild\n  $ convoscope compare-values --study q3 --reference ref/values_frequencies.csv ref/values_tree.csv --json",
    )
    .action((o) => {
      const comparison = compareValues(readValuesRelease([o.study]), readValuesRelease(o.reference));
      if (o.json) {
        console.log(
          JSON.stringify({
            ours: {
              top_level: comparison.ours.topLevel,
              values: comparison.ours.frequencies.slice(0, o.top),
            },
            reference: {
              top_level: comparison.reference.topLevel,
              values: comparison.reference.frequencies.slice(0, o.top),
            },
            shared_values: comparison.shared,
            only_ours: comparison.onlyOurs,
            only_reference: comparison.onlyReference,
            spearman: Number.isNaN(comparison.spearman) ? null : comparison.spearman,
            shared_top_level: comparison.sharedTopLevel,
          }),
        );
        return;
      }
      console.log(formatComparison(comparison, o.top));
    });

  program
    .command("validate")
    .description(
      "agreement of predicted facets with labels a person gave: accuracy, P/R/F1, macro-F1, kappa, confusion",
    )
    .requiredOption("--gold <file>", 'JSONL of {"id", "<facet>": value} lines')
    .requiredOption("--pred <file>", "facets JSONL (internal/facets.jsonl or `convoscope facets` output)")
    .option("--facet <name>", "score only this facet (default: every facet the gold file labels)")
    .option("--json", "machine-readable", false)
    .addHelpText(
      "after",
      "\nExamples:\n  $ convoscope validate --gold labels.jsonl --pred my-study/internal/facets.jsonl\n  $ convoscope validate --gold labels.jsonl --pred facets.jsonl --facet pushback",
    )
    .action(async (o) => {
      const results = await validateFacets(o.gold, o.pred, o.facet);
      console.log(o.json ? JSON.stringify(results) : formatValidation(results));
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof ConvoscopeError) {
      process.stderr.write(`convoscope: ${error.message}\n`);
      return error.exitCode;
    }
    const code = (error as { code?: string }).code;
    if (typeof code === "string" && code.startsWith("commander.")) {
      // Help and --version "fail" with exit code 0; every other commander error is a usage mistake.
      return (error as { exitCode?: number }).exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    process.stderr.write(`convoscope: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT.internal;
  }
}
