/**
 * The privacy gate every released number passes through (Clio's aggregation thresholds): a released
 * row, bar or cell must cover at least `minUsers` distinct users and `minConversations` conversations.
 * Without user ids each conversation counts as its own user.
 *
 * Subtraction: thresholds on each number are not enough when a whole and some of its parts are both
 * released (a total and the categories shown, a group's size and its rate, a type and its topics):
 * the whole minus the shown parts counts the hidden ones. So every gate here applies one rule
 * (`demoteUntilSafe`): show the parts that pass; while some difference an attacker can take (a whole
 * minus shown parts) is a non-empty group under the thresholds, the smallest shown part of that
 * difference is not shown either, and joins the pooled rest. Every number an attacker can work out
 * by subtracting shown parts from their whole is then empty or passes. `gatePartition` applies it to
 * disjoint parts (categories, clusters), `gateLabels` to labels a conversation may have several of
 * (affective types, comparison groups), optionally per outcome (with and without pushback), so that
 * a rate's numerator and the rest of its group are parts too.
 */
import type { FacetRecord } from "../types.ts";

export interface Thresholds {
  minUsers: number;
  minConversations: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { minUsers: 5, minConversations: 15 };

export function userKey(record: Pick<FacetRecord, "id" | "user_id">): string {
  return record.user_id ?? `conversation:${record.id}`;
}

/**
 * Counts the conversations and distinct users behind one cell. Users are remembered only up to a cap
 * (the threshold): the gate needs to know "at least k", and the cap keeps memory flat on large studies.
 */
export class Cell {
  conversations = 0;
  private users = new Set<string>();
  constructor(private readonly cap: number) {}

  add(user: string): void {
    this.conversations++;
    if (this.users.size < this.cap) this.users.add(user);
  }

  /** Distinct users, exact below the cap, `cap` at or above it. */
  get usersAtLeast(): number {
    return this.users.size;
  }

  merge(other: Cell): void {
    this.conversations += other.conversations;
    for (const u of other.users) if (this.users.size < this.cap) this.users.add(u);
  }

  passes(t: Thresholds): boolean {
    return this.users.size >= t.minUsers && this.conversations >= t.minConversations;
  }
}

/** A tally of cells by key: one per category of a distribution. */
export class Tally {
  readonly cells = new Map<string, Cell>();
  constructor(readonly thresholds: Thresholds) {}

  add(key: string, user: string): void {
    let cell = this.cells.get(key);
    if (!cell) {
      cell = new Cell(this.thresholds.minUsers);
      this.cells.set(key, cell);
    }
    cell.add(user);
  }

