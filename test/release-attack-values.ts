/**
 * The values release as facts for the differencing attack (release-attack.ts): each value's
 * conversations in values_frequencies.csv, and each listed cell of the situational tables (a value
 * within a context: an affective type, a top-level topic, a human value), with the context's own
 * conversations among the value statistics' n (the 2x2 margin its expected count gives). The
 * taxonomy's shares count value mentions, not conversations: `treeLeaks` checks them apart.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import type { TaxonomyNode } from "../src/values/taxonomy.ts";
import type { Attributes, Fact } from "./release-attack.ts";

type Condition = Fact["condition"];

const csv = (path: string): Record<string, unknown>[] => {
  try {
    return parse(readFileSync(path, "utf8"), { columns: true, cast: true });
  } catch {
    return [];
  }
};

/** The conditions of a situational context, by the report's label of it. */
function contextCondition(
  kind: string,
  label: string,
  topics: ReadonlyMap<string, string>,
  top: number,
  affective: (label: string) => Condition | null,
): Condition | null {
  if (kind === "affective type") return affective(label);
  if (kind === "topic") {
    const id = topics.get(label);
    return id ? { [`level${top}`]: [id] } : null;
  }
  return { [`human value:${label}`]: ["yes"] };
}

export function valuesFacts(
  study: string,
  n: number | null,
  topics: ReadonlyMap<string, string>,
  top: number,
  affective: (label: string) => Condition | null,
): Fact[] {
  const facts: Fact[] = [];
  const fact = (figure: string, name: string, condition: Condition, count: number) =>
    facts.push({ name: `${figure}: ${name}`, figure, condition, count });
  if (n !== null)
    for (const r of csv(join(study, "release", "values_frequencies.csv")))
      fact(
        "values_frequencies.csv",
        String(r.value),
        { values: ["yes"], [`value:${r.value}`]: ["yes"] },
        Math.round((Number(r.pct_convos) / 100) * n),
      );
  for (const r of csv(join(study, "release", "figures", "values-situational.csv"))) {
    const c = contextCondition(String(r.context_type), String(r.context), topics, top, affective);
    if (!c) continue;
    const name = `${r.context_type} ${r.context}`;
    fact(
      "values-situational",
      `${name} x ${r.value}`,
      { ...c, values: ["yes"], [`value:${r.value}`]: ["yes"] },
      Number(r.conversations),
    );
    // The context's conversations among the n (its 2x2 margin: the expected count gives it too).
    if (r.context_conversations !== undefined)
      fact("values-situational contexts", name, { ...c, values: ["yes"] }, Number(r.context_conversations));
  }
  return facts;
}

/**
 * The taxonomy: a released group's share of value mentions minus its released children's is the
 * mentions of its other values. When that is not zero, the conversations expressing any of those
 * values must be empty or pass (so must those of values under no released top-level group).
 */
export function treeLeaks(
  study: string,
  records: readonly Attributes[],
  users: readonly string[],
  t: { minUsers: number; minConversations: number },
): { leaks: string[]; tried: number } {
  const rows = csv(join(study, "release", "values_tree.csv"));
  let nodes: TaxonomyNode[];
  try {
    nodes = JSON.parse(readFileSync(join(study, "internal", "values.json"), "utf8")).nodes;
  } catch {
    return { leaks: [], tried: 0 };
  }
  const byId = new Map(nodes.map((nd) => [nd.id, nd]));
  const released = new Map(rows.map((r) => [String(r.cluster_id), Number(r.pct_total_occurrences)]));
  const valuesUnder = (id: string | null): string[] =>
    nodes.filter((nd) => nd.parent === id).flatMap((nd) => (nd.level === 0 ? [nd.name] : valuesUnder(nd.id)));
  const leaks: string[] = [];
  let tried = 0;
  const wholes: (string | null)[] = [
    null,
    ...rows.filter((r) => Number(r.level) > 0).map((r) => String(r.cluster_id)),
  ];
  if (rows.length === 0) return { leaks, tried };
  for (const w of wholes) {
    const children = nodes.filter((nd) => nd.parent === w);
    const shownKids = children.filter((nd) => released.has(nd.id));
    const share = w === null ? 100 : (released.get(w) as number);
    const rest = share - shownKids.reduce((a, nd) => a + (released.get(nd.id) as number), 0);
    // Shares are rounded to 0.001%: a rest within the rounding of the rows subtracted is none.
    if (rest < 0.0005 * (shownKids.length + 1)) continue;
    const hidden = children
      .filter((nd) => !released.has(nd.id))
      .flatMap((nd) => (nd.level === 0 ? [nd.name] : valuesUnder(nd.id)));
    const who = records.flatMap((r, i) => (hidden.some((v) => r[`value:${v}`] === "yes") ? [i] : []));
    if (who.length === 0) continue;
    tried++;
    const u = new Set(who.map((i) => users[i]));
    if (who.length < t.minConversations || u.size < t.minUsers)
      leaks.push(
        `values_tree.csv: ${w === null ? "all mentions" : (byId.get(w)?.name ?? w)} minus its released groups: ${rest.toFixed(3)}% of mentions, values of ${who.length} conversations of ${u.size} users`,
      );
  }
  return { leaks, tried };
}
