/**
 * What people use the assistant for: the released topic tree, each topic with its facet breakdown
 * (affective share, pushback rate, mean sentiment shift, languages) and map position, the tree of
 * top-level topics and their subtopics, the map, and Figure 2 of the affective-use study (the top
 * topics within each affective type).
 *
 * Privacy: the analysis recounts every cluster from the records it releases and decides what is
 * released from those counts (src/cluster/privacy.ts): a cluster under the thresholds counts under its
 * nearest released ancestor or "other", and the released children of every cluster, the top-level
 * topics, each cluster's languages and each type's topics are partitions whose remainder is empty or
 * passes the thresholds, so no released number minus others singles out a small group.
 */
import {
  applyThresholds,
  gatePartition,
  OTHER_TOPIC,
  type Rollup,
  type TopicNode,
} from "../cluster/index.ts";
import { counted, type Part, partPasses } from "../cluster/privacy.ts";
import type { Figure, Row, Section } from "../release/figure.ts";
import { PANEL_HEADER, percent, round } from "../release/figure.ts";
import {
  Tally as CategoryTally,
  Cell,
  gateBreakdowns,
  gateDistribution,
  gateLabels,
  LabelTally,
  type Thresholds,
  userKey,
} from "../release/gate.ts";
import { AFFECTIVE_TYPES, type FacetRecord } from "../types.ts";
import { AFFECTIVE_LABELS } from "./affective.ts";
import type { Analysis, AnalysisContext } from "./analysis.ts";
import { SharedLabels, sharedLabels } from "./groups.ts";

/** What is counted per cluster: sums, so a parent's tally is the merge of its children's. */
interface Tally {
  cell: Cell;
  /** Affective or not, pushback or not: the two parts a rate and the cluster's size release. */
  affective: Cell;
  notAffective: Cell;
  pushback: Cell;
  noPushback: Cell;
  /** Conversations with a sentiment shift (6+ human messages), and the sum of their shifts. */
  shift: Cell;
  shiftSum: number;
  languages: Map<string, Cell>;
  /** Affective type -> its conversations here (a conversation may have several types). */
  types: Map<string, Cell>;
  /** The same conversations by their set of shared labels, for differences of overlapping types. */
  kinds: LabelTally;
}

const TOP_PER_TYPE = 3;
const UNKNOWN_LANGUAGE = "unknown";

function newTally(thresholds: Thresholds): Tally {
  const cap = thresholds.minUsers;
  return {
    cell: new Cell(cap),
    affective: new Cell(cap),
    notAffective: new Cell(cap),
    pushback: new Cell(cap),
    noPushback: new Cell(cap),
    shift: new Cell(cap),
    shiftSum: 0,
    languages: new Map(),
    types: new Map(),
    kinds: new LabelTally(thresholds),
  };
}

function cellIn(map: Map<string, Cell>, key: string, cap: number): Cell {
  let cell = map.get(key);
  if (!cell) {
    cell = new Cell(cap);
    map.set(key, cell);
  }
  return cell;
}

function mergeInto(into: Tally, from: Tally, cap: number): void {
  into.cell.merge(from.cell);
  into.affective.merge(from.affective);
  into.notAffective.merge(from.notAffective);
  into.pushback.merge(from.pushback);
  into.noPushback.merge(from.noPushback);
  into.kinds.merge(from.kinds);
  into.shift.merge(from.shift);
  into.shiftSum += from.shiftSum;
  for (const [k, c] of from.languages) cellIn(into.languages, k, cap).merge(c);
  for (const [k, c] of from.types) cellIn(into.types, k, cap).merge(c);
}

const asPart = <K>(key: K, cell: Cell): Part<K> => ({
  key,
  conversations: cell.conversations,
  users: cell.usersAtLeast,
  cell,
});

/** A shown language breakdown, "English:0.9;other:0.1": the study's named languages, then the rest. */
function languageList(t: Tally, named: readonly string[]): string {
  const n = t.cell.conversations;
  const parts = named.map((k): [string, number] => [k, t.languages.get(k)?.conversations ?? 0]);
  parts.push(["other", n - parts.reduce((a, [, c]) => a + c, 0)]);
  return parts
    .filter(([, c]) => c > 0)
    .map(([k, c]) => `${k}:${round(c / n)}`)
    .join(";");
}

