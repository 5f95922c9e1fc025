/**
 * Values in the wild (METHODS.md section 3) as a report section and two released tables in the
 * published dataset's columns: which values the assistant expresses and how often
 * (`values_frequencies.csv`), the taxonomy they form (`values_tree.csv`), which values are
 * situational (chi-square, adjusted residuals, Bonferroni; per affective type, top-level topic and
 * human value), and how the assistant meets the human's values (the seven response types, with
 * Wilson intervals). Statistics are over subjective conversations, as in the study. Values, contexts
 * and cells are gated by the label rule of src/release/gate.ts (each passes, and no difference of
 * released counts singles out fewer than the thresholds); group shares count shown values only.
 */
import type { TopicNode } from "../cluster/index.ts";
import type { Row, Section } from "../release/figure.ts";
import { percent, round } from "../release/figure.ts";
import {
  Cell,
  gateDistribution,
  gateLabels,
  isSafe,
  LabelTally,
  Tally,
  type Thresholds,
  userKey,
} from "../release/gate.ts";
import { type FacetRecord, VALUE_RESPONSES } from "../types.ts";
import { countsForValues, type ValueShare, ValueTally } from "../values/frequencies.ts";
import { situational } from "../values/situational.ts";
import type { ValuesFile } from "../values/stage.ts";
import { AFFECTIVE_LABELS } from "./affective.ts";
import type { Analysis, AnalysisContext } from "./analysis.ts";
import { wilson } from "./stats.ts";
import { responseSpec, situationalSpec, taxonomySpec, valueBarsSpec } from "./values-figures.ts";

export const RESPONSE_LABELS: Record<string, string> = {
  strong_support: "Strong support",
  mild_support: "Mild support",
  neutral_acknowledgment: "Neutral acknowledgment",
  reframing: "Reframing",
  mild_resistance: "Mild resistance",
  strong_resistance: "Strong resistance",
  no_values: "No values",
};

/** The published shares, for the report's comparison sentences. */
const STUDY_TOP =
  "helpfulness 23.4%, professionalism 22.9%, transparency 17.4%, clarity 16.6%, thoroughness 14.3%";

const TOP_VALUES = 25;
const TOP_HUMAN_VALUES = 15;
/** Values (rows) entering each situational table: the most frequent released ones. */
const SITUATIONAL_ROWS = 60;
const PER_CONTEXT = 3;

type ContextKind = "affective type" | "topic" | "human value";

/** A context in a sentence: "counseling conversations", "conversations on the topic “…”". */
function contextPhrase(kind: ContextKind, label: string): string {
  if (kind === "affective type")
    return label === "Not affective"
      ? "conversations that are not affective"
      : `${label.toLowerCase()} conversations`;
  if (kind === "topic") return `conversations on the topic “${label}”`;
  return `conversations where the human values “${label}”`;
}

/** A value's share of the subjective conversations, with its 95% Wilson interval. */
function shareRow(s: ValueShare, n: number): Row {
  const w = wilson(s.conversations, n);
  return {
    value: s.value,
    label: s.value,
    conversations: s.conversations,
    share: round(w.p),
    ci_low: round(w.lo),
    ci_high: round(w.hi),
  };
}

/** Labels of a conversation in a context kind's tallies: its values, its contexts, its cells. */
const VALUE = "v:";
const CONTEXT = "c:";
const ALL = "all:";
const COUNTED = "counted";
const cellLabel = (value: string, context: string) => `x:${value}\u0001${context}`;

/**
 * The conversations of a context kind. `cells`: over the value statistics' n, each with its values
 * and contexts (so any cell, value or context can be counted, and cells relabelled for the gate).
 * `contexts`: over all conversations, each with its contexts whole (`all:`, which other figures
 * release: an affective type, a topic) and among the n (so a context's size among the n, which a
 * cell's expected count gives, is gated against the whole that other figures show).
 */
class ContextTable {
  readonly cells: LabelTally;
  readonly contexts: LabelTally;
  constructor(
    readonly kind: ContextKind,
    thresholds: Thresholds,
  ) {
    this.cells = new LabelTally(thresholds);
    this.contexts = new LabelTally(thresholds);
  }

