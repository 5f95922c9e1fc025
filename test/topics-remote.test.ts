/** A study whose topic embeddings come from an OpenAI-compatible server (a local one, on 127.0.0.1). */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { test } from "node:test";
import { runStudy } from "../src/pipeline/study.ts";
import { chatLine, tempDir } from "./helpers.ts";

test("topics with remote embeddings: only redacted text is sent, and every record gets a cluster", async () => {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (d) => (raw += d));
    req.on("end", () => {
      const { input } = JSON.parse(raw) as { input: string[] };
      seen.push(...input);
      // Two obvious directions: cooking texts vs everything else.
      const data = input.map((t, index) => ({
        index,
        embedding: /bread|oven/.test(t) ? [1, 0.1, 0] : [0.1, 1, 0],
      }));
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ data }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const previous = process.env.OPENAI_BASE_URL;
  process.env.OPENAI_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  try {
    const dir = tempDir();
    const lines: string[] = [];
    for (let i = 0; i < 400; i++) {
      const q =
        i % 2 === 0 ? "How long should bread stay in the oven?" : "My python script crashes with a KeyError";
      lines.push(
        chatLine(`c${i}`, `u${i % 40}`, [[`${q} Mail me at person${i}@example.com`, "Here is how."]]),
      );
    }
    writeFileSync(join(dir, "c.jsonl"), `${lines.join("\n")}\n`);
    const out = join(dir, "s");
    await runStudy({ inputs: [join(dir, "c.jsonl")], out, embeddings: "openai-compatible:test-embed" });
    assert.ok(seen.length >= 400);
    assert.ok(
      seen.every((t) => !t.includes("@example.com")),
      "the server saw only redacted text",
    );
    const records = readFileSync(join(out, "internal", "facets.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const byTopic = new Map<string, Set<string>>();
    for (const r of records) {
      const kind = Number(r.id.slice(1)) % 2 === 0 ? "bread" : "python";
      byTopic.set(r.cluster, (byTopic.get(r.cluster) ?? new Set()).add(kind));
    }
    for (const kinds of byTopic.values()) assert.equal(kinds.size, 1, "no cluster mixes the two kinds");
  } finally {
    if (previous === undefined) delete process.env.OPENAI_BASE_URL;
    else process.env.OPENAI_BASE_URL = previous;
    server.close();
  }
});
