/**
 * Alignment: which of the interview's questions each answer answers. With a plan, each
 * interviewer question goes to the plan question it resembles most (cosine of their embeddings) when
 * the resemblance reaches `minSimilarity`. Without one, the interviewer questions of all interviews
 * are clustered (`clusterTexts`), and a cluster asked in at least `minShare` of the interviews is a
 * question of the rubric. Either way an interviewer question that matches no rubric question — an
 * adaptive follow-up probe, a goodbye — belongs to the rubric question it follows (or, before the
 * first one, to the first one after it), so every answer is "the answer to question k".
 */
import { clusterTexts } from "../cluster/index.ts";
import type { Embedder } from "../embed/embedder.ts";
import type { Thresholds } from "../release/gate.ts";
import type { InterviewPlan } from "./plan.ts";
import type { SegmentedInterview } from "./segment.ts";

export interface InterviewQuestion {
  id: string;
  /** The plan's wording, or the most common wording among the interviews that asked it. */
  text: string;
  /**
   * What may be released: the plan's wording, a wording the interviewer used verbatim in at least
   * minUsers interviews, or else the cluster's keywords.
   */
  label: string;
  source: "plan" | "clustered";
  keywords: string[];
  /** Interviews that asked it as a rubric question (not counting probes). */
  asked: number;
}

export interface AlignedAnswer {
  question: string | null;
  /** True for a follow-up (or an answer after a goodbye) counted under the question before it. */
  probe: boolean;
  /** Similarity to the plan question (plan mode), for `explain`. */
  similarity?: number;
}

export interface Alignment {
  questions: InterviewQuestion[];
  /** Per interview id, one entry per answer, in order. */
  answers: Map<string, AlignedAnswer[]>;
  mode: "plan" | "clustered";
}

export interface AlignOptions {
  embedder: Embedder;
  thresholds: Thresholds;
  seed: number;
  plan?: InterviewPlan;
  /** Plan mode: the cosine an interviewer question needs to count as asking a plan question. */
  minSimilarity?: number;
  /** Clustered mode: the share of interviews a cluster of questions must reach to be a rubric question. */
  minShare?: number;
}

export const DEFAULT_MIN_SIMILARITY = 0.3;
export const DEFAULT_MIN_SHARE = 0.2;

