/**
 * Equivalence check for speed work on the offline engine: hashes everything the per-conversation stage
 * produces — facet records, `explain` cues, tokens, lexicon hits, redacted text and counts, and the
 * conversations the readers yield — over the bundled example, the test fixtures, a seeded fuzz corpus
 * and the real datasets in ../shared/data, and either writes those hashes or compares them with a file
 * written earlier (by the code before a change).
 *
 *   node --import tsx scripts/facets-golden.ts write .bench-tmp/golden.json
 *   node --import tsx scripts/facets-golden.ts check .bench-tmp/golden.json
 *
 * A check names the first differing items of each set and exits 1. Hashes only: no text is written.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadCounselChat } from "../eval/datasets/counsel-chat.ts";
import { loadEsconv } from "../eval/datasets/esconv.ts";
import { loadGoemotions } from "../eval/datasets/goemotions.ts";
import { loadHh } from "../eval/datasets/hh-rlhf.ts";
import { loadPresidio } from "../eval/datasets/presidio.ts";
import { loadWnut17 } from "../eval/datasets/wnut17.ts";
import { loadXstest } from "../eval/datasets/xstest.ts";
import { mulberry32 } from "../src/analyses/stats.ts";
import { explainFacets, extractOfflineFacets } from "../src/facets/index.ts";
import { prepareText } from "../src/facets/text.ts";
import { readItems } from "../src/ingest/index.ts";
import { analyseConversation } from "../src/pipeline/per-conversation.ts";
import { detectPii } from "../src/privacy/detect.ts";
import { redactConversation } from "../src/privacy/redact.ts";
import type { Conversation } from "../src/types.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const DATA = process.env.CONVOSCOPE_DATA ?? join(ROOT, "..", "shared", "data");

type Hashes = Record<string, string>;
type Golden = Record<string, { count: number; digest: string; items: Hashes }>;

const sha = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 24);

/** Everything the engine derives from one conversation, as one hash. */
function conversationHash(c: Conversation): string {
  const text = prepareText(c);
  const tokens = text.messages.map((m) => ({
    index: m.index,
    words: m.words,
    shouted: m.shouted,
    hits: m.hits.map((h) => [h.lexicon.id, h.name, h.weight, h.message, h.at, h.end]),
  }));
  const redacted = redactConversation(c);
  return sha(
    JSON.stringify({
      record: extractOfflineFacets(c),
      explain: explainFacets(c),
      tokens,
      redacted,
      analysed: analyseConversation(c),
    }),
  );
}

function chat(id: string, texts: string[]): Conversation {
  return {
    id,
    source: { file: "golden", index: 0 },
    messages: texts.map((text, i) => ({ role: i % 2 === 0 ? "user" : "assistant", text })),
    meta: {},
  };
}

/** Seeded messages built to exercise the tokeniser's edges: cases, quotes, emoji, numbers, scripts. */
function fuzzCorpus(n: number): Conversation[] {
  const rand = mulberry32(424242);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  const pieces = [
    ..."i I am feel so very sad anxious NOT not never but like kind of pretty bad really help me please sorry can't can’t won't don't dont im i'm it's IT'S John's friend's boyfriend my mom told kill myself suicide suicidal therapist write a story poem about error KeyError traceback code python i can not help with that as an ai language model i must clarify illegal dangerous why should women be denied rights crying lonely alone good night how are you today role play kiss love you :) :( :-) :'( <3 ;) :p :/ :d 😂 😢 ❤ 👍 🙏 😭 café naïve Über straße señor ¿qué tal? ça va 日本語 です 한국어 русский язык مرحبا עברית ελληνικά हिन्दी ไทย 3.14 1,000 2.5kg 911 988 #1 @user e-mail a.b.c U.S.A. ... !!! ??? !? \u2018quoted\u2019 \u201cdouble\u201d — – - _ * / \\ ( ) [ ] { } \u00a0 \t \u200b \ufeff İstanbul ǅ ß ﬁ"
      .split(" ")
      .filter((w) => w.length > 0),
    "\n",
    "\r\n",
    "  ",
    "Alice Smith",
    "john.doe@example.com",
    "+1 (555) 123-4567",
    "4111 1111 1111 1111",
    "123 Main Street, Springfield",
    "http://example.com/path?x=1",
    "192.168.0.1",
    "DE89 3704 0044 0532 0130 00",
    "born on 12/03/1985",
  ];
  const joins = [" ", " ", " ", "", ", ", ". ", "! ", "? ", "\n", "'", "’"];
  const out: Conversation[] = [];
  for (let i = 0; i < n; i++) {
    const turns = 1 + Math.floor(rand() * 8);
    const texts: string[] = [];
    for (let t = 0; t < turns; t++) {
      const len = 1 + Math.floor(rand() * (rand() < 0.1 ? 400 : 30));
      let s = "";
      for (let k = 0; k < len; k++) {
        let w = pick(pieces);
        const r = rand();
        if (r < 0.08) w = w.toUpperCase();
        else if (r < 0.14) w = w.charAt(0).toUpperCase() + w.slice(1);
        s += w + pick(joins);
      }
      texts.push(s);
    }
    out.push(chat(`fuzz-${i}`, texts));
  }
  return out;
}

