/**
 * Interview studies (METHODS.md section 4): the report's overview of the interviews — overall
 * sentiment 1-7, emotion intensity, primary vision, concerns and realised experiences, how answers
 * distribute over the questions, and a comparison of groups — then one section per question with its
 * themes, each theme's prevalence among the participants who answered it (95% Wilson intervals), and,
 * only for participants who consented, illustrative quotes. Every bar, cell, theme and group passes
 * the privacy thresholds (distinct participants and interviews); smaller themes are pooled.
 */
import { chiSquareTest, holm } from "../interview/groups.ts";
import type { InterviewStudy } from "../interview/stage.ts";
import {
  CONCERN_LABELS,
  CONCERNS,
  CONTEXT_LABELS,
  CONTEXTS,
  EMOTIONS,
  EXPERIENCE_LABELS,
  EXPERIENCES,
  INTENT_LABELS,
  INTENTS,
  type Label,
  VISION_LABELS,
  VISIONS,
} from "../interview/vocabulary.ts";
import type { Figure, Row, Section } from "../release/figure.ts";
import { barsWithIntervals, percent, round } from "../release/figure.ts";
import { Cell, gateDistribution, Tally, type Thresholds, userKey } from "../release/gate.ts";
import type { FacetRecord } from "../types.ts";
import type { Analysis, AnalysisContext } from "./analysis.ts";
import { wilson } from "./stats.ts";

/** Interviews holding an item, as participant ordinals (for pooling and group comparisons) and a gate cell. */
class Holders {
  readonly ordinals: number[] = [];
  readonly cell: Cell;
  constructor(cap: number) {
    this.cell = new Cell(cap);
  }
  add(ordinal: number, user: string): void {
    this.ordinals.push(ordinal);
    this.cell.add(user);
  }
}

/** An item a group comparison is made for: a label of a facet, or a theme of a question. */
interface ComparisonItem {
  kind: "theme" | "concern" | "vision" | "sentiment";
  key: string;
  label: string;
  /** The interviews it could apply to (all, or those that answered the question). */
  base: Set<number> | null;
  holders: Set<number>;
}

const OTHER_THEMES = "other";
/** p-values to three significant digits (rounding to decimals would print tiny ones as 0). */
const significant = (p: number) => Number(p.toPrecision(3));
const SIGNIFICANCE = 0.05;

export class InterviewsAnalysis implements Analysis {
  readonly id = "interviews";
  private readonly t: Thresholds;
  private readonly study: InterviewStudy | null;
  private n = 0;
  private readonly users: string[] = [];
  private readonly groups: (string | null)[] = [];
  private readonly sentiment: Tally;
  private readonly positive: Holders;
  private readonly emotions = new Map<string, Tally>();
  private readonly vision: Tally;
  private readonly visionHolders = new Map<string, Holders>();
  private readonly intent: Tally;
  private readonly multi = {
    concerns: new Map<string, Holders>(),
    experiences: new Map<string, Holders>(),
    context: new Map<string, Holders>(),
  };
  private concernsTotal = 0;
  private readonly answered = new Map<string, Holders>();
  private readonly themes = new Map<string, Holders>();

  constructor(ctx: AnalysisContext) {
    this.t = ctx.thresholds;
    this.study = ctx.interviews ?? null;
    this.sentiment = new Tally(this.t);
    this.positive = new Holders(this.t.minUsers);
    this.vision = new Tally(this.t);
    this.intent = new Tally(this.t);
    for (const e of EMOTIONS) this.emotions.set(e, new Tally(this.t));
  }

  get hasInterviews(): boolean {
    return this.n > 0;
  }

  private holders(map: Map<string, Holders>, key: string): Holders {
    let h = map.get(key);
    if (!h) {
      h = new Holders(this.t.minUsers);
      map.set(key, h);
    }
    return h;
  }

