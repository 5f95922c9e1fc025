/**
 * Where the per-conversation time goes: the corpus is read into memory first, then, a batch of
 * conversations at a time, each stage runs over the batch on its own — tokenising, cue matching, each
 * facet's extractor in registry order, redaction — and the totals print as microseconds per
 * conversation. A warm-up pass over the first batches runs first, so compilation is not counted;
 * batches keep what is held in memory (and so the garbage collector's work) as in a streaming run.
 * Times are CPU time (user + system), which other processes on a shared machine disturb less than
 * wall time. The first 50,000 conversations are enough. Usage: stages.ts CORPUS.
 */
import { FACETS } from "../src/facets/index.ts";
import { ASSISTANT_CHARS, type ConversationText, prepareText, tokenize } from "../src/facets/text.ts";
import { readConversations } from "../src/ingest/index.ts";
import { redactConversation } from "../src/privacy/redact.ts";
import type { Conversation, FacetRecord } from "../src/types.ts";
import { baseRecord } from "../src/types.ts";

const [path] = process.argv.slice(2);
if (!path) throw new Error("usage: stages.ts CORPUS");
const BATCH = 100;
const WARM_UP = 50;
const LIMIT = 50_000;

const conversations: Conversation[] = [];
for await (const c of readConversations(path)) {
  if (conversations.length === LIMIT) break;
  conversations.push(c);
}

const STAGES = ["tokenise", "tokenise + match cues", ...FACETS.map((f) => `facet ${f.name}`), "redact"];
const totals = new Map<string, number>();

function timed(stage: string, run: () => void): void {
  const t0 = process.cpuUsage();
  run();
  const t = process.cpuUsage(t0);
  totals.set(stage, (totals.get(stage) ?? 0) + t.user + t.system);
}

function runBatch(batch: Conversation[]): void {
  timed("tokenise", () => {
    for (const c of batch)
      for (const m of c.messages)
        if (m.role !== "system")
          tokenize(m.text, m.role === "assistant" ? ASSISTANT_CHARS : Number.POSITIVE_INFINITY);
  });
  let texts: ConversationText[] = [];
  timed("tokenise + match cues", () => {
    texts = batch.map(prepareText);
  });
  // Each facet reads what earlier ones decided, so the records are filled in registry order.
  const records: FacetRecord[] = batch.map(baseRecord);
  for (const facet of FACETS) {
    const results: object[] = new Array(batch.length);
    timed(`facet ${facet.name}`, () => {
      for (let i = 0; i < batch.length; i++)
        results[i] = facet.extract(texts[i] as ConversationText, records[i] as FacetRecord);
    });
    for (let i = 0; i < batch.length; i++) Object.assign(records[i] as FacetRecord, results[i]);
  }
  timed("redact", () => {
    for (const c of batch) redactConversation(c);
  });
}

for (let b = 0; b < WARM_UP; b++) runBatch(conversations.slice(b * BATCH, (b + 1) * BATCH));
totals.clear();
for (let at = 0; at < conversations.length; at += BATCH) runBatch(conversations.slice(at, at + BATCH));

const n = conversations.length;
const us = (stage: string) => (totals.get(stage) ?? 0) / n;
console.log(`stages: CPU µs per conversation (${n.toLocaleString("en")} conversations, in memory)`);
for (const stage of STAGES) console.log(`  ${stage.padEnd(24)} ${us(stage).toFixed(2).padStart(7)}`);
const facets = STAGES.filter((s) => s.startsWith("facet ")).reduce((sum, s) => sum + us(s), 0);
console.log(`  ${"facets after matching".padEnd(24)} ${facets.toFixed(2).padStart(7)}`);
