/**
 * A generated chat-log corpus for benchmarks: OpenAI-style JSONL, short and medium conversations with
 * realistic message lengths. Deterministic (seeded), written once per size and reused.
 */

import { once } from "node:events";
import { createWriteStream, existsSync, statSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadEsconv } from "../eval/datasets/esconv.ts";
import { loadHh } from "../eval/datasets/hh-rlhf.ts";
import { mulberry32 } from "../src/analyses/stats.ts";

const USER = [
  "Can you help me fix this error in my Python script? It says KeyError when I read the config.",
  "I've been feeling really anxious about my exams and I can't sleep.",
  "Write a short poem about autumn leaves for my newsletter.",
  "My coworker keeps taking credit for my work. How should I bring it up with my manager?",
  "Explain how photosynthesis works in simple terms.",
  "What's a good weekly plan to start running again after a long break?",
  "Thanks, that helped a lot. One more question about the second step.",
  "I still feel a bit lost, honestly, but this is better than before.",
];
const ASSISTANT = [
  "Sure. A KeyError means the key isn't in the dictionary; check the spelling and use dict.get with a default.",
  "I'm sorry you're going through this. Exam stress is common; let's look at a few things that can help tonight.",
  "Here is a short poem: Amber leaves drift down the lane, whispering of summer's end and gentle rain.",
  "That sounds frustrating. It can help to document your contributions and ask for a one-to-one conversation.",
  "Plants capture light energy and use it to turn water and carbon dioxide into sugar, releasing oxygen.",
  "Start with three short runs a week, alternating one minute of running with two of walking.",
];

export async function ensureCorpus(dir: string, conversations: number): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, `corpus-${conversations}.jsonl`);
  if (existsSync(path) && statSync(path).size > 0) return path;
  const rand = mulberry32(20261122);
  const out = createWriteStream(path);
  for (let i = 0; i < conversations; i++) {
    const turns = rand() < 0.8 ? 1 + Math.floor(rand() * 3) : 6 + Math.floor(rand() * 8);
    const messages: { role: string; content: string }[] = [];
    for (let t = 0; t < turns; t++) {
      messages.push({ role: "user", content: USER[Math.floor(rand() * USER.length)] as string });
      messages.push({
        role: "assistant",
        content: ASSISTANT[Math.floor(rand() * ASSISTANT.length)] as string,
      });
    }
    const line = `${JSON.stringify({ id: `c${i}`, user_id: `u${Math.floor(rand() * 5000)}`, messages })}\n`;
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return path;
}

/**
 * Real conversations for the bench: HH-RLHF's chosen transcripts and ESConv's dialogs, `copies` times
 * over (3,222 conversations a copy), as OpenAI JSONL in the system's temporary folder — the data's
 * text is never written into the project. Null where the shared data is absent.
 */
export async function realCorpus(
  dataDir: string,
  copies = 10,
): Promise<{ path: string; label: string } | null> {
  if (!existsSync(join(dataDir, "hh_rlhf")) || !existsSync(join(dataDir, "esconv"))) return null;
  const conversations = [...loadHh(dataDir), ...loadEsconv(dataDir).map((d) => d.conversation)];
  const path = join(tmpdir(), `convoscope-bench-real-${copies}.jsonl`);
  const label = `${(conversations.length * copies).toLocaleString("en")} real conversations (HH-RLHF + ESConv, ${copies} copies; ${path})`;
  if (existsSync(path) && statSync(path).size > 0) return { path, label };
  const out = createWriteStream(path);
  for (let copy = 0; copy < copies; copy++) {
    for (const c of conversations) {
      const messages = c.messages.map((m) => ({ role: m.role, content: m.text }));
      if (!out.write(`${JSON.stringify({ id: `${c.id}-${copy}`, messages })}\n`)) await once(out, "drain");
    }
  }
  out.end();
  await once(out, "finish");
  return { path, label };
}
