/**
 * Two checkouts' offline engines in one process, alternating batch by batch: for speed work on the
 * engine, where separate runs on a shared machine differ by more than the change being measured. Each
 * pass reads the first CONVERSATIONS of the corpus a batch at a time and runs tokenising, tokenising +
 * cue matching, and the whole offline extraction (extractOfflineFacets) over each batch; after a
 * warm-up pass, the median CPU µs per conversation of each engine prints, with this checkout's / the
 * other's ratio.
 *
 *   node --import tsx bench/engines-ab.ts OTHER_CHECKOUT CORPUS [PASSES] [CONVERSATIONS]
 *
 * OTHER_CHECKOUT is a directory holding another version's src/ (e.g. `git archive main` unpacked).
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { readConversations } from "../src/ingest/index.ts";
import type { Conversation } from "../src/types.ts";

const [other, path, passesArg, limitArg] = process.argv.slice(2);
if (!other || !path) throw new Error("usage: engines-ab.ts OTHER_CHECKOUT CORPUS [PASSES] [CONVERSATIONS]");
const PASSES = Number(passesArg ?? 5);
const LIMIT = Number(limitArg ?? 20_000);

interface Engine {
  name: string;
  tokenize: (text: string, limit?: number) => unknown;
  prepareText: (c: Conversation) => unknown;
  extractOfflineFacets: (c: Conversation) => unknown;
  assistantChars: number;
}

async function load(name: string, root: string): Promise<Engine> {
  const url = (file: string) => pathToFileURL(resolve(root, file)).href;
  const text = await import(url("src/facets/text.ts"));
  const index = await import(url("src/facets/index.ts"));
  return {
    name,
    tokenize: text.tokenize,
    prepareText: text.prepareText,
    extractOfflineFacets: index.extractOfflineFacets,
    assistantChars: text.ASSISTANT_CHARS,
  };
}

const engines = [await load("this", "."), await load("other", other)];
const STAGES = ["tokenise", "tokenise + match cues", "extractOfflineFacets"] as const;

/** CPU µs of one run. */
function cpu(run: () => void): number {
  const t0 = process.cpuUsage();
  run();
  const t = process.cpuUsage(t0);
  return t.user + t.system;
}

function stage(e: Engine, s: number, batch: Conversation[]): void {
  if (s === 0) {
    for (const c of batch)
      for (const m of c.messages)
        if (m.role !== "system")
          e.tokenize(m.text, m.role === "assistant" ? e.assistantChars : Number.POSITIVE_INFINITY);
  } else if (s === 1) for (const c of batch) e.prepareText(c);
  else for (const c of batch) e.extractOfflineFacets(c);
}

/**
 * One pass: each stage over each batch, by both engines one after the other (which goes first
 * alternating), so both meet the same load from other processes; CPU µs per conversation per stage.
 */
async function pass(): Promise<number[][]> {
  const totals = engines.map(() => new Float64Array(STAGES.length));
  let n = 0;
  for await (const batch of batches()) {
    const b = n / BATCH;
    n += batch.length;
    for (let s = 0; s < STAGES.length; s++)
      for (const k of b % 2 === 0 ? [0, 1] : [1, 0]) {
        const t = totals[k] as Float64Array;
        t[s] = (t[s] as number) + cpu(() => stage(engines[k] as Engine, s, batch));
      }
  }
  return totals.map((t) => Array.from(t, (us) => us / n));
}

/**
 * The corpus read afresh each pass, a batch at a time (not timed): the engines meet newly parsed
 * conversations, as in a streaming run, where memory layout and garbage collection weigh more than
 * over conversations held in memory.
 */
async function* batches(): AsyncGenerator<Conversation[]> {
  let batch: Conversation[] = [];
  let n = 0;
  for await (const c of readConversations(path as string)) {
    batch.push(c);
    if (++n === LIMIT) break;
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

const BATCH = 200;
await pass();
const times = engines.map(() => STAGES.map(() => [] as number[]));
for (let p = 0; p < PASSES; p++) {
  const t = await pass();
  for (let k = 0; k < engines.length; k++)
    for (let s = 0; s < STAGES.length; s++) times[k]?.[s]?.push(t[k]?.[s] as number);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};
console.log(
  `engines-ab: median CPU µs per conversation over ${PASSES} passes, engines alternating per batch (${LIMIT.toLocaleString("en")} conversations)`,
);
console.log(`  ${"stage".padEnd(24)} ${"this".padStart(8)} ${"other".padStart(8)}  this/other`);
STAGES.forEach((stage, s) => {
  const a = median(times[0]?.[s] as number[]);
  const b = median(times[1]?.[s] as number[]);
  console.log(
    `  ${stage.padEnd(24)} ${a.toFixed(2).padStart(8)} ${b.toFixed(2).padStart(8)}  ${(a / b).toFixed(3)}`,
  );
});