  get(key: string): Cell | undefined {
    return this.cells.get(key);
  }
}

/** Conversations and (at least) distinct users: a cell, a part or a remainder. */
export interface Counts {
  conversations: number;
  users: number;
}

const countsOf = (c: Cell): Counts => ({ conversations: c.conversations, users: c.usersAtLeast });

/** True when a group covers enough users and conversations to be shown. */
export function partPasses(p: Counts, t: Thresholds): boolean {
  return p.users >= t.minUsers && p.conversations >= t.minConversations;
}

/** Empty, or passing: what every number an attacker can work out must be. */
export function isSafe(p: Counts | Cell, t: Thresholds): boolean {
  const c = p instanceof Cell ? countsOf(p) : p;
  return c.conversations === 0 || partPasses(c, t);
}

/**
 * The one rule. `shown` starts as the parts that pass, in display order; `failing(shown)` returns the
 * shown parts of a difference (a whole minus shown parts) that is non-empty and under the thresholds,
 * or null when there is none. The smallest of them (by `size`; the later in `shown` on ties) is then
 * not shown, until nothing fails. An empty array from `failing` means no part can fix the difference:
 * nothing is shown.
 */
export function demoteUntilSafe<P>(
  shown: readonly P[],
  size: (p: P) => number,
  failing: (shown: readonly P[]) => readonly P[] | null,
): P[] {
  let kept = [...shown];
  for (let f = failing(kept); f !== null; f = failing(kept)) {
    if (f.length === 0) return [];
    let smallest = f[0] as P;
    for (const p of f) {
      const d = size(p) - size(smallest);
      if (d < 0 || (d === 0 && kept.indexOf(p) > kept.indexOf(smallest))) smallest = p;
    }
    kept = kept.filter((p) => p !== smallest);
  }
  return kept;
}

// ---- disjoint parts --------------------------------------------------------------------------

/** One part of a whole that is itself released: a child of a released cluster, a cell of a breakdown. */
export interface Part<K> {
  key: K;
  conversations: number;
  users: number;
  cell?: Cell;
}

export interface Partition<K> {
  /** Parts released on their own, largest first. */
  kept: Part<K>[];
  /** Parts pooled into the remainder. */
  pooled: Part<K>[];
  /** The remainder: empty, or passing the thresholds (or the whole, when every part is pooled). */
  remainder: Counts;
}

function pool<K>(parts: readonly Part<K>[], t: Thresholds): Counts {
  let conversations = 0;
  for (const p of parts) conversations += p.conversations;
  if (parts.length > 0 && parts.every((p) => p.cell)) {
    // A union of capped sets reaches the cap exactly when the true union does.
    const union = new Cell(t.minUsers);
    for (const p of parts) union.merge(p.cell as Cell);
    return { conversations, users: union.usersAtLeast };
  }
  // Users of different parts may overlap: the largest part is a safe lower bound on their union.
  return { conversations, users: Math.max(0, ...parts.map((p) => p.users)) };
}

/**
 * Splits the disjoint parts of a released whole into those released on their own and a remainder
 * that is empty or passes the thresholds, so that the whole minus the released parts never singles
 * out a group under them. Parts under the thresholds go to the remainder (so do `o.pooled`, parts
 * never shown on their own, and passing parts beyond the `o.maxKept` largest); while the remainder
 * is non-empty and under the thresholds, the smallest released part joins it. When every part has
 * joined, the remainder is the whole: it passes exactly when the whole does.
 */
export function gatePartition<K>(
  parts: readonly Part<K>[],
  t: Thresholds,
  o: { maxKept?: number; pooled?: readonly Part<K>[] } = {},
): Partition<K> {
  const passing = parts
    .filter((p) => partPasses(p, t))
    .sort((a, b) => b.conversations - a.conversations || (String(a.key) < String(b.key) ? -1 : 1));
  const pooled = [...(o.pooled ?? []), ...parts.filter((p) => !partPasses(p, t))];
  if (o.maxKept !== undefined) pooled.push(...passing.splice(o.maxKept));
  const rest = (kept: readonly Part<K>[]) => [...pooled, ...passing.filter((p) => !kept.includes(p))];
  const kept = demoteUntilSafe(
    passing,
    (p) => p.conversations,
    (kept) => (kept.length > 0 && !isSafe(pool(rest(kept), t), t) ? kept : null),
  );
  // Demoted parts join the pool smallest first, as they were demoted.
  const demoted = passing.filter((p) => !kept.includes(p)).reverse();
  return { kept, pooled: [...pooled, ...demoted], remainder: pool([...pooled, ...demoted], t) };
}

export interface GateResult<K extends string> {
  /** Keys shown, in the order given, then "other" when something was pooled and the pool passes. */
  kept: { key: K | "other"; cell: Cell }[];
  /** Categories not shown on their own: pooled into "other", or dropped with it. */
  suppressed: number;
  /** The pooled rest of the whole: empty, or passing (or the whole, when nothing could be shown). */
  remainder: Cell;
}

/**
 * Gates a distribution (each conversation in one category) by the partition rule: categories that
 * pass are shown, the rest pooled into "other", and while "other" is non-empty and under the
 * thresholds the smallest shown category joins it; "other" is shown when it passes (and something
 * else is shown). `order` fixes
 * the output order (else by size, largest first); categories outside it, a category keyed "other",
 * and `o.pooled` keys are never shown on their own. With an `order`, every category of it not shown
 * counts as suppressed, present or not, so the count does not tell which categories are empty.
 */
export function gateDistribution<K extends string>(
  tally: Tally,
  order?: readonly K[],
  o: { pooled?: readonly string[]; maxKept?: number } = {},
): GateResult<K> {
  const never = new Set<string>(["other", ...(o.pooled ?? [])]);
  const asPart = (key: string, cell: Cell): Part<string> => ({ key, ...countsOf(cell), cell });
  const present = [...tally.cells].filter(([, c]) => c.conversations > 0);
  const candidates = present
    .filter(([k]) => !never.has(k) && (!order || order.includes(k as K)))
    .map(([k, c]) => asPart(k, c));
  const pooled = present.filter(([k]) => !candidates.some((p) => p.key === k)).map(([k, c]) => asPart(k, c));
  const partition = gatePartition(candidates, tally.thresholds, {
    pooled,
    ...(o.maxKept !== undefined && { maxKept: o.maxKept }),
  });
  const shown = order ? order.flatMap((k) => partition.kept.filter((p) => p.key === k)) : partition.kept;
  const kept: GateResult<K>["kept"] = shown.map((p) => ({ key: p.key as K, cell: p.cell as Cell }));
  const remainder = new Cell(tally.thresholds.minUsers);
  for (const p of partition.pooled) remainder.merge(p.cell as Cell);
  // "Other" alone would only restate the whole.
  if (kept.length > 0 && remainder.conversations > 0 && remainder.passes(tally.thresholds))
    kept.push({ key: "other", cell: remainder });
  const categories = new Set([...(order ?? []), ...present.map(([k]) => k)]);
  const suppressed = [...categories].filter((k) => !shown.some((p) => p.key === k)).length;
  return { kept, suppressed, remainder };
}

// ---- labels: a conversation may have several, or none ----------------------------------------

const WHOLE = Symbol("whole");

/**
 * Counts conversations by the set of labels each has (affective types, comparison groups) and an
 * outcome (pushback or not, long enough for a sentiment shift or not), so that the conversations of
 * any label, of none of some labels, or of both, can be counted exactly afterwards.
 */
export class LabelTally {
  private readonly combos = new Map<string, { labels: ReadonlySet<string>; outcomes: Map<string, Cell> }>();
  constructor(readonly thresholds: Thresholds) {}