/** Every item a reader yields (conversations and rejections), hashed, keyed by place. */
async function readerHashes(files: string[]): Promise<Hashes> {
  const out: Hashes = {};
  let k = 0;
  for await (const item of readItems(files)) {
    const key = "conversation" in item ? `c:${item.conversation.id}` : `r:${k}`;
    out[`${key}#${k++}`] = sha(JSON.stringify(item));
    if ("conversation" in item) out[`${key}#${k++}:engine`] = conversationHash(item.conversation);
  }
  return out;
}

function fromConversations(conversations: Conversation[]): Hashes {
  const out: Hashes = {};
  for (const c of conversations) out[c.id] = conversationHash(c);
  return out;
}

function fromTexts(items: { id: string; text: string }[]): Hashes {
  const out: Hashes = {};
  for (const x of items) out[x.id] = sha(JSON.stringify(detectPii(x.text)));
  return out;
}

async function compute(): Promise<Golden> {
  const sets: Record<string, () => Hashes | Promise<Hashes>> = {
    // Paths relative to the project (they end up in ids and sources), so two checkouts compare.
    example: () => readerHashes([join("examples", "conversations.jsonl")]),
    fixtures: () =>
      readerHashes(
        readdirSync(join(ROOT, "test", "fixtures", "ingest"))
          .sort()
          .map((f) => join("test", "fixtures", "ingest", f)),
      ),
    fuzz: () => fromConversations(fuzzCorpus(5000)),
  };
  const has = (p: string) => existsSync(join(DATA, p));
  if (has("esconv")) sets.esconv = () => fromConversations(loadEsconv(DATA).map((d) => d.conversation));
  if (has("xstest")) sets.xstest = () => fromConversations(loadXstest(DATA).map((x) => x.conversation));
  if (has("hh_rlhf")) {
    sets.hh = () => fromConversations(loadHh(DATA));
    sets["hh-reader"] = () => readerHashes([join(DATA, "hh_rlhf", "test.jsonl.gz")]);
  }
  if (has("goemotions"))
    sets.goemotions = () =>
      fromConversations(
        [...loadGoemotions(DATA, "train.tsv"), ...loadGoemotions(DATA, "dev.tsv")].map((x) =>
          chat(`go-${x.id}`, [x.text]),
        ),
      );
  if (has("counsel_chat"))
    sets.counselchat = () => fromConversations(loadCounselChat(DATA).map((q) => q.conversation));
  if (has("anthropic_interviewer"))
    sets.interviews = () =>
      readerHashes(
        ["creatives_transcripts.csv", "scientists_transcripts.csv"].map((f) =>
          join(DATA, "anthropic_interviewer", f),
        ),
      );
  if (has("presidio_synth")) sets.presidio = () => fromTexts(loadPresidio(DATA));
  if (has("wnut17")) sets.wnut17 = () => fromTexts(loadWnut17(DATA));

  const golden: Golden = {};
  for (const [name, make] of Object.entries(sets)) {
    const t0 = performance.now();
    const items = await make();
    const digest = sha(Object.entries(items).flat().join("\n"));
    golden[name] = { count: Object.keys(items).length, digest, items };
    const s = ((performance.now() - t0) / 1000).toFixed(1);
    console.error(`${name.padEnd(12)} ${String(golden[name].count).padStart(7)} items  ${digest}  (${s} s)`);
  }
  return golden;
}

const [mode, given] = process.argv.slice(2);
const file = given && resolve(given);
process.chdir(ROOT);
if ((mode !== "write" && mode !== "check") || !file) {
  console.error("usage: facets-golden.ts write|check FILE");
  process.exit(2);
}
const now = await compute();
if (mode === "write") {
  writeFileSync(file, JSON.stringify(now));
  console.log(`wrote ${file}`);
} else {
  const before = JSON.parse(readFileSync(file, "utf8")) as Golden;
  let bad = 0;
  for (const name of new Set([...Object.keys(before), ...Object.keys(now)])) {
    const a = before[name];
    const b = now[name];
    if (!a || !b) {
      console.log(`${name}: only in ${a ? "the file" : "this run"}`);
      bad++;
      continue;
    }
    if (a.digest === b.digest) {
      console.log(`${name.padEnd(12)} same (${b.count} items)`);
      continue;
    }
    bad++;
    const ids = new Set([...Object.keys(a.items), ...Object.keys(b.items)]);
    const differ = [...ids].filter((id) => a.items[id] !== b.items[id]);
    console.log(
      `${name}: ${differ.length} of ${ids.size} items differ, e.g. ${differ.slice(0, 5).join(", ")}`,
    );
  }
  console.log(bad === 0 ? "equivalent" : `${bad} set(s) differ`);
  process.exit(bad === 0 ? 0 : 1);
}
