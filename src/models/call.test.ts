/**
 * Every provider through the one call wrapper, over real HTTP against the scripted server on
 * 127.0.0.1, with the real SDK clients: one shared suite run for each wire format (Hono-style
 * conformance), covering the happy path and every fault.
 */
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { ScriptedLlmServer } from "../../test/fixtures/scripted-llm-server.ts";
import { EXIT } from "../errors.ts";
import type { Conversation } from "../types.ts";
import { AnswerCache } from "./cache.ts";
import { ModelClient, ProviderStopped } from "./call.ts";
import { extractModelFacets, facetSpec } from "./facets.ts";
import { priceOf } from "./prices.ts";
import { makeProvider } from "./provider.ts";
import { loadTokenCounter } from "./tokens.ts";

const spec = facetSpec();
let n = 0;
function conversation(humans = 2): Conversation {
  n++;
  const messages: Conversation["messages"] = [];
  for (let i = 0; i < humans; i++) {
    messages.push({ role: "user", text: `Question ${i} about baking sourdough bread, take ${n}` });
    messages.push({ role: "assistant", text: `Answer ${i}: let the dough rise longer.` });
  }
  return { id: `c${n}`, source: { file: "t.jsonl" }, meta: {}, messages };
}

const WIRES = [
  { model: "anthropic:claude-haiku-4-5", base: (url: string) => url },
  { model: "openai:gpt-4o-mini", base: (url: string) => `${url}/v1` },
  { model: "openai-compatible:llama3.1", base: (url: string) => `${url}/v1` },
];

for (const wire of WIRES) {
  describe(`${wire.model} through the call wrapper`, () => {
    let server: ScriptedLlmServer;
    let client: ModelClient;
    let cacheDir: string;
    const sleeps: number[] = [];
    const open = async (o: { timeoutMs?: number; retries?: number } = {}) => {
      const provider = await makeProvider(wire.model, {
        baseUrl: wire.base(server.url),
        apiKey: "test-key",
        ...(o.timeoutMs !== undefined && { timeoutMs: o.timeoutMs }),
      });
      return new ModelClient({
        provider,
        cache: AnswerCache.open(cacheDir),
        price: priceOf(wire.model),
        countTokens: await loadTokenCounter(),
        retries: o.retries ?? 3,
        baseDelayMs: 5,
        sleep: async (ms) => {
          sleeps.push(ms);
          await new Promise((r) => setTimeout(r, Math.min(ms, 1500)));
        },
      });
    };
    before(async () => {
      server = await ScriptedLlmServer.start();
      cacheDir = mkdtempSync(join(tmpdir(), "convoscope-cache-"));
      client = await open();
    });
    after(() => server.close());

    test("one request answers every facet, with usage and cost", async () => {
      const before = server.answered.length;
      const r = await extractModelFacets(conversation(3), client, spec);
      assert.equal(server.answered.length - before, 1, "one call per conversation");
      assert.deepEqual(r.failed, []);
      assert.equal(r.record.sentiment?.messages.length, 3, "a sentiment label per human message");
      assert.equal(r.record.language, "English");
      assert.ok(client.stats.input_tokens > 0 && client.stats.output_tokens > 0);
      if (wire.model.startsWith("openai-compatible"))
        assert.equal(client.stats.cost_usd, 0, "local models cost nothing");
      else assert.ok(client.stats.cost_usd > 0);
    });

    test("the same request again is answered from the cache: no call", async () => {
      const c = conversation();
      await extractModelFacets(c, client, spec);
      const before = server.received.length;
      const again = await open();
      const r = await extractModelFacets(c, again, spec);
      assert.equal(server.received.length, before);
      assert.equal(again.stats.cache_hits, 1);
      assert.deepEqual(r.failed, []);
    });

    test("two identical requests at once: one call, the second waits for its answer", async () => {
      const c = conversation();
      const before = server.answered.length;
      const [a, b] = await Promise.all([
        extractModelFacets(c, client, spec),
        extractModelFacets(c, client, spec),
      ]);
      assert.equal(server.answered.length - before, 1);
      assert.deepEqual(a.record, b.record);
    });

    test("429 with retry-after is retried after the time the server asked for", async () => {
      server.faults.push({ status: 429, retryAfter: 1 });
      sleeps.length = 0;
      const r = await extractModelFacets(conversation(), client, spec);
      assert.deepEqual(r.failed, []);
      assert.deepEqual(sleeps, [1000]);
    });

    test("500s are retried with exponential backoff and jitter", async () => {
      server.faults.push({ status: 500 }, { status: 503 });
      sleeps.length = 0;
      const retries = client.stats.retries;
      const r = await extractModelFacets(conversation(), client, spec);
      assert.deepEqual(r.failed, []);
      assert.equal(client.stats.retries - retries, 2);
      assert.equal(sleeps.length, 2);
      assert.ok((sleeps[0] as number) >= 2.5 && (sleeps[0] as number) <= 5, `first wait ${sleeps[0]}`);
      assert.ok((sleeps[1] as number) >= 5 && (sleeps[1] as number) <= 10, `second wait ${sleeps[1]}`);
    });

    test("a request that times out is retried", async () => {
      const quick = await open({ timeoutMs: 300 });
      server.faults.push({ hangMs: 1500 });
      const r = await extractModelFacets(conversation(), quick, spec);
      assert.deepEqual(r.failed, []);
      assert.equal(quick.stats.retries, 1);
    });

    test("an answer cut short gets one repair request and then validates", async () => {
      server.faults.push({ truncated: true });
      const before = server.answered.length;
      const r = await extractModelFacets(conversation(), client, spec);
      assert.equal(r.repaired, true);
      assert.deepEqual(r.failed, []);
      assert.equal(server.answered.length - before, 2);
    });

    test("an answer violating the schema twice: every facet is null and counted, nothing invented", async () => {
      server.faults.push({ invalid: true }, { invalid: true });
      const r = await extractModelFacets(conversation(), client, spec);
      assert.equal(r.repaired, true);
      assert.deepEqual(r.failed.sort(), spec.facets.map((f) => f.name).sort());
      assert.equal(r.record.affective, null);
      assert.equal(r.record.sentiment, null);
      assert.equal(r.record.human_turns, 2, "computed fields stay");
    });

    test("401 stops cleanly with one clear message, and no later call is sent", async () => {
      const stopping = await open();
      server.faults.push({ status: 401 });
      const received = server.received.length;
      await assert.rejects(extractModelFacets(conversation(), stopping, spec), (e: unknown) => {
        assert.ok(e instanceof ProviderStopped);
        assert.equal(e.exitCode, EXIT.provider);
        assert.match(e.message, /401.*refused the credentials; check (ANTHROPIC|OPENAI)_API_KEY/);
        return true;
      });
      await assert.rejects(extractModelFacets(conversation(), stopping, spec), ProviderStopped);
      assert.equal(server.received.length - received, 1, "nothing sent after the 401");
    });

    test("a server that keeps failing: the run stops after the retries", async () => {
      const stopping = await open({ retries: 2 });
      server.faults.push({ status: 500 }, { status: 500 }, { status: 500 });
      await assert.rejects(
        extractModelFacets(conversation(), stopping, spec),
        /gave up after 3 tries.*--resume/,
      );
    });
  });
}
