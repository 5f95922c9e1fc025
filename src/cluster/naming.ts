/**
 * Offline cluster names: class-based TF-IDF (BERTopic's c-TF-IDF) over each cluster's texts picks the
 * words that set it apart. Privacy: a word may be released only when texts of at least `minUsers`
 * distinct users contain it, so no rare word (a name, a project, a place) can reach a cluster name.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const STOPWORDS = new Set<string>((require("stopword") as { eng: string[] }).eng);
const WORD = /[\p{L}][\p{L}'’-]+/gu;
/** Words of chat that carry no topic: they would name every cluster alike. */
const FILLER = new Set(
  "not why just going really want know think like get got make need help thanks thank please can could would also well still one way things thing much many lot bit sure yes okay yeah maybe even try tried trying use using used said says tell told way good great something anything everything someone anyone hello hey hi dont im ive youre cant wont didnt doesnt isnt thats".split(
    " ",
  ),
);
const PLACEHOLDER = /\[[A-Z_]+\]/g;

/** Words worth naming a topic by: no stopwords, numbers, placeholders or fragments. */
export function nameWords(text: string): string[] {
  return (text.replace(PLACEHOLDER, " ").toLowerCase().match(WORD) ?? []).filter(
    (w) => w.length > 2 && !STOPWORDS.has(w) && !FILLER.has(w) && !w.includes("'") && !w.includes("’"),
  );
}

/** Counts, per cluster, the words of its members, and per word the distinct users (capped) using it. */
export class TermCounter {
  readonly perCluster = new Map<string, Map<string, number>>();
  private readonly users = new Map<string, Set<string>>();
  constructor(private readonly minUsers: number) {}

  add(cluster: string, user: string, text: string): void {
    let counts = this.perCluster.get(cluster);
    if (!counts) {
      counts = new Map();
      this.perCluster.set(cluster, counts);
    }
    for (const w of new Set(nameWords(text))) {
      counts.set(w, (counts.get(w) ?? 0) + 1);
      let u = this.users.get(w);
      if (!u) {
        u = new Set();
        this.users.set(w, u);
      }
      if (u.size < this.minUsers) u.add(user);
    }
  }

  /** True when texts of at least minUsers distinct users contain the word. */
  releasable(word: string): boolean {
    return (this.users.get(word)?.size ?? 0) >= this.minUsers;
  }
}

/**
 * The top keywords of each cluster (or group of clusters) by c-TF-IDF: a word's frequency in the class
 * times log(1 + average words per class / its frequency across classes). Only releasable words.
 */
export function keywords(
  classes: Map<string, Map<string, number>>,
  counter: TermCounter,
  top = 5,
): Map<string, string[]> {
  const total = new Map<string, number>();
  let all = 0;
  for (const counts of classes.values()) {
    for (const [w, c] of counts) {
      total.set(w, (total.get(w) ?? 0) + c);
      all += c;
    }
  }
  const average = all / Math.max(1, classes.size);
  const out = new Map<string, string[]>();
  for (const [id, counts] of classes) {
    let size = 0;
    for (const c of counts.values()) size += c;
    const scored: [string, number][] = [];
    for (const [w, c] of counts) {
      if (!counter.releasable(w)) continue;
      scored.push([w, (c / Math.max(1, size)) * Math.log(1 + average / (total.get(w) ?? 1))]);
    }
    scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    out.set(
      id,
      scored.slice(0, top).map(([w]) => w),
    );
  }
  return out;
}

/** Merges the word counts of several clusters (a parent's, from its children). */
export function mergeCounts(parts: Iterable<Map<string, number> | undefined>): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of parts) if (p) for (const [w, c] of p) out.set(w, (out.get(w) ?? 0) + c);
  return out;
}

/** A short name from keywords: "python, error, script" -> "Python · error · script". */
export function nameFrom(words: string[]): string {
  if (words.length === 0) return "Unnamed topic";
  const [first, ...rest] = words.slice(0, 3);
  return [`${(first as string)[0]?.toUpperCase()}${(first as string).slice(1)}`, ...rest].join(" · ");
}

/**
 * The naming slot. A namer sees only what may be released (a cluster's keywords, which passed the
 * user threshold, and its children's names), never member texts: the model-backed namer of the model
 * engine implements the same interface under the same constraint.
 */
export interface Namer {
  name(cluster: {
    keywords: string[];
    level: number;
    children?: string[];
    /**
     * Contrastive examples (Clio): privacy-instructed summaries of some members and of nearby
     * non-members. Given only by the model engine, which names from its own request summaries.
     */
    examples?: { members: string[]; outsiders: string[] };
  }): Promise<{ name: string; description: string }>;
}

/** The offline namer: the top keywords as a name, and a description listing them. */
export const keywordNamer: Namer = {
  async name({ keywords: words, level }) {
    const what = level === 0 ? "Conversations about" : "Topics around";
    return {
      name: nameFrom(words),
      description: words.length
        ? `${what} ${words.join(", ")}.`
        : `${level === 0 ? "Conversations" : "Topics"} without a shared vocabulary.`,
    };
  },
};
