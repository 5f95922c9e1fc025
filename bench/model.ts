/**
 * The model engine's cost figures, against the scripted server on 127.0.0.1 through the real
 * Anthropic SDK, on the bundled example corpus (1,800 synthetic conversations, some very long):
 *   - tokens sent per conversation vs 1.15 x the conversation's own tokens + the fixed prompt;
 *   - model calls per conversation for the facets (target 1);
 *   - cost per 100,000 conversations at Claude Haiku prices, vs Clio's published $48.81.
 * Tokens are counted by the server with the o200k_base BPE tokenizer (gpt-tokenizer), the same count
 * for what is sent and for the conversation's own text. Claude's tokenizer is not public; its counts
 * run somewhat higher on English, so the Claude figures are also shown with every count +15%.
 * Both ways of asking Anthropic for JSON are measured: the default JSON mode (the schema in the system
 * prompt, the reply prefilled with "{": what the server counts is all that is billed) and tool mode
 * (a forced tool): there Anthropic also bills, as input, a tool-use system prompt of its own on every
 * request (tokens.ts: 340 for Claude 3 Haiku with a forced tool), which is not sent, so the server
 * cannot count it, and the cost lines add it to every request.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { countTokens } from "gpt-tokenizer";
import { readConversations } from "../src/ingest/index.ts";
import { AnswerCache } from "../src/models/cache.ts";
import { ModelClient } from "../src/models/call.ts";
import { extractModelFacets, facetCall, facetSchemaName, facetSpec } from "../src/models/facets.ts";
import { costOf, DEFAULT_PRICES, type Price } from "../src/models/prices.ts";
import { facetsUserPrompt } from "../src/models/prompts/facets.ts";
import { type AnthropicAnswer, makeProvider } from "../src/models/provider.ts";
import { fixedInputTokens, requestOverheadTokens } from "../src/models/tokens.ts";
import { clusterCallEstimate } from "../src/models/topics.ts";
import { redactConversation } from "../src/privacy/redact.ts";
import { ScriptedLlmServer } from "../test/fixtures/scripted-llm-server.ts";

const here = dirname(fileURLToPath(import.meta.url));
const corpus = process.env.BENCH_MODEL_CORPUS || join(here, "..", "examples", "conversations.jsonl");
const haiku3 = DEFAULT_PRICES["claude-3-haiku"] as Price;
const haiku45 = DEFAULT_PRICES["claude-haiku-4-5"] as Price;
const f = (x: number, d = 0) =>
  x.toLocaleString("en", { maximumFractionDigits: d, minimumFractionDigits: d });

async function bench(answer: AnthropicAnswer): Promise<void> {
  const server = await ScriptedLlmServer.start();
  try {
    const provider = await makeProvider("anthropic:claude-3-haiku", {
      baseUrl: server.url,
      apiKey: "bench",
      anthropicAnswer: answer,
    });
    const client = new ModelClient({
      provider,
      cache: AnswerCache.open(mkdtempSync(join(tmpdir(), "convoscope-bench-cache-"))),
      price: haiku3,
      concurrency: 8,
      countTokens,
    });
    const spec = facetSpec();
    const mode = provider.answerMode;
    // What every request shares, as sent: with the schema (in the system prompt in JSON mode) and the prefill.
    const shared = fixedInputTokens(countTokens, mode, { ...spec, schemaName: facetSchemaName(spec) });
    const fixed = shared + countTokens(facetsUserPrompt("", 0));
    let conversations = 0;
    let own = 0;
    let sentTotal = 0;
    let worst = 0;
    let truncated = 0;
    let overTarget = 0;
    const t0 = performance.now();
    const pending: Promise<void>[] = [];
    for await (const c of readConversations(corpus)) {
      const redacted = redactConversation(c).conversation;
      const mine = redacted.messages
        .filter((m) => m.role !== "system")
        .reduce((a, m) => a + countTokens(m.text), 0);
      const { call, transcript } = facetCall(spec, redacted);
      const sent = shared + countTokens(call.request.user);
      conversations++;
      own += mine;
      sentTotal += sent;
      if (transcript.truncated) truncated++;
      else {
        worst = Math.max(worst, (sent - fixed) / Math.max(1, mine));
        if (sent > 1.15 * mine + fixed) overTarget++;
      }
      pending.push(extractModelFacets(redacted, client, spec).then(() => {}));
      if (pending.length >= 64) await Promise.all(pending.splice(0));
    }
    await Promise.all(pending);
    const seconds = (performance.now() - t0) / 1000;
    const facetAnswers = server.answered.filter((a) => a.schemaName === "facets");
    // Per request sent (identical redacted conversations share one answer from the cache).
    const input = facetAnswers.reduce((a, x) => a + x.input, 0) / facetAnswers.length;
    const output = facetAnswers.reduce((a, x) => a + x.output, 0) / facetAnswers.length;
    const sentPerConversation = sentTotal / conversations;
    const ownPerConversation = own / conversations;
    const requests = client.stats.by_purpose.facets;

    // Every count is inflated for Claude's tokenizer except the tool-use prompt (tool mode only),
    // which Anthropic states in its own tokens.
    const tool = requestOverheadTokens(mode);
    const per100k = (price: Price, inflate = 1, batch = 1) =>
      costOf({ input: (input * inflate + tool) * 100_000, output: output * inflate * 100_000 }, price) *
      batch;
    const clusters = clusterCallEstimate(100_000);
    const clusterCost = (price: Price, inflate = 1) =>
      costOf(
        { input: clusters.input * inflate + clusters.calls * tool, output: clusters.output * inflate },
        price,
      );
    const toolCost = (price: Price) => costOf({ input: (100_000 + clusters.calls) * tool, output: 0 }, price);

    const how =
      mode === "json-prompt"
        ? 'JSON mode (default): schema in the system prompt, reply prefilled with "{", no tool'
        : `tool mode (--anthropic-answer tool): forced tool, + Anthropic's ${tool}-token tool-use prompt billed on every request`;
    console.log(
      `\nmodel engine, ${how} (scripted server, ${f(conversations)} conversations of ${corpus.split("/").at(-1)}, real Anthropic SDK, concurrency 8)`,
    );
    console.log(
      `  tokens (o200k) per conversation: sent ${f(sentPerConversation, 1)} = fixed prompt ${fixed} + transcript ${f(sentPerConversation - fixed, 1)}; the conversation's own ${f(ownPerConversation, 1)}`,
    );
    console.log(
      `  target sent <= 1.15 x own + fixed: mean ${f(sentPerConversation, 1)} <= ${f(1.15 * ownPerConversation + fixed, 1)}; worst untruncated conversation ${f(worst, 3)} x own; ${overTarget} of ${conversations - truncated} untruncated over the target; ${truncated} truncated (sent less than their own)`,
    );
    console.log(
      `  facet requests per conversation: ${f(((requests?.calls ?? 0) + (requests?.cache_hits ?? 0)) / conversations, 3)}; calls reaching the server ${f(facetAnswers.length / conversations, 3)} per conversation (${requests?.cache_hits ?? 0} identical redacted conversations answered from the cache, ${server.answered.length - facetAnswers.length} repair calls)`,
    );
    console.log(
      `  per call: ${f(input, 1)} input + ${f(output, 1)} output tokens as the server counted them; ${f(conversations / seconds, 1)} conversations/s against the local server`,
    );
    console.log(
      `  cost per 100,000 conversations (facet requests; + cluster naming/hierarchy/audit estimate of ${f(clusters.calls)} requests)${tool > 0 ? `, every request with the ${tool}-token tool-use prompt` : ""}, vs Clio's $48.81:`,
    );
    for (const [name, price] of [
      ["Claude 3 Haiku ($0.25/$1.25)", haiku3],
      ["Claude Haiku 4.5 ($1/$5)", haiku45],
    ] as const) {
      console.log(
        `    ${name.padEnd(29)} $${f(per100k(price), 2)} + $${f(clusterCost(price), 2)} = $${f(per100k(price) + clusterCost(price), 2)}` +
          ` | with --batch $${f(per100k(price, 1, 0.5) + clusterCost(price), 2)}` +
          ` | counts +15% $${f(per100k(price, 1.15) + clusterCost(price, 1.15), 2)} (batch $${f(per100k(price, 1.15, 0.5) + clusterCost(price, 1.15), 2)})` +
          (tool > 0 ? ` | of which tool-use prompt $${f(toolCost(price), 2)}` : ""),
      );
    }
  } finally {
    await server.close();
  }
}

await bench("json");
await bench("tool");