  add(contexts: readonly string[], values: readonly string[] | null, user: string): void {
    const counted = values !== null;
    this.contexts.add(
      [...(counted ? [COUNTED] : []), ...contexts.map((c) => ALL + c), ...(counted ? contexts : [])],
      user,
    );
    if (counted) this.cells.add([...values.map((v) => VALUE + v), ...contexts.map((c) => CONTEXT + c)], user);
  }
}

export class ValuesAnalysis implements Analysis {
  readonly id = "values";
  private records = 0;
  private judged = 0;
  private subjective = 0;
  private readonly ai: ValueTally;
  private readonly human: ValueTally;
  private readonly responses = new Map<string, Cell>();
  private readonly aiLabels: LabelTally;
  private readonly humanLabels: LabelTally;
  private gated: { ai: Set<string>; human: Set<string> } | null = null;
  private readonly tables: ContextTable[];
  private readonly topicNodes: Map<string, TopicNode>;

  constructor(
    private readonly ctx: AnalysisContext,
    private readonly taxonomy: ValuesFile | null,
  ) {
    const k = ctx.thresholds.minUsers;
    this.ai = new ValueTally(k);
    this.human = new ValueTally(k);
    this.aiLabels = new LabelTally(ctx.thresholds);
    this.humanLabels = new LabelTally(ctx.thresholds);
    this.tables = [
      new ContextTable("affective type", ctx.thresholds),
      new ContextTable("topic", ctx.thresholds),
      new ContextTable("human value", ctx.thresholds),
    ];
    this.topicNodes = new Map((ctx.topics ?? []).map((n) => [n.id, n]));
  }

  add(r: FacetRecord): void {
    this.records++;
    if (r.subjective !== null) this.judged++;
    if (r.subjective) this.subjective++;
    const user = userKey(r);
    const counted = countsForValues(r);
    const values = counted ? [...new Set(r.values_ai ?? [])] : null;
    const [affective, topic, human] = this.tables as [ContextTable, ContextTable, ContextTable];
    if (r.affective !== null)
      affective.add(r.affective ? (r.affective_types ?? []) : ["not_affective"], values, user);
    const top = this.topTopic(r.cluster);
    topic.add(top ? [top] : [], values, user);
    if (!counted) return;
    this.ai.add(r);
    this.human.add({ ...r, values_ai: r.values_human ?? [] });
    this.aiLabels.add(values ?? [], user);
    this.humanLabels.add([...new Set(r.values_human ?? [])], user);
    const response = r.value_response ?? "no_values";
    let cell = this.responses.get(response);
    if (!cell) {
      cell = new Cell(this.ctx.thresholds.minUsers);
      this.responses.set(response, cell);
    }
    cell.add(user);
    human.add([...new Set(r.values_human ?? [])], values, user);
  }

  /**
   * The values shown, AI and human: each over the n by the label gate, subtracting only values no
   * conversation holds together (a whole minus overlapping values counts nobody), so that n minus
   * any shown values is empty or passes: a value held by nearly all is withheld.
   */
  private gates(): { ai: Set<string>; human: Set<string> } {
    this.gated ??= {
      ai: new Set(gateLabels(this.aiLabels, { disjoint: true }).kept.map((k) => k.key)),
      human: new Set(gateLabels(this.humanLabels, { disjoint: true }).kept.map((k) => k.key)),
    };
    return this.gated;
  }

  /** The released top-level topic of a base cluster (walking up to the root), or null. */
  private topTopic(cluster: string | null): string | null {
    let node = cluster ? this.topicNodes.get(cluster) : undefined;
    while (node?.parent) node = this.topicNodes.get(node.parent);
    return node?.released ? node.id : null;
  }

  private contextLabel(kind: ContextKind, key: string): string {
    if (kind === "affective type")
      return key === "not_affective"
        ? "Not affective"
        : (AFFECTIVE_LABELS[key as keyof typeof AFFECTIVE_LABELS] ?? key);
    if (kind === "topic") return this.topicNodes.get(key)?.name ?? key;
    return key;
  }