  add(r: FacetRecord): void {
    const iv = r.interview;
    if (!iv) return;
    const ordinal = this.n++;
    const user = userKey(r);
    this.users.push(user);
    this.groups.push(iv.group);
    this.sentiment.add(String(iv.sentiment), user);
    if (iv.sentiment >= 5) this.positive.add(ordinal, user);
    for (const e of EMOTIONS) this.emotions.get(e)?.add(String(iv.emotions[e]), user);
    this.vision.add(iv.vision, user);
    this.holders(this.visionHolders, iv.vision).add(ordinal, user);
    this.intent.add(iv.intent, user);
    for (const c of iv.concerns) this.holders(this.multi.concerns, c).add(ordinal, user);
    this.concernsTotal += iv.concerns.length;
    for (const x of iv.experiences) this.holders(this.multi.experiences, x).add(ordinal, user);
    for (const x of iv.context) this.holders(this.multi.context, x).add(ordinal, user);
    const questions = new Set<string>();
    const themes = new Set<string>();
    for (const a of iv.answers) {
      if (a.question) questions.add(a.question);
      if (a.theme) themes.add(a.theme);
    }
    for (const q of questions) this.holders(this.answered, q).add(ordinal, user);
    for (const th of themes) this.holders(this.themes, th).add(ordinal, user);
  }

  /** A cell for a set of participant ordinals (pooled themes). */
  private cellOf(ordinals: Iterable<number>): Cell {
    const cell = new Cell(this.t.minUsers);
    for (const o of ordinals) cell.add(this.users[o] as string);
    return cell;
  }

  // ---- released rows (figures, interview_themes.csv and interview_summary.json share them) ----

  private prevalenceRows(map: Map<string, Holders>, labels: Record<string, Label>, order: readonly string[]) {
    const rows: Row[] = [];
    let suppressed = 0;
    for (const key of order) {
      const h = map.get(key);
      if (!h) continue;
      if (!h.cell.passes(this.t)) {
        suppressed++;
        continue;
      }
      const w = wilson(h.cell.conversations, this.n);
      rows.push({
        category: key,
        label: labels[key]?.name ?? key,
        interviews: h.cell.conversations,
        share: round(w.p),
        ci_low: round(w.lo),
        ci_high: round(w.hi),
      });
    }
    return { rows, suppressed };
  }

  private distributionRows(tally: Tally, labels: Record<string, Label> | null, order: readonly string[]) {
    const gated = gateDistribution(tally, order);
    const rows = gated.kept.map(({ key, cell }) => {
      const w = wilson(cell.conversations, this.n);
      return {
        category: key,
        label: key === "other" ? "Other (pooled)" : (labels?.[key]?.name ?? key),
        interviews: cell.conversations,
        share: round(w.p),
        ci_low: round(w.lo),
        ci_high: round(w.hi),
      };
    });
    return { rows, suppressed: gated.suppressed };
  }

  /** Per emotion, its intensity levels: a partition of the interviews, gated by the partition rule. */
  private emotionRows() {
    const rows: Row[] = [];
    let suppressed = 0;
    for (const e of EMOTIONS) {
      const gated = gateDistribution(this.emotions.get(e) as Tally, ["0", "1", "2", "3"]);
      suppressed += gated.suppressed;
      for (const { key, cell } of gated.kept)
        rows.push({
          emotion: e,
          level: key === "other" ? null : Number(key),
          intensity:
            key === "other"
              ? "other levels (pooled)"
              : (["0 absent", "1 mild", "2 clear", "3 strong"][Number(key)] as string),
          interviews: cell.conversations,
          share: round(cell.conversations / this.n),
        });
    }
    return { rows, suppressed };
  }

