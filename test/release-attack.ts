/**
 * A differencing attack on a whole release: every number the release states about a set of
 * conversations (figure rows, rates times their n, a cluster's breakdowns, summary sentences) becomes
 * a fact, defined the way an attacker reads the methods: a conjunction of conditions on each
 * conversation's attributes (length bucket, language, affective, each type, pushback, reason,
 * cluster per level...). Then, for every fact W (and the study's total) and every family of facts
 * that are inside W and pairwise disjoint by those definitions, W minus the family counts the
 * conversations of W in none of them. The internal records say who they are: a non-zero difference
 * of fewer than the thresholds is a leak. Families are drawn from one figure at a time (a cluster's
 * breakdowns count as separate figures), subtracted from a whole of any figure.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { AFFECTIVE_LABELS } from "../src/analyses/affective.ts";
import { lengthBucket } from "../src/analyses/overview.ts";
import type { TopicNode } from "../src/cluster/index.ts";
import type { Thresholds } from "../src/release/gate.ts";
import { AFFECTIVE_TYPES, type FacetRecord } from "../src/types.ts";
import { countsForValues } from "../src/values/frequencies.ts";
import { interviewAttributes, interviewFacts, mentionLeaks } from "./release-attack-interviews.ts";
import { treeLeaks, valuesFacts } from "./release-attack-values.ts";

/** A record's attributes, one value each (a type is a yes/no attribute of its own). */
export type Attributes = Record<string, string>;

/** Allowed values per attribute; an attribute not named may take any value. */
type Condition = Record<string, readonly string[]>;

export interface Fact {
  /** What the release says, for messages: "figure: row". */
  name: string;
  /** The figure (or breakdown) the fact comes from: families are drawn from one at a time. */
  figure: string;
  condition: Condition;
  /** The number the release states. */
  count: number;
}

export interface AttackResult {
  leaks: string[];
  /** Non-zero differences worked out: the attack had something to try. */
  tried: number;
  facts: number;
}

const LONG_BUCKETS = ["6-9", "10-19", "20-49", "50+"];

export function attributesOf(r: FacetRecord, nodes: ReadonlyMap<string, TopicNode>): Attributes {
  const a: Attributes = {
    length: lengthBucket(r.human_turns),
    language: r.language ?? "not_determined",
    collaboration: r.collaboration ?? "not_determined",
    concern: r.concern === null ? "not_determined" : String(r.concern),
    affective: r.affective === null ? "null" : r.affective ? "yes" : "no",
    typed: r.affective && (r.affective_types ?? []).length > 0 ? "yes" : "no",
    content_creation: r.content_creation ? "yes" : "no",
    pushback: r.pushback === null ? "null" : r.pushback ? "yes" : "no",
    reason: r.pushback ? (r.pushback_reason ?? "other") : "none",
  };
  for (const t of AFFECTIVE_TYPES)
    a[`type:${t}`] = r.affective && r.affective_types?.includes(t) ? "yes" : "no";
  // Values: over the conversations values are counted for; each value a yes/no attribute.
  const counted = countsForValues(r);
  a.values = counted ? "yes" : "no";
  a.response = counted ? (r.value_response ?? "no_values") : "n/a";
  if (counted) {
    for (const v of r.values_ai ?? []) a[`value:${v}`] = "yes";
    for (const v of r.values_human ?? []) a[`human value:${v}`] = "yes";
  }
  Object.assign(a, interviewAttributes(r));
  for (let id: string | null | undefined = r.cluster; id; id = nodes.get(id)?.parent) {
    const nd = nodes.get(id);
    if (nd) a[`level${nd.level}`] = nd.id;
  }
  return a;
}

/** The conditions of each comparison group (groups.ts). */
function group(key: string): Condition {
  if (key === "all") return {};
  if (key === "affective") return { affective: ["yes"] };
  if (key === "not_affective") return { affective: ["no"] };
  return { affective: ["yes"], typed: ["yes"], [`type:${key}`]: ["yes"] };
}

function kind(key: string): Condition {
  if (key === "content_creation") return { typed: ["no"], content_creation: ["yes"] };
  if (key === "other_task") return { typed: ["no"], content_creation: ["no"] };
  return group(key);
}

const not = (domain: readonly string[], shown: readonly string[]) => domain.filter((v) => !shown.includes(v));

/**
 * Reads the facts of a study folder's release. `records` give every value each attribute takes (an
 * attacker knows the vocabularies), for conditions like "any language but these".
 */