  /** Released values with their share of subjective conversations: `release/values_frequencies.csv`. */
  frequencyRows(): Row[] {
    const shown = this.gates().ai;
    return this.ai
      .shares()
      .filter((s) => shown.has(s.value))
      .map((s) => ({ value: s.value, pct_convos: round(100 * s.share, 3) }));
  }

  /**
   * The released taxonomy in the published columns: `release/values_tree.csv`. Shares count the
   * mentions of the values shown only (a group of them, of all of them), so that a group's share
   * minus its children's is a sum of shown values' counts, never the count of a hidden value.
   */
  treeRows(): Row[] {
    if (!this.taxonomy) return [];
    const shown = this.gates().ai;
    const byId = new Map(this.taxonomy.nodes.map((n) => [n.id, n]));
    const mentions = new Map<string, number>();
    let total = 0;
    for (const s of this.ai.shares()) {
      if (!shown.has(s.value)) continue;
      total += s.occurrences;
      for (let n = byId.get(s.value); n; n = n.parent ? byId.get(n.parent) : undefined)
        mentions.set(n.id, (mentions.get(n.id) ?? 0) + s.occurrences);
    }
    return this.taxonomy.nodes
      .filter((n) => (mentions.get(n.id) ?? 0) > 0)
      .sort(
        (a, b) =>
          a.level - b.level ||
          (mentions.get(b.id) as number) - (mentions.get(a.id) as number) ||
          (a.id < b.id ? -1 : 1),
      )
      .map((n) => ({
        cluster_id: n.id,
        description: n.description,
        name: n.name,
        level: n.level,
        parent_cluster_id: n.parent,
        pct_total_occurrences: round((100 * (mentions.get(n.id) as number)) / Math.max(1, total), 3),
      }));
  }

  /**
   * Both released tables after the audit (`keep` says whether a string may be released). Group ids
   * (`ai_values:l1:...`, ours or a reference's) are structure, not text, and are not audited; a row
   * whose text fails is dropped with everything under it, so no released row points to a missing one.
   */
  releaseTables(keep: (s: string) => boolean): { frequencies: Row[]; tree: Row[]; treeRowsDropped: number } {
    const isGroupId = (s: string) => /^[a-z_]+:l\d+:[0-9a-z-]+$/.test(s);
    const passes = (r: Row, ids: readonly string[]) =>
      Object.entries(r).every(
        ([k, v]) => typeof v !== "string" || (ids.includes(k) && isGroupId(v)) || keep(v),
      );
    const frequencies = this.frequencyRows().filter((r) => passes(r, []));
    const dropped = new Set<string>();
    const tree: Row[] = [];
    // Parents come first (highest level first), so a dropped parent drops its subtree.
    for (const r of [...this.treeRows()].sort((a, b) => Number(b.level) - Number(a.level))) {
      const parent = r.parent_cluster_id === null ? null : String(r.parent_cluster_id);
      if ((parent && dropped.has(parent)) || !passes(r, ["cluster_id", "parent_cluster_id"])) {
        dropped.add(String(r.cluster_id));
        continue;
      }
      tree.push(r);
    }
    tree.sort((a, b) => Number(a.level) - Number(b.level));
    return { frequencies, tree, treeRowsDropped: dropped.size };
  }