/** The root of the tree for the breakdown gate: the whole of the clustered conversations. */
const ROOT = "";

/** Which clusters show each breakdown (decided top-down by the breakdown rule, src/release/gate.ts). */
interface Breakdowns {
  affective: Set<string>;
  pushback: Set<string>;
  languages: Set<string>;
  /** The languages a breakdown may name: those the study's languages figure shows. */
  named: string[];
}

export class TopicsAnalysis implements Analysis {
  readonly id = "topics";
  private readonly nodes: Map<string, TopicNode>;
  /** Tallies per base cluster while records stream in; per cluster of every level after `finish`. */
  private readonly tallies = new Map<string, Tally>();
  private total = 0;
  private result: { rollup: Rollup; other: Tally; shown: Breakdowns } | null = null;
  /** Over every conversation: the affective figure's released labels, and the languages figure's. */
  private readonly shared: SharedLabels;
  private readonly allLanguages: CategoryTally;

  constructor(
    private readonly ctx: AnalysisContext,
    nodes: TopicNode[],
  ) {
    this.nodes = new Map(nodes.map((nd) => [nd.id, nd]));
    this.shared = new SharedLabels(ctx.thresholds);
    this.allLanguages = new CategoryTally(ctx.thresholds);
  }

  private get cap(): number {
    return this.ctx.thresholds.minUsers;
  }

  add(r: FacetRecord): void {
    const user = userKey(r);
    this.shared.add(r);
    this.allLanguages.add(r.language ?? UNKNOWN_LANGUAGE, user);
    // Only records whose base cluster is in the tree count, so the tree's numbers add up to the total.
    if (r.cluster === null || !this.nodes.has(r.cluster)) return;
    this.total++;
    let t = this.tallies.get(r.cluster);
    if (!t) {
      t = newTally(this.ctx.thresholds);
      this.tallies.set(r.cluster, t);
    }
    t.cell.add(user);
    (r.affective ? t.affective : t.notAffective).add(user);
    (r.pushback ? t.pushback : t.noPushback).add(user);
    t.kinds.add(sharedLabels(r), user);
    const shift = r.sentiment?.shift;
    if (shift !== null && shift !== undefined) {
      t.shift.add(user);
      t.shiftSum += shift;
    }
    cellIn(t.languages, r.language ?? UNKNOWN_LANGUAGE, this.cap).add(user);
    if (r.affective) for (const type of r.affective_types ?? []) cellIn(t.types, type, this.cap).add(user);
  }

  /** Tallies of every cluster (children merged into parents) and the release decisions, once. */
  private settle(): { rollup: Rollup; other: Tally; shown: Breakdowns } {
    if (this.result) return this.result;
    // Parents from their children, level by level upwards (children are one level below).
    const byLevel = [...this.nodes.values()].sort((a, b) => a.level - b.level);
    const children = this.childrenOf();
    for (const node of byLevel) {
      if (node.level === 0) {
        if (!this.tallies.has(node.id)) this.tallies.set(node.id, newTally(this.ctx.thresholds));
        continue;
      }
      const t = newTally(this.ctx.thresholds);
      for (const c of children.get(node.id) ?? []) mergeInto(t, this.tallies.get(c.id) as Tally, this.cap);
      this.tallies.set(node.id, t);
    }
    const rollup = applyThresholds(
      byLevel.map((nd) => counted(nd.id, nd.parent, (this.tallies.get(nd.id) as Tally).cell)),
      this.ctx.thresholds,
    );
    const other = newTally(this.ctx.thresholds);
    for (const nd of this.roots())
      if (!rollup.released.has(nd.id)) mergeInto(other, this.tallies.get(nd.id) as Tally, this.cap);
    this.result = { rollup, other, shown: this.breakdowns(rollup, other) };
    return this.result;
  }

