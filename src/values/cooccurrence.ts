/**
 * Which values appear together: a second, corpus-learned embedding for the taxonomy. Two values
 * that share no letters ("empathy", "emotional validation") but are expressed in the same
 * conversations belong together; the phrase embedder alone cannot see that. Each value becomes its
 * row of positive pointwise mutual information with every value (itself included), hashed with signs into a few
 * hundred dimensions and L2-normalised.
 */
import { normaliseRows } from "../embed/embedder.ts";
import { hash } from "./embed.ts";

export class CooccurrenceCounter {
  /** Conversations counted. */
  conversations = 0;
  private readonly single = new Map<string, number>();
  private readonly pairs = new Map<string, Map<string, number>>();

  /** One conversation's values (each distinct value once). */
  add(values: readonly string[]): void {
    const distinct = [...new Set(values)];
    this.conversations++;
    for (const v of distinct) this.single.set(v, (this.single.get(v) ?? 0) + 1);
    for (let i = 0; i < distinct.length; i++) {
      for (let j = 0; j < distinct.length; j++) {
        if (i === j) continue;
        const a = distinct[i] as string;
        let row = this.pairs.get(a);
        if (!row) {
          row = new Map();
          this.pairs.set(a, row);
        }
        const b = distinct[j] as string;
        row.set(b, (row.get(b) ?? 0) + 1);
      }
    }
  }

  /** Conversations expressing both values. */
  together(a: string, b: string): number {
    return this.pairs.get(a)?.get(b) ?? 0;
  }

  /** PPMI rows of `values`, hashed into `dimensions`, unit length (zero for a value never paired). */
  vectors(values: readonly string[], dimensions = 256): Float32Array {
    const out = new Float32Array(values.length * dimensions);
    const n = Math.max(1, this.conversations);
    for (const [row, a] of values.entries()) {
      const ca = this.single.get(a) ?? 0;
      if (ca === 0) continue;
      // The value itself is in its own row, so two values seen together share two coordinates.
      for (const [b, cab] of [[a, ca] as const, ...(this.pairs.get(a) ?? [])]) {
        const cb = this.single.get(b) ?? 0;
        const pmi = Math.log((cab * n) / Math.max(1, ca * cb));
        if (pmi <= 0) continue;
        const h = hash(b);
        const at = row * dimensions + ((h >>> 1) % dimensions);
        out[at] = (out[at] as number) + (h & 1 ? pmi : -pmi);
      }
    }
    return normaliseRows(out, dimensions);
  }
}