  finish(): Section | null {
    if (this.records === 0 || this.judged === 0) return null;
    const t = this.ctx.thresholds;
    const n = this.ai.conversations;
    const shares = this.ai.shares();
    const shown = this.gates();
    const released = shares.filter((s) => shown.ai.has(s.value));
    const topRows = released.slice(0, TOP_VALUES).map((s) => shareRow(s, n));
    const humanReleased = this.human.shares().filter((s) => shown.human.has(s.value));
    const humanRows = humanReleased.slice(0, TOP_HUMAN_VALUES).map((s) => shareRow(s, n));

    // One response type per conversation: a partition of the subjective conversations, gated by the
    // partition rule (their total minus the types shown must not single out a few).
    const responses = new Tally(t);
    for (const [key, cell] of this.responses) responses.cells.set(key, cell);
    const gatedResponses = gateDistribution(responses, VALUE_RESPONSES);
    const responseSuppressed = gatedResponses.suppressed;
    const responseRows: Row[] = gatedResponses.kept.map(({ key, cell }) => {
      const w = wilson(cell.conversations, n);
      return {
        response: key,
        label: key === "other" ? "Other (pooled)" : (RESPONSE_LABELS[key] ?? key),
        conversations: cell.conversations,
        share: round(w.p),
        ci_low: round(w.lo),
        ci_high: round(w.hi),
      };
    });

    const {
      rows: situationalRows,
      suppressed: situationalSuppressed,
      tests,
    } = this.situationalRows(
      released.map((s) => s.value),
      humanReleased.map((s) => s.value),
    );
    const tree = this.treeRows();
    const maxLevel = Math.max(0, ...tree.map((r) => Number(r.level)));
    const names = new Map(tree.map((r) => [String(r.cluster_id), String(r.name)]));
    // The tree: each top-level group (its share in the panel's title) and what sits one level below
    // it: groups, or with one level of groups, the values themselves (a small corpus's taxonomy).
    const tops = tree.filter((r) => maxLevel > 0 && Number(r.level) === maxLevel);
    const topShare = new Map(tops.map((r) => [String(r.cluster_id), Number(r.pct_total_occurrences) / 100]));
    const below = tree.filter(
      (r) => maxLevel > 0 && Number(r.level) === maxLevel - 1 && topShare.has(String(r.parent_cluster_id)),
    );
    const taxonomyRows: Row[] = below.map((r) => {
      const top = String(r.parent_cluster_id);
      return {
        top_level: `${names.get(top) ?? top} (${percent(topShare.get(top) ?? 0)})`,
        top_level_share: round(topShare.get(top) ?? 0),
        group: String(r.name),
        share_of_occurrences: round(Number(r.pct_total_occurrences) / 100),
      };
    });

    const summary: string[] = [
      `${percent(this.subjective / this.judged)} of conversations are subjective (values could be expressed at all; the study kept 44%); value statistics are over these ${n} conversations.`,
    ];
    if (released.length > 0)
      summary.push(
        `The values the assistant expresses most often: ${released
          .slice(0, 5)
          .map((s) => `${s.value} (${percent(s.share)})`)
          .join(", ")}; in the published study: ${STUDY_TOP}.`,
      );
    const topTop = [...tops].sort(
      (a, b) => Number(b.pct_total_occurrences) - Number(a.pct_total_occurrences),
    )[0];
    if (topTop)
      summary.push(
        `The largest top-level group of values is “${String(topTop.name)}”, with ${percent(Number(topTop.pct_total_occurrences) / 100)} of the mentions of the values shown.`,
      );
    const support = responseRows.filter(
      (r) => r.response === "strong_support" || r.response === "mild_support",
    );
    if (support.length > 0)
      summary.push(
        `The assistant supports the human's values (strongly or mildly) in ${percent(support.reduce((a, r) => a + Number(r.share), 0))} of subjective conversations (the study: 42.7%).`,
      );
    const strongest = [...situationalRows].sort((a, b) => Number(b.residual) - Number(a.residual))[0];
    if (strongest)
      summary.push(
        `The most situational value: “${strongest.value}”, over-represented in ${contextPhrase(strongest.context_type as ContextKind, String(strongest.context))} (adjusted residual ${Number(strongest.residual).toFixed(1)}).`,
      );

    const source = this.taxonomy?.reference
      ? "placed in the reference taxonomy given with --values-reference (exact or normalised name, else the nearest reference value by embedding); groups keep the reference's names"
      : "grouped by hierarchical k-means over the values' embeddings into levels that shrink geometrically (the study: 3,307 -> 266 -> 26 -> 5), each group named by its most frequent released values";
    return {
      id: this.id,
      title: "Values the assistant expresses",
      summary,
      intro: [
        "Values are the normative considerations an assistant's replies state or demonstrate (helpfulness, transparency, harm prevention, healthy boundaries...), as in Anthropic's values-in-the-wild study. " +
          "Conversations that are purely factual or technical are left out (the subjective filter). " +
          "Value strings are normalised (spelling, hyphens, possessives, near-duplicates) before counting; a value is released only when the conversations expressing it pass the privacy thresholds.",
        `The taxonomy: the distinct values are ${source}. release/values_frequencies.csv and release/values_tree.csv use the published dataset's columns (compare with \`convoscope compare-values\`).`,
      ],
      figures: [
        {
          id: "values-frequencies",
          title: "Most frequent values",
          caption: `Share of subjective conversations in which the assistant expresses each value (top ${TOP_VALUES}), with 95% Wilson intervals.`,
          method:
            "One count per value per conversation; a value is shown only when its conversations pass the privacy thresholds and what the values shown leave of the subjective conversations passes too (a value nearly every conversation expresses is withheld, as the few without it would otherwise be counted).",
          n,
          rows: topRows,
          suppressed: shares.length - released.length,
          spec: valueBarsSpec("Share of subjective conversations", "#3b6ea8"),
        },
        {
          id: "values-taxonomy",
          title: "The taxonomy of values",
          caption:
            "Share of the mentions of the values shown per group: one panel per top-level group (its share in the title), with the groups (or, under a single level of groups, the values) one level below it.",
          method: `Levels (values first): ${(this.taxonomy?.levels ?? []).join(" -> ") || "none"}; a group's share counts the mentions of the values released in the frequencies only, so that no group minus its parts counts a withheld value; a group with none of them is not shown.`,
          n,
          rows: taxonomyRows,
          suppressed:
            (this.taxonomy?.nodes ?? []).filter((nd) => nd.level > 0).length -
            tree.filter((r) => Number(r.level) > 0).length,
          spec: taxonomySpec(),
        },
        {
          id: "values-situational",
          title: "Situational values",
          caption: `Values most over-represented in each context (up to ${PER_CONTEXT}): adjusted Pearson residuals of value x context tables.`,
          method: `Per context kind (affective type, top-level topic, human value), each cell of the value x context table against its own 2x2 table (the value or not, the context or not, over the subjective conversations), so that its expected count and adjusted residual depend only on released counts; a cell is listed when its residual is positive and significant after Bonferroni correction for the ${tests} cells tested (alpha 0.05), and when its conversations, the rest of its context, the rest of its value and the conversations with neither pass the privacy thresholds (else it is withheld and counted). A conversation with several affective types counts in each.`,
          n,
          rows: situationalRows,
          suppressed: situationalSuppressed,
          spec: situationalSpec(),
        },
        {
          id: "values-response",
          title: "How the assistant meets the human's values",
          caption:
            "The study's seven response types, share of subjective conversations with 95% Wilson intervals (published: strong support 28.2%, mild support 14.5%, neutral 9.6%, reframing 6.6%, mild resistance 2.4%, strong resistance 3.0%, no values 35.7%).",
          method:
            "One response type per conversation; a type is shown only when its conversations pass the privacy thresholds, and the smallest joins the pooled rest while that would be under them.",
          n,
          rows: responseRows,
          suppressed: responseSuppressed,
          spec: responseSpec(),
        },
        {
          id: "values-human",
          title: "Values the human states",
          caption: `The values humans state explicitly (top ${TOP_HUMAN_VALUES}), as a share of subjective conversations.`,
          method:
            "Only values stated explicitly; a value is shown only when its conversations pass the privacy thresholds and what the values shown leave of the subjective conversations passes too.",
          n,
          rows: humanRows,
          suppressed: this.human.cells.size - humanReleased.length,
          spec: valueBarsSpec("Share of subjective conversations", "#8b6bb8"),
        },
      ],
    };
  }