  /** Per released question: its themes (small ones pooled into "other"), with shares of those who answered. */
  themeRows(): Row[] {
    if (!this.study) return [];
    const rows: Row[] = [];
    for (const q of this.study.questions) {
      const answered = this.answered.get(q.id);
      if (!answered?.cell.passes(this.t)) continue;
      const base = answered.cell.conversations;
      const pooled = new Set<number>();
      let pooledThemes = 0;
      const themeRowsOfQ: Row[] = [];
      for (const theme of this.study.themes.filter((th) => th.question === q.id)) {
        const h = this.themes.get(theme.id);
        if (!h) continue;
        if (!h.cell.passes(this.t)) {
          for (const o of h.ordinals) pooled.add(o);
          pooledThemes++;
          continue;
        }
        const w = wilson(h.cell.conversations, base);
        themeRowsOfQ.push({
          question_id: q.id,
          question: q.label,
          theme_id: theme.id,
          theme: theme.name,
          description: theme.description,
          keywords: theme.keywords.join(" "),
          interviews: h.cell.conversations,
          answered: base,
          share: round(w.p),
          ci_low: round(w.lo),
          ci_high: round(w.hi),
        });
      }
      themeRowsOfQ.sort((a, b) => Number(b.interviews) - Number(a.interviews));
      rows.push(...themeRowsOfQ);
      const other = this.cellOf(pooled);
      if (pooledThemes > 0 && other.passes(this.t)) {
        const w = wilson(other.conversations, base);
        rows.push({
          question_id: q.id,
          question: q.label,
          theme_id: `${q.id}/${OTHER_THEMES}`,
          theme: `Other themes (${pooledThemes} pooled)`,
          description: "Themes each under the privacy thresholds, counted together.",
          keywords: "",
          interviews: other.conversations,
          answered: base,
          share: round(w.p),
          ci_low: round(w.lo),
          ci_high: round(w.hi),
        });
      }
    }
    return rows;
  }

  /** Answers per question: the segmentation and alignment at a glance. */
  private questionRows(): Row[] {
    if (!this.study) return [];
    return this.study.questions
      .filter((q) => this.answered.get(q.id)?.cell.passes(this.t))
      .map((q) => ({
        question_id: q.id,
        question: q.label,
        asked: q.asked,
        interviews: this.answered.get(q.id)?.cell.conversations ?? 0,
        answers: q.answers,
        probes: q.probes,
        share_of_interviews: round((this.answered.get(q.id)?.cell.conversations ?? 0) / this.n),
      }));
  }

