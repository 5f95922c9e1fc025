import assert from "node:assert/strict";
import { test } from "node:test";
import { mulberry32 } from "../analyses/stats.ts";
import { HashedTfidfEmbedder } from "../embed/hashed-tfidf.ts";
import { adjustedRand } from "./agreement.ts";
import { buildTopics, clusterTexts, releasedTopic, type TopicItem } from "./index.ts";

const TOPICS = [
  ["python", "error", "traceback", "script", "exception", "function", "debug"],
  ["anxiety", "sleep", "stress", "worried", "panic", "calm", "breathing"],
  ["recipe", "dinner", "bake", "flour", "oven", "sauce", "ingredients"],
];

function corpus(n: number): { items: TopicItem[]; truth: number[] } {
  const rand = mulberry32(5);
  const items: TopicItem[] = [];
  const truth: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = i % 3;
    const words = Array.from({ length: 12 }, () => TOPICS[t]?.[Math.floor(rand() * 7)]).join(" ");
    // One user alone mentions a rare made-up word: it must never name a cluster.
    const rare = i === 4 ? " zorblatquin zorblatquin zorblatquin" : "";
    items.push({ user: `u${i % 40}`, text: `${words}${rare}` });
    truth.push(t);
  }
  return { items, truth };
}

test("topics recover distinct themes, are named by shared words, and never by a rare one", async () => {
  const { items, truth } = corpus(600);
  const source = async function* () {
    yield* items;
  };
  const result = await buildTopics(source, items.length, {
    embedder: new HashedTfidfEmbedder({ dimensions: 16 }),
    thresholds: { minUsers: 5, minConversations: 15 },
    seed: 42,
    perCluster: 200,
  });
  assert.equal(result.labels.length, 600);
  assert.ok(adjustedRand(result.labels, truth) > 0.9, "three themes, three clusters");
  const names = result.nodes.map((nd) => `${nd.name} ${nd.keywords.join(" ")}`).join(" ");
  assert.ok(!names.includes("zorblat"));
  for (const nd of result.nodes) assert.ok(nd.keywords.length > 0);
  const again = await buildTopics(source, items.length, {
    embedder: new HashedTfidfEmbedder({ dimensions: 16 }),
    thresholds: { minUsers: 5, minConversations: 15 },
    seed: 42,
    perCluster: 200,
  });
  assert.deepEqual(again.labels, result.labels, "the same seed gives the same topics");
});

test("a cluster under the thresholds counts under its parent, or under other", () => {
  const nodes = new Map([
    [
      "t1",
      {
        id: "t1",
        parent: "T1",
        level: 0,
        name: "",
        description: "",
        keywords: [],
        size: 3,
        users: 3,
        x: 0,
        y: 0,
        released: false,
      },
    ],
    [
      "T1",
      {
        id: "T1",
        parent: null,
        level: 1,
        name: "",
        description: "",
        keywords: [],
        size: 90,
        users: 5,
        x: 0,
        y: 0,
        released: true,
      },
    ],
    [
      "t2",
      {
        id: "t2",
        parent: "T2",
        level: 0,
        name: "",
        description: "",
        keywords: [],
        size: 3,
        users: 3,
        x: 0,
        y: 0,
        released: false,
      },
    ],
    [
      "T2",
      {
        id: "T2",
        parent: null,
        level: 1,
        name: "",
        description: "",
        keywords: [],
        size: 4,
        users: 4,
        x: 0,
        y: 0,
        released: false,
      },
    ],
  ]);
  assert.equal(releasedTopic("t1", nodes), "T1");
  assert.equal(releasedTopic("t2", nodes), "other");
});

test("a namer plugs into the naming slot and sees only releasable keywords", async () => {
  const { items } = corpus(300);
  const seen: string[][] = [];
  const result = await buildTopics(
    async function* () {
      yield* items;
    },
    items.length,
    {
      embedder: new HashedTfidfEmbedder({ dimensions: 16 }),
      thresholds: { minUsers: 5, minConversations: 15 },
      seed: 1,
      perCluster: 100,
      namer: {
        async name({ keywords }) {
          seen.push(keywords);
          return { name: `Topic of ${keywords[0] ?? "nothing"}`, description: "named by a test namer" };
        },
      },
    },
  );
  assert.ok(
    result.nodes.every((nd) => nd.name.startsWith("Topic of ") && nd.description === "named by a test namer"),
  );
  assert.ok(seen.flat().every((w) => !w.includes("zorblat")));
});

test("a grouper plugs into the hierarchy slot", async () => {
  const { items } = corpus(1500);
  const seen: { names: string[]; keywords: string[][] }[] = [];
  const result = await buildTopics(
    async function* () {
      yield* items;
    },
    items.length,
    {
      embedder: new HashedTfidfEmbedder({ dimensions: 16 }),
      thresholds: { minUsers: 5, minConversations: 15 },
      seed: 1,
      perCluster: 100,
      top: 4,
      // Every base cluster under one parent; the grouper sees the children's names and keywords.
      grouper: {
        group: async ({ count, names, keywords }) => {
          seen.push({ names: names ?? [], keywords: keywords ?? [] });
          return new Int32Array(count);
        },
      },
    },
  );
  assert.equal(seen.length, 1);
  const base = result.nodes.filter((nd) => nd.level === 0);
  assert.deepEqual(
    seen[0]?.names,
    base.map((nd) => nd.name),
  );
  assert.deepEqual(
    seen[0]?.keywords,
    base.map((nd) => nd.keywords),
  );
  const parents = result.nodes.filter((nd) => nd.level === 1);
  assert.equal(parents.length, 1);
  assert.equal(parents[0]?.size, 1500);
  assert.ok(result.nodes.filter((nd) => nd.level === 0).every((nd) => nd.parent === parents[0]?.id));
});

test("clusterTexts: three levels by default, deterministic size-ordered ids, released assignments", async () => {
  const { items } = corpus(1200);
  const input = items.map((it, i) => ({ id: `c${i}`, userId: it.user, text: it.text }));
  const options = {
    embedder: new HashedTfidfEmbedder({ dimensions: 16 }),
    thresholds: { minUsers: 5, minConversations: 15 },
    seed: 7,
    k: 40,
    top: 4,
  };
  const result = await clusterTexts(input, options);
  const perLevel = [0, 1, 2].map((l) => result.clusters.filter((c) => c.level === l).length);
  assert.equal(perLevel[0], 40);
  assert.ok((perLevel[1] as number) < 40 && (perLevel[1] as number) > 4, `middle level ${perLevel[1]}`);
  assert.equal(perLevel[2], 4);
  for (const c of result.clusters) assert.match(c.id, /^L[0-2]-\d{4}$/);
  assert.equal(result.assignments.size, 1200);
  const released = new Set(result.clusters.filter((c) => c.released).map((c) => c.id));
  for (const id of result.released.values()) assert.ok(released.has(id) || id === "other");
  for (const m of result.merged) assert.ok(!released.has(m.id));
  const again = await clusterTexts(input, {
    ...options,
    embedder: new HashedTfidfEmbedder({ dimensions: 16 }),
  });
  assert.deepEqual(again.assignments, result.assignments);
  assert.deepEqual(
    again.clusters.map((c) => [c.id, c.parent, c.size]),
    result.clusters.map((c) => [c.id, c.parent, c.size]),
  );
});