export function releasedFacts(study: string, records: Attributes[]): Fact[] {
  const read = (...p: string[]) => readFileSync(join(study, ...p), "utf8");
  const figure = (id: string): Record<string, unknown>[] => {
    try {
      return parse(read("release", "figures", `${id}.csv`), { columns: true, cast: true });
    } catch {
      return [];
    }
  };
  const domain = (attr: string) => [...new Set(records.map((r) => r[attr] ?? ""))];
  const facts: Fact[] = [];
  const fact = (figureId: string, name: string, condition: Condition, count: number) =>
    facts.push({ name: `${figureId}: ${name}`, figure: figureId, condition, count });
  const n = records.length;
  fact("total", "all conversations", {}, n);

  // Distributions: each row, and "other" (the rest of the figure's whole).
  const distributions: [string, string, string][] = [
    ["conversation-length", "human_messages", "length"],
    ["languages", "category", "language"],
    ["collaboration", "category", "collaboration"],
    ["concern", "category", "concern"],
  ];
  for (const [id, column, attr] of distributions) {
    const rows = figure(id);
    const shown = rows.map((r) => String(r[column])).filter((v) => v !== "other");
    for (const r of rows) {
      const v = String(r[column]);
      fact(id, v, { [attr]: v === "other" ? not(domain(attr), shown) : [v] }, Number(r.conversations));
    }
  }

  for (const r of figure("affective-prevalence"))
    fact("affective-prevalence", String(r.category), group(String(r.category)), Number(r.conversations));
  const html = read("release", "report.html");
  const cc = html.match(/([\d.]+)% of conversations use the assistant as a writing tool/);
  if (cc)
    fact("summary", "content creation", kind("content_creation"), Math.round((Number(cc[1]) / 100) * n));

  const rates = figure("pushback-rate");
  for (const r of rates) {
    const g = group(String(r.group));
    const size = Number(r.conversations);
    const k = Math.round(Number(r.pushback_rate) * size);
    fact("pushback-rate", `${r.group} (n)`, { ...g, pushback: ["yes", "no"] }, size);
    fact("pushback-rate", `${r.group} with pushback`, { ...g, pushback: ["yes"] }, k);
    fact("pushback-rate", `${r.group} without`, { ...g, pushback: ["no"] }, size - k);
  }
  const reasons = figure("pushback-reasons");
  const named = [...new Set(reasons.map((r) => String(r.reason)).filter((v) => v !== "other"))];
  for (const r of reasons) {
    const reason = String(r.reason);
    fact(
      "pushback-reasons",
      `${r.group} ${reason}`,
      {
        ...group(String(r.group)),
        pushback: ["yes"],
        reason: reason === "other" ? not(domain("reason"), named) : [reason],
      },
      Number(r.conversations),
    );
  }

  for (const r of figure("sentiment-shift"))
    fact(
      "sentiment-shift",
      String(r.group),
      { ...group(String(r.group)), length: LONG_BUCKETS },
      Number(r.conversations),
    );

  const long = html.match(/Conversations with 50 or more human messages: ([\d,]+) of/);
  if (long)
    fact("long-conversations", "very long", { length: ["50+"] }, Number(long[1]?.replaceAll(",", "")));
  for (const r of figure("long-conversations-mix"))
    fact(
      "long-conversations-mix",
      String(r.kind),
      { ...kind(String(r.kind)), length: ["50+"] },
      Number(r.conversations),
    );

  // Values: their n, each value shown (any may overlap), the response types (one per conversation).
  const values = html.match(/value statistics are over these ([\d,]+) conversations/);
  if (values) fact("values", "n", { values: ["yes"] }, Number(values[1]?.replaceAll(",", "")));
  for (const [id, attr] of [
    ["values-frequencies", "value"],
    ["values-human", "human value"],
  ] as const)
    for (const r of figure(id))
      fact(
        id,
        String(r.value),
        { values: ["yes"], [`${attr}:${r.value}`]: ["yes"] },
        Number(r.conversations),
      );
  const responses = figure("values-response");
  const responsesNamed = responses.map((r) => String(r.response)).filter((v) => v !== "other");
  for (const r of responses) {
    const v = String(r.response);
    const all = domain("response").filter((x) => x !== "n/a");
    fact(
      "values-response",
      v,
      { values: ["yes"], response: v === "other" ? not(all, responsesNamed) : [v] },
      Number(r.conversations),
    );
  }

  facts.push(...topicFacts(study, domain, figure));
  facts.push(
    ...valuesFacts(
      study,
      values ? Number(values[1]?.replaceAll(",", "")) : null,
      ...topicNames(study),
      situationalType,
    ),
  );
  facts.push(...interviewFacts(study, records, domain));
  return facts;
}

