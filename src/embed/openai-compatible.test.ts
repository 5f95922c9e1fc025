/** The embeddings client over real HTTP against a small server on 127.0.0.1. */
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { test } from "node:test";
import { OpenAiCompatibleEmbedder } from "./openai-compatible.ts";

async function serve(
  handler: (body: { model: string; input: string[] }) => { status: number; json: unknown },
): Promise<{ server: Server; url: string; calls: string[][] }> {
  const calls: string[][] = [];
  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (d) => (raw += d));
    req.on("end", () => {
      const body = JSON.parse(raw);
      calls.push(body.input);
      const { status, json } = handler(body);
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(json));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, calls };
}

test("embeds in batches, keeps order by index, and normalises", async () => {
  const { server, url, calls } = await serve((body) => ({
    status: 200,
    // Reversed on purpose: the client must order by index.
    json: { data: body.input.map((t, index) => ({ index, embedding: [t.length, 1, 0] })).reverse() },
  }));
  try {
    const e = new OpenAiCompatibleEmbedder({ model: "test-embed", baseUrl: url, apiKey: "k", batchSize: 2 });
    const v = await e.embed(["a", "bbb", "cc"]);
    assert.deepEqual(calls, [["a", "bbb"], ["cc"]]);
    assert.equal(e.dimensions, 3);
    const norm = Math.hypot(3, 1);
    assert.ok(Math.abs((v[3] as number) - 3 / norm) < 1e-6, "second text, first dimension");
  } finally {
    server.close();
  }
});

test("a server error is a clear message naming the endpoint and status", async () => {
  const { server, url } = await serve(() => ({ status: 401, json: { error: { message: "bad key" } } }));
  try {
    const e = new OpenAiCompatibleEmbedder({ model: "m", baseUrl: url });
    await assert.rejects(e.embed(["x"]), /\[openai-compatible\] .*\/v1\/embeddings answered 401: .*bad key/);
  } finally {
    server.close();
  }
});
