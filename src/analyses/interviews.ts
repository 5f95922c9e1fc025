/**
 * Interview studies (METHODS.md section 4): the report's overview of the interviews — overall
 * sentiment 1-7, emotion intensity, primary vision, concerns and realised experiences, how answers
 * distribute over the questions, and a comparison of groups — then one section per question with its
 * themes, each theme's prevalence among the participants who answered it (95% Wilson intervals), and,
 * only for participants who consented, illustrative quotes. Every bar, cell, theme and group passes
 * the privacy thresholds (distinct participants and interviews), and follows the label rule of
 * src/release/gate.ts, so that no difference of released counts singles out fewer; the rest is pooled.
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
import {
  Cell,
  gateDistribution,
  gateLabels,
  type LabelGate,
  LabelTally,
  Tally,
  type Thresholds,
  userKey,
} from "../release/gate.ts";
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
/** The sentiment tally's label of net positive interviews (5+), beside the levels "1".."7". */
const POSITIVE = "5+";
const NOT_POSITIVE = "1-4";
const LEVELS = ["1", "2", "3", "4", "5", "6", "7"];
/** Outcomes of a compared item per interview: holds it, could but does not, could not (did not answer). */
const HOLDS = "yes";
const LACKS = "no";
const NOT_ASKED = "n/a";
/**
 * The interviews by label, for the label gate of src/release/gate.ts: the multi-label items,
 * sentiment levels with net positive, the questions answered, every theme of every question (over
 * all interviews, for a question whose answered count is withheld), the groups.
 */