/** A situational table's affective context, by its label in the report. */
function situationalType(label: string): Condition | null {
  if (label === "Not affective") return { affective: ["no"] };
  const key = Object.entries(AFFECTIVE_LABELS).find(([, l]) => l === label)?.[0];
  return key ? group(key) : null;
}

/** Top-level topic ids by name, and the top level. */
function topicNames(study: string): [Map<string, string>, number] {
  try {
    const clusters = JSON.parse(readFileSync(join(study, "release", "clusters.json"), "utf8")) as Record<
      string,
      unknown
    >[];
    const top = Math.max(0, ...clusters.filter((r) => r.id !== "other").map((r) => Number(r.level)));
    return [
      new Map(
        clusters
          .filter((r) => Number(r.level) === top && r.id !== "other")
          .map((r) => [String(r.name), String(r.id)]),
      ),
      top,
    ];
  } catch {
    return [new Map(), 0];
  }
}

function topicFacts(
  study: string,
  domain: (attr: string) => string[],
  figure: (id: string) => Record<string, unknown>[],
): Fact[] {
  let clusters: Record<string, unknown>[];
  try {
    clusters = JSON.parse(readFileSync(join(study, "release", "clusters.json"), "utf8"));
  } catch {
    return [];
  }
  const nodes = new Map(
    (JSON.parse(readFileSync(join(study, "internal", "topics.json"), "utf8")) as TopicNode[]).map((nd) => [
      nd.id,
      nd,
    ]),
  );
  const top = Math.max(0, ...[...nodes.values()].map((nd) => nd.level));
  const facts: Fact[] = [];
  const fact = (figure: string, name: string, condition: Condition, count: number) =>
    facts.push({ name: `${figure}: ${name}`, figure, condition, count });
  const listed = clusters.filter((r) => r.id !== "other").map((r) => String(r.id));
  const releasedTops = listed.filter((id) => nodes.get(id)?.level === top);
  const where = (r: Record<string, unknown>): Condition =>
    r.id === "other"
      ? { [`level${top}`]: not(domain(`level${top}`), releasedTops) }
      : { [`level${r.level}`]: [String(r.id)] };
  for (const r of clusters) {
    const at = where(r);
    const size = Number(r.conversations);
    const id = String(r.id);
    fact("clusters", id, at, size);
    const level = Number(r.level);
    if (r.unlisted_conversations !== null && r.unlisted_conversations !== undefined && level > 0) {
      const kids = listed.filter((k) => nodes.get(k)?.parent === id);
      fact(
        "clusters",
        `${id} unlisted`,
        { ...at, [`level${level - 1}`]: not(domain(`level${level - 1}`), kids) },
        Number(r.unlisted_conversations),
      );
    }
    // A rate with its cluster's size: the conversations with, and without.
    for (const [column, attr] of [
      ["affective_share", "affective"],
      ["pushback_rate", "pushback"],
    ] as const) {
      if (r[column] === null || r[column] === undefined) continue;
      const k = Math.round(Number(r[column]) * size);
      fact(`clusters ${attr}`, `${id} ${attr}`, { ...at, [attr]: ["yes"] }, k);
      fact(`clusters ${attr}`, `${id} not ${attr}`, { ...at, [attr]: not(domain(attr), ["yes"]) }, size - k);
    }
    const languages = r.languages as Record<string, number> | null;
    if (languages) {
      const names = Object.keys(languages).filter((k) => k !== "other");
      for (const [k, share] of Object.entries(languages))
        fact(
          "clusters languages",
          `${id} ${k}`,
          {
            ...at,
            language:
              k === "other" ? not(domain("language"), names) : [k === "unknown" ? "not_determined" : k],
          },
          Math.round(share * size),
        );
    }
  }
  // Figure 2: a type's top topics and the rest of the type.
  const byName = new Map(clusters.map((r) => [String(r.name), r]));
  const perType = figure("topics-per-affective-type");
  for (const type of new Set(perType.map((r) => String(r.type)))) {
    const rows = perType.filter((r) => r.type === type);
    const tops = rows.map((r) => byName.get(String(r.topic))).filter((r) => r !== undefined);
    for (const r of rows) {
      const cluster = byName.get(String(r.topic));
      const at = cluster
        ? where(cluster)
        : {
            [`level${top}`]: not(
              domain(`level${top}`),
              tops.map((x) => String(x.id)),
            ),
          };
      fact(
        "topics-per-affective-type",
        `${type} ${r.topic}`,
        { ...group(type), ...at },
        Number(r.conversations),
      );
    }
  }
  return facts;
}

