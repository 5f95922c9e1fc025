import assert from "node:assert/strict";
import { test } from "node:test";
import type { ExampleGroup } from "../cluster/naming.ts";
import { makeEmbedder } from "../embed/index.ts";
import type { Alignment } from "./align.ts";
import type { SegmentedInterview } from "./segment.ts";
import { findThemes, nameThemesWith, themeCount, themeText } from "./themes.ts";

test("theme text keeps the words that can carry a theme", () => {
  assert.equal(
    themeText("I will probably use it when I'm stuck with my Python code, sometimes."),
    "stuck python code",
  );
});

test("themes per question: clusters of answers named by shared words; brief answers apart", async () => {
  const jobs = [
    "clients",
    "income",
    "commissions",
    "illustrators",
    "market",
    "rates",
    "contracts",
    "pay",
    "gigs",
  ];
  const errors = [
    "hallucinated",
    "citations",
    "references",
    "wrong",
    "checking",
    "sources",
    "errors",
    "facts",
    "papers",
  ];
  const interviews: SegmentedInterview[] = Array.from({ length: 40 }, (_, i) => {
    const words = i % 2 === 0 ? jobs : errors;
    const text =
      i % 10 === 9
        ? "No, nothing."
        : `Honestly ${words[i % 9]}, ${words[(i + 3) % 9]}, ${words[(i + 5) % 9]} and ${words[(i + 7) % 9]} worry me.`;
    return {
      id: `iv${i}`,
      user: `u${i}`,
      answers: [{ index: 0, message: 1, prompt: "Concerns?", ask: "Concerns?", text }],
    };
  });
  const alignment: Alignment = {
    mode: "plan",
    questions: [
      { id: "concerns", text: "Concerns?", label: "Concerns?", source: "plan", keywords: [], asked: 40 },
    ],
    answers: new Map(interviews.map((iv) => [iv.id, [{ question: "concerns", probe: false }]])),
  };
  const result = await findThemes(interviews, alignment, {
    embedder: () => makeEmbedder("offline", 3),
    thresholds: { minUsers: 5, minConversations: 5 },
    seed: 3,
    maxThemes: 2,
  });
  const brief = result.themes.find((t) => t.id === "concerns/brief");
  assert.equal(brief?.answers, 4);
  const clustered = result.themes.filter((t) => t.id !== "concerns/brief");
  assert.equal(clustered.length, 2);
  // Each theme holds one kind of answer, and is named by its words.
  for (const theme of clustered) {
    const members = interviews.filter((iv) => result.assignments.get(iv.id)?.[0] === theme.id);
    const even = members.filter((iv) => Number(iv.id.slice(2)) % 2 === 0).length;
    assert.ok(even === 0 || even === members.length, `${theme.id} mixes the two kinds`);
    const vocabulary = even ? jobs : errors;
    assert.ok(
      theme.keywords.every((k) => vocabulary.includes(k)),
      `${theme.name}`,
    );
  }

  // A model namer names every theme but the brief answers, from the theme's own answers with the
  // question's other themes' answers as contrast; a null answer keeps the keyword name.
  const asked: ExampleGroup[] = [];
  const keywordName = clustered[0]?.name;
  const renamed = await nameThemesWith(result, interviews, {
    async name(groups) {
      asked.push(...groups);
      return groups.map((g, i) => (i === 0 ? null : { name: `Theme ${g.id}`, description: "Named." }));
    },
  });
  assert.equal(renamed, 1);
  assert.deepEqual(
    asked.map((g) => g.id),
    clustered.map((t) => t.id),
  );
  for (const g of asked) {
    const texts = (id: string) =>
      interviews.filter((iv) => result.assignments.get(iv.id)?.[0] === id).map((iv) => iv.answers[0]?.text);
    assert.deepEqual(g.members, texts(g.id), "a theme's answers (fewer than 30: all of them)");
    assert.deepEqual(g.outsiders, texts(asked.find((o) => o.id !== g.id)?.id as string));
    assert.ok(!g.members.includes("No, nothing."), "brief answers are not shown");
  }
  assert.equal(clustered[0]?.name, keywordName);
  assert.equal(clustered[1]?.name, `Theme ${clustered[1]?.id}`);
  assert.equal(brief?.name === "Theme concerns/brief", false);
  assert.equal(themeCount(250, {}), 8);
  assert.equal(themeCount(40, {}), 2);
});