  /**
   * Over-represented values per context, for each context kind. Each cell is tested against its own
   * 2x2 table (the value or not, the context or not, over the n), so that its expected count is a
   * function of released counts: the value's, the context's and n. The contexts shown are gated
   * like any labels (n minus contexts, a topic or type minus its part in the n, must be empty or
   * pass); the cells too, with the values and contexts as known wholes (a context minus its listed
   * values, a value minus its listed contexts), and each cell's 2x2 rest (neither) must pass.
   */
  private situationalRows(
    shownValues: readonly string[],
    shownHuman: readonly string[],
  ): { rows: Row[]; suppressed: number; tests: number } {
    const t = this.ctx.thresholds;
    const n = this.ai.conversations;
    const rows: Row[] = [];
    let suppressed = 0;
    let tests = 0;
    const values = shownValues.slice(0, SITUATIONAL_ROWS);
    for (const table of this.tables) {
      const seen = table.cells.labels
        .filter((l) => l.startsWith(CONTEXT))
        .map((l) => l.slice(CONTEXT.length));
      const bySize = (a: string, b: string) =>
        table.cells.cellOf(CONTEXT + b).conversations - table.cells.cellOf(CONTEXT + a).conversations ||
        (a < b ? -1 : 1);
      const contexts =
        table.kind === "human value"
          ? seen.filter((c) => shownHuman.includes(c)).sort(bySize)
          : gateLabels(table.contexts, {
              order: [...seen].sort(bySize),
              known: [COUNTED, ...seen.map((c) => ALL + c)],
              disjoint: true,
            }).kept.map((k) => k.key);
      suppressed += seen.length - contexts.length;
      if (contexts.length === 0 || values.length < 2) continue;
      const count = (where: (ls: ReadonlySet<string>) => boolean) => table.cells.count(where).conversations;
      const counts = values.map((v) =>
        contexts.map((c) => count((ls) => ls.has(VALUE + v) && ls.has(CONTEXT + c))),
      );
      const result = situational(values, contexts, counts, {
        perColumn: Number.POSITIVE_INFINITY,
        margins: {
          rows: values.map((v) => table.cells.cellOf(VALUE + v).conversations),
          columns: contexts.map((c) => table.cells.cellOf(CONTEXT + c).conversations),
          n,
        },
      });
      tests += result.tested;
      // Candidates: the most over-represented cells of each context whose own conversations pass.
      const ranked = new Map<string, typeof result.over>();
      for (const cell of result.over) ranked.set(cell.column, [...(ranked.get(cell.column) ?? []), cell]);
      const candidates = [...ranked.values()].flatMap((cells) => cells.slice(0, PER_CONTEXT + 3));
      const relabelled = table.cells.relabel((ls) => [
        ...[...ls].filter(
          (l) =>
            (l.startsWith(VALUE) && values.includes(l.slice(VALUE.length))) ||
            (l.startsWith(CONTEXT) && contexts.includes(l.slice(CONTEXT.length))),
        ),
        ...candidates
          .filter((c) => ls.has(VALUE + c.row) && ls.has(CONTEXT + c.column))
          .map((c) => cellLabel(c.row, c.column)),
      ]);
      const gated = gateLabels(relabelled, {
        order: candidates.map((c) => cellLabel(c.row, c.column)),
        known: [...values.map((v) => VALUE + v), ...contexts.map((c) => CONTEXT + c)],
        disjoint: true,
      });
      const kept = new Set(gated.kept.map((k) => k.key));
      for (const [context, cells] of ranked) {
        let listed = 0;
        for (const cell of cells) {
          if (listed >= PER_CONTEXT) break;
          const neither = table.cells.count((ls) => !ls.has(VALUE + cell.row) && !ls.has(CONTEXT + context));
          if (!kept.has(cellLabel(cell.row, context)) || !isSafe(neither, t)) {
            suppressed++;
            continue;
          }
          listed++;
          rows.push({
            context_type: table.kind,
            context: this.contextLabel(table.kind, context),
            value: cell.row,
            conversations: cell.observed,
            context_conversations: table.cells.cellOf(CONTEXT + context).conversations,
            expected: round(cell.expected, 1),
            residual: round(cell.residual, 2),
            p_bonferroni: Number(cell.pBonferroni.toPrecision(3)),
            label: `${table.kind}: ${this.contextLabel(table.kind, context)}`,
          });
        }
      }
    }
    return { rows, suppressed, tests };
  }
}
