import assert from "node:assert/strict";
import { test } from "node:test";
import { mulberry32 } from "../analyses/stats.ts";
import { keywordNamer, keywords, nameWords, TermCounter } from "./naming.ts";

test("names never use a word fewer than minUsers distinct users wrote", () => {
  const rand = mulberry32(11);
  const vocabulary = ["garden", "tomato", "soil", "compost", "seedling", "harvest", "weeds"];
  const minUsers = 4;
  const counter = new TermCounter(minUsers);
  const usersOf = new Map<string, Set<string>>();
  for (let i = 0; i < 300; i++) {
    const user = `u${i % 30}`;
    const cluster = `c${i % 3}`;
    let text = Array.from({ length: 6 }, () => vocabulary[Math.floor(rand() * vocabulary.length)]).join(" ");
    // Rare words: each written (many times) by fewer than minUsers users, and placeholders.
    if (i % 30 < 3) text += " quillfeather quillfeather [PERSON] 2024";
    if (i === 7) text += " snorkelwhistle ".repeat(20);
    counter.add(cluster, user, text);
    for (const w of nameWords(text)) {
      let u = usersOf.get(w);
      if (!u) {
        u = new Set();
        usersOf.set(w, u);
      }
      u.add(user);
    }
  }
  const named = keywords(counter.perCluster, counter, 10);
  assert.equal(named.size, 3);
  for (const words of named.values()) {
    assert.ok(words.length > 0);
    for (const w of words) assert.ok((usersOf.get(w)?.size ?? 0) >= minUsers, `${w} is too rare to release`);
    assert.ok(!words.includes("quillfeather") && !words.includes("snorkelwhistle"));
  }
});

test("placeholders, numbers and stopwords never become keywords", () => {
  assert.deepEqual(nameWords("[PERSON] said 2024 was the best year for my garden"), [
    "best",
    "year",
    "garden",
  ]);
});

test("the keyword namer makes a short name and a description", async () => {
  const named = await keywordNamer.name({ keywords: ["sleep", "anxiety", "night", "panic"], level: 0 });
  assert.equal(named.name, "Sleep · anxiety · night");
  assert.match(named.description, /sleep, anxiety, night, panic/);
});

test("forms of one word count as one keyword, shown as a form enough users wrote", () => {
  const counter = new TermCounter(3);
  for (let i = 0; i < 12; i++) counter.add("c", `u${i}`, i % 2 ? "my friends and the garden" : "a friend");
  // One user writes "friended" most often: it counts for the stem but is never shown.
  for (let i = 0; i < 20; i++) counter.add("c", "u0", "friended");
  const words = keywords(counter.perCluster, counter).get("c") ?? [];
  assert.deepEqual(
    words.filter((w) => w.startsWith("friend")),
    ["friend"],
  );
  assert.ok(words.includes("garden"));
});
