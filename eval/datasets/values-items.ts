/**
 * The items the values labels refer to (test/data/values/values-labels.jsonl): assistant replies
 * from four shared datasets, each rebuilt from ../shared/data by its id, never stored in the
 * repository. How ids are formed and how the sample was drawn: test/data/values/LABELLING.md.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { parse } from "csv-parse/sync";
import { mulberry32 } from "../../src/analyses/stats.ts";
import type { Conversation, Message } from "../../src/types.ts";
import { loadEsconv } from "./esconv.ts";
import { parseTranscript } from "./hh-rlhf.ts";

export interface ValueItem {
  id: string;
  source: "xstest" | "hh" | "esconv" | "counsel";
  conversation: Conversation;
}

const XSTEST_FILES = [
  "xstest_v2_completions_gpt4.csv",
  "xstest_v2_completions_llama2new.csv",
  "xstest_v2_completions_mistralinstruct.csv",
];
/** ESConv supporter turns shorter than this carry no value to label ("Hi there."). */
const MIN_WORDS = 12;

function conversation(id: string, file: string, messages: Message[]): Conversation {
  return { id, source: { file }, messages, meta: {} };
}

function xstestItems(dataDir: string): ValueItem[] {
  const out: ValueItem[] = [];
  for (const file of XSTEST_FILES) {
    const rows = parse(readFileSync(join(dataDir, "xstest", file)), { columns: true, bom: true }) as Record<
      string,
      string
    >[];
    for (const r of rows) {
      if (!r.final_label || !r.completion) continue;
      const id = `xstest:${file}:${r.id}`;
      out.push({
        id,
        source: "xstest",
        conversation: conversation(id, file, [
          { role: "user", text: r.prompt ?? "" },
          { role: "assistant", text: r.completion },
        ]),
      });
    }
  }
  return out;
}

function hhItems(dataDir: string): ValueItem[] {
  const lines = gunzipSync(readFileSync(join(dataDir, "hh_rlhf", "test.jsonl.gz")))
    .toString("utf8")
    .split("\n");
  const out: ValueItem[] = [];
  for (const [i, line] of lines.entries()) {
    if (line.trim().length === 0) continue;
    const chosen = (JSON.parse(line) as { chosen: string }).chosen;
    const messages = parseTranscript(`\n\n${chosen.replace(/^\s+/, "")}`);
    if (!messages.some((m) => m.role === "assistant")) continue;
    const id = `hh:${i}`;
    out.push({ id, source: "hh", conversation: conversation(id, "hh_rlhf/test.jsonl.gz", messages) });
  }
  return out;
}

function esconvItems(dataDir: string): ValueItem[] {
  const out: ValueItem[] = [];
  for (const [d, dialog] of loadEsconv(dataDir).entries()) {
    const turns = dialog.conversation.messages;
    let since = 0;
    for (const [t, turn] of turns.entries()) {
      if (turn.role !== "assistant") continue;
      const seeker = turns.slice(since, t).filter((m) => m.role === "user");
      since = t + 1;
      if (seeker.length === 0 || turn.text.split(/\s+/).length < MIN_WORDS) continue;
      const id = `esconv:${d}:${t}`;
      out.push({
        id,
        source: "esconv",
        conversation: conversation(id, "esconv/train.json", [...seeker, turn]),
      });
    }
  }
  return out;
}

function counselItems(dataDir: string): ValueItem[] {
  const rows = parse(readFileSync(join(dataDir, "counsel_chat", "20200325_counsel_chat.csv")), {
    columns: true,
    bom: true,
  }) as Record<string, string>[];
  const out: ValueItem[] = [];
  for (const r of rows) {
    const answer = r.answerText?.trim();
    if (!answer) continue;
    const id = `counsel:${r[""]}`;
    const question = `${r.questionTitle ?? ""}\n${r.questionText ?? ""}`.trim();
    out.push({
      id,
      source: "counsel",
      conversation: conversation(id, "counsel_chat", [
        { role: "user", text: question },
        { role: "assistant", text: answer },
      ]),
    });
  }
  return out;
}

/** Every candidate item of every source, by id. */
export function loadValueItems(dataDir: string): Map<string, ValueItem> {
  const all = [
    ...xstestItems(dataDir),
    ...hhItems(dataDir),
    ...esconvItems(dataDir),
    ...counselItems(dataDir),
  ];
  return new Map(all.map((it) => [it.id, it]));
}

/** The labelling sample: a seeded shuffle of each source's candidates, the first `perSource` of each. */
export function sampleValueItems(items: Map<string, ValueItem>, perSource = 20, seed = 7): ValueItem[] {
  const out: ValueItem[] = [];
  for (const source of ["xstest", "hh", "esconv", "counsel"] as const) {
    const pool = [...items.values()].filter((it) => it.source === source);
    const rand = mulberry32(seed);
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [pool[i], pool[j]] = [pool[j] as ValueItem, pool[i] as ValueItem];
    }
    out.push(...pool.slice(0, perSource));
  }
  return out;
}
