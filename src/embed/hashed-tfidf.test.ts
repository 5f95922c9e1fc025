import assert from "node:assert/strict";
import { test } from "node:test";
import { HashedTfidfEmbedder } from "./hashed-tfidf.ts";

const dot = (v: Float32Array, d: number, a: number, b: number) => {
  let s = 0;
  for (let j = 0; j < d; j++) s += (v[a * d + j] as number) * (v[b * d + j] as number);
  return s;
};

test("embeddings are unit vectors, deterministic, and put similar texts closer", async () => {
  const texts = [
    "my python script throws a KeyError when reading the config file",
    "KeyError in python when reading a config dictionary",
    "I feel lonely since moving to a new city and I miss my friends",
  ];
  const e = new HashedTfidfEmbedder({ dimensions: 128 });
  const v = await e.embed(texts);
  assert.equal(v.length, 3 * 128);
  for (let i = 0; i < 3; i++) assert.ok(Math.abs(dot(v, 128, i, i) - 1) < 1e-5);
  assert.ok(dot(v, 128, 0, 1) > dot(v, 128, 0, 2));
  assert.deepEqual(await new HashedTfidfEmbedder({ dimensions: 128 }).embed(texts), v);
});

test("redaction placeholders and stopwords carry no weight", async () => {
  const e = new HashedTfidfEmbedder({ dimensions: 64 });
  assert.deepEqual(e.terms("[PERSON] [EMAIL] the and of"), new Map());
});
