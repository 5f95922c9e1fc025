/**
 * Themes bottom-up, per question (the Anthropic Interviewer's "emergent themes"): the answers to each
 * question — rubric answer and follow-ups alike — are clustered with the topic machinery
 * (`clusterTexts`: offline LSA embeddings and k-means, or the configured embedder), and each cluster
 * is a theme named from its most distinctive words among words at least minUsers participants used
 * (or, with the model engine, by the model from some of its answers: `nameThemesWith`).
 * A participant can hold several themes of one question (multi-label) when their answers to it fall
 * in different clusters; prevalence counts participants, not answers (analyses/interviews.ts).
 */
import { createRequire } from "node:module";
import { clusterTexts } from "../cluster/index.ts";
import { type ExampleGroup, type GroupNamer, renameWith } from "../cluster/naming.ts";
import type { Embedder } from "../embed/embedder.ts";
import type { Thresholds } from "../release/gate.ts";
import type { Alignment } from "./align.ts";
import type { SegmentedInterview } from "./segment.ts";

export interface Theme {
  /** `<question id>/<n>`, numbered by size within the question (1 = largest). */
  id: string;
  question: string;
  name: string;
  description: string;
  keywords: string[];
  /** Answers in the theme. */
  answers: number;
}

export interface ThemeResult {
  themes: Theme[];
  /** Per interview id, the theme of each answer (null when its question had too few answers to cluster). */
  assignments: Map<string, (string | null)[]>;
}

export interface ThemeOptions {
  /** A fresh embedder per question (each is fitted on that question's answers). */
  embedder: () => Embedder;
  thresholds: Thresholds;
  seed: number;
  /** Answers per theme to aim for (k = answers / perTheme, within [minThemes, maxThemes]). */
  perTheme?: number;
  minThemes?: number;
  maxThemes?: number;
}

/**
 * Function words by their part of speech in compromise's lexicon: a theme is what people talk
 * about, and "will", "sometimes", "myself" or "when" would otherwise name half the themes.
 */
const FUNCTION_TAGS = new Set([
  "Modal",
  "Adverb",
  "QuestionWord",
  "Pronoun",
  "Reflexive",
  "Possessive",
  "Determiner",
  "Abbreviation",
  "Copula",
  "Auxiliary",
  "Preposition",
  "Conjunction",
  "Expression",
]);
/** Words every answer about AI at work uses, whatever its theme. */
const INTERVIEW_FILLER =
  "ai use uses using used able will would see feel feels felt think thought really actually also just get gets got make makes made give gives say says said find ask asked want wanted try tried look looked looking know lot things thing way ways much many good great new etc yes yeah okay sure kind sort example probably maybe".split(
    " ",
  );

let dropped: Set<string> | null = null;
function droppedWords(): Set<string> {
  if (dropped) return dropped;
  const require = createRequire(import.meta.url);
  const nlp = require("compromise") as { model(): { one: { lexicon: Record<string, string | string[]> } } };
  const stop: Record<string, string[]> = require("stopword");
  dropped = new Set([...(stop.eng ?? []), ...INTERVIEW_FILLER]);
  for (const [word, tag] of Object.entries(nlp.model().one.lexicon))
    if ((Array.isArray(tag) ? tag : [tag]).some((t) => FUNCTION_TAGS.has(t))) dropped.add(word);
  return dropped;
}