const LABEL_FAMILIES = [
  "concerns",
  "experiences",
  "context",
  "sentiment",
  "questions",
  "themes",
  "groups",
] as const;
type LabelFamily = (typeof LABEL_FAMILIES)[number];
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
  /** The interviews by label (LABEL_FAMILIES), and per question over those who answered it, its themes. */
  private readonly labels: Record<LabelFamily, LabelTally>;
  private readonly themeLabels = new Map<string, LabelTally>();
  private readonly gated = new Map<string, LabelGate>();
  private readonly answered = new Map<string, Holders>();
  private readonly themes = new Map<string, Holders>();

  constructor(ctx: AnalysisContext) {
    this.t = ctx.thresholds;
    this.study = ctx.interviews ?? null;
    this.positive = new Holders(this.t.minUsers);
    this.vision = new Tally(this.t);
    this.intent = new Tally(this.t);
    for (const e of EMOTIONS) this.emotions.set(e, new Tally(this.t));
    this.labels = Object.fromEntries(LABEL_FAMILIES.map((k) => [k, new LabelTally(this.t)])) as Record<
      LabelFamily,
      LabelTally
    >;
  }

  /** A label gate, computed once (rows, figures and the summary file read the same). */
  private gate(key: string, tally: LabelTally, o: Parameters<typeof gateLabels>[1]): LabelGate {
    let g = this.gated.get(key);
    if (!g) {
      g = gateLabels(tally, o);
      this.gated.set(key, g);
    }
    return g;
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
    if (iv.sentiment >= 5) this.positive.add(ordinal, user);
    for (const e of EMOTIONS) this.emotions.get(e)?.add(String(iv.emotions[e]), user);
    this.vision.add(iv.vision, user);
    this.holders(this.visionHolders, iv.vision).add(ordinal, user);
    this.intent.add(iv.intent, user);
    for (const c of iv.concerns) this.holders(this.multi.concerns, c).add(ordinal, user);
    for (const x of iv.experiences) this.holders(this.multi.experiences, x).add(ordinal, user);
    for (const x of iv.context) this.holders(this.multi.context, x).add(ordinal, user);
    this.labels.concerns.add(iv.concerns, user);
    this.labels.experiences.add(iv.experiences, user);
    this.labels.context.add(iv.context, user);
    this.labels.sentiment.add([String(iv.sentiment), ...(iv.sentiment >= 5 ? [POSITIVE] : [])], user);
    this.labels.groups.add(iv.group === null ? [] : [iv.group], user);
    const questions = new Map<string, Set<string>>();
    for (const a of iv.answers) {
      if (!a.question) continue;
      const themes = questions.get(a.question) ?? new Set<string>();
      if (a.theme) themes.add(a.theme);
      questions.set(a.question, themes);
    }
    this.labels.questions.add([...questions.keys()], user);
    this.labels.themes.add(
      [...questions.values()].flatMap((th) => [...th]),
      user,
    );
    for (const [q, themes] of questions) {
      this.holders(this.answered, q).add(ordinal, user);
      for (const th of themes) this.holders(this.themes, th).add(ordinal, user);
      let tally = this.themeLabels.get(q);
      if (!tally) {
        tally = new LabelTally(this.t);
        this.themeLabels.set(q, tally);
      }
      tally.add([...themes], user);
    }
  }

  // ---- released rows (figures, interview_themes.csv and interview_summary.json share them) ----

  /**
   * A multi-label item (several per interview) by the label rule: each label shown passes, and the
   * interviews minus labels shown that no interview holds together are empty or pass (so an item
   * nearly everyone raises is withheld).
   */
  private prevalenceRows(
    family: "concerns" | "experiences" | "context",
    labels: Record<string, Label>,
    order: readonly string[],
  ) {
    const rows: Row[] = [];
    const gated = this.gate(family, this.labels[family], { order, disjoint: true });
    const shown = new Map(gated.kept.map((k) => [k.key, k.cell]));
    const suppressed = order.filter((k) => this.multi[family].has(k) && !shown.has(k)).length;
    for (const key of order) {
      const cell = shown.get(key);
      if (!cell) continue;
      const w = wilson(cell.conversations, this.n);
      rows.push({
        category: key,
        label: labels[key]?.name ?? key,
        interviews: cell.conversations,
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

  /**
   * Sentiment levels 1-7 and net positive (5+, which holds levels 5-7): one label gate, so that
   * neither the interviews nor the net positive ones minus the levels shown single out a few.
   */
  private sentimentRows() {
    const gated = this.gate("sentiment", this.labels.sentiment, { order: [POSITIVE, ...LEVELS] });
    const shown = new Set(gated.kept.map((k) => k.key));
    const row = (category: string, label: string, interviews: number) => {
      const w = wilson(interviews, this.n);
      return { category, label, interviews, share: round(w.p), ci_low: round(w.lo), ci_high: round(w.hi) };
    };
    const rows = gated.kept
      .filter((k) => k.key !== POSITIVE)
      .map((k) => row(k.key, k.key, k.cell.conversations));
    // The levels are disjoint: the rest is the interviews minus the levels shown, which the gate checked.
    const other = this.labels.sentiment.count((ls) => !LEVELS.some((l) => shown.has(l) && ls.has(l)));
    if (rows.length > 0 && other.conversations > 0 && other.passes(this.t))
      rows.push(row("other", "Other (pooled)", other.conversations));
    const positive = gated.kept.find((k) => k.key === POSITIVE)?.cell ?? null;
    // No level can be shown beside net positive: show net positive and the rest (the interviews
    // minus it, which the gate checked), rather than nothing.
    if (rows.length === 0 && positive) {
      const rest = this.n - positive.conversations;
      rows.push(row(POSITIVE, "5-7 (net positive)", positive.conversations));
      if (rest > 0) rows.push(row(NOT_POSITIVE, "1-4", rest));
    }
    return { rows, suppressed: LEVELS.filter((l) => !shown.has(l)).length, positive };
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

  /**
   * The questions shown: interviews answer several, so they are labels of the interviews, gated by
   * the label rule (the interviews minus those that answered a question must pass, or be none).
   */
  private shownQuestions(): Set<string> {
    const order = (this.study?.questions ?? []).map((q) => q.id);
    return new Set(
      this.gate("questions", this.labels.questions, { order, disjoint: true }).kept.map((k) => k.key),
    );
  }

  /**
   * A shown question's themes: labels of the interviews that answered it, gated by the label rule
   * (what the themes shown leave of those interviews passes, or is none); then "other themes", the
   * interviews with any theme not shown, when it passes and showing it leaves every difference safe.
   */
  private shownThemes(q: string): {
    themes: { key: string; cell: Cell }[];
    other: Cell | null;
    pooled: number;
  } {
    const order = (this.study?.themes ?? []).filter((th) => th.question === q).map((th) => th.id);
    // A question whose answered count is withheld: its themes over all interviews instead.
    const tally = this.shownQuestions().has(q)
      ? (this.themeLabels.get(q) as LabelTally)
      : this.labels.themes.relabel((ls) => order.filter((th) => ls.has(th)));
    const gated = this.gate(`themes ${q}`, tally, { order, disjoint: true });
    const shown = new Set(gated.kept.map((k) => k.key));
    const pooled = order.filter((th) => !shown.has(th) && this.themes.has(th)).length;
    if (pooled === 0 || gated.kept.length === 0) return { themes: gated.kept, other: null, pooled };
    const withOther = tally.relabel((ls) => [...ls].map((l) => (shown.has(l) ? l : OTHER_THEMES)));
    const again = this.gate(`themes ${q} with other`, withOther, {
      order: [...gated.kept.map((k) => k.key), OTHER_THEMES],
      disjoint: true,
    });
    const other = again.kept.length === gated.kept.length + 1 ? (again.kept.at(-1)?.cell ?? null) : null;
    return { themes: gated.kept, other, pooled };
  }

  /**
   * Per question: its themes (the rest pooled into "other"), with shares of those who answered, or
   * of all interviews where how many answered is withheld (`answered` is then null).
   */
  themeRows(): Row[] {
    if (!this.study) return [];
    const rows: Row[] = [];
    const questions = this.shownQuestions();
    for (const q of this.study.questions) {
      if (!this.answered.has(q.id)) continue;
      const shownQ = questions.has(q.id);
      const base = shownQ ? (this.answered.get(q.id)?.cell.conversations ?? 0) : this.n;
      const { themes, other, pooled } = this.shownThemes(q.id);
      const byId = new Map(this.study.themes.map((th) => [th.id, th]));
      const themeRowsOfQ: Row[] = [];
      for (const { key, cell } of themes) {
        const theme = byId.get(key);
        if (!theme) continue;
        const w = wilson(cell.conversations, base);
        themeRowsOfQ.push({
          question_id: q.id,
          question: q.label,
          theme_id: theme.id,
          theme: theme.name,
          description: theme.description,
          keywords: theme.keywords.join(" "),
          interviews: cell.conversations,
          answered: shownQ ? base : null,
          share: round(w.p),
          ci_low: round(w.lo),
          ci_high: round(w.hi),
        });
      }
      themeRowsOfQ.sort((a, b) => Number(b.interviews) - Number(a.interviews));
      rows.push(...themeRowsOfQ);
      if (other) {
        const w = wilson(other.conversations, base);
        rows.push({
          question_id: q.id,
          question: q.label,
          theme_id: `${q.id}/${OTHER_THEMES}`,
          theme: `Other themes (${pooled} pooled)`,
          description:
            "Themes not shown on their own (under the privacy thresholds, or withheld so that no difference of shown counts singles out a few), counted together.",
          keywords: "",
          interviews: other.conversations,
          answered: shownQ ? base : null,
          share: round(w.p),
          ci_low: round(w.lo),
          ci_high: round(w.hi),
        });
      }
    }
    return rows;
  }

  /**
   * Answers per question: the segmentation and alignment at a glance. How many interviews asked a
   * question is not released (no gate knows which did); for a question whose answered count is
   * withheld, with `withheld`, its counts are null (the answers, less the probes, would give it).
   */
  private questionRows(withheld = false): Row[] {
    if (!this.study) return [];
    const shown = this.shownQuestions();
    return this.study.questions
      .filter((q) => shown.has(q.id) || (withheld && this.answered.has(q.id)))
      .map((q) => {
        const answered = shown.has(q.id) ? (this.answered.get(q.id)?.cell.conversations ?? 0) : null;
        return {
          question_id: q.id,
          question: q.label,
          interviews: answered,
          answers: answered === null ? null : q.answers,
          probes: answered === null ? null : q.probes,
          share_of_interviews: answered === null ? null : round(answered / this.n),
        };
      });
  }

  /**
   * The groups shown, with their participants: a partition of the interviews (and those in no
   * group), gated by the rule: each passes, and the interviews in no group shown pass or are none.
   */
  private releasedGroups(): { group: string; members: Set<number> }[] {
    const byGroup = new Map<string, Set<number>>();
    for (const [o, g] of this.groups.entries()) {
      if (g === null) continue;
      byGroup.set(g, (byGroup.get(g) ?? new Set()).add(o));
    }
    const order = [...byGroup.keys()].sort();
    const shown = new Set(this.gate("groups", this.labels.groups, { order }).kept.map((k) => k.key));
    return order
      .filter((g) => shown.has(g))
      .map((group) => ({ group, members: byGroup.get(group) as Set<number> }));
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
    if (this.sentimentRows().positive)
      items.push({
        kind: "sentiment",
        key: "net_positive",
        label: "Net positive (sentiment 5+)",
        base: null,
        holders: all(this.positive),
      });
    // Only items their own figures show: a vision pooled into "other" there, compared per group
    // here, would give "other" minus it.
    const labelled = <K extends string>(
      kind: "concern" | "vision",
      map: Map<string, Holders>,
      labels: Record<K, Label>,
      shown: ReadonlySet<string>,
    ) => {
      for (const key of Object.keys(labels) as K[]) {
        const h = map.get(key);
        if (!h || !shown.has(key)) continue;
        const name = `${kind === "concern" ? "Concern" : "Vision"}: ${labels[key].name}`;
        items.push({ kind, key, label: name, base: null, holders: all(h) });
      }
    };
    const shownOf = (rows: Row[]) => new Set(rows.map((r) => String(r.category)));
    labelled(
      "concern",
      this.multi.concerns,
      CONCERN_LABELS,
      shownOf(this.prevalenceRows("concerns", CONCERN_LABELS, CONCERNS).rows),
    );
    labelled(
      "vision",
      this.visionHolders,
      VISION_LABELS,
      shownOf(this.distributionRows(this.vision, VISION_LABELS, VISIONS).rows),
    );
    for (const row of this.themeRows()) {
      const id = String(row.theme_id);
      if (id.endsWith(`/${OTHER_THEMES}`)) continue;
      items.push({
        kind: "theme",
        key: id,
        label: `${row.question_id}: ${row.theme}`,
        // Where how many answered is withheld, the item is over all interviews (as its shares).
        base: row.answered === null ? null : all(this.answered.get(String(row.question_id))),
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
      // The item per group by the label rule: the groups are labels, each interview's outcome is
      // whether it holds the item, lacks it, or was not asked (a theme's question unanswered), so
      // that each group's count, its rest and what it leaves of the group, and the item's
      // interviews in no group shown, are empty or pass.
      const tally = new LabelTally(this.t);
      for (const [o, g] of this.groups.entries())
        tally.add(
          g === null ? [] : [g],
          this.users[o] as string,
          item.base && !item.base.has(o) ? NOT_ASKED : item.holders.has(o) ? HOLDS : LACKS,
        );
      const order = groups.map((g) => g.group);
      const gated = gateLabels(tally, { order, outcomes: [[HOLDS], [LACKS], [NOT_ASKED]] });
      const releasable =
        gated.released &&
        gated.kept.length === order.length &&
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

  /**
   * Mentions of the concerns shown per interview: a function of released counts (with all concerns,
   * it minus the shown ones would count the mentions of a withheld one).
   */
  private concernsPerParticipant(shown: Row[]): number {
    return shown.reduce((a, r) => a + Number(r.interviews), 0) / Math.max(1, this.n);
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
      const shownQ = this.shownQuestions().has(q.id);
      const answered = shownQ ? (this.answered.get(q.id)?.cell.conversations ?? 0) : this.n;
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
          (shownQ
            ? `${answered} participants answered this question (${q.answers} answers, ${q.probes} of them to follow-up probes); `
            : `How many participants answered this question is withheld (so few did not that their number would single them out), so shares below are of all ${this.n} interviews; `) +
            `${q.source === "plan" ? "the question comes from the interview plan" : "the question was found by clustering what the interviewer asked"}.`,
          ...quotes.map(
            (x) =>
              `“${x.text}” — a participant who agreed to be quoted (theme: ${byTheme.get(x.theme) ?? x.theme}).`,
          ),
        ],
        figures: [
          {
            id: `interview-${q.id}-themes`,
            title: "Themes",
            caption: shownQ
              ? "Share of the participants who answered this question whose answers fall in each theme, with 95% Wilson intervals."
              : "Share of all interviews whose answers to this question fall in each theme, with 95% Wilson intervals.",
            method:
              "The answers to this question (rubric answer and follow-ups) are clustered (LSA embeddings, k-means); each cluster is a theme named by its most distinctive words among words at least the minimum number of participants used. " +
              "A participant counts in every theme one of their answers falls in, so shares may sum to more than 100%. Themes under the privacy thresholds, and the smallest while what the themes shown leave of those who answered would be under them, are pooled.",
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
              title: shownQ ? "Share of participants who answered" : "Share of interviews",
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
    const sentiment = this.sentimentRows();
    if (sentiment.positive) {
      const w = wilson(sentiment.positive.conversations, n);
      summary.push(
        `${percent(w.p)} of ${n} interviews are net positive about AI (sentiment 5 or more on 1-7; 95% CI ${percent(w.lo)}-${percent(w.hi)}; the 81k-person study reported 67%).`,
      );
    }
    const concerns = this.prevalenceRows("concerns", CONCERN_LABELS, CONCERNS);
    const top = [...concerns.rows].sort((a, b) => Number(b.share) - Number(a.share)).slice(0, 3);
    if (top.length > 0)
      summary.push(
        `Most common concerns: ${top.map((r) => `${String(r.label).toLowerCase()} ${percent(Number(r.share))}`).join(", ")} (${(this.concernsPerParticipant(concerns.rows)).toFixed(1)} of the concerns shown per participant on average).`,
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
    figures.push({
      id: "interview-sentiment",
      title: "Overall sentiment towards AI",
      caption:
        "Share of interviews at each level of overall sentiment, 1 (very negative) to 7 (very positive); 5 and above is positive.",
      method:
        "Interview sentiment facet, one score per interview. Levels under the privacy thresholds are pooled; so is the smallest level while the pool, or what the levels shown leave of the net positive (5+) interviews, would be under them.",
      n,
      rows: sentiment.rows.map((r) => ({ ...r, label: LEVELS.includes(r.category) ? r.category : r.label })),
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
        "Interview concerns facet. A concern is shown when its interviews pass the privacy thresholds and what the concerns shown leave of the interviews passes too (a concern nearly everyone raises is withheld).",
        concerns,
        "#c4515a",
      ),
    );
    figures.push(
      this.intervalFigure(
        "interview-experiences",
        "Realised experiences",
        "Share of interviews telling of each way AI has already helped (several per participant).",
        "Interview experiences facet. A label is shown when its interviews pass the privacy thresholds and what the labels shown leave of the interviews passes too.",
        this.prevalenceRows("experiences", EXPERIENCE_LABELS, EXPERIENCES),
        "#5aa469",
      ),
    );
    figures.push(
      this.intervalFigure(
        "interview-context",
        "What participants use AI for",
        "Share of interviews by context tag (several per participant).",
        "Interview context facet. A tag is shown when its interviews pass the privacy thresholds and what the tags shown leave of the interviews passes too.",
        this.prevalenceRows("context", CONTEXT_LABELS, CONTEXTS),
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
        suppressed: (this.study?.questions.length ?? 0) - questions.length,
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
          "An item is compared only when, in each group, the interviews holding it, those lacking it and those not asked are each none or pass the privacy thresholds, and so are those holding it in no group shown; groups are shown when each passes and the interviews in no group shown pass too.",
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
    const { positive, rows: sentiment } = this.sentimentRows();
    const pos = wilson(positive?.conversations ?? 0, this.n);
    const concerns = this.prevalenceRows("concerns", CONCERN_LABELS, CONCERNS).rows;
    return {
      interviews: this.n,
      thresholds: { min_users: this.t.minUsers, min_conversations: this.t.minConversations },
      alignment: this.study ? { mode: this.study.mode, plan_title: this.study.plan_title } : null,
      net_positive: positive
        ? {
            interviews: positive.conversations,
            share: round(pos.p),
            ci_low: round(pos.lo),
            ci_high: round(pos.hi),
          }
        : null,
      sentiment,
      emotions: this.emotionRows().rows,
      visions: this.distributionRows(this.vision, VISION_LABELS, VISIONS).rows,
      concerns,
      concerns_per_participant: round(this.concernsPerParticipant(concerns), 3),
      experiences: this.prevalenceRows("experiences", EXPERIENCE_LABELS, EXPERIENCES).rows,
      context: this.prevalenceRows("context", CONTEXT_LABELS, CONTEXTS).rows,
      intents: this.distributionRows(this.intent, INTENT_LABELS, INTENTS).rows,
      questions: clean(this.questionRows(true)).map((q) => ({
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
