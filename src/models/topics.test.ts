/**
 * The model-built topic tree over the scripted server: contrastive naming, Clio's hierarchy steps
 * (propose, deduplicate, assign with shuffled parents, rename) and the privacy audit.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { type AnswerContext, ScriptedLlmServer } from "../../test/fixtures/scripted-llm-server.ts";
import type { TopicNode } from "../cluster/index.ts";
import { AnswerCache } from "./cache.ts";
import { ModelClient } from "./call.ts";
import { buildModelLevel } from "./hierarchy.ts";
import { priceOf } from "./prices.ts";
import { makeProvider } from "./provider.ts";
import { loadTokenCounter } from "./tokens.ts";
import { modelTopics } from "./topics.ts";

let server: ScriptedLlmServer;
const seen: AnswerContext[] = [];
async function client(): Promise<ModelClient> {
  return new ModelClient({
    provider: await makeProvider("openai:gpt-4o-mini", { baseUrl: `${server.url}/v1`, apiKey: "k" }),
    cache: AnswerCache.open(mkdtempSync(join(tmpdir(), "convoscope-cache-"))),
    price: priceOf("openai:gpt-4o-mini"),
    countTokens: await loadTokenCounter(),
  });
}
before(async () => {
  server = await ScriptedLlmServer.start();
  server.answer = (ctx) => {
    seen.push(ctx);
    return undefined;
  };
});
after(() => server.close());

const SUBJECTS = ["bread", "python", "garden", "taxes", "running", "poetry", "guitar", "chess"];

test("one hierarchy level: neighbourhoods, proposals, deduplication, shuffled assignment, renaming", async () => {
  seen.length = 0;
  const children = Array.from({ length: 90 }, (_, i) => ({
    name: `Help with ${SUBJECTS[i % 8]} question ${i}`,
    description: `People ask about ${SUBJECTS[i % 8]}.`,
  }));
  const level = await buildModelLevel(await client(), children, 6, 7);
  assert.ok(level.parents.length >= 1 && level.parents.length <= 6, `${level.parents.length} parents`);
  assert.equal(level.parentOf.length, 90);
  for (const p of level.parentOf) assert.ok(p >= 0 && p < level.parents.length, "every child has a parent");
  const steps = seen.map((c) => c.schemaName);
  const proposed = (from: number) =>
    seen.slice(from).filter((c) => c.user.startsWith("Topics to group:")).length;
  assert.equal(proposed(0), 3, "90 children: 3 neighbourhoods of about 40, each proposing parents");
  assert.equal(steps.filter((s) => s === "categories").length - proposed(0) <= 1, true);
  const assigns = seen.filter((c) => c.schemaName === "assignments");
  assert.equal(assigns.length, 5, "20 children per assignment request");
  const orders = assigns.map((c) => (c.user.split("Topics:")[0] as string).trim());
  assert.ok(new Set(orders).size > 1, "the parents are listed in a different order in different requests");
  assert.equal(
    seen.filter((c) => c.schemaName === "category").length,
    level.parents.length,
    "each kept parent renamed",
  );

  // Fewer parents than neighbourhoods: the proposals are deduplicated down to the target.
  const from = seen.length;
  const two = await buildModelLevel(await client(), children, 2, 7);
  assert.equal(proposed(from), 3);
  assert.equal(
    seen.slice(from).filter((c) => c.user.startsWith("Proposed categories")).length,
    1,
    "one deduplication",
  );
  assert.ok(two.parents.length <= 2);
});

test("the tree: base clusters named from members' and nearby outsiders' summaries; a cluster failing the audit is not released", async () => {
  seen.length = 0;
  const dir = mkdtempSync(join(tmpdir(), "convoscope-topics-"));
  const base = ["L0-0001", "L0-0002", "L0-0003"];
  const nodes: TopicNode[] = base.map((id, i) => ({
    id,
    parent: "L1-0001",
    level: 0,
    name: "kw",
    description: "kw",
    keywords: [SUBJECTS[i] as string],
    size: 40,
    users: 0,
    x: i,
    y: 0,
    released: true,
  }));
  nodes.push({ ...(nodes[0] as TopicNode), id: "L1-0001", parent: null, level: 1, size: 120, x: 1 });
  writeFileSync(join(dir, "topics.json"), JSON.stringify(nodes));
  const records = Array.from({ length: 120 }, (_, i) => ({
    id: `c${i}`,
    user_id: `u${i % 30}`,
    cluster: base[i % 3],
    request: `bake ${SUBJECTS[i % 3]} things`,
  }));
  writeFileSync(join(dir, "facets.jsonl"), `${records.map((r) => JSON.stringify(r)).join("\n")}\n`);
  // The auditor fails any text about python.
  server.answer = (ctx) => {
    seen.push(ctx);
    if (ctx.schemaName !== "privacy_audit") return undefined;
    const texts = ctx.user.split("\n").filter((l) => /^\d+\. /.test(l));
    return { scores: texts.map((t) => (t.includes("python") ? 2 : 5)) };
  };
  const result = await modelTopics(join(dir, "facets.jsonl"), join(dir, "topics.json"), await client(), {
    thresholds: { minUsers: 5, minConversations: 15 },
    seed: 1,
  });
  const naming = seen.filter((c) => c.schemaName === "cluster_name");
  assert.equal(naming.length, 3);
  const first = naming[0]?.user ?? "";
  assert.match(first, /IN the group:\n- bake \w+ things/);
  assert.match(first, /NOT in the group \(for contrast\):\n- bake \w+ things/);
  const tree = JSON.parse(readFileSync(join(dir, "topics.json"), "utf8")) as TopicNode[];
  assert.equal(tree.length, result.nodes.length);
  assert.ok(tree.filter((n) => n.level === 1).length >= 1, "a model-built parent level");
  const python = tree.find((n) => n.level === 0 && n.name.includes("python"));
  assert.ok(python, "the python cluster was named from its members");
  assert.equal(python.released, false, "failed the audit: kept back");
  assert.ok(tree.filter((n) => n.level === 0 && n !== python).every((n) => n.released));
  assert.equal(result.auditFailed, 1);
});