/** The words of an answer that can carry a theme: what is clustered and what names the theme. */
export function themeText(answer: string): string {
  const drop = droppedWords();
  return (answer.toLowerCase().match(/[\p{L}][\p{L}'’-]*/gu) ?? [])
    .filter((w) => w.length > 2 && !drop.has(w) && !w.includes("'") && !w.includes("’"))
    .join(" ");
}

/** Themes per question: between 2 and 8, about one per 25 answers. */
export function themeCount(answers: number, o: Pick<ThemeOptions, "perTheme" | "minThemes" | "maxThemes">) {
  const k = Math.round(answers / (o.perTheme ?? 25));
  return Math.min(answers, Math.max(o.minThemes ?? 2, Math.min(o.maxThemes ?? 8, k)));
}

/** Words in more than this share of a question's answers say what the question asked, not a theme. */
export const MAX_WORD_SHARE = 0.3;
/** Answers with fewer content words than this ("No, that's all") form the question's brief theme. */
const MIN_CONTENT_WORDS = 3;
const BRIEF = "brief";

/** Drops the words most answers to this question share (sklearn's max_df), keeping word order. */
function withoutCommonWords(texts: string[]): string[] {
  const df = new Map<string, number>();
  for (const t of texts) for (const w of new Set(t.split(" "))) if (w) df.set(w, (df.get(w) ?? 0) + 1);
  const cap = Math.max(2, MAX_WORD_SHARE * texts.length);
  return texts.map((t) =>
    t
      .split(" ")
      .filter((w) => w && (df.get(w) as number) <= cap)
      .join(" "),
  );
}

export async function findThemes(
  interviews: readonly SegmentedInterview[],
  alignment: Alignment,
  o: ThemeOptions,
): Promise<ThemeResult> {
  const assignments = new Map<string, (string | null)[]>(
    interviews.map((iv) => [iv.id, iv.answers.map(() => null)]),
  );
  const themes: Theme[] = [];
  for (const question of alignment.questions) {
    const answers = interviews.flatMap((iv) => {
      const aligned = alignment.answers.get(iv.id) ?? [];
      return iv.answers
        .filter((a) => aligned[a.index]?.question === question.id)
        .map((a) => ({ interview: iv.id, index: a.index, userId: iv.user, text: themeText(a.text) }));
    });
    const texts = withoutCommonWords(answers.map((a) => a.text));
    const items: { id: string; userId: string; text: string }[] = [];
    const brief: typeof answers = [];
    for (const [i, a] of answers.entries()) {
      if (a.text.split(" ").filter(Boolean).length < MIN_CONTENT_WORDS) brief.push(a);
      else items.push({ id: `${a.interview}\u0000${a.index}`, userId: a.userId, text: texts[i] as string });
    }
    if (brief.length > 0) {
      const id = `${question.id}/${BRIEF}`;
      themes.push({
        id,
        question: question.id,
        name: "Brief answer",
        description: `Answers of fewer than ${MIN_CONTENT_WORDS} content words (“no”, “that's all”, “sounds good”).`,
        keywords: [],
        answers: brief.length,
      });
      for (const a of brief) {
        const row = assignments.get(a.interview);
        if (row) row[a.index] = id;
      }
    }
    if (items.length < 2) continue;
    const result = await clusterTexts(items, {
      embedder: o.embedder(),
      thresholds: o.thresholds,
      seed: o.seed,
      k: themeCount(items.length, o),
      levels: 1,
    });
    const base = result.clusters.filter((c) => c.level === 0).sort((a, b) => b.size - a.size);
    const themeOf = new Map<string, string>();
    for (const [rank, cluster] of base.entries()) {
      const id = `${question.id}/${rank + 1}`;
      themeOf.set(cluster.id, id);
      themes.push({
        id,
        question: question.id,
        name: cluster.keywords.length > 0 ? cluster.name : `Theme ${rank + 1}`,
        description: cluster.keywords.length
          ? `Answers that speak of ${cluster.keywords.join(", ")}.`
          : "Answers without a vocabulary enough participants share.",
        keywords: cluster.keywords,
        answers: cluster.size,
      });
    }
    for (const item of items) {
      const [interview, index] = item.id.split("\u0000") as [string, string];
      const row = assignments.get(interview);
      const cluster = result.assignments.get(item.id);
      if (row && cluster) row[Number(index)] = themeOf.get(cluster) ?? null;
    }
  }
  return { themes, assignments };
}

/** Answers shown to a model namer per theme, and answers of the question's other themes as contrast. */
const MODEL_EXAMPLES = 30;

/** At most k items spread evenly over a list (deterministic: the same answers on every rerun). */
function spread<T>(items: readonly T[], k: number): T[] {
  if (items.length <= k) return [...items];
  return Array.from({ length: k }, (_, i) => items[Math.floor((i * items.length) / k)] as T);
}

/**
 * Names from a model (the `GroupNamer` slot) for every theme but the brief ones: each from up to 30
 * of its (redacted) answers, with up to 30 answers of the same question's other themes as contrast.
 * A theme the namer returns null for keeps its keyword name. Returns how many themes were renamed.
 */
export async function nameThemesWith(
  result: ThemeResult,
  interviews: readonly SegmentedInterview[],
  namer: GroupNamer,
): Promise<number> {
  const texts = new Map<string, string[]>();
  for (const iv of interviews) {
    const row = result.assignments.get(iv.id) ?? [];
    for (const a of iv.answers) {
      const theme = row[a.index];
      if (theme) texts.set(theme, [...(texts.get(theme) ?? []), a.text]);
    }
  }
  const named = result.themes.filter(
    (t) => !t.id.endsWith(`/${BRIEF}`) && (texts.get(t.id)?.length ?? 0) > 0,
  );
  const groups: ExampleGroup[] = named.map((t) => ({
    id: t.id,
    keywords: t.keywords,
    members: spread(texts.get(t.id) ?? [], MODEL_EXAMPLES),
    outsiders: spread(
      named.filter((o) => o.question === t.question && o.id !== t.id).flatMap((o) => texts.get(o.id) ?? []),
      MODEL_EXAMPLES,
    ),
  }));
  return renameWith(namer, groups, named);
}