/** Lower-cased words and spaces only: how wordings are compared for "the same question". */
export function normaliseWording(ask: string): string {
  return ask
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function cosine(a: Float32Array, ai: number, b: Float32Array, bi: number, d: number): number {
  let s = 0;
  for (let j = 0; j < d; j++) s += (a[ai * d + j] as number) * (b[bi * d + j] as number);
  return s;
}

/** Fills probes: an answer without a rubric question counts under the one before it (or after it). */
function attachProbes(rows: { question: string | null; similarity?: number }[]): AlignedAnswer[] {
  const out: AlignedAnswer[] = [];
  let current: string | null = rows.find((r) => r.question !== null)?.question ?? null;
  for (const r of rows) {
    if (r.question !== null) current = r.question;
    out.push({
      question: r.question ?? current,
      probe: r.question === null,
      ...(r.similarity !== undefined && { similarity: r.similarity }),
    });
  }
  return out;
}

export async function alignInterviews(
  interviews: readonly SegmentedInterview[],
  o: AlignOptions,
): Promise<Alignment> {
  return o.plan ? alignToPlan(interviews, o.plan, o) : alignByClustering(interviews, o);
}

async function alignToPlan(
  interviews: readonly SegmentedInterview[],
  plan: InterviewPlan,
  o: AlignOptions,
): Promise<Alignment> {
  const threshold = o.minSimilarity ?? DEFAULT_MIN_SIMILARITY;
  const phrasings = plan.questions.flatMap((q, qi) => q.phrasings.map((text) => ({ qi, text })));
  const asks = interviews.flatMap((iv) => iv.answers.map((a) => a.ask));
  o.embedder.fit?.([...asks.filter((a) => a.length > 0), ...phrasings.map((p) => p.text)]);
  const planVectors = await o.embedder.embed(phrasings.map((p) => p.text));
  const d = o.embedder.dimensions;
  const askVectors = await o.embedder.embed(asks.map((a) => a || "-"));
  const asked = new Array<number>(plan.questions.length).fill(0);
  const answers = new Map<string, AlignedAnswer[]>();
  let row = 0;
  for (const iv of interviews) {
    const seen = new Set<number>();
    const rows = iv.answers.map((a) => {
      const r = row++;
      if (a.ask.length === 0) return { question: null };
      let best = -1;
      let bestSim = -1;
      for (const [p, ph] of phrasings.entries()) {
        const sim = cosine(askVectors, r, planVectors, p, d);
        if (sim > bestSim) {
          bestSim = sim;
          best = ph.qi;
        }
      }
      if (bestSim < threshold) return { question: null, similarity: round(bestSim) };
      seen.add(best);
      return { question: plan.questions[best]?.id ?? null, similarity: round(bestSim) };
    });
    for (const qi of seen) asked[qi] = (asked[qi] as number) + 1;
    answers.set(iv.id, attachProbes(rows));
  }
  const questions = plan.questions.map(
    (q, i): InterviewQuestion => ({
      id: q.id,
      text: q.text,
      label: q.text,
      source: "plan",
      keywords: [],
      asked: asked[i] as number,
    }),
  );
  return { questions, answers, mode: "plan" };
}

async function alignByClustering(
  interviews: readonly SegmentedInterview[],
  o: AlignOptions,
): Promise<Alignment> {
  const items = interviews.flatMap((iv) =>
    iv.answers
      .filter((a) => a.ask.length > 0)
      .map((a) => ({ id: `${iv.id}\u0000${a.index}`, userId: iv.user, text: a.ask })),
  );
  const answers = new Map<string, AlignedAnswer[]>();
  if (interviews.length < 2 || items.length < 2) {
    for (const iv of interviews)
      answers.set(
        iv.id,
        iv.answers.map(() => ({ question: null, probe: false })),
      );
    return { questions: [], answers, mode: "clustered" };
  }
  // Over-segment on purpose (k-means splits a question worded several ways before it merges two
  // questions), then merge clusters that are the same question asked in different interviews.
  const perInterview = interviews.map((iv) => iv.answers.filter((a) => a.ask.length > 0).length);
  const k = Math.min(items.length, Math.max(2, Math.round(OVERSEGMENT * median(perInterview))));
  const clustered = await clusterTexts(items, {
    embedder: o.embedder,
    thresholds: o.thresholds,
    seed: o.seed,
    k,
    levels: 1,
  });
  const groups = await mergeSameQuestion(items, clustered.assignments, o.embedder);
  const groupOf = new Map<string, number>();
  for (const [g, group] of groups.entries()) for (const c of group.clusters) groupOf.set(c, g);

  // Which interviews ask each group, where in the interview, and with which wordings.
  const stats = groups.map(() => ({
    interviews: new Set<string>(),
    positions: [] as number[],
    wordings: new Map<string, { text: string; users: Set<string> }>(),
  }));
  for (const iv of interviews) {
    for (const a of iv.answers) {
      const cluster = clustered.assignments.get(`${iv.id}\u0000${a.index}`);
      const s = cluster === undefined ? undefined : stats[groupOf.get(cluster) as number];
      if (!s) continue;
      if (!s.interviews.has(iv.id)) s.positions.push(a.index / Math.max(1, iv.answers.length - 1));
      s.interviews.add(iv.id);
      const key = normaliseWording(a.ask);
      const w = s.wordings.get(key) ?? { text: a.ask, users: new Set<string>() };
      w.users.add(iv.user);
      s.wordings.set(key, w);
    }
  }
  const minInterviews = Math.max(2, Math.ceil((o.minShare ?? DEFAULT_MIN_SHARE) * interviews.length));
  const rubric = stats
    .map((s, g) => ({ g, s, position: median(s.positions) }))
    // A rubric question is asked by many interviews at a steady point of the interview; a generic
    // probe ("what does that look like in practice?") recurs too, but anywhere.
    .filter(({ s }) => s.interviews.size >= minInterviews && spread(s.positions) <= MAX_POSITION_SPREAD)
    .sort((a, b) => a.position - b.position || a.g - b.g);
  const names = new Map(clustered.clusters.map((c) => [c.id, c]));
  const byGroup = new Map<number, InterviewQuestion>();
  for (const [i, { g, s }] of rubric.entries()) {
    const wordings = [...s.wordings.values()].sort(
      (a, b) => b.users.size - a.users.size || (a.text < b.text ? -1 : 1),
    );
    const top = wordings[0] as { text: string; users: Set<string> };
    // The keywords of the group's largest cluster name it when no wording is shared widely enough.
    const node = names.get((groups[g] as MergedGroup).clusters[0] as string);
    byGroup.set(g, {
      id: `q${i + 1}`,
      text: top.text,
      label: top.users.size >= o.thresholds.minUsers ? top.text : (node?.name ?? `Question ${i + 1}`),
      source: "clustered",
      keywords: node?.keywords ?? [],
      asked: s.interviews.size,
    });
  }
  for (const iv of interviews) {
    const rows = iv.answers.map((a) => {
      const cluster = clustered.assignments.get(`${iv.id}\u0000${a.index}`);
      const g = cluster === undefined ? undefined : groupOf.get(cluster);
      return { question: (g !== undefined && byGroup.get(g)?.id) || null };
    });
    answers.set(iv.id, attachProbes(rows));
  }
  return { questions: [...byGroup.values()], answers, mode: "clustered" };
}

/** The interquartile range of a question's relative positions (0 = always at the same point). */
const MAX_POSITION_SPREAD = 0.2;

/** Base clusters per interviewer question, relative to the median number of questions per interview. */
const OVERSEGMENT = 3;
/** Two clusters are one question when their centroids are this close ... */
export const SAME_QUESTION_SIMILARITY = 0.45;
/** ... and they share at most this share of the smaller cluster's interviews (a question is asked once). */
const MAX_CO_OCCURRENCE = 0.1;

interface MergedGroup {
  /** Base cluster ids, largest first. */
  clusters: string[];
  interviews: Set<string>;
  centroid: Float64Array;
  size: number;
}

/**
 * Greedy average-linkage merging of the base clusters: the closest pair of groups whose centroids
 * reach SAME_QUESTION_SIMILARITY and that (almost) never occur in the same interview becomes one
 * group, until no pair qualifies. A follow-up probe shares words with its question but is asked in
 * the same interview, so it is never merged into it.
 */
async function mergeSameQuestion(
  items: readonly { id: string; userId: string; text: string }[],
  assignments: Map<string, string>,
  embedder: Embedder,
): Promise<MergedGroup[]> {
  // The embedder was fitted by clusterTexts on these texts; embedding again reproduces its vectors.
  const vectors = await embedder.embed(items.map((it) => it.text));
  const d = embedder.dimensions;
  const byCluster = new Map<string, MergedGroup>();
  for (const [i, it] of items.entries()) {
    const c = assignments.get(it.id) as string;
    let g = byCluster.get(c);
    if (!g) {
      g = { clusters: [c], interviews: new Set(), centroid: new Float64Array(d), size: 0 };
      byCluster.set(c, g);
    }
    g.interviews.add(it.userId === "" ? it.id : (it.id.split("\u0000")[0] as string));
    g.size++;
    for (let j = 0; j < d; j++) g.centroid[j] = (g.centroid[j] as number) + (vectors[i * d + j] as number);
  }
  const groups = [...byCluster.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([, g]) => g);
  const unit = (v: Float64Array) => {
    const n = Math.hypot(...v) || 1;
    return v.map((x) => x / n);
  };
  const similarity = (a: MergedGroup, b: MergedGroup) => {
    const ua = unit(a.centroid);
    const ub = unit(b.centroid);
    let s = 0;
    for (let j = 0; j < d; j++) s += (ua[j] as number) * (ub[j] as number);
    return s;
  };
  for (;;) {
    let best: [number, number, number] | null = null;
    for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        const a = groups[i] as MergedGroup;
        const b = groups[j] as MergedGroup;
        const sim = similarity(a, b);
        if (sim < SAME_QUESTION_SIMILARITY || (best && sim <= best[0])) continue;
        let shared = 0;
        for (const iv of a.interviews) if (b.interviews.has(iv)) shared++;
        if (shared > Math.max(1, MAX_CO_OCCURRENCE * Math.min(a.interviews.size, b.interviews.size)))
          continue;
        best = [sim, i, j];
      }
    }
    if (!best) break;
    const a = groups[best[1]] as MergedGroup;
    const b = groups.splice(best[2], 1)[0] as MergedGroup;
    const [big, small] = b.size > a.size ? [b, a] : [a, b];
    a.clusters = [...big.clusters, ...small.clusters];
    for (const iv of b.interviews) a.interviews.add(iv);
    for (let j = 0; j < d; j++) a.centroid[j] = (a.centroid[j] as number) + (b.centroid[j] as number);
    a.size += b.size;
  }
  return groups;
}

function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.round(q * (s.length - 1))] as number;
}

function spread(xs: readonly number[]): number {
  return quantile(xs, 0.75) - quantile(xs, 0.25);
}

function median(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
