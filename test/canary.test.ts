/**
 * The privacy proof: plant canaries (fake names, emails, phone numbers, addresses, made-up words) into
 * a corpus, run a whole study, and check that no rare canary appears anywhere in release/ and that no
 * released count covers fewer conversations than the threshold.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parse } from "csv-parse/sync";
import { mulberry32 } from "../src/analyses/stats.ts";
import { runStudy } from "../src/pipeline/study.ts";
import { scanDirectory } from "../src/privacy/scan.ts";
import { tempDir } from "./helpers.ts";

/** Canaries planted in the conversations of only one or two users: none may be released. */
export const RARE_CANARIES = [
  "Zorblat Quindlemore",
  "zq.canary7@example.org",
  "+1 555 014 2297",
  "4471 Quillfeather Lane",
  "flombastic",
  "Ingrid Vasquez-Thornbury",
  "trelvanic",
  "canary.bird42@example.com",
];
/** A made-up word many users share: it may appear (it passes the term threshold), it proves nothing. */
const COMMON_CANARY = "glimmerwort";

const TOPICS = [
  [
    "How do I fix a KeyError in my Python dictionary code?",
    "Check the key exists first or use dict.get with a default value.",
  ],
  [
    "Can you help me plan a weekly running schedule?",
    "Start with three easy runs a week and add one longer run.",
  ],
  [
    "I feel anxious about my job interview tomorrow.",
    "That is very understandable. Let's prepare a few answers together.",
  ],
  [
    "Write a short poem about the sea for my newsletter.",
    "Waves fold softly on the shore, the tide keeps time forevermore.",
  ],
  [
    "My friend stopped replying to my messages, what should I do?",
    "It may help to reach out once, kindly, and ask if everything is okay.",
  ],
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

test("no rare canary reaches release/, and every released count passes the threshold", async () => {
  const dir = tempDir();
  const rand = mulberry32(99);
  const lines: string[] = [];
  for (let i = 0; i < 600; i++) {
    const user = `u${i % 60}`;
    const [q, a] = TOPICS[i % TOPICS.length] as [string, string];
    let question = q;
    // 3% of conversations carry a rare canary, each canary in the conversations of one or two users only.
    if (rand() < 0.03) {
      const canary = RARE_CANARIES[Math.floor(rand() * RARE_CANARIES.length)] as string;
      question = `${q} By the way, ${canary} is relevant here, my name is ${canary.split(" ")[0]}.`;
    }
    if (i % 3 === 0) question = `${question} Also ${COMMON_CANARY} came up again.`;
    const turns = [
      { role: "user", content: question },
      { role: "assistant", content: a },
      { role: "user", content: "Thanks, that helps." },
      { role: "assistant", content: "You're welcome." },
    ];
    lines.push(JSON.stringify({ id: `c${i}`, user_id: user, messages: turns }));
  }
  // Make sure every rare canary is actually planted at least once.
  for (const [k, canary] of RARE_CANARIES.entries()) {
    lines.push(
      JSON.stringify({
        id: `planted${k}`,
        user_id: `u${k}`,
        messages: [
          { role: "user", content: `Contact ${canary} today` },
          { role: "assistant", content: "Noted." },
        ],
      }),
    );
  }
  writeFileSync(join(dir, "corpus.jsonl"), `${lines.join("\n")}\n`);
  const out = join(dir, "study");
  await runStudy({ inputs: [join(dir, "corpus.jsonl")], out, minUsers: 5, minConversations: 15 });

  // The privacy-check scan finds no PII pattern and no rare canary.
  assert.deepEqual(scanDirectory(join(out, "release"), RARE_CANARIES), []);
  // Redaction happened before anything was stored: the planted emails never reached internal/ either.
  const internal = readFileSync(join(out, "internal", "facets.jsonl"), "utf8");
  for (const c of RARE_CANARIES.filter((x) => x.includes("@"))) assert.ok(!internal.includes(c));

  const released = files(join(out, "release"));
  assert.ok(released.some((f) => f.endsWith("report.html")));
  for (const file of released) {
    const text = readFileSync(file, "utf8").toLowerCase();
    for (const canary of RARE_CANARIES) {
      assert.ok(!text.includes(canary.toLowerCase()), `${canary} leaked into ${file}`);
      // An email's parts are its local part's: the domain (example.org) is a reserved, common word.
      for (const part of canary
        .toLowerCase()
        .replace(/@.*$/, "")
        .split(/[\s@.+-]+/)
        .filter((p) => p.length >= 6)) {
        assert.ok(!text.includes(part), `part "${part}" of a canary leaked into ${file}`);
      }
    }
    if (file.endsWith(".csv")) {
      const rows = parse(readFileSync(file, "utf8"), { columns: true }) as Record<string, string>[];
      for (const row of rows) {
        if (row.conversations === undefined) break;
        const n = Number(row.conversations);
        assert.ok(n >= 15, `${file}: a released row covers only ${n} conversations`);
      }
    }
  }
});