  /**
   * A cluster's affective share, pushback rate and languages, with its size, count conversations
   * per category, and a parent's counts minus its children's count the rest's: each breakdown is
   * shown top-down by the breakdown rule (every category of every cluster shown, and of what shown
   * children leave of their parent, empty or passing). Languages are named only from those the
   * study's languages figure shows, so a cluster never names a language that figure pools.
   */
  private breakdowns(rollup: Rollup, other: Tally): Breakdowns {
    const th = this.ctx.thresholds;
    const root = newTally(th);
    for (const nd of this.roots()) mergeInto(root, this.tallies.get(nd.id) as Tally, this.cap);
    const tallyOf = (k: string) =>
      k === ROOT ? root : k === OTHER_TOPIC ? other : (this.tallies.get(k) as Tally);
    const children = this.childrenOf();
    const released = (k: string) =>
      k === ROOT
        ? [
            ...this.roots()
              .filter((nd) => rollup.released.has(nd.id))
              .map((nd) => nd.id),
            ...(rollup.other.released ? [OTHER_TOPIC] : []),
          ]
        : k === OTHER_TOPIC
          ? []
          : (children.get(k) ?? []).filter((nd) => rollup.released.has(nd.id)).map((nd) => nd.id);
    // The parts of a node that no shown descendant covers (at the root, "other" stands for the
    // top-level clusters not released).
    const covers = (nd: TopicNode, shown: readonly string[]): boolean =>
      shown.includes(nd.id) || (children.get(nd.id) ?? []).some((c) => covers(c, shown));
    const uncovered = (k: string, shown: readonly string[]): TopicNode[] =>
      (k === ROOT ? this.roots() : (children.get(k) ?? []))
        .filter((nd) => !(k === ROOT && shown.includes(OTHER_TOPIC) && !rollup.released.has(nd.id)))
        .flatMap((nd) => (shown.includes(nd.id) ? [] : covers(nd, shown) ? uncovered(nd.id, shown) : [nd]));
    const gate = (cells: (t: Tally) => Cell[]) =>
      gateBreakdowns(
        ROOT,
        {
          children: released,
          cells: (k) => cells(tallyOf(k)),
          rest: (k, shown) => {
            const rest = newTally(th);
            for (const nd of uncovered(k, shown)) mergeInto(rest, this.tallies.get(nd.id) as Tally, this.cap);
            return cells(rest);
          },
        },
        th,
      );
    const named = gateDistribution(this.allLanguages)
      .kept.map((k) => k.key)
      .filter((k) => k !== "other");
    const languageCells = (t: Tally) => {
      const rest = new Cell(this.cap);
      for (const [k, c] of t.languages) if (!named.includes(k)) rest.merge(c);
      return [...named.map((k) => t.languages.get(k) ?? new Cell(this.cap)), rest];
    };
    return {
      affective: gate((t) => [t.affective, t.notAffective]),
      pushback: gate((t) => [t.pushback, t.noPushback]),
      languages: named.length > 0 ? gate(languageCells) : new Set(),
      named,
    };
  }

  private childrenOf(): Map<string, TopicNode[]> {
    const out = new Map<string, TopicNode[]>();
    for (const nd of this.nodes.values()) {
      if (nd.parent === null) continue;
      const list = out.get(nd.parent) ?? [];
      list.push(nd);
      out.set(nd.parent, list);
    }
    return out;
  }

  private roots(): TopicNode[] {
    return [...this.nodes.values()].filter((nd) => nd.parent === null || !this.nodes.has(nd.parent));
  }