  add(labels: readonly string[], user: string, outcome = ""): void {
    const set = [...new Set(labels)].sort();
    const key = set.join("\u0000");
    let combo = this.combos.get(key);
    if (!combo) {
      combo = { labels: new Set(set), outcomes: new Map() };
      this.combos.set(key, combo);
    }
    let cell = combo.outcomes.get(outcome);
    if (!cell) {
      cell = new Cell(this.thresholds.minUsers);
      combo.outcomes.set(outcome, cell);
    }
    cell.add(user);
  }

  /** Adds another tally's counts (a parent cluster's from its children's). */
  merge(other: LabelTally): void {
    for (const [key, { labels, outcomes }] of other.combos) {
      let combo = this.combos.get(key);
      if (!combo) {
        combo = { labels, outcomes: new Map() };
        this.combos.set(key, combo);
      }
      for (const [o, cell] of outcomes) {
        let into = combo.outcomes.get(o);
        if (!into) {
          into = new Cell(this.thresholds.minUsers);
          combo.outcomes.set(o, into);
        }
        into.merge(cell);
      }
    }
  }

  /** The conversations whose labels satisfy `where`, with an outcome `of` accepts (default: any). */
  count(
    where: (labels: ReadonlySet<string>) => boolean,
    of: (outcome: string) => boolean = () => true,
  ): Cell {
    const out = new Cell(this.thresholds.minUsers);
    for (const { labels, outcomes } of this.combos.values()) {
      if (!where(labels)) continue;
      for (const [o, cell] of outcomes) if (of(o)) out.merge(cell);
    }
    return out;
  }

