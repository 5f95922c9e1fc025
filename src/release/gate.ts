/**
 * The privacy gate every released number passes through (Clio's aggregation thresholds): a released
 * row, bar or cell must cover at least `minUsers` distinct users and `minConversations` conversations.
 * Rows below are merged into "other" (when the figure is a distribution) or suppressed, and counted.
 * Without user ids each conversation counts as its own user.
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

export interface GateResult<K extends string> {
  /** Keys that pass, in the order given, then "other" when something was merged into it and it passes. */
  kept: { key: K | "other"; cell: Cell }[];
  /** Cells merged into "other" (or dropped when "other" itself stays under the thresholds). */
  suppressed: number;
}

/**
 * Gates a distribution: passing cells are kept; the rest are pooled into "other", which is itself
 * released only when the pool passes. `order` fixes the output order (else by size, largest first).
 */
export function gateDistribution<K extends string>(tally: Tally, order?: readonly K[]): GateResult<K> {
  const keys = (order ?? ([...tally.cells.keys()] as K[])).filter((k) => tally.cells.has(k));
  if (!order)
    keys.sort((a, b) => (tally.cells.get(b)?.conversations ?? 0) - (tally.cells.get(a)?.conversations ?? 0));
  const kept: GateResult<K>["kept"] = [];
  const other = new Cell(tally.thresholds.minUsers);
  let suppressed = 0;
  for (const key of keys) {
    const cell = tally.cells.get(key) as Cell;
    if (cell.passes(tally.thresholds) && key !== "other") kept.push({ key, cell });
    else {
      other.merge(cell);
      suppressed++;
    }
  }
  if (other.conversations > 0 && other.passes(tally.thresholds)) {
    kept.push({ key: "other", cell: other });
  }
  return { kept, suppressed };
}