  private row(node: TopicNode, t: Tally, unlisted: number | null, shown: Breakdowns): Row {
    const th = this.ctx.thresholds;
    const n = t.cell.conversations;
    const share = (c: Cell) => round(c.conversations / n);
    const languages = shown.languages.has(node.id) ? languageList(t, shown.named) : null;
    return {
      id: node.id,
      parent: node.parent,
      level: node.level,
      name: node.name,
      description: node.description,
      keywords: node.keywords.join(" "),
      conversations: n,
      share: round(n / Math.max(1, this.total)),
      unlisted_conversations: unlisted,
      affective_share: shown.affective.has(node.id) ? share(t.affective) : null,
      pushback_rate: shown.pushback.has(node.id) ? share(t.pushback) : null,
      mean_sentiment_shift: t.shift.passes(th) ? round(t.shiftSum / t.shift.conversations) : null,
      // A name, no number: the most common language whose conversations pass the thresholds.
      main_language:
        [...t.languages]
          .filter(([k, c]) => k !== UNKNOWN_LANGUAGE && c.passes(th))
          .sort((a, b) => b[1].conversations - a[1].conversations || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null,
      languages: languages || null,
      x: round(node.x),
      y: round(node.y),
    };
  }

  /**
   * The released tree as rows, top level first, each level by size: what release/clusters.csv
   * holds (clusters.json holds the same, `languages` as an object). The last row, when released, is
   * "other": the top-level clusters under the thresholds, pooled.
   */
  clusterRows(): Row[] {
    if (this.total === 0) return [];
    const { rollup, other, shown } = this.settle();
    const rows: Row[] = [];
    const released = [...this.nodes.values()]
      .filter((nd) => rollup.released.has(nd.id))
      .sort((a, b) => b.level - a.level || b.size - a.size || (a.id < b.id ? -1 : 1));
    for (const node of released)
      rows.push(
        this.row(node, this.tallies.get(node.id) as Tally, rollup.unlisted.get(node.id) ?? null, shown),
      );
    if (rollup.other.released) {
      const members = this.roots().filter((nd) => !rollup.released.has(nd.id));
      const n = other.cell.conversations;
      const at = (f: (nd: TopicNode) => number) =>
        members.reduce((a, nd) => a + f(nd) * (this.tallies.get(nd.id) as Tally).cell.conversations, 0) / n;
      rows.push(
        this.row(
          {
            id: OTHER_TOPIC,
            parent: null,
            level: Math.max(0, ...[...this.nodes.values()].map((nd) => nd.level)),
            name: "Other topics",
            description: "Topics under the privacy thresholds, pooled.",
            keywords: [],
            size: n,
            users: other.cell.usersAtLeast,
            x: at((nd) => nd.x),
            y: at((nd) => nd.y),
            released: true,
          },
          other,
          null,
          shown,
        ),
      );
    }
    return rows;
  }

  /** clusters.json: the rows of clusters.csv, with `languages` as { language: share }. */
  static jsonRows(rows: Row[]): Record<string, unknown>[] {
    return rows.map((r) => ({
      ...r,
      languages:
        typeof r.languages === "string"
          ? Object.fromEntries(
              r.languages.split(";").map((kv) => {
                const at = kv.lastIndexOf(":");
                return [kv.slice(0, at), Number(kv.slice(at + 1))];
              }),
            )
          : null,
    }));
  }

  finish(): Section | null {
    if (this.total === 0) return null;
    const { rollup, other, shown } = this.settle();
    const clusters = this.clusterRows();
    const nameOf = new Map(clusters.map((r) => [String(r.id), String(r.name)]));
    const top = clusters.filter((r) => r.parent === null);
    const levels = Math.max(0, ...[...this.nodes.values()].map((nd) => nd.level)) + 1;
    const suppressed = rollup.merged.length;
    const biggest = top.find((r) => r.id !== OTHER_TOPIC);
    const mapMethod = String(this.ctx.manifest.options.map ?? "auto");
    const baseCount = [...this.nodes.values()].filter((nd) => nd.level === 0).length;
    const umap = mapMethod === "umap" || (mapMethod === "auto" && baseCount >= 30);
    return {
      id: this.id,
      title: "What people use the assistant for",
      summary: biggest
        ? [
            `The largest of ${top.filter((r) => r.id !== OTHER_TOPIC).length} top-level topics is “${biggest.name}”, with ${percent(Number(biggest.share))} of conversations.`,
          ]
        : [],
      intro: [
        `Conversations are grouped by what the human writes (redacted first): ${baseCount} base clusters by k-means over LSA embeddings of TF-IDF features, ` +
          `${levels > 1 ? `then ${levels - 1} level${levels > 2 ? "s" : ""} above them, each clustering the one below, up to the top-level topics` : "in one level (too few clusters for a hierarchy)"}. ` +
          "Names use only words that conversations of at least the minimum number of users share. " +
          `${suppressed} cluster${suppressed === 1 ? " is" : "s are"} under the privacy thresholds (or would let a smaller one be worked out by subtraction) and ${suppressed === 1 ? "counts" : "count"} under ${suppressed === 1 ? "its" : "their"} parent topic or “other”.`,
      ],
      figures: [
        this.topFigure(top),
        this.treeFigure(top, rollup),
        this.mapFigure(clusters, umap),
        this.perTypeFigure(rollup, other, nameOf, shown),
      ].filter((f): f is Figure => f !== null),
    };
  }

  private topFigure(top: Row[]): Figure {
    return {
      id: "topics",
      title: "Top-level topics",
      caption:
        "Share of conversations per top-level topic, with each topic's affective share and pushback rate (all topics and levels are in clusters.csv).",
      method:
        "Topic names are the most distinctive words of each topic's conversations (class-based TF-IDF) among words at least the minimum number of users share.",
      n: this.total,
      rows: top.map((r) => ({
        topic: r.name ?? null,
        conversations: r.conversations ?? null,
        share: r.share ?? null,
        affective_share: r.affective_share ?? null,
        pushback_rate: r.pushback_rate ?? null,
        mean_sentiment_shift: r.mean_sentiment_shift ?? null,
      })),
      suppressed: 0,
      spec: {
        width: 480,
        height: { step: 24 },
        mark: { type: "bar", color: "#3b6ea8" },
        encoding: {
          y: { field: "topic", type: "nominal", sort: "-x", title: null },
          x: {
            field: "share",
            type: "quantitative",
            axis: { format: ".0%" },
            title: "Share of conversations",
          },
          tooltip: [
            { field: "topic" },
            { field: "conversations" },
            { field: "affective_share", format: ".0%" },
            { field: "pushback_rate", format: ".0%" },
          ],
        },
      },
    };
  }

  /** The tree: each top-level topic with its released subtopics (the level below). */
  private treeFigure(top: Row[], rollup: Rollup): Figure | null {
    const children = this.childrenOf();
    const rows: Row[] = [];
    for (const r of top) {
      if (r.id === OTHER_TOPIC) continue;
      const kids = (children.get(String(r.id)) ?? [])
        .filter((nd) => rollup.released.has(nd.id))
        .sort((a, b) => this.size(b) - this.size(a));
      for (const nd of kids)
        rows.push({
          topic: r.name ?? null,
          subtopic: nd.name,
          conversations: this.size(nd),
          share_of_topic: round(this.size(nd) / Number(r.conversations)),
        });
      const rest = rollup.unlisted.get(String(r.id)) ?? 0;
      if (kids.length > 0 && rest > 0)
        rows.push({
          topic: r.name ?? null,
          subtopic: "Smaller subtopics, pooled",
          conversations: rest,
          share_of_topic: round(rest / Number(r.conversations)),
        });
    }
    if (rows.length === 0) return null;
    return {
      id: "topic-tree",
      title: "Top-level topics and their subtopics",
      caption: "Each top-level topic split into the subtopics of the level below, as a share of the topic.",
      method:
        "Subtopics under the privacy thresholds are pooled; when the pool itself would be under them, the smallest subtopics join it.",
      n: this.total,
      rows,
      suppressed: 0,
      spec: {
        width: 420,
        height: { step: 16 },
        mark: { type: "bar", color: "#4f8f6f" },
        encoding: {
          y: { field: "subtopic", type: "nominal", sort: null, title: null },
          x: {
            field: "share_of_topic",
            type: "quantitative",
            axis: { format: ".0%" },
            title: "Share of the topic's conversations",
          },
          row: {
            field: "topic",
            type: "nominal",
            title: null,
            sort: null,
            header: PANEL_HEADER,
          },
          tooltip: [{ field: "subtopic" }, { field: "conversations" }],
        },
        resolve: { scale: { y: "independent" } },
      },
    };
  }

  private size(node: TopicNode): number {
    return this.tallies.get(node.id)?.cell.conversations ?? 0;
  }

  /**
   * Clio's map: released clusters of the level below the top (or the base), sized by conversations.
   * Only the topics one level up are named on the map, at their children's centre: sixteen names
   * among close circles overlap, and the data table names every circle.
   */
  private mapFigure(clusters: Row[], umap: boolean): Figure | null {
    const listed = clusters.filter((r) => r.id !== OTHER_TOPIC);
    const levels = [...new Set(listed.map((r) => Number(r.level)))];
    const level = levels.length > 1 ? Math.max(...levels) - 1 : levels[0];
    const points = listed.filter((r) => Number(r.level) === level);
    if (points.length < 3) return null;
    const parentIds = new Set(points.map((r) => r.parent));
    const parents = listed.filter((r) => Number(r.level) === Number(level) + 1 && parentIds.has(r.id));
    const nameOf = new Map(listed.map((r) => [r.id, r.name]));
    const labelled = parents.length > 0 ? "topic" : "subtopic";
    const row = (r: Row, kind: "topic" | "subtopic") => ({
      kind,
      topic: r.name ?? null,
      parent_topic: kind === "subtopic" ? (nameOf.get(String(r.parent)) ?? null) : null,
      x: r.x ?? null,
      y: r.y ?? null,
      conversations: r.conversations ?? null,
      affective_share: r.affective_share ?? null,
      pushback_rate: r.pushback_rate ?? null,
    });
    const xy = {
      // Padding in pixels, so a name at the edge is not cut off or drawn over the legend.
      x: { field: "x", type: "quantitative", axis: null, scale: { zero: false, padding: 70 } },
      y: { field: "y", type: "quantitative", axis: null, scale: { zero: false, padding: 16 } },
    };
    return {
      id: "topic-map",
      title: "Map of topics",
      caption:
        `${points.length} topics placed by the similarity of their conversations; size is conversations, colour the affective share (grey where it is withheld under the privacy thresholds)` +
        (parents.length > 0
          ? "; the names are their top-level topics, at the centre of each one's subtopics."
          : "."),
      method: umap
        ? "UMAP over cluster centroids (15 neighbours, minimum distance 0, cosine), seeded; parents sit at their children's size-weighted mean."
        : "The first two principal components of the cluster centroids; parents sit at their children's size-weighted mean.",
      n: this.total,
      rows: [...points.map((r) => row(r, "subtopic")), ...parents.map((r) => row(r, "topic"))],
      suppressed: 0,
      spec: {
        width: 480,
        height: 360,
        layer: [
          {
            transform: [{ filter: "datum.kind === 'subtopic'" }],
            // A withheld affective share (null) is drawn grey, not dropped.
            mark: { type: "circle", opacity: 0.75, stroke: "#1d2530", strokeWidth: 0.5, invalid: null },
            encoding: {
              ...xy,
              size: { field: "conversations", type: "quantitative", title: "Conversations" },
              color: {
                condition: { test: "datum.affective_share === null", value: "#d5dae0" },
                field: "affective_share",
                type: "quantitative",
                scale: { scheme: "purples", domain: [0, 1] },
                legend: { format: ".0%" },
                title: "Affective share",
              },
              tooltip: [
                { field: "topic" },
                { field: "parent_topic", title: "within" },
                { field: "conversations" },
              ],
            },
          },
          {
            transform: [{ filter: `datum.kind === '${labelled}'` }],
            mark: {
              type: "text",
              fontSize: labelled === "topic" ? 11 : 9,
              fontWeight: labelled === "topic" ? "bold" : "normal",
              color: "#1d2530",
              dy: labelled === "topic" ? 0 : -10,
            },
            encoding: { ...xy, text: { field: "topic" } },
          },
        ],
      },
    };
  }

  /**
   * Figure 2 of the affective-use study: per affective type, its largest top-level topics. Per type
   * the topics partition its conversations: shown cells pass the thresholds, and so does the rest.
   */
  private perTypeFigure(
    rollup: Rollup,
    other: Tally,
    nameOf: Map<string, string>,
    shown: Breakdowns,
  ): Figure {
    const tops = this.roots().filter((nd) => rollup.released.has(nd.id) && nameOf.has(nd.id));
    // Only types the affective figure shows: a type's cells here add up to its total.
    const types = AFFECTIVE_TYPES.filter((type) => this.shared.released().has(type));
    let suppressed = 0;
    const perType = types.map((type) => {
      const cellOf = (t: Tally | undefined) => t?.types.get(type);
      const parts = tops.flatMap((nd) => {
        const c = cellOf(this.tallies.get(nd.id));
        return c ? [asPart(nd.id, c)] : [];
      });
      const rest = cellOf(other);
      const p = gatePartition(parts, this.ctx.thresholds, {
        maxKept: TOP_PER_TYPE,
        pooled: rest ? [asPart(OTHER_TOPIC, rest)] : [],
      });
      const total = [...parts, ...(rest ? [asPart(OTHER_TOPIC, rest)] : [])].reduce(
        (a, x) => a + x.conversations,
        0,
      );
      // Cells under the thresholds, and those pooled so that the rest of the type passes too.
      const passing = parts.filter((x) => partPasses(x, this.ctx.thresholds)).length;
      suppressed += parts.length - passing + (Math.min(passing, TOP_PER_TYPE) - p.kept.length);
      return { type, kept: p.kept, rest: p.remainder.conversations, total };
    });
    // Within a topic the shown types are parts of its size (and of its affective conversations, when
    // its affective share is shown): the topic minus them must not single out a few either. A type
    // withheld here joins its type's pooled rest.
    for (const nd of tops) {
      const listed = perType.filter((x) => x.kept.some((k) => k.key === nd.id)).map((x) => x.type);
      if (listed.length === 0) continue;
      const gated = gateLabels((this.tallies.get(nd.id) as Tally).kinds, {
        order: listed,
        known: shown.affective.has(nd.id) ? ["affective"] : [],
      });
      for (const x of perType) {
        if (!listed.includes(x.type) || gated.kept.some((k) => k.key === x.type)) continue;
        const cell = x.kept.find((k) => k.key === nd.id) as Part<string>;
        x.kept = x.kept.filter((k) => k !== cell);
        x.rest += cell.conversations;
        suppressed++;
      }
    }
    const rows: Row[] = [];
    for (const { type, kept, rest, total } of perType) {
      if (total === 0 || kept.length === 0) continue;
      for (const x of kept)
        rows.push({
          type,
          label: AFFECTIVE_LABELS[type],
          topic: nameOf.get(x.key) ?? x.key,
          conversations: x.conversations,
          share_of_type: round(x.conversations / total),
        });
      if (rest > 0)
        rows.push({
          type,
          label: AFFECTIVE_LABELS[type],
          topic: "All other topics",
          conversations: rest,
          share_of_type: round(rest / total),
        });
    }
    return {
      id: "topics-per-affective-type",
      title: "Top topics within each affective type",
      caption: `Up to ${TOP_PER_TYPE} top-level topics per affective type, as a share of that type's conversations; the rest pooled.`,
      method:
        "Each (type, topic) cell must itself pass the privacy thresholds to be shown, and so must the pooled rest of the type, and what the types shown leave of each topic; only types the affective figure shows are listed.",
      n: this.total,
      rows,
      suppressed,
      spec: {
        width: 420,
        height: { step: 18 },
        mark: { type: "bar", color: "#8b6bb8" },
        encoding: {
          y: { field: "topic", type: "nominal", title: null, sort: null },
          x: {
            field: "share_of_type",
            type: "quantitative",
            axis: { format: ".0%" },
            title: "Share of the type's conversations",
          },
          row: {
            field: "label",
            type: "nominal",
            title: null,
            sort: null,
            header: PANEL_HEADER,
          },
        },
        // Each type lists only its own topics.
        resolve: { scale: { y: "independent" } },
      },
    };
  }
}
