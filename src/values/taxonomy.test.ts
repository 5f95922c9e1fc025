import assert from "node:assert/strict";
import { test } from "node:test";
import { levelSizes } from "../cluster/index.ts";
import type { ExampleGroup, GroupNamer } from "../cluster/naming.ts";
import type { ReferenceNode } from "./compare.ts";
import { CooccurrenceCounter } from "./cooccurrence.ts";
import { PhraseEmbedder } from "./embed.ts";
import { ancestors, buildTaxonomy, nameTaxonomy, nameTaxonomyWith, type TaxonomyNode } from "./taxonomy.ts";

/** Made-up values in five families that share their last word ("x clarity", "y safety"...). */
function values(perFamily = 25): { value: string; occurrences: number }[] {
  const heads = ["clarity", "safety", "honesty", "wellbeing", "efficiency"];
  const letters = "bcdfghjklmnprstvwz";
  return heads.flatMap((h, i) =>
    Array.from({ length: perFamily }, (_, j) => {
      const word = `${letters[(i * 7 + j) % 18]}${"aeiou"[j % 5]}${letters[(i * 3 + j * 5) % 18]}${"aeiou"[(i + j) % 5]}${letters[(j * 11 + i) % 18]}`;
      return { value: `${word}${i}${j} ${h}`, occurrences: 1 + ((i * 31 + j * 7) % 17) };
    }),
  );
}

test("levels shrink geometrically from the values to five top-level groups, as in the study", async () => {
  const many = values(81);
  const nodes = await buildTaxonomy(many, { seed: 1 });
  const perLevel = [0, 1, 2, 3].map((l) => nodes.filter((n) => n.level === l).length);
  // The study's four levels (3,307 -> 266 -> 26 -> 5); here 405 -> ~94 -> ~22 -> 5.
  assert.deepEqual(perLevel, levelSizes(405, 5, 4));
  assert.equal(perLevel[3], 5);
  // Each group's counts are the sums of its values.
  const top = nodes.filter((n) => n.level === 3);
  assert.equal(
    top.reduce((a, n) => a + n.values, 0),
    405,
  );
  assert.equal(
    top.reduce((a, n) => a + n.occurrences, 0),
    many.reduce((a, v) => a + v.occurrences, 0),
  );
  // Ids rank groups by occurrences, and groups come in id order.
  const l1 = nodes.filter((n) => n.level === 1);
  assert.equal(l1[0]?.id, "ai_values:l1:0001");
  for (let i = 1; i < l1.length; i++)
    assert.ok((l1[i - 1]?.occurrences as number) >= (l1[i]?.occurrences as number));
});

test("values that share a word end up together, and the same input gives the same tree", async () => {
  const a = await buildTaxonomy(values(), { seed: 3 });
  const b = await buildTaxonomy([...values()].reverse(), { seed: 3 });
  assert.deepEqual(a, b);
  const byId = new Map(a.map((n) => [n.id, n]));
  const topOf = (v: string) => ancestors(v, byId).at(-1);
  let same = 0;
  const heads = ["clarity", "safety", "honesty", "wellbeing", "efficiency"];
  for (const h of heads) {
    const groups = new Map<string, number>();
    for (const v of values().filter((x) => x.value.endsWith(h)))
      groups.set(topOf(v.value) as string, (groups.get(topOf(v.value) as string) ?? 0) + 1);
    same += Math.max(...groups.values());
  }
  assert.ok(same >= 0.8 * 125, `${same} of 125 values sit with most of their family`);
});