  /** Groups that pass the thresholds, with their participants. */
  private releasedGroups(): { group: string; members: Set<number> }[] {
    const byGroup = new Map<string, Set<number>>();
    for (const [o, g] of this.groups.entries()) {
      if (g === null) continue;
      byGroup.set(g, (byGroup.get(g) ?? new Set()).add(o));
    }
    return [...byGroup.entries()]
      .filter(([, members]) => this.cellOf(members).passes(this.t))
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([group, members]) => ({ group, members }));
  }

  /**
   * The group comparison: for every released theme, concern, vision and net-positive sentiment,
   * each group's share, a chi-square test across the groups and Holm's correction over all tests.
   * An item is compared only when every group's count is 0 or passes the thresholds.
   */
  comparisonRows(): { rows: Row[]; suppressed: number; groups: { group: string; interviews: number }[] } {
    const groups = this.releasedGroups();
    if (groups.length < 2) return { rows: [], suppressed: 0, groups: [] };
    const items: ComparisonItem[] = [];
    const all = (h: Holders | undefined) => new Set(h?.ordinals ?? []);
    items.push({
      kind: "sentiment",
      key: "net_positive",
      label: "Net positive (sentiment 5+)",
      base: null,
      holders: all(this.positive),
    });
    const labelled = <K extends string>(
      kind: "concern" | "vision",
      map: Map<string, Holders>,
      labels: Record<K, Label>,
    ) => {
      for (const key of Object.keys(labels) as K[]) {
        const h = map.get(key);
        if (!h?.cell.passes(this.t)) continue;
        const name = `${kind === "concern" ? "Concern" : "Vision"}: ${labels[key].name}`;
        items.push({ kind, key, label: name, base: null, holders: all(h) });
      }
    };
    labelled("concern", this.multi.concerns, CONCERN_LABELS);
    labelled("vision", this.visionHolders, VISION_LABELS);
    for (const row of this.themeRows()) {
      const id = String(row.theme_id);
      if (id.endsWith(`/${OTHER_THEMES}`)) continue;
      items.push({
        kind: "theme",
        key: id,
        label: `${row.question_id}: ${row.theme}`,
        base: all(this.answered.get(String(row.question_id))),
        holders: all(this.themes.get(id)),
      });
    }
    const tested: {
      item: ComparisonItem;
      cells: { group: string; k: number; n: number }[];
      p: number;
      minExpected: number;
    }[] = [];
    let suppressed = 0;
    for (const item of items) {
      const cells = groups.map(({ group, members }) => {
        let n = 0;
        const holders: number[] = [];
        for (const o of members) {
          if (item.base && !item.base.has(o)) continue;
          n++;
          if (item.holders.has(o)) holders.push(o);
        }
        return { group, k: holders.length, n, holders };
      });
      const releasable =
        cells.every((c) => this.cellOf(c.holders).passes(this.t) || c.k === 0) &&
        cells.every((c) => c.n >= this.t.minConversations);
      if (!releasable) {
        suppressed++;
        continue;
      }
      const test = chiSquareTest(cells);
      tested.push({ item, cells, p: test.p, minExpected: test.minExpected });
    }
    const adjusted = holm(tested.map((x) => x.p));
    const rows: Row[] = [];
    for (const [i, x] of tested.entries()) {
      for (const c of x.cells) {
        const w = wilson(c.k, c.n);
        rows.push({
          item: x.item.label,
          kind: x.item.kind,
          group: c.group,
          interviews: c.k,
          of: c.n,
          share: round(w.p),
          ci_low: round(w.lo),
          ci_high: round(w.hi),
          p_value: significant(x.p),
          p_holm: significant(adjusted[i] as number),
          significant: (adjusted[i] as number) < SIGNIFICANCE,
          low_expected_counts: x.minExpected < 5,
        });
      }
    }
    return {
      rows,
      suppressed,
      groups: groups.map((g) => ({ group: g.group, interviews: g.members.size })),
    };
  }

  /** Quotes of consenting participants for released themes (the release audits each again). */
  private quotesFor(themeIds: Set<string>): { theme: string; text: string }[] {
    return (this.study?.quotes ?? [])
      .filter((q) => themeIds.has(q.theme))
      .map((q) => ({ theme: q.theme, text: q.text }));
  }

  // ---- sections ----

  finish(): Section[] | null {
    if (this.n === 0) return null;
    const sections: Section[] = [this.overview()];
    const themeRows = this.themeRows();
    for (const [i, q] of (this.study?.questions ?? []).entries()) {
      const rows = themeRows.filter((r) => r.question_id === q.id);
      if (rows.length === 0) continue;
      const answered = this.answered.get(q.id)?.cell.conversations ?? 0;
      const byTheme = new Map(this.study?.themes.map((th) => [th.id, th.name]));
      const quotes = this.quotesFor(new Set(rows.map((r) => String(r.theme_id))));
      const suppressed =
        (this.study?.themes.filter((th) => th.question === q.id).length ?? 0) -
        rows.filter((r) => !String(r.theme_id).endsWith(`/${OTHER_THEMES}`)).length;
      sections.push({
        id: `interview-${q.id}`,
        title: `Question ${i + 1}: ${q.label}`,
        summary: [],
        intro: [
          `${answered} participants answered this question (${q.answers} answers, ${q.probes} of them to follow-up probes); ` +
            `${q.source === "plan" ? "the question comes from the interview plan" : `the question was found by clustering what the interviewer asked (${q.asked} interviews asked it)`}.`,
          ...quotes.map(
            (x) =>
              `“${x.text}” — a participant who agreed to be quoted (theme: ${byTheme.get(x.theme) ?? x.theme}).`,
          ),
        ],
        figures: [
          {
            id: `interview-${q.id}-themes`,
            title: "Themes",
            caption:
              "Share of the participants who answered this question whose answers fall in each theme, with 95% Wilson intervals.",
            method:
              "The answers to this question (rubric answer and follow-ups) are clustered (LSA embeddings, k-means); each cluster is a theme named by its most distinctive words among words at least the minimum number of participants used. " +
              "A participant counts in every theme one of their answers falls in, so shares may sum to more than 100%. Themes under the privacy thresholds are pooled.",
            n: answered,
            rows: rows.map(({ question_id: _q, question: _t, theme, ...rest }) => ({
              label: theme ?? null,
              ...rest,
            })),
            suppressed: Math.max(0, suppressed),
            spec: barsWithIntervals({
              value: "share",
              lo: "ci_low",
              hi: "ci_high",
              title: "Share of participants who answered",
              color: "#5aa469",
              format: ".0%",
            }),
          },
        ],
      });
    }
    return sections;
  }

  private overview(): Section {
    const n = this.n;
    const summary: string[] = [];
    if (this.positive.cell.passes(this.t)) {
      const w = wilson(this.positive.cell.conversations, n);
      summary.push(
        `${percent(w.p)} of ${n} interviews are net positive about AI (sentiment 5 or more on 1-7; 95% CI ${percent(w.lo)}-${percent(w.hi)}; the 81k-person study reported 67%).`,
      );
    }
    const concerns = this.prevalenceRows(this.multi.concerns, CONCERN_LABELS, CONCERNS);
    const top = [...concerns.rows].sort((a, b) => Number(b.share) - Number(a.share)).slice(0, 3);
    if (top.length > 0)
      summary.push(
        `Most common concerns: ${top.map((r) => `${String(r.label).toLowerCase()} ${percent(Number(r.share))}`).join(", ")} (${(this.concernsTotal / n).toFixed(1)} concerns per participant on average).`,
      );
    const visions = this.distributionRows(this.vision, VISION_LABELS, VISIONS);
    const topVision = visions.rows
      .filter((r) => r.category !== "none" && r.category !== "other")
      .sort((a, b) => b.share - a.share)[0];
    if (topVision)
      summary.push(
        `The most common primary vision is ${topVision.label.toLowerCase()} (${percent(topVision.share)}).`,
      );
    const comparison = this.comparisonRows();
    const significant = new Set(comparison.rows.filter((r) => r.significant).map((r) => r.item));
    if (comparison.groups.length >= 2)
      summary.push(
        `Across ${comparison.groups.length} groups, ${significant.size} of ${new Set(comparison.rows.map((r) => r.item)).size} compared items differ significantly (chi-square, Holm-corrected p < 0.05).`,
      );

    const figures: Figure[] = [];
    const sentiment = this.distributionRows(this.sentiment, null, ["1", "2", "3", "4", "5", "6", "7"]);
    figures.push({
      id: "interview-sentiment",
      title: "Overall sentiment towards AI",
      caption:
        "Share of interviews at each level of overall sentiment, 1 (very negative) to 7 (very positive); 5 and above is positive.",
      method:
        "Interview sentiment facet, one score per interview. Levels under the privacy thresholds are pooled.",
      n,
      rows: sentiment.rows.map((r) => ({ ...r, label: r.category === "other" ? r.label : `${r.category}` })),
      suppressed: sentiment.suppressed,
      spec: {
        width: 420,
        height: 220,
        mark: { type: "bar", color: "#3b6ea8" },
        encoding: {
          x: {
            field: "label",
            type: "ordinal",
            sort: null,
            title: "Sentiment (1-7)",
            axis: { labelAngle: 0 },
          },
          y: { field: "share", type: "quantitative", axis: { format: ".0%" }, title: "Share of interviews" },
        },
      },
    });
    const emotions = this.emotionRows();
    figures.push({
      id: "interview-emotions",
      title: "Emotion intensity",
      caption:
        "Share of interviews at each intensity (0 absent to 3 strong) of satisfaction, frustration, worry and trust.",
      method:
        "Interview emotions facet. Levels under the privacy thresholds are pooled, and so is the smallest level while the pool would be under them.",
      n,
      rows: emotions.rows,
      suppressed: emotions.suppressed,
      spec: {
        width: 420,
        height: { step: 30 },
        mark: { type: "bar" },
        encoding: {
          y: { field: "emotion", type: "nominal", sort: [...EMOTIONS], title: null },
          x: {
            field: "share",
            type: "quantitative",
            stack: "normalize",
            axis: { format: ".0%" },
            title: "Share of interviews",
          },
          color: { field: "intensity", type: "ordinal", scale: { scheme: "blues" }, title: "Intensity" },
          order: { field: "level", type: "quantitative" },
        },
      },
    });
    figures.push(
      this.intervalFigure(
        "interview-visions",
        "Primary vision",
        "Share of interviews by the participant's primary vision or hope for AI (one per interview).",
        "Interview vision facet (fixed vocabulary informed by the 81k-person study). Visions under the privacy thresholds are pooled.",
        visions,
        "#8b6bb8",
      ),
    );
    figures.push(
      this.intervalFigure(
        "interview-concerns",
        "Concerns",
        "Share of interviews raising each concern (a participant may raise several).",
        "Interview concerns facet. Concerns under the privacy thresholds are not shown.",
        concerns,
        "#c4515a",
      ),
    );
    figures.push(
      this.intervalFigure(
        "interview-experiences",
        "Realised experiences",
        "Share of interviews telling of each way AI has already helped (several per participant).",
        "Interview experiences facet. Labels under the privacy thresholds are not shown.",
        this.prevalenceRows(this.multi.experiences, EXPERIENCE_LABELS, EXPERIENCES),
        "#5aa469",
      ),
    );
    figures.push(
      this.intervalFigure(
        "interview-context",
        "What participants use AI for",
        "Share of interviews by context tag (several per participant).",
        "Interview context facet. Tags under the privacy thresholds are not shown.",
        this.prevalenceRows(this.multi.context, CONTEXT_LABELS, CONTEXTS),
        "#4fa3a5",
      ),
    );
    figures.push(
      this.intervalFigure(
        "interview-intent",
        "Main intent",
        "Share of interviews by what the participant mainly uses AI for (one per interview).",
        "Interview intent facet. Intents under the privacy thresholds are pooled.",
        this.distributionRows(this.intent, INTENT_LABELS, INTENTS),
        "#e08a3c",
      ),
    );
    const questions = this.questionRows();
    if (questions.length > 0)
      figures.push({
        id: "interview-questions",
        title: "Answers per question",
        caption:
          "How the participants' answers distribute over the interview's questions (follow-up probes count under the question they follow).",
        method:
          this.study?.mode === "plan"
            ? "Each interviewer turn is matched to the plan question it resembles most; turns that match none are follow-ups of the question before."
            : "The interviewer's questions are clustered across interviews; a cluster asked at a steady point of at least a fifth of the interviews is a question of the rubric, and the rest are follow-ups of the question before.",
        n,
        rows: questions.map((q) => ({ label: `${q.question_id} ${String(q.question).slice(0, 70)}`, ...q })),
        suppressed: 0,
        spec: {
          width: 420,
          height: { step: 22 },
          mark: { type: "bar", color: "#7d8c99" },
          encoding: {
            y: { field: "label", type: "nominal", sort: null, title: null },
            x: { field: "answers", type: "quantitative", title: "Answers" },
          },
        },
      });
    if (comparison.rows.length > 0)
      figures.push({
        id: "interview-groups",
        title: "Group comparison",
        caption: `Share of each group holding each theme, concern or vision, with 95% Wilson intervals; groups by ${this.study?.group_by ?? "group"}. * marks a significant difference.`,
        method:
          "Pearson chi-square test of independence per item (for two groups, the two-proportion z-test), p-values corrected for all items by Holm's method; significant means Holm p < 0.05. " +
          "An item is compared only when each group's count is zero or passes the privacy thresholds.",
        n,
        rows: comparison.rows.map((r) => ({ label: `${r.item}${r.significant ? " *" : ""}`, ...r })),
        suppressed: comparison.suppressed,
        spec: {
          width: 420,
          height: { step: 14 },
          mark: { type: "bar" },
          encoding: {
            y: { field: "label", type: "nominal", sort: null, title: null },
            yOffset: { field: "group" },
            x: { field: "share", type: "quantitative", axis: { format: ".0%" }, title: "Share of the group" },
            color: { field: "group", type: "nominal", title: "Group", legend: { labelLimit: 320 } },
          },
        },
      });
    const mode =
      this.study === null
        ? "Questions and themes are not available (the interview stage has not run)."
        : this.study.mode === "plan"
          ? `Answers are aligned with the ${this.study.questions.length} questions of the interview plan.`
          : `Answers are aligned with ${this.study.questions.length} questions found by clustering what the interviewer asked across interviews.`;
    return {
      id: "interviews",
      title: "Interview study",
      summary,
      intro: [
        `${n} AI-led interviews. Each participant turn is one answer, and every answer is counted under one of the interview's questions: ${mode}`,
        "Per interview, the offline engine rates overall sentiment (1-7) and the intensity of satisfaction, frustration, worry and trust (0-3), and labels the primary vision, concerns, realised experiences, context and intent from fixed vocabularies, with cues `convoscope explain` shows.",
        this.study && this.study.consent.participants > 0
          ? `${this.study.consent.participants} participants agreed to be quoted; quotes are theirs only, redacted and audited.`
          : "No participant is marked as consenting to be quoted, so themes are described, never quoted.",
      ],
      figures,
    };
  }

  private intervalFigure(
    id: string,
    title: string,
    caption: string,
    method: string,
    data: { rows: Row[]; suppressed: number },
    color: string,
  ): Figure {
    return {
      id,
      title,
      caption,
      method,
      n: this.n,
      rows: data.rows,
      suppressed: data.suppressed,
      spec: barsWithIntervals({
        value: "share",
        lo: "ci_low",
        hi: "ci_high",
        title: "Share of interviews",
        color,
        format: ".0%",
      }),
    };
  }

  /** release/interview_summary.json: every released number of this analysis, strings passing `keep`. */
  summaryFile(keep: (s: string) => boolean): Record<string, unknown> {
    const clean = (rows: Row[]) =>
      rows.filter((r) => Object.values(r).every((v) => typeof v !== "string" || keep(v)));
    const themes = clean(this.themeRows());
    const released = new Set(themes.map((r) => String(r.theme_id)));
    const quotes = this.quotesFor(released).filter((q) => keep(q.text));
    const comparison = this.comparisonRows();
    const pos = wilson(this.positive.cell.conversations, this.n);
    return {
      interviews: this.n,
      thresholds: { min_users: this.t.minUsers, min_conversations: this.t.minConversations },
      alignment: this.study ? { mode: this.study.mode, plan_title: this.study.plan_title } : null,
      net_positive: this.positive.cell.passes(this.t)
        ? {
            interviews: this.positive.cell.conversations,
            share: round(pos.p),
            ci_low: round(pos.lo),
            ci_high: round(pos.hi),
          }
        : null,
      sentiment: this.distributionRows(this.sentiment, null, ["1", "2", "3", "4", "5", "6", "7"]).rows,
      emotions: this.emotionRows().rows,
      visions: this.distributionRows(this.vision, VISION_LABELS, VISIONS).rows,
      concerns: this.prevalenceRows(this.multi.concerns, CONCERN_LABELS, CONCERNS).rows,
      concerns_per_participant: round(this.concernsTotal / Math.max(1, this.n), 3),
      experiences: this.prevalenceRows(this.multi.experiences, EXPERIENCE_LABELS, EXPERIENCES).rows,
      context: this.prevalenceRows(this.multi.context, CONTEXT_LABELS, CONTEXTS).rows,
      intents: this.distributionRows(this.intent, INTENT_LABELS, INTENTS).rows,
      questions: clean(this.questionRows()).map((q) => ({
        ...q,
        themes: themes
          .filter((r) => r.question_id === q.question_id)
          .map((r) => ({ ...r, quotes: quotes.filter((x) => x.theme === r.theme_id).map((x) => x.text) })),
      })),
      groups:
        comparison.groups.length >= 2
          ? {
              by: this.study?.group_by ?? null,
              groups: comparison.groups.filter((g) => keep(g.group)),
              comparisons: clean(comparison.rows),
            }
          : null,
      quotes_released: quotes.length,
    };
  }
}
