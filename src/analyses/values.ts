/**
 * Values in the wild (METHODS.md section 3) as a report section and two released tables in the
 * published dataset's columns: which values the assistant expresses and how often
 * (`values_frequencies.csv`), the taxonomy they form (`values_tree.csv`), which values are
 * situational (chi-square, adjusted residuals, Bonferroni; per affective type, top-level topic and
 * human value), and how the assistant meets the human's values (the seven response types, with
 * Wilson intervals). Statistics are over subjective conversations, as in the study. A value,
 * group, context or cell is released only when its own conversations pass the privacy thresholds.
 */
import type { TopicNode } from "../cluster/index.ts";
import type { Row, Section } from "../release/figure.ts";
import { percent, round } from "../release/figure.ts";
import { Cell, gateDistribution, Tally, userKey } from "../release/gate.ts";
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

/** Conversations per (context, value), with their users, and per context. */
class ContextTable {
  readonly contexts = new Map<string, { cell: Cell; values: Map<string, Cell> }>();
  constructor(
    readonly kind: ContextKind,
    private readonly minUsers: number,
  ) {}

  add(context: string, values: readonly string[], user: string): void {
    let c = this.contexts.get(context);
    if (!c) {
      c = { cell: new Cell(this.minUsers), values: new Map() };
      this.contexts.set(context, c);
    }
    c.cell.add(user);
    for (const v of values) {
      let cell = c.values.get(v);
      if (!cell) {
        cell = new Cell(this.minUsers);
        c.values.set(v, cell);
      }
      cell.add(user);
    }
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
  private readonly tables: ContextTable[];
  private readonly topicNodes: Map<string, TopicNode>;

  constructor(
    private readonly ctx: AnalysisContext,
    private readonly taxonomy: ValuesFile | null,
  ) {
    const k = ctx.thresholds.minUsers;
    this.ai = new ValueTally(k);
    this.human = new ValueTally(k);
    this.tables = [
      new ContextTable("affective type", k),
      new ContextTable("topic", k),
      new ContextTable("human value", k),
    ];
    this.topicNodes = new Map((ctx.topics ?? []).map((n) => [n.id, n]));
  }

  add(r: FacetRecord): void {
    this.records++;
    if (r.subjective !== null) this.judged++;
    if (r.subjective) this.subjective++;
    if (!countsForValues(r)) return;
    const user = userKey(r);
    this.ai.add(r);
    this.human.add({ ...r, values_ai: r.values_human ?? [] });
    const response = r.value_response ?? "no_values";
    let cell = this.responses.get(response);
    if (!cell) {
      cell = new Cell(this.ctx.thresholds.minUsers);
      this.responses.set(response, cell);
    }
    cell.add(user);
    const values = [...new Set(r.values_ai ?? [])];
    const [affective, topic, human] = this.tables as [ContextTable, ContextTable, ContextTable];
    if (r.affective !== null)
      for (const t of r.affective ? (r.affective_types ?? []) : ["not_affective"])
        affective.add(t, values, user);
    const top = this.topTopic(r.cluster);
    if (top) topic.add(top, values, user);
    for (const hv of new Set(r.values_human ?? [])) human.add(hv, values, user);
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
    const t = this.ctx.thresholds;
    return this.ai
      .shares()
      .filter((s) => this.ai.passes(s.value, t))
      .map((s) => ({ value: s.value, pct_convos: round(100 * s.share, 3) }));
  }

  /** The released taxonomy in the published columns: `release/values_tree.csv`. */
  treeRows(): Row[] {
    if (!this.taxonomy) return [];
    const total = Math.max(1, this.taxonomy.occurrences);
    return this.taxonomy.nodes
      .filter((n) => n.released)
      .sort((a, b) => a.level - b.level || b.occurrences - a.occurrences || (a.id < b.id ? -1 : 1))
      .map((n) => ({
        cluster_id: n.id,
        description: n.description,
        name: n.name,
        level: n.level,
        parent_cluster_id: n.parent,
        pct_total_occurrences: round((100 * n.occurrences) / total, 3),
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
    const released = shares.filter((s) => this.ai.passes(s.value, t));
    const topRows = released.slice(0, TOP_VALUES).map((s) => shareRow(s, n));
    const humanReleased = this.human.shares().filter((s) => this.human.passes(s.value, t));
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
    } = this.situationalRows(released.map((s) => s.value));
    const tree = this.treeRows();
    const maxLevel = Math.max(0, ...tree.map((r) => Number(r.level)));
    const names = new Map(tree.map((r) => [String(r.cluster_id), String(r.name)]));
    // The tree: each top-level group (its share in the panel's title) and the groups one level below.
    const tops = tree.filter((r) => maxLevel > 0 && Number(r.level) === maxLevel);
    const topShare = new Map(tops.map((r) => [String(r.cluster_id), Number(r.pct_total_occurrences) / 100]));
    const below = maxLevel > 1 ? tree.filter((r) => Number(r.level) === maxLevel - 1) : tops;
    const taxonomyRows: Row[] = below.map((r) => {
      const top = maxLevel > 1 ? String(r.parent_cluster_id) : String(r.cluster_id);
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
        `The largest top-level group of values is “${String(topTop.name)}”, with ${percent(Number(topTop.pct_total_occurrences) / 100)} of value mentions.`,
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
        `The most situational value: “${strongest.value}” in ${String(strongest.context_type)} “${String(strongest.context)}” (adjusted residual ${Number(strongest.residual).toFixed(1)}).`,
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
            "One count per value per conversation; a value is shown only when its conversations pass the privacy thresholds.",
          n,
          rows: topRows,
          suppressed: shares.length - released.length,
          spec: valueBarsSpec("Share of subjective conversations", "#3b6ea8"),
        },
        {
          id: "values-taxonomy",
          title: "The taxonomy of values",
          caption:
            "Share of all value mentions per group: one panel per top-level group (its share in the title), with the groups one level below it.",
          method: `Levels (values first): ${(this.taxonomy?.levels ?? []).join(" -> ") || "none"}; a group is shown only when the conversations expressing any of its values pass the privacy thresholds.`,
          n,
          rows: taxonomyRows,
          suppressed: (this.taxonomy?.nodes ?? []).filter((nd) => nd.level > 0 && !nd.released).length,
          spec: taxonomySpec(),
        },
        {
          id: "values-situational",
          title: "Situational values",
          caption: `Values most over-represented in each context (up to ${PER_CONTEXT}): adjusted Pearson residuals of value x context tables.`,
          method: `Chi-square tests of independence per context kind (affective type, top-level topic, human value) over the most frequent released values; a cell is listed when its residual is positive and significant after Bonferroni correction for the ${tests} cells tested (alpha 0.05), and its own conversations pass the privacy thresholds. A conversation with several affective types counts in each.`,
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
            "Only values stated explicitly; a value is shown only when its conversations pass the privacy thresholds.",
          n,
          rows: humanRows,
          suppressed: this.human.cells.size - humanReleased.length,
          spec: valueBarsSpec("Share of subjective conversations", "#8b6bb8"),
        },
      ],
    };
  }

  /** Over-represented values per released context, for each context kind. */
  private situationalRows(releasedValues: readonly string[]): {
    rows: Row[];
    suppressed: number;
    tests: number;
  } {
    const t = this.ctx.thresholds;
    const rows: Row[] = [];
    let suppressed = 0;
    let tests = 0;
    const values = releasedValues.slice(0, SITUATIONAL_ROWS);
    for (const table of this.tables) {
      const contexts = [...table.contexts.entries()]
        .filter(([, c]) => c.cell.passes(t))
        .sort((a, b) => b[1].cell.conversations - a[1].cell.conversations || (a[0] < b[0] ? -1 : 1));
      suppressed += table.contexts.size - contexts.length;
      if (contexts.length < 2 || values.length < 2) continue;
      const counts = values.map((v) => contexts.map(([, c]) => c.values.get(v)?.conversations ?? 0));
      const result = situational(
        values,
        contexts.map(([key]) => key),
        counts,
        { perColumn: Number.POSITIVE_INFINITY },
      );
      tests += result.tested;
      const perContext = new Map<string, number>();
      for (const cell of result.over) {
        const own = table.contexts.get(cell.column)?.values.get(cell.row);
        if (!own?.passes(t)) {
          suppressed++;
          continue;
        }
        const shown = perContext.get(cell.column) ?? 0;
        if (shown >= PER_CONTEXT) continue;
        perContext.set(cell.column, shown + 1);
        rows.push({
          context_type: table.kind,
          context: this.contextLabel(table.kind, cell.column),
          value: cell.row,
          conversations: cell.observed,
          expected: round(cell.expected, 1),
          residual: round(cell.residual, 2),
          p_bonferroni: Number(cell.pBonferroni.toPrecision(3)),
          label: `${table.kind}: ${this.contextLabel(table.kind, cell.column)}`,
        });
      }
    }
    return { rows, suppressed, tests };
  }
}