test("co-occurrence pulls together values that share no letters", async () => {
  const counter = new CooccurrenceCounter();
  for (let i = 0; i < 50; i++) {
    counter.add(["empathy", "emotional validation", "self-compassion"]);
    counter.add(["accuracy", "thoroughness", "precision"]);
  }
  const list = [
    "empathy",
    "emotional validation",
    "self-compassion",
    "accuracy",
    "thoroughness",
    "precision",
  ].map((value) => ({ value, occurrences: 50 }));
  const nodes = await buildTaxonomy(list, {
    seed: 1,
    levels: 2,
    top: 2,
    cooccurrence: counter,
    cooccurrenceWeight: 0.9,
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  assert.equal(ancestors("empathy", byId)[0], ancestors("emotional validation", byId)[0]);
  assert.equal(ancestors("empathy", byId)[0], ancestors("self-compassion", byId)[0]);
  assert.equal(ancestors("accuracy", byId)[0], ancestors("thoroughness", byId)[0]);
  assert.equal(ancestors("accuracy", byId)[0], ancestors("precision", byId)[0]);
  assert.notEqual(ancestors("empathy", byId)[0], ancestors("accuracy", byId)[0]);
  assert.equal(counter.together("empathy", "emotional validation"), 50);
});

const REFERENCE: ReferenceNode[] = [
  {
    cluster_id: "ai_values:l2:top-a",
    description: "Caring values.",
    name: "Caring values",
    level: 2,
    parent_cluster_id: null,
    pct_total_occurrences: 60,
  },
  {
    cluster_id: "ai_values:l2:top-b",
    description: "Knowing values.",
    name: "Knowing values",
    level: 2,
    parent_cluster_id: null,
    pct_total_occurrences: 40,
  },
  {
    cluster_id: "ai_values:l1:care",
    description: "Care for people.",
    name: "Care",
    level: 1,
    parent_cluster_id: "ai_values:l2:top-a",
    pct_total_occurrences: 60,
  },
  {
    cluster_id: "ai_values:l1:truth",
    description: "Truth.",
    name: "Truth",
    level: 1,
    parent_cluster_id: "ai_values:l2:top-b",
    pct_total_occurrences: 40,
  },
  {
    cluster_id: "user wellbeing",
    description: "",
    name: "user wellbeing",
    level: 0,
    parent_cluster_id: "ai_values:l1:care",
    pct_total_occurrences: 30,
  },
  {
    cluster_id: "healthy boundaries",
    description: "",
    name: "healthy boundaries",
    level: 0,
    parent_cluster_id: "ai_values:l1:care",
    pct_total_occurrences: 30,
  },
  {
    cluster_id: "intellectual honesty",
    description: "",
    name: "intellectual honesty",
    level: 0,
    parent_cluster_id: "ai_values:l1:truth",
    pct_total_occurrences: 40,
  },
];

test("a reference taxonomy: exact, normalised and nearest-neighbour placement, reference names kept", async () => {
  const nodes = await buildTaxonomy(
    [
      { value: "user wellbeing", occurrences: 5 },
      { value: "healthy boundary", occurrences: 3 },
      { value: "honesty", occurrences: 4 },
    ],
    { seed: 1, reference: REFERENCE },
  );
  const byId = new Map(nodes.map((n) => [n.id, n]));
  assert.deepEqual(byId.get("user wellbeing")?.match, { kind: "exact", reference: "user wellbeing" });
  assert.equal(byId.get("healthy boundary")?.match?.kind, "normalised");
  assert.equal(byId.get("honesty")?.match?.kind, "nearest");
  assert.equal(byId.get("honesty")?.match?.reference, "intellectual honesty");
  assert.deepEqual(ancestors("honesty", byId), ["ai_values:l1:truth", "ai_values:l2:top-b"]);
  assert.equal(byId.get("ai_values:l2:top-a")?.name, "Caring values");
  assert.equal(byId.get("ai_values:l2:top-a")?.occurrences, 8);
  assert.equal(nodes.filter((n) => n.level > 0).length, 4, "only the reference groups in use");
});

test("offline names use only released values", async () => {
  const nodes = await buildTaxonomy(values().slice(0, 25), { seed: 1, levels: 2, top: 2 });
  const shown = new Set(
    nodes
      .filter((n) => n.level === 0)
      .slice(0, 3)
      .map((n) => n.id),
  );
  for (const n of nodes) n.released = n.level > 0 || shown.has(n.id);
  nameTaxonomy(nodes);
  for (const g of nodes.filter((n) => n.level > 0)) {
    assert.ok(!g.name.startsWith("ai_values:"), g.name);
    for (const part of g.name.split(/ and |, /))
      assert.ok(part === "less common values" || shown.has(part), g.name);
    for (const v of [...g.description.matchAll(/[a-z]+\d+ clarity/g)])
      assert.ok(shown.has(v[0]), g.description);
  }
});

test("the phrase embedder: stems and character n-grams make related phrases close", () => {
  const e = new PhraseEmbedder();
  const list = [
    "honesty",
    "intellectual honesty",
    "honest communication",
    "animal welfare",
    "harm prevention",
  ];
  e.fit(list);
  const v = e.embedSync(list);
  const cos = (i: number, j: number) => {
    let s = 0;
    for (let k = 0; k < e.dimensions; k++)
      s += (v[i * e.dimensions + k] as number) * (v[j * e.dimensions + k] as number);
    return s;
  };
  assert.ok(cos(0, 1) > cos(0, 3) + 0.2);
  assert.ok(cos(0, 2) > cos(0, 4));
  assert.ok(Math.abs(cos(3, 3) - 1) < 1e-5);
});

test("a model namer names the groups from released values, siblings as contrast; null keeps the offline name", async () => {
  const nodes = await buildTaxonomy(values().slice(0, 50), { seed: 1, levels: 3, top: 2 });
  const hidden = nodes.find((n) => n.level === 0) as TaxonomyNode;
  for (const n of nodes) n.released = n !== hidden;
  nameTaxonomy(nodes);
  const offline = new Map(nodes.map((n) => [n.id, n.name]));
  const asked: ExampleGroup[] = [];
  const namer: GroupNamer = {
    async name(groups) {
      asked.push(...groups);
      return groups.map((g, i) => (i === 0 ? null : { name: `Group ${g.id}`, description: "Named." }));
    },
  };
  const renamed = await nameTaxonomyWith(nodes, namer);
  const groups = nodes.filter((n) => n.level > 0);
  assert.deepEqual(
    asked.map((g) => g.id),
    groups.map((g) => g.id),
    "every group, once",
  );
  assert.equal(renamed, groups.length - 1);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const [i, g] of asked.entries()) {
    assert.ok(!g.members.includes(hidden.id) && !g.outsiders.includes(hidden.id), "only released values");
    assert.ok(g.members.length > 0 && g.members.length <= 40 && g.outsiders.length <= 20);
    for (const m of g.members) assert.ok(ancestors(m, byId).includes(g.id), `${m} is in ${g.id}`);
    for (const o of g.outsiders) assert.ok(!ancestors(o, byId).includes(g.id), `${o} is outside ${g.id}`);
    assert.ok(g.outsiders.length > 0, "contrast from the other groups");
    const node = byId.get(g.id) as TaxonomyNode;
    assert.equal(node.name, i === 0 ? offline.get(g.id) : `Group ${g.id}`);
  }
  // The most frequent values first.
  const first = asked[1] as ExampleGroup;
  const occ = first.members.map((m) => byId.get(m)?.occurrences as number);
  assert.deepEqual(
    occ,
    [...occ].sort((a, b) => b - a),
  );
});