  /** The conversations with `label`. */
  cellOf(label: string, of?: (outcome: string) => boolean): Cell {
    return this.count((ls) => ls.has(label), of);
  }

  /** Every label seen, and every outcome seen. */
  get labels(): string[] {
    return [...new Set([...this.combos.values()].flatMap((c) => [...c.labels]))].sort();
  }

  get outcomes(): string[] {
    return [...new Set([...this.combos.values()].flatMap((c) => [...c.outcomes.keys()]))].sort();
  }

  /** The same conversations under other labels (`relabel` maps each conversation's set). */
  relabel(relabel: (labels: ReadonlySet<string>) => readonly string[]): LabelTally {
    const out = new LabelTally(this.thresholds);
    for (const { labels, outcomes } of this.combos.values()) {
      const one = new LabelTally(this.thresholds);
      const set = [...new Set(relabel(labels))].sort();
      one.combos.set(set.join("\u0000"), { labels: new Set(set), outcomes });
      out.merge(one);
    }
    return out;
  }

  /** Per label, the labels some conversation has with it. */
  cooccurring(): Map<string, Set<string>> {
    const out = new Map<string, Set<string>>();
    for (const { labels } of this.combos.values())
      for (const a of labels) {
        const with_ = out.get(a) ?? new Set<string>();
        for (const b of labels) if (b !== a) with_.add(b);
        out.set(a, with_);
      }
    return out;
  }
}

export interface LabelGateOptions {
  /** Labels that may be shown, in display order (default: every label, largest first). */
  order?: readonly string[];
  /** Labels whose counts other figures release: treated as shown, never demoted, not returned. */
  known?: readonly string[];
  /**
   * Groups of outcomes released separately (e.g. [["pushback"], ["no"]] for a rate): every shown
   * label, and every difference, must be empty or pass within each group. Default: one group of all.
   */
  outcomes?: readonly (readonly string[])[];
  maxKept?: number;
  /**
   * Subtract only sets of labels no conversation has two of (pairwise disjoint in the records).
   * For labels that overlap a lot (values, interview concerns), a whole minus the counts of
   * overlapping labels is no count of anything: it is below the conversations with none of them by
   * their overlaps, which no release gives. So the differences an attacker can take exactly, and
   * every upper bound on a group they can derive, are those of disjoint sets; with all sets
   * instead, a value held by nearly everyone would make "none of the shown values" small and
   * withhold most of them.
   */
  disjoint?: boolean;
}

export interface LabelGate {
  /** Labels shown, in display order, each with its conversations (all outcomes). */
  kept: { key: string; cell: Cell }[];
  /** False when the whole itself cannot be shown (under the thresholds, or an outcome group is). */
  released: boolean;
  /** The whole minus every shown label: conversations with none of them. */
  remainder: Cell;
  /** Labels of `order` (or seen) not shown. */
  suppressed: number;
}

/** Differences examined before a gate gives up searching and demotes (keeps worst cases bounded). */
const SEARCH_BUDGET = 20_000;

/**
 * Gates labels by the partition rule. The differences an attacker can take are, for the whole and
 * for every shown or known label W, W minus any set S of shown or known labels inside W (every
 * label is inside the whole; a type is inside "affective"): the conversations of W with none of S
 * (exact whenever S's labels do not overlap, which an attacker may know; with `o.disjoint`, only
 * sets whose labels do not overlap in the records). Each must be empty or pass, within each outcome
 * group; the smallest shown label of a failing S is demoted. A difference that only known labels
 * make is another figure's to prevent. Because a superset of a passing group passes, the search
 * stops below any difference that passes in every outcome group; only empty ones are looked beneath.
 */
export function gateLabels(tally: LabelTally, o: LabelGateOptions = {}): LabelGate {
  const t = tally.thresholds;
  const known = (o.known ?? []).filter((k) => tally.cellOf(k).conversations > 0);
  const groups = (o.outcomes ?? [tally.outcomes]).map((g) => new Set(g));
  const inGroup = (g: Set<string>) => (outcome: string) => g.has(outcome);
  const whole = tally.count(() => true);
  const seen = tally.labels.filter((l) => !known.includes(l));
  const order = o.order ? o.order.filter((l) => !known.includes(l)) : undefined;
  const size = (l: string) => tally.cellOf(l).conversations;
  const safeEverywhere = (where: (ls: ReadonlySet<string>) => boolean) =>
    groups.every((g) => isSafe(tally.count(where, inGroup(g)), t));
  const wholeReleased = whole.passes(t) && safeEverywhere(() => true);
  let candidates = (order ?? [...seen].sort((a, b) => size(b) - size(a) || (a < b ? -1 : 1))).filter(
    (l) => seen.includes(l) && tally.cellOf(l).passes(t) && safeEverywhere((ls) => ls.has(l)),
  );
  if (o.maxKept !== undefined)
    candidates = [...candidates]
      .sort((a, b) => size(b) - size(a))
      .slice(0, o.maxKept)
      .sort((a, b) => candidates.indexOf(a) - candidates.indexOf(b));

  const overlap = o.disjoint ? tally.cooccurring() : null;
  const failing = (shown: readonly string[]): readonly string[] | null => {
    const subtractable = [...shown, ...known];
    let budget = SEARCH_BUDGET;
    for (const w of [WHOLE, ...subtractable] as const) {
      const inW = (ls: ReadonlySet<string>) => w === WHOLE || ls.has(w);
      // What can be subtracted from W: labels inside it (a type inside "affective"; every label
      // inside the whole) that share conversations with it. Of a label that is not inside W, a
      // release gives no count of the part within W.
      const start = subtractable.filter(
        (x) =>
          x !== w &&
          tally.count((ls) => ls.has(x) && !inW(ls)).conversations === 0 &&
          tally.count((ls) => inW(ls) && ls.has(x)).conversations > 0,
      );
      const found = overlap ? searchDisjoint(start, inW, overlap) : searchAll(start, inW);
      if (found === "budget") return shown.filter((l) => start.includes(l));
      if (found) return found;
    }
    return null;

    /** W minus any set of `start`: from all of it down, below differences that are empty. */
    function searchAll(
      start: string[],
      inW: (ls: ReadonlySet<string>) => boolean,
    ): readonly string[] | "budget" | null {
      const visited = new Set<string>();
      const stack: string[][] = [start];
      while (stack.length > 0) {
        const s = stack.pop() as string[];
        const key = s.join("\u0000");
        if (visited.has(key)) continue;
        visited.add(key);
        if (--budget < 0) return "budget";
        const rest = (ls: ReadonlySet<string>) => inW(ls) && !s.some((x) => ls.has(x));
        const cells = groups.map((g) => tally.count(rest, inGroup(g)));
        if (cells.some((c) => !isSafe(c, t))) {
          const demotable = shown.filter((l) => s.includes(l));
          if (demotable.length > 0) return demotable;
          continue;
        }
        // Passing everywhere: every smaller S leaves a superset, which passes too.
        if (cells.every((c) => c.conversations > 0)) continue;
        for (const x of s) stack.push(s.filter((y) => y !== x));
      }
      return null;
    }

    /**
     * W minus any set of `start` no two of which overlap, grown one label at a time. Below an empty
     * difference every larger set leaves nothing; below one whose conversations no further label
     * could take away pass, every larger set leaves a superset of those, which passes.
     */
    function searchDisjoint(
      start: string[],
      inW: (ls: ReadonlySet<string>) => boolean,
      overlap: Map<string, Set<string>>,
    ): readonly string[] | "budget" | null {
      const order = [...start].sort((a, b) => size(b) - size(a) || (a < b ? -1 : 1));
      const visit = (s: string[], from: number): readonly string[] | "budget" | null => {
        for (let j = from; j < order.length; j++) {
          const x = order[j] as string;
          if (s.some((y) => overlap.get(x)?.has(y))) continue;
          if (--budget < 0) return "budget";
          const s2 = [...s, x];
          const rest = (ls: ReadonlySet<string>) => inW(ls) && !s2.some((y) => ls.has(y));
          const cells = groups.map((g) => tally.count(rest, inGroup(g)));
          const unsafe = cells.some((c) => !isSafe(c, t));
          if (unsafe) {
            const demotable = shown.filter((l) => s2.includes(l));
            if (demotable.length > 0) return demotable;
            // Known labels alone: another figure's to prevent, but a shown label added may be ours.
          } else {
            if (cells.every((c) => c.conversations === 0)) continue;
            const more = order.slice(j + 1).filter((y) => !s2.some((z) => overlap.get(y)?.has(z)));
            if (more.length === 0) continue;
            const sure = (ls: ReadonlySet<string>) => rest(ls) && !more.some((y) => ls.has(y));
            if (
              groups.every(
                (g, i) => (cells[i] as Cell).conversations === 0 || tally.count(sure, inGroup(g)).passes(t),
              )
            )
              continue;
          }
          const found = visit(s2, j + 1);
          if (found) return found;
        }
        return null;
      };
      return visit([], 0);
    }
  };
  const kept = wholeReleased ? demoteUntilSafe(candidates, size, failing) : [];
  const shownSet = new Set(kept);
  const remainder = tally.count((ls) => ![...ls].some((l) => shownSet.has(l)));
  const listed = new Set([...(order ?? []), ...seen]);
  return {
    kept: kept.map((key) => ({ key, cell: tally.cellOf(key) })),
    released: wholeReleased,
    remainder,
    suppressed: [...listed].filter((l) => !shownSet.has(l)).length,
  };
}

// ---- a breakdown per node of a tree -----------------------------------------------------------

export interface BreakdownTree<K> {
  /** The released children of a node (each may show its breakdown). */
  children: (node: K) => readonly K[];
  /** A node's conversations per category of the breakdown (e.g. affective and not). */
  cells: (node: K) => readonly Cell[];
  /** Per category, what the `shown` descendants leave of `node` (the rest of its conversations). */
  rest: (node: K, shown: readonly K[]) => readonly Cell[];
}

/**
 * The rule on a tree of released wholes (topic clusters), for a breakdown each node may show (its
 * affective share, pushback rate, languages): with its size, a node's breakdown releases a count
 * per category, and a parent's count minus its children's counts the rest's. So a node's breakdown
 * is shown only when its nearest ancestor's that shows one is, each of its categories is empty or
 * passes, and what the shown nodes leave of that ancestor is empty or passes in every category;
 * else the smallest one is withheld (with what is below it), until it does. A child whose own
 * categories fail is looked beneath: its children take its place. Any difference of shown counts
 * is then a union of such pieces.
 */
export function gateBreakdowns<K>(root: K, tree: BreakdownTree<K>, t: Thresholds): Set<K> {
  const shown = new Set<K>();
  const safeAll = (cells: readonly Cell[]) => cells.every((c) => isSafe(c, t));
  const size = (k: K) => tree.cells(k).reduce((a, c) => a + c.conversations, 0);
  const frontier = (node: K): K[] =>
    tree.children(node).flatMap((c) => (safeAll(tree.cells(c)) ? [c] : frontier(c)));
  const visit = (node: K) => {
    shown.add(node);
    const candidates = frontier(node).sort((a, b) => size(b) - size(a));
    const kept = demoteUntilSafe(candidates, size, (s) =>
      s.length > 0 && !safeAll(tree.rest(node, s)) ? s : null,
    );
    for (const c of kept) visit(c);
  };
  if (safeAll(tree.cells(root))) visit(root);
  return shown;
}
