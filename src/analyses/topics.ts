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
import { percent, round } from "../release/figure.ts";
import { Cell, type Thresholds, userKey } from "../release/gate.ts";
import { AFFECTIVE_TYPES, type FacetRecord } from "../types.ts";
import { AFFECTIVE_LABELS } from "./affective.ts";
import type { Analysis, AnalysisContext } from "./analysis.ts";

/** What is counted per cluster: sums, so a parent's tally is the merge of its children's. */
interface Tally {
  cell: Cell;
  affective: number;
  pushback: number;
  /** Conversations with a sentiment shift (6+ human messages), and the sum of their shifts. */
  shift: Cell;
  shiftSum: number;
  languages: Map<string, Cell>;
  /** Affective type -> its conversations here (a conversation may have several types). */
  types: Map<string, Cell>;
}

const TOP_PER_TYPE = 3;
const UNKNOWN_LANGUAGE = "unknown";

function newTally(cap: number): Tally {
  return {
    cell: new Cell(cap),
    affective: 0,
    pushback: 0,
    shift: new Cell(cap),
    shiftSum: 0,
    languages: new Map(),
    types: new Map(),
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
  into.affective += from.affective;
  into.pushback += from.pushback;
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

/** A cluster's languages as released: each passes the thresholds, and so does what is left ("other"). */
function languageBreakdown(t: Tally, thresholds: Thresholds): { key: string; share: number }[] {
  const parts = [...t.languages].map(([k, c]) => asPart(k, c));
  const p = gatePartition(parts, thresholds);
  if (p.kept.length === 0) return [];
  const n = t.cell.conversations;
  const out = p.kept.map((x) => ({ key: x.key, share: round(x.conversations / n) }));
  if (p.remainder.conversations > 0) out.push({ key: "other", share: round(p.remainder.conversations / n) });
  return out;
}

export class TopicsAnalysis implements Analysis {
  readonly id = "topics";
  private readonly nodes: Map<string, TopicNode>;
  /** Tallies per base cluster while records stream in; per cluster of every level after `finish`. */
  private readonly tallies = new Map<string, Tally>();
  private total = 0;
  private result: { rollup: Rollup; other: Tally } | null = null;

  constructor(
    private readonly ctx: AnalysisContext,
    nodes: TopicNode[],
  ) {
    this.nodes = new Map(nodes.map((nd) => [nd.id, nd]));
  }

  private get cap(): number {
    return this.ctx.thresholds.minUsers;
  }

  add(r: FacetRecord): void {
    // Only records whose base cluster is in the tree count, so the tree's numbers add up to the total.
    if (r.cluster === null || !this.nodes.has(r.cluster)) return;
    this.total++;
    const user = userKey(r);
    let t = this.tallies.get(r.cluster);
    if (!t) {
      t = newTally(this.cap);
      this.tallies.set(r.cluster, t);
    }
    t.cell.add(user);
    if (r.affective) t.affective++;
    if (r.pushback) t.pushback++;
    const shift = r.sentiment?.shift;
    if (shift !== null && shift !== undefined) {
      t.shift.add(user);
      t.shiftSum += shift;
    }
    cellIn(t.languages, r.language ?? UNKNOWN_LANGUAGE, this.cap).add(user);
    if (r.affective) for (const type of r.affective_types ?? []) cellIn(t.types, type, this.cap).add(user);
  }

  /** Tallies of every cluster (children merged into parents) and the release decisions, once. */
  private settle(): { rollup: Rollup; other: Tally } {
    if (this.result) return this.result;
    // Parents from their children, level by level upwards (children are one level below).
    const byLevel = [...this.nodes.values()].sort((a, b) => a.level - b.level);
    const children = this.childrenOf();
    for (const node of byLevel) {
      if (node.level === 0) {
        if (!this.tallies.has(node.id)) this.tallies.set(node.id, newTally(this.cap));
        continue;
      }
      const t = newTally(this.cap);
      for (const c of children.get(node.id) ?? []) mergeInto(t, this.tallies.get(c.id) as Tally, this.cap);
      this.tallies.set(node.id, t);
    }
    const rollup = applyThresholds(
      byLevel.map((nd) => counted(nd.id, nd.parent, (this.tallies.get(nd.id) as Tally).cell)),
      this.ctx.thresholds,
    );
    const other = newTally(this.cap);
    for (const nd of this.roots())
      if (!rollup.released.has(nd.id)) mergeInto(other, this.tallies.get(nd.id) as Tally, this.cap);
    this.result = { rollup, other };
    return this.result;
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

  private row(node: TopicNode, t: Tally, unlisted: number | null): Row {
    const th = this.ctx.thresholds;
    const n = t.cell.conversations;
    const languages = languageBreakdown(t, th);
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
      affective_share: round(t.affective / n),
      pushback_rate: round(t.pushback / n),
      mean_sentiment_shift: t.shift.passes(th) ? round(t.shiftSum / t.shift.conversations) : null,
      // A name, no number: the most common language whose conversations pass the thresholds.
      main_language:
        [...t.languages]
          .filter(([k, c]) => k !== UNKNOWN_LANGUAGE && c.passes(th))
          .sort((a, b) => b[1].conversations - a[1].conversations || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null,
      languages: languages.map((l) => `${l.key}:${l.share}`).join(";") || null,
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
    const { rollup, other } = this.settle();
    const rows: Row[] = [];
    const released = [...this.nodes.values()]
      .filter((nd) => rollup.released.has(nd.id))
      .sort((a, b) => b.level - a.level || b.size - a.size || (a.id < b.id ? -1 : 1));
    for (const node of released)
      rows.push(this.row(node, this.tallies.get(node.id) as Tally, rollup.unlisted.get(node.id) ?? null));
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
    const { rollup, other } = this.settle();
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
        this.perTypeFigure(rollup, other, nameOf),
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
            header: { labelAngle: 0, labelAlign: "left" },
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

  /** Clio's map: released clusters of the level below the top (or the base), sized by conversations. */
  private mapFigure(clusters: Row[], umap: boolean): Figure | null {
    const levels = [...new Set(clusters.filter((r) => r.id !== OTHER_TOPIC).map((r) => Number(r.level)))];
    const level = levels.length > 1 ? Math.max(...levels) - 1 : levels[0];
    const points = clusters.filter((r) => r.id !== OTHER_TOPIC && Number(r.level) === level);
    if (points.length < 3) return null;
    return {
      id: "topic-map",
      title: "Map of topics",
      caption: `${points.length} topics placed by the similarity of their conversations; size is conversations, colour the affective share.`,
      method: umap
        ? "UMAP over cluster centroids (15 neighbours, minimum distance 0, cosine), seeded; parents sit at their children's size-weighted mean."
        : "The first two principal components of the cluster centroids; parents sit at their children's size-weighted mean.",
      n: this.total,
      rows: points.map((r) => ({
        topic: r.name ?? null,
        x: r.x ?? null,
        y: r.y ?? null,
        conversations: r.conversations ?? null,
        affective_share: r.affective_share ?? null,
        pushback_rate: r.pushback_rate ?? null,
      })),
      suppressed: 0,
      spec: {
        width: 480,
        height: 360,
        layer: [
          {
            mark: { type: "circle", opacity: 0.75, stroke: "#1d2530", strokeWidth: 0.5 },
            encoding: {
              x: { field: "x", type: "quantitative", axis: null, scale: { zero: false } },
              y: { field: "y", type: "quantitative", axis: null, scale: { zero: false } },
              size: { field: "conversations", type: "quantitative", title: "Conversations" },
              color: {
                field: "affective_share",
                type: "quantitative",
                scale: { scheme: "purples" },
                legend: { format: ".0%" },
                title: "Affective share",
              },
              tooltip: [{ field: "topic" }, { field: "conversations" }],
            },
          },
          {
            mark: { type: "text", dy: -10, fontSize: 9, color: "#1d2530" },
            encoding: {
              x: { field: "x", type: "quantitative", axis: null, scale: { zero: false } },
              y: { field: "y", type: "quantitative", axis: null, scale: { zero: false } },
              text: { field: "topic" },
            },
          },
        ],
      },
    };
  }

  /**
   * Figure 2 of the affective-use study: per affective type, its largest top-level topics. Per type
   * the topics partition its conversations: shown cells pass the thresholds, and so does the rest.
   */
  private perTypeFigure(rollup: Rollup, other: Tally, nameOf: Map<string, string>): Figure {
    const tops = this.roots().filter((nd) => rollup.released.has(nd.id) && nameOf.has(nd.id));
    const rows: Row[] = [];
    let suppressed = 0;
    for (const type of AFFECTIVE_TYPES) {
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
      if (total === 0) continue;
      for (const x of p.kept)
        rows.push({
          type,
          label: AFFECTIVE_LABELS[type],
          topic: nameOf.get(x.key) ?? x.key,
          conversations: x.conversations,
          share_of_type: round(x.conversations / total),
        });
      if (p.kept.length > 0 && p.remainder.conversations > 0)
        rows.push({
          type,
          label: AFFECTIVE_LABELS[type],
          topic: "All other topics",
          conversations: p.remainder.conversations,
          share_of_type: round(p.remainder.conversations / total),
        });
    }
    return {
      id: "topics-per-affective-type",
      title: "Top topics within each affective type",
      caption: `Up to ${TOP_PER_TYPE} top-level topics per affective type, as a share of that type's conversations; the rest pooled.`,
      method:
        "Each (type, topic) cell must itself pass the privacy thresholds to be shown, and so must the pooled rest of the type.",
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
            header: { labelAngle: 0, labelAlign: "left" },
          },
        },
        // Each type lists only its own topics.
        resolve: { scale: { y: "independent" } },
      },
    };
  }
}