/** The records a condition selects, as a bitset. */
function members(c: Condition, records: readonly Attributes[]): Uint32Array {
  const out = new Uint32Array(Math.ceil(records.length / 32));
  const entries = Object.entries(c);
  records.forEach((r, i) => {
    if (entries.every(([attr, values]) => values.includes(r[attr] ?? "")))
      out[i >>> 5] = (out[i >>> 5] as number) | (1 << (i & 31));
  });
  return out;
}

function size(bits: Uint32Array): number {
  let n = 0;
  for (let w of bits) {
    for (; w !== 0; n++) w &= w - 1;
  }
  return n;
}

/** Inside by definition: every attribute W restricts, `f` restricts to a subset of W's values. */
function inside(f: Condition, w: Condition): boolean {
  return Object.entries(w).every(([attr, values]) => f[attr]?.every((v) => values.includes(v)) ?? false);
}

/** Disjoint by definition: some attribute both restrict to values with none in common. */
function disjoint(a: Condition, b: Condition): boolean {
  return Object.entries(a).some(
    ([attr, values]) => b[attr] !== undefined && !b[attr].some((v) => values.includes(v)),
  );
}

/** Families examined per whole and figure before the search stops (and says so). */
const FAMILY_BUDGET = 200_000;

export function attack(
  facts: readonly Fact[],
  records: readonly Attributes[],
  users: readonly string[],
  t: Thresholds,
): AttackResult {
  const leaks: string[] = [];
  let tried = 0;
  const sets = facts.map((f) => members(f.condition, records));
  // Every fact's number must be what its definition counts, or the attack reads the release wrong.
  facts.forEach((f, i) => {
    const n = size(sets[i] as Uint32Array);
    if (n !== f.count) leaks.push(`${f.name}: released ${f.count}, its definition counts ${n}`);
  });
  /** Conversations and (up to minUsers) distinct users of a bitset. */
  const counts = (bits: Uint32Array) => {
    const seen = new Set<string>();
    for (let w = 0; w < bits.length && seen.size < t.minUsers; w++)
      for (let b = 0; b < 32; b++) if ((bits[w] as number) & (1 << b)) seen.add(users[w * 32 + b] as string);
    return { conversations: size(bits), users: seen.size };
  };
  const figures = [...new Set(facts.map((f) => f.figure))];
  for (const [wi, w] of facts.entries()) {
    const whole = sets[wi] as Uint32Array;
    for (const figure of figures) {
      const parts = facts.flatMap((f, i) =>
        i !== wi && f.figure === figure && f.count > 0 && inside(f.condition, w.condition) ? [i] : [],
      );
      let budget = FAMILY_BUDGET;
      const chosen: number[] = [];
      const walk = (from: number, rest: Uint32Array) => {
        if (--budget < 0) return;
        if (chosen.length > 0) {
          const c = counts(rest);
          if (c.conversations > 0) {
            tried++;
            if (c.conversations < t.minConversations || c.users < t.minUsers)
              leaks.push(
                `${w.name} minus ${chosen.map((i) => facts[i]?.name).join(" + ")}: ${c.conversations} conversations of ${c.users} users`,
              );
          }
        }
        for (let j = from; j < parts.length; j++) {
          const p = parts[j] as number;
          const f = facts[p] as Fact;
          if (chosen.some((i) => !disjoint((facts[i] as Fact).condition, f.condition))) continue;
          const set = sets[p] as Uint32Array;
          chosen.push(p);
          walk(
            j + 1,
            rest.map((x, k) => x & ~(set[k] as number)),
          );
          chosen.pop();
        }
      };
      walk(0, whole);
      if (budget < 0) leaks.push(`${w.name} minus ${figure}: too many families to try (raise the budget)`);
    }
  }
  return { leaks: [...new Set(leaks)], tried, facts: facts.length };
}

/** The whole attack on a study folder: its facts, and the mention counts checked apart. */
export function attackStudy(
  study: string,
  records: Attributes[],
  users: readonly string[],
  t: Thresholds,
): AttackResult & { figures: Set<string> } {
  const facts = releasedFacts(study, records);
  const result = attack(facts, records, users, t);
  const tree = treeLeaks(study, records, users, t);
  const mentions = mentionLeaks(study, records, users, t);
  return {
    leaks: [...result.leaks, ...tree.leaks, ...mentions.leaks],
    tried: result.tried + tree.tried + mentions.tried,
    facts: result.facts,
    figures: new Set(facts.map((f) => f.figure)),
  };
}
