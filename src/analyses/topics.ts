/**
 * What people use the assistant for: the released topic tree with each topic's facet breakdown
 * (affective share, pushback rate, mean sentiment shift, main language), and Figure 2 of the
 * affective-use study, the top topics within each affective type. Conversations of clusters under
 * the thresholds count under their parent topic, or under "other".
 */
import { OTHER_TOPIC, releasedTopic, type TopicNode } from "../cluster/index.ts";
import type { Row, Section } from "../release/figure.ts";
import { percent, round } from "../release/figure.ts";
import { Cell, userKey } from "../release/gate.ts";
import { AFFECTIVE_TYPES, type FacetRecord } from "../types.ts";
import { AFFECTIVE_LABELS } from "./affective.ts";
import type { Analysis, AnalysisContext } from "./analysis.ts";

interface Tally {
  cell: Cell;
  affective: number;
  pushback: number;
  shifts: number[];
  languages: Map<string, number>;
}

const TOP_PER_TYPE = 3;

export class TopicsAnalysis implements Analysis {
  readonly id = "topics";
  private readonly nodes: Map<string, TopicNode>;
  private readonly tallies = new Map<string, Tally>();
  /** (affective type, top-level topic) cells for Figure 2. */
  private readonly byType = new Map<string, Cell>();
  private readonly typeTotals = new Map<string, number>();
  private total = 0;

  constructor(
    private readonly ctx: AnalysisContext,
    nodes: TopicNode[],
  ) {
    this.nodes = new Map(nodes.map((nd) => [nd.id, nd]));
  }

  private tally(id: string): Tally {
    let t = this.tallies.get(id);
    if (!t) {
      t = {
        cell: new Cell(this.ctx.thresholds.minUsers),
        affective: 0,
        pushback: 0,
        shifts: [],
        languages: new Map(),
      };
      this.tallies.set(id, t);
    }
    return t;
  }

  add(r: FacetRecord): void {
    if (r.cluster === null) return;
    this.total++;
    const user = userKey(r);
    const shown = releasedTopic(r.cluster, this.nodes);
    // The top-level topic: the parent when there is a second level, else the base cluster itself.
    const node = this.nodes.get(r.cluster);
    const topId = node?.parent ?? r.cluster;
    const top = this.nodes.get(topId)?.released ? topId : OTHER_TOPIC;
    // A conversation counts in its released base topic and in its top-level topic.
    for (const id of new Set([shown, top])) {
      const t = this.tally(id);
      t.cell.add(user);
      if (r.affective) t.affective++;
      if (r.pushback) t.pushback++;
      if (r.sentiment?.shift !== null && r.sentiment?.shift !== undefined) t.shifts.push(r.sentiment.shift);
      if (r.language) t.languages.set(r.language, (t.languages.get(r.language) ?? 0) + 1);
    }
    for (const type of r.affective ? (r.affective_types ?? []) : []) {
      this.typeTotals.set(type, (this.typeTotals.get(type) ?? 0) + 1);
      const key = `${type}\u0000${top}`;
      let cell = this.byType.get(key);
      if (!cell) {
        cell = new Cell(this.ctx.thresholds.minUsers);
        this.byType.set(key, cell);
      }
      cell.add(user);
    }
  }

  /** The released tree as rows: what release/clusters.csv and clusters.json hold. */
  clusterRows(): Row[] {
    const rows: Row[] = [];
    const t = this.ctx.thresholds;
    for (const node of [...this.nodes.values()].sort((a, b) => b.level - a.level || b.size - a.size)) {
      const tally = this.tallies.get(node.id);
      if (!node.released || !tally || !tally.cell.passes(t)) continue;
      const n = tally.cell.conversations;
      const language = [...tally.languages.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
      rows.push({
        id: node.id,
        parent: node.parent,
        level: node.level,
        name: node.name,
        description: node.description,
        keywords: node.keywords.join(" "),
        conversations: n,
        share: round(n / Math.max(1, this.total)),
        affective_share: round(tally.affective / n),
        pushback_rate: round(tally.pushback / n),
        mean_sentiment_shift:
          tally.shifts.length >= t.minConversations
            ? round(tally.shifts.reduce((a, b) => a + b, 0) / tally.shifts.length)
            : null,
        main_language: language,
        x: round(node.x),
        y: round(node.y),
      });
    }
    return rows;
  }

  finish(): Section | null {
    if (this.total === 0) return null;
    const clusters = this.clusterRows();
    const top = clusters.filter((r) => r.parent === null);
    const suppressed = [...this.nodes.values()].filter((nd) => !nd.released).length;
    const perType: Row[] = [];
    let typeSuppressed = 0;
    for (const type of AFFECTIVE_TYPES) {
      const total = this.typeTotals.get(type) ?? 0;
      const cells = [...this.byType.entries()]
        .filter(([key]) => key.startsWith(`${type}\u0000`))
        .map(([key, cell]) => [key.split("\u0000")[1] as string, cell] as const)
        .filter(([topic]) => topic !== OTHER_TOPIC);
      const passing = cells
        .filter(([, cell]) => cell.passes(this.ctx.thresholds))
        .sort((a, b) => b[1].conversations - a[1].conversations);
      typeSuppressed += cells.length - passing.length;
      for (const [topic, cell] of passing.slice(0, TOP_PER_TYPE)) {
        perType.push({
          type,
          label: AFFECTIVE_LABELS[type],
          topic: this.nodes.get(topic)?.name ?? topic,
          conversations: cell.conversations,
          share_of_type: round(cell.conversations / Math.max(1, total)),
        });
      }
    }
    const biggest = top[0];
    return {
      id: this.id,
      title: "What people use the assistant for",
      summary: biggest
        ? [
            `The largest of ${top.length} top-level topics is “${biggest.name}”, with ${percent(Number(biggest.share))} of conversations.`,
          ]
        : [],
      intro: [
        "Conversations are grouped by what the human writes (redacted first): base clusters of about a hundred conversations by k-means over LSA embeddings of TF-IDF features, " +
          "then about ten top-level topics. Names use only words that conversations of at least the minimum number of users share. " +
          `${suppressed} cluster${suppressed === 1 ? " is" : "s are"} under the privacy thresholds and ${suppressed === 1 ? "counts" : "count"} under ${suppressed === 1 ? "its" : "their"} parent topic or “other”.`,
      ],
      figures: [
        {
          id: "topics",
          title: "Top-level topics",
          caption:
            "Share of conversations per top-level topic (each topic's affective share and pushback rate are in the data and in clusters.csv).",
          method:
            "Topic names are the most distinctive words of each topic's conversations (class-based TF-IDF) among words at least the minimum number of users share.",
          n: this.total,
          rows: top.map((r) => ({
            topic: r.name ?? null,
            conversations: r.conversations ?? null,
            share: r.share ?? null,
            affective_share: r.affective_share ?? null,
            pushback_rate: r.pushback_rate ?? null,
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
              ],
            },
          },
        },
        {
          id: "topics-per-affective-type",
          title: "Top topics within each affective type",
          caption: `Up to ${TOP_PER_TYPE} top-level topics per affective type, as a share of that type's conversations.`,
          method: "Each (type, topic) cell must itself pass the privacy thresholds to be shown.",
          n: this.total,
          rows: perType,
          suppressed: typeSuppressed,
          spec: {
            width: 420,
            height: { step: 18 },
            mark: { type: "bar", color: "#8b6bb8" },
            encoding: {
              y: { field: "topic", type: "nominal", title: null },
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
        },
      ],
    };
  }
}
