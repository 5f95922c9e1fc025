/**
 * Value frequencies as the study reports them: the share of subjective conversations in which each
 * value appears (the released `pct_convos`, as a fraction here), with the conversations and distinct
 * users behind it so the privacy gate can decide what is released.
 */
import { Cell, type Thresholds, userKey } from "../release/gate.ts";
import type { FacetRecord } from "../types.ts";

/** Records the value statistics count: subjective (or not judged) and with values extracted. */
export function countsForValues(r: Pick<FacetRecord, "subjective" | "values_ai">): boolean {
  return r.subjective !== false && r.values_ai !== null;
}

export interface ValueShare {
  value: string;
  conversations: number;
  /** conversations / subjective conversations. */
  share: number;
  /** Mentions across conversations (the taxonomy's `pct_total_occurrences` counts these). */
  occurrences: number;
}

/** Per-value cells over a stream of records. */
export class ValueTally {
  /** Subjective conversations with values extracted: the denominator of every share. */
  conversations = 0;
  /** Value mentions in all (one per value per conversation). */
  occurrences = 0;
  readonly cells = new Map<string, Cell>();
  constructor(private readonly minUsers: number) {}

  add(r: Pick<FacetRecord, "id" | "user_id" | "subjective" | "values_ai">): void {
    if (!countsForValues(r)) return;
    this.conversations++;
    const user = userKey(r);
    for (const v of new Set(r.values_ai)) {
      let cell = this.cells.get(v);
      if (!cell) {
        cell = new Cell(this.minUsers);
        this.cells.set(v, cell);
      }
      cell.add(user);
      this.occurrences++;
    }
  }

  /** Every value, most frequent first (ties alphabetically). */
  shares(): ValueShare[] {
    return [...this.cells.entries()]
      .map(([value, cell]) => ({
        value,
        conversations: cell.conversations,
        share: cell.conversations / Math.max(1, this.conversations),
        occurrences: cell.conversations,
      }))
      .sort((a, b) => b.conversations - a.conversations || (a.value < b.value ? -1 : 1));
  }

  passes(value: string, t: Thresholds): boolean {
    return this.cells.get(value)?.passes(t) ?? false;
  }
}

/** Shares of every value over some records, ungated (evaluation and library use). */
export function valueFrequencies(
  records: Iterable<Pick<FacetRecord, "id" | "user_id" | "subjective" | "values_ai">>,
): ValueShare[] {
  const tally = new ValueTally(1);
  for (const r of records) tally.add(r);
  return tally.shares();
}
