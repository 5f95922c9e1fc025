/**
 * An interview study's release (release/interview_summary.json) as facts for the differencing attack
 * of release-attack.ts: every distribution row, every multi-label item (concerns, experiences,
 * contexts), the interviews per question and per theme (and the pooled "other themes"), the groups'
 * sizes and each compared item per group. `mentionLeaks` checks concerns per participant, a count of
 * mentions rather than of interviews.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CONCERN_LABELS, VISION_LABELS } from "../src/interview/vocabulary.ts";
import type { FacetRecord } from "../src/types.ts";
import type { Attributes, Fact } from "./release-attack.ts";

type Condition = Fact["condition"];
type Summary = Record<string, unknown> & {
  interviews: number;
  net_positive: { interviews: number } | null;
  sentiment: Row[];
  emotions: Row[];
  visions: Row[];
  intents: Row[];
  concerns: Row[];
  experiences: Row[];
  context: Row[];
  concerns_per_participant: number;
  questions: (Row & { themes: Row[] })[];
  groups: { groups: { group: string; interviews: number }[]; comparisons: Row[] } | null;
};
type Row = Record<string, string | number | boolean | null>;

/** An interview's attributes for the attack (none on chat records). */
export function interviewAttributes(r: FacetRecord): Attributes {
  const iv = r.interview;
  if (!iv) return {};
  const a: Attributes = {
    sentiment: String(iv.sentiment),
    positive: iv.sentiment >= 5 ? "yes" : "no",
    vision: iv.vision,
    intent: iv.intent,
    group: iv.group ?? "none",
  };
  for (const [e, level] of Object.entries(iv.emotions)) a[`emotion:${e}`] = String(level);
  for (const c of iv.concerns) a[`concern:${c}`] = "yes";
  for (const x of iv.experiences) a[`experience:${x}`] = "yes";
  for (const x of iv.context) a[`context:${x}`] = "yes";
  for (const ans of iv.answers) {
    if (ans.question) a[`answered:${ans.question}`] = "yes";
    if (ans.theme) a[`theme:${ans.theme}`] = "yes";
  }
  return a;
}

export function readSummary(study: string): Summary | null {
  try {
    return JSON.parse(readFileSync(join(study, "release", "interview_summary.json"), "utf8"));
  } catch {
    return null;
  }
}

/**
 * The facts. `records` get one derived attribute per question, "other themes:Q" (any theme of Q
 * that the release does not list), since that row counts a union.
 */
