/**
 * Offline cluster names: class-based TF-IDF (BERTopic's c-TF-IDF) over each cluster's texts picks the
 * words that set it apart. Privacy: a word may be released only when texts of at least `minUsers`
 * distinct users contain it, so no rare word (a name, a project, a place) can reach a cluster name.
 */
import { NAME_FILLER, STOPWORDS, stem } from "../embed/words.ts";

const WORD = /[\p{L}][\p{L}'’-]+/gu;
const PLACEHOLDER = /\[[A-Z_]+\]/g;

/** Words worth naming a topic by: no stopwords, numbers, placeholders or fragments. */
export function nameWords(text: string): string[] {
  return (text.replace(PLACEHOLDER, " ").toLowerCase().match(WORD) ?? []).filter(
    (w) => w.length > 2 && !STOPWORDS.has(w) && !NAME_FILLER.has(w) && !w.includes("'") && !w.includes("’"),
  );
}

/**
 * Counts, per cluster, the words of its members, grouped by stem ("friend" and "friends" are one
 * keyword), and the distinct users (capped) behind each stem and each written form. A keyword is
 * shown as its most common written form among those that enough users wrote themselves.
 */
export class TermCounter {
  /** cluster -> stem -> texts containing it. */
  readonly perCluster = new Map<string, Map<string, number>>();
  private readonly users = new Map<string, Set<string>>();
  /** stem -> written form -> texts using that form. */
  private readonly forms = new Map<string, Map<string, number>>();
  constructor(private readonly minUsers: number) {}

  private addUser(key: string, user: string): void {
    let u = this.users.get(key);
    if (!u) {
      u = new Set();
      this.users.set(key, u);
    }
    if (u.size < this.minUsers) u.add(user);
  }

  add(cluster: string, user: string, text: string): void {
    let counts = this.perCluster.get(cluster);
    if (!counts) {
      counts = new Map();
      this.perCluster.set(cluster, counts);
    }
    const seen = new Set<string>();
    for (const w of new Set(nameWords(text))) {
      const root = stem(w);
      let forms = this.forms.get(root);
      if (!forms) {
        forms = new Map();
        this.forms.set(root, forms);
      }
      forms.set(w, (forms.get(w) ?? 0) + 1);
      // Written forms and stems share the users map: a form is a word, a stem is keyed apart.
      this.addUser(w, user);
      if (seen.has(root)) continue;
      seen.add(root);
      counts.set(root, (counts.get(root) ?? 0) + 1);
      this.addUser(`\u0000${root}`, user);
    }
  }

  private readonly shown = new Map<string, string | null>();

  /**
   * The form a stem is shown as: its most used form that texts of at least minUsers users contain;
   * null if none. Remembered: call once every text has been added.
   */
  display(stem: string): string | null {
    const known = this.shown.get(stem);
    if (known !== undefined) return known;
    let best: string | null = null;
    let most = 0;
    for (const [form, c] of this.forms.get(stem) ?? []) {
      if ((this.users.get(form)?.size ?? 0) < this.minUsers) continue;
      if (c > most || (c === most && best !== null && form < best)) {
        best = form;
        most = c;
      }
    }
    this.shown.set(stem, best);
    return best;
  }

  /** True when a keyword (a stem) may be shown: it has a written form that texts of at least minUsers users contain. */
  releasable(stem: string): boolean {
    return (this.users.get(`\u0000${stem}`)?.size ?? 0) >= this.minUsers && this.display(stem) !== null;
  }
}

/**
 * The top keywords of each cluster (or group of clusters) by c-TF-IDF: a stem's frequency in the class
 * times log(1 + average words per class / its frequency across classes). Only releasable stems, each
 * shown in its releasable written form.
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
      scored.slice(0, top).map(([w]) => counter.display(w) as string),
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
 * The naming slot (Clio step 3, and the "rename" of step 4). `buildTopics` calls `name` once per
 * cluster, base level first, then each level above (so a parent's `children` are already named),
 * every level in order of size; one call at a time, so a namer may keep state (a cache keyed by its
 * input, a budget). Contract:
 * - Input is only what may be released: `keywords` (the cluster's most distinctive words, each
 *   written by at least minUsers users) and, above the base, `children` (its children's names). A
 *   namer never sees member texts; a model-backed namer that wants richer context must bring its own
 *   privacy-checked material (e.g. model-written request summaries) and keep to the same rule.
 * - Output: `name`, short (Clio: at most ten words, an imperative for requests), and `description`
 *   (at most two sentences), in English, without proper nouns. Both are audited for personal data
 *   before release; a failing cluster row is dropped from the release.
 * - It should be deterministic for a given input (reruns are identical); a rejection fails the stage.
 * Fields may be added to the input over time; a namer should ignore those it does not use.
 */
export interface Namer {
  name(cluster: {
    keywords: string[];
    /** 0 = base clusters. */
    level: number;
    /** Names of its children (levels above the base). */
    children?: string[];
    /** The cluster id ("L<level>-<rank>"), e.g. for caching. */
    id?: string;
    /** Its conversations. */
    size?: number;
    /**
     * Contrastive examples (Clio): privacy-instructed summaries of some members and of nearby
     * non-members. Given only by the model engine, which names from its own request summaries.
     */
    examples?: { members: string[]; outsiders: string[] };
  }): Promise<{ name: string; description: string }>;
}

/**
 * A group named from examples of what it holds (an interview theme from its answers, a group of the
 * values taxonomy from its values), with texts of nearby groups as contrast (Clio's contrastive
 * naming). Members and outsiders are what may be shown to the model provider (redacted answers,
 * released values); `keywords` are the group's releasable words.
 */
export interface ExampleGroup {
  id: string;
  keywords: string[];
  members: string[];
  outsiders: string[];
}

/**
 * The naming slot of the interview and values stages: names every group at once (so a model-backed
 * namer can audit them together) and returns a name and description per group, or null to keep the
 * group's offline name (no answer, or a name that failed the privacy audit).
 */
export interface GroupNamer {
  name(groups: readonly ExampleGroup[]): Promise<({ name: string; description: string } | null)[]>;
}

/**
 * Names `targets` (in the order of `groups`) with what `namer` gives; a target it returns null for
 * keeps its name. Returns how many were renamed.
 */
export async function renameWith(
  namer: GroupNamer,
  groups: readonly ExampleGroup[],
  targets: readonly { name: string; description: string }[],
): Promise<number> {
  const names = await namer.name(groups);
  let renamed = 0;
  for (const [i, t] of targets.entries()) {
    const name = names[i];
    if (!name) continue;
    t.name = name.name;
    t.description = name.description;
    renamed++;
  }
  return renamed;
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
