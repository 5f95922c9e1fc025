/**
 * The release: everything under DIR/release/ is rendered from DIR/internal/ by streaming the
 * per-conversation records once through every analysis, gating each figure, and writing the report,
 * the figures' CSV data and Vega-Lite specs, and privacy.json. `convoscope report DIR` calls this alone.
 */
import { createReadStream, existsSync, readFileSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { ANALYSES } from "../analyses/index.ts";
import { InterviewsAnalysis } from "../analyses/interviews.ts";
import { TopicsAnalysis } from "../analyses/topics.ts";
import { ValuesAnalysis } from "../analyses/values.ts";
import type { TopicNode } from "../cluster/index.ts";
import { ConvoscopeError, EXIT } from "../errors.ts";
import type { InterviewStudy } from "../interview/stage.ts";
import type { Manifest } from "../pipeline/manifest.ts";
import { studyPaths } from "../pipeline/study-folder.ts";
import { type AuditLog, auditString, newAuditLog } from "../privacy/audit.ts";
import type { FacetRecord } from "../types.ts";
import { readValuesFile, VALUES_RELEASE_COLUMNS } from "../values/stage.ts";
import { figureSpec, renderSvg } from "./chart.ts";
import { toCsv } from "./csv.ts";
import type { Section } from "./figure.ts";
import type { Thresholds } from "./gate.ts";
import { renderReportHtml } from "./html.ts";

export async function* readFacetRecords(path: string): AsyncGenerator<FacetRecord> {
  const lines = createInterface({
    input: createReadStream(path, { encoding: "utf8" }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of lines) {
    if (line.length > 0) yield JSON.parse(line) as FacetRecord;
  }
}

export function readManifest(root: string): Manifest {
  const path = studyPaths(root).manifest;
  if (!existsSync(path))
    throw new ConvoscopeError(`${root} is not a study folder: ${path} is missing`, EXIT.input);
  return JSON.parse(readFileSync(path, "utf8")) as Manifest;
}

export function thresholdsOf(manifest: Manifest): Thresholds {
  return {
    minUsers: Number(manifest.options.min_users ?? 5),
    minConversations: Number(manifest.options.min_conversations ?? 15),
  };
}

const METHODS = [
  "Each input file is read as a stream and every conversation normalised to user, assistant and system messages. " +
    "Malformed records are set aside (counted here, listed by file and line in the study's internal folder) and never analysed.",
  "Before anything else reads a conversation, personal data (emails, phone numbers, payment cards, IBANs, national ids, IP addresses, " +
    "personal URLs, street addresses, dates of birth and person names) is replaced by typed placeholders.",
  "Facets are then extracted per conversation by convoscope's offline engine: transparent cue lexicons for content creation, affective types, " +
    "pushback and its reason, collaboration mode, concern level and the values expressed; a per-message sentiment scorer " +
    "(VADER's lexicon with word corrections learnt from GoEmotions' human emotion labels); and a fixed vocabulary for the request and task. " +
    "Following the affective-use study, content creation is never affective and romantic roleplay needs at least four human messages. " +
    "Each facet is validated against public human-labelled datasets (`npm run eval`), which print the measured agreement.",
  "Proportions carry 95% Wilson score intervals; mean sentiment shifts carry 95% percentile bootstrap intervals from 1,000 seeded resamples.",
  "Released numbers pass an aggregation gate modelled on Clio: a category, bar or cell is shown only when it covers at least " +
    "the minimum number of distinct users and of conversations; smaller categories are pooled into “other” or suppressed. " +
    "Numbers are also gated against subtraction: while a shown whole minus shown parts (in one figure or across figures) would count a group under the thresholds, the smallest such part is pooled or withheld too. " +
    "Every released string is checked by the personal-data detector before it is written (see privacy.json).",
];

/** Method notes for the sections a study has: a report without interviews does not describe them. */
const SECTION_METHODS: Record<string, string> = {
  topics:
    "Topics follow Clio: each conversation's redacted human messages are embedded (offline: TF-IDF reduced by LSA; or the configured embedder), " +
    "clustered by seeded k-means, and the clusters grouped level by level into a hierarchy. Offline names use only words that conversations of " +
    "at least the minimum number of users share; with a model, names are written from contrastive examples and audited.",
  values:
    "Values follow the values-in-the-wild study: in subjective conversations, the values the assistant states or demonstrates, the values the human " +
    "states explicitly, and how the assistant meets them (seven response types). Value strings are normalised, grouped into a taxonomy by " +
    "hierarchical clustering of their embeddings, and tested for where they are situational (chi-square tests, adjusted residuals, Bonferroni correction).",
  interviews:
    "Interview transcripts are segmented into questions and answers and aligned to the interview plan; each answer is rated for sentiment and coded " +
    "for concerns and hopes, themes are found per question, and groups are compared with chi-square tests corrected by Holm's method. " +
    "Quotes come only from participants who consented to be quoted, redacted and audited.",
};

function methodsFor(sections: Section[], model: { model: string; prompt_version: string } | null): string[] {
  const base = model
    ? METHODS.map((m, i) => (i === 2 ? modelMethods(model.model, model.prompt_version) : m))
    : [...METHODS];
  const extra = sections.flatMap((s) => (SECTION_METHODS[s.id] ? [SECTION_METHODS[s.id] as string] : []));
  // After the facets paragraph: statistics and the gate close the list.
  return [...base.slice(0, 3), ...extra, ...base.slice(3)];
}

function modelMethods(model: string, version: string): string {
  return (
    `Facets were extracted per conversation by the language model ${model} (prompt ${version}): one request per redacted conversation ` +
    "answered every facet as JSON validated against its schema (one repair request for an invalid answer; a facet still invalid is left empty and counted). " +
    "Open-ended answers were instructed to contain no personal information and no proper nouns. Following the affective-use study, " +
    "content creation is never affective and romantic roleplay needs at least four human messages. Topic clusters were named by the model from " +
    "contrastive examples, organised into a hierarchy by the model, and every name was audited for privacy before release."
  );
}

const LIMITATIONS = [
  "Counts describe the conversations in the inputs, not a population: a sample's biases carry into every figure.",
  "The offline engine matches cues; it misses affective or refusing conversations phrased in ways its lexicons do not cover, and its sentiment " +
    "ratings follow word valence rather than meaning. Of the affective types it tells counseling and interpersonal advice apart best and " +
    "coaching least (agreement with hand-labelled real conversations: `npm run eval -- affective`), so read the mix of types as indicative. " +
    "Treat small differences between groups with caution; a model-backed engine reads meaning.",
  "People often state a problem early in a conversation, so part of a positive sentiment shift reflects how conversations are structured.",
  "Each conversation is analysed on its own: dependence or change over a person's many conversations is not measured here.",
  "When the inputs carry no user ids, each conversation counts as its own user, which makes the distinct-user threshold weaker.",
];

/**
 * Layer 4: every string a section would release (sentences, labels, table cells) passes the audit; a
 * failing sentence is dropped, and a failing row is dropped from its figure.
 */
function auditSection(section: Section, log: AuditLog): Section {
  const keep = (s: string) => auditString(s, log);
  return {
    ...section,
    summary: section.summary.filter(keep),
    intro: section.intro?.filter(keep),
    figures: section.figures.map((f) => ({
      ...f,
      rows: f.rows.filter((row) => Object.values(row).every((v) => typeof v !== "string" || keep(v))),
    })),
  };
}

/** Renders DIR/release from DIR/internal. Returns the sections it rendered. */
export async function renderRelease(
  root: string,
  manifest: Manifest = readManifest(root),
): Promise<Section[]> {
  const paths = studyPaths(root);
  if (!existsSync(paths.facets))
    throw new ConvoscopeError(`${paths.facets} is missing: run \`convoscope study\` first`, EXIT.input);
  const thresholds = thresholdsOf(manifest);
  const topics = existsSync(paths.topics)
    ? (JSON.parse(readFileSync(paths.topics, "utf8")) as TopicNode[])
    : null;
  const values = readValuesFile(paths);
  const interviews = existsSync(paths.interviews)
    ? (JSON.parse(readFileSync(paths.interviews, "utf8")) as InterviewStudy)
    : null;
  const ctx = { thresholds, manifest, seed: Number(manifest.options.seed ?? 42), topics, values, interviews };
  const analyses = ANALYSES.map((make) => make(ctx)).filter((a): a is NonNullable<typeof a> => a !== null);
  for await (const record of readFacetRecords(paths.facets)) {
    for (const a of analyses) a.add(record);
  }
  const audit = newAuditLog();
  const sections = analyses.flatMap((a) => a.finish() ?? []).map((s) => auditSection(s, audit));

  await rm(paths.release, { recursive: true, force: true });
  await mkdir(paths.figures, { recursive: true });
  const svgs = new Map<string, string>();
  let suppressed = 0;
  for (const figure of sections.flatMap((s) => s.figures)) {
    suppressed += figure.suppressed;
    await writeFile(join(paths.figures, `${figure.id}.csv`), toCsv(figure.rows));
    await writeFile(
      join(paths.figures, `${figure.id}.vl.json`),
      `${JSON.stringify(figureSpec(figure), null, 2)}\n`,
    );
    if (figure.rows.length > 0) svgs.set(figure.id, await renderSvg(figure));
  }
  // The released topic tree, as the clustering issue's contract: release/clusters.json and clusters.csv.
  const topicAnalysis = analyses.find((a): a is TopicsAnalysis => a instanceof TopicsAnalysis);
  if (topicAnalysis) {
    const rows = topicAnalysis
      .clusterRows()
      .filter((r) => Object.values(r).every((v) => typeof v !== "string" || auditString(v, audit)));
    await writeFile(
      join(paths.release, "clusters.json"),
      `${JSON.stringify(TopicsAnalysis.jsonRows(rows), null, 2)}\n`,
    );
    await writeFile(join(paths.release, "clusters.csv"), toCsv(rows));
  }
  // The values study's two tables, in the published dataset's columns.
  const valuesAnalysis = analyses.find((a): a is ValuesAnalysis => a instanceof ValuesAnalysis);
  const valueCounts = { frequencies: 0, tree: 0, treeDropped: 0 };
  if (valuesAnalysis) {
    const { frequencies, tree, treeRowsDropped } = valuesAnalysis.releaseTables((s) => auditString(s, audit));
    valueCounts.treeDropped = treeRowsDropped;
    valueCounts.frequencies = frequencies.length;
    valueCounts.tree = tree.length;
    await writeFile(
      join(paths.release, "values_frequencies.csv"),
      toCsv(frequencies, VALUES_RELEASE_COLUMNS.frequencies),
    );
    await writeFile(join(paths.release, "values_tree.csv"), toCsv(tree, VALUES_RELEASE_COLUMNS.tree));
  }
  // The interview study's contract: release/interview_themes.csv and interview_summary.json.
  const interviewAnalysis = analyses.find((a): a is InterviewsAnalysis => a instanceof InterviewsAnalysis);
  let quotesReleased = 0;
  if (interviewAnalysis?.hasInterviews) {
    const keep = (v: string) => auditString(v, audit);
    const rows = interviewAnalysis
      .themeRows()
      .filter((r) => Object.values(r).every((v) => typeof v !== "string" || keep(v)));
    await writeFile(join(paths.release, "interview_themes.csv"), toCsv(rows));
    const summary = interviewAnalysis.summaryFile(keep);
    quotesReleased = Number(summary.quotes_released ?? 0);
    await writeFile(join(paths.release, "interview_summary.json"), `${JSON.stringify(summary, null, 2)}\n`);
  }
  const model = manifest.model ?? null;
  const html = renderReportHtml({
    title: "Conversation study",
    manifest,
    thresholds,
    sections,
    svgs,
    methods: methodsFor(sections, model),
    limitations: LIMITATIONS,
  });
  await writeFile(join(paths.release, "report.html"), html);
  const privacy = {
    thresholds: { min_users: thresholds.minUsers, min_conversations: thresholds.minConversations },
    users_counted_as: manifest.counts.has_user_ids ? "user_id" : "conversation (input has no user ids)",
    redacted_at_ingest: manifest.redactions ?? {},
    figures: sections.flatMap((s) => s.figures).length,
    categories_suppressed: suppressed,
    audit: {
      method: model
        ? "PII detector on every released string; model privacy audit (1-5, kept at 3 or more) of every cluster name and description"
        : "PII detector on every released string",
      strings_checked: audit.checked,
      strings_dropped: audit.dropped,
    },
    released_text:
      (quotesReleased > 0
        ? `fixed vocabularies, and ${quotesReleased} illustrative quote(s) of interview participants who consented to be quoted (redacted, audited, from themes that pass the thresholds); no other conversation text, no ids`
        : "fixed vocabularies only (facet categories and labels); no conversation text, ids or quotes") +
      (model
        ? "; with the model engine, also model-written cluster names that passed the privacy audit"
        : ""),
    values: {
      released_values: valueCounts.frequencies,
      released_tree_rows: valueCounts.tree,
      tree_rows_dropped_by_audit: valueCounts.treeDropped,
      rule: "a value or value group is released only when the conversations expressing it cover at least min_users users and min_conversations conversations, and its strings pass the audit",
    },
  };
  await writeFile(join(paths.release, "privacy.json"), `${JSON.stringify(privacy, null, 2)}\n`);
  return sections;
}