export function interviewFacts(
  study: string,
  records: Attributes[],
  domain: (attr: string) => string[],
): Fact[] {
  const s = readSummary(study);
  if (!s) return [];
  const facts: Fact[] = [];
  const fact = (figure: string, name: string, condition: Condition, count: number) =>
    facts.push({ name: `interviews ${figure}: ${name}`, figure: `interviews ${figure}`, condition, count });
  const not = (attr: string, shown: readonly string[]) => domain(attr).filter((v) => !shown.includes(v));
  if (s.net_positive) fact("net positive", "5+", { positive: ["yes"] }, s.net_positive.interviews);
  for (const [figure, rows, attr] of [
    ["sentiment", s.sentiment, "sentiment"],
    ["visions", s.visions, "vision"],
    ["intents", s.intents, "intent"],
  ] as const) {
    const shown = rows.map((r) => String(r.category)).filter((c) => !["other", "5+", "1-4"].includes(c));
    for (const r of rows) {
      const c = String(r.category);
      const condition =
        c === "5+"
          ? { positive: ["yes"] }
          : c === "1-4"
            ? { positive: ["no"] }
            : { [attr]: c === "other" ? not(attr, shown) : [c] };
      fact(figure, c, condition, Number(r.interviews));
    }
  }
  const emotions = [...new Set(s.emotions.map((r) => String(r.emotion)))];
  for (const e of emotions) {
    const rows = s.emotions.filter((r) => r.emotion === e);
    const shown = rows.filter((r) => r.level !== null).map((r) => String(r.level));
    for (const r of rows)
      fact(
        `emotion ${e}`,
        String(r.level ?? "other"),
        { [`emotion:${e}`]: r.level === null ? not(`emotion:${e}`, shown) : [String(r.level)] },
        Number(r.interviews),
      );
  }
  for (const [figure, rows, prefix] of [
    ["concerns", s.concerns, "concern"],
    ["experiences", s.experiences, "experience"],
    ["context", s.context, "context"],
  ] as const)
    for (const r of rows)
      fact(figure, String(r.category), { [`${prefix}:${r.category}`]: ["yes"] }, Number(r.interviews));

  const themeOf = new Map<string, string>();
  const answeredShown = new Set(
    s.questions.filter((q) => q.interviews !== null).map((q) => String(q.question_id)),
  );
  for (const q of s.questions) {
    const qid = String(q.question_id);
    if (q.interviews !== null) fact("questions", qid, { [`answered:${qid}`]: ["yes"] }, Number(q.interviews));
    const listed = q.themes.map((th) => String(th.theme_id));
    for (const rec of records) {
      const other = Object.keys(rec).some(
        (k) => k.startsWith(`theme:${qid}/`) && rec[k] === "yes" && !listed.includes(k.slice(6)),
      );
      rec[`other themes:${qid}`] = other ? "yes" : "no";
    }
    for (const th of q.themes) {
      const id = String(th.theme_id);
      themeOf.set(`${qid}: ${th.theme}`, id);
      const c: Condition = id.endsWith("/other")
        ? { [`answered:${qid}`]: ["yes"], [`other themes:${qid}`]: ["yes"] }
        : { [`answered:${qid}`]: ["yes"], [`theme:${id}`]: ["yes"] };
      fact(`themes ${qid}`, id, c, Number(th.interviews));
    }
  }

  if (s.groups) {
    for (const g of s.groups.groups) fact("groups", g.group, { group: [g.group] }, g.interviews);
    const byName = (labels: Record<string, { name: string }>, prefix: string) =>
      new Map(Object.entries(labels).map(([k, l]) => [`${prefix}: ${l.name}`, k]));
    const concerns = byName(CONCERN_LABELS, "Concern");
    const visions = byName(VISION_LABELS, "Vision");
    for (const r of s.groups.comparisons) {
      const item = String(r.item);
      const g = String(r.group);
      let base: Condition = {};
      let holds: Condition;
      if (r.kind === "sentiment") holds = { positive: ["yes"] };
      else if (r.kind === "concern") holds = { [`concern:${concerns.get(item)}`]: ["yes"] };
      else if (r.kind === "vision") holds = { vision: [String(visions.get(item))] };
      else {
        const id = themeOf.get(item);
        if (!id) continue;
        const qid = id.slice(0, id.lastIndexOf("/"));
        if (answeredShown.has(qid)) base = { [`answered:${qid}`]: ["yes"] };
        holds = { [`theme:${id}`]: ["yes"] };
      }
      // Each item's rows are a figure of their own: its groups are disjoint parts of its base.
      const figure = `groups ${item}`;
      fact(figure, `${g} of`, { ...base, group: [g] }, Number(r.of));
      fact(figure, `${g} holding`, { ...base, ...holds, group: [g] }, Number(r.interviews));
    }
  }
  return facts;
}

/**
 * Concerns per participant counts mentions: times the interviews, minus the concerns shown, it is
 * the mentions of the concerns not shown. When that is not zero, the interviews raising any of
 * them must be empty or pass.
 */
export function mentionLeaks(
  study: string,
  records: readonly Attributes[],
  users: readonly string[],
  t: { minUsers: number; minConversations: number },
): { leaks: string[]; tried: number } {
  const s = readSummary(study);
  if (!s) return { leaks: [], tried: 0 };
  const mentions = Math.round(s.concerns_per_participant * s.interviews);
  const rest = mentions - s.concerns.reduce((a, r) => a + Number(r.interviews), 0);
  if (rest <= 0) return { leaks: [], tried: 0 };
  const shown = new Set(s.concerns.map((r) => `concern:${r.category}`));
  const who = records.flatMap((r, i) =>
    Object.keys(r).some((k) => k.startsWith("concern:") && !shown.has(k)) ? [i] : [],
  );
  const u = new Set(who.map((i) => users[i]));
  const leak = who.length > 0 && (who.length < t.minConversations || u.size < t.minUsers);
  return {
    leaks: leak
      ? [
          `interviews concerns per participant minus the concerns shown: ${rest} mentions, ${who.length} interviews of ${u.size} users`,
        ]
      : [],
    tried: 1,
  };
}
