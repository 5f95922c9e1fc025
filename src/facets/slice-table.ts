/**
 * A hash table from short strings to values, probed with a slice of a larger text — its start, end and
 * a hash the caller computed while scanning it — so a key seen before costs neither a substring nor a
 * Map lookup. The tokeniser keeps every word form it has resolved in one (vocab.ts).
 *
 * Laid out for few cache misses, since real text brings tens of thousands of forms: a probe reads the
 * hash and the index side by side, and the keys' characters sit in one contiguous pool. A curly
 * apostrophe in the probed text matches the straight one the keys are written with.
 */

export const HASH_SEED = 0x811c9dc5 | 0;

/** One step of FNV-1a over UTF-16 code units. */
export function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

/** The hash of a whole key, as a scan of the same characters computes it. */
export function hashOf(key: string): number {
  let h = HASH_SEED;
  for (let k = 0; k < key.length; k++) h = hashStep(h, key.charCodeAt(k));
  return h;
}

const APOSTROPHE = 39;
const RIGHT_QUOTE = 0x2019;

export class SliceTable<V> {
  /** Per slot: the key's hash and its index + 1 (0: empty). */
  private slots = new Int32Array(2 * 4096);
  /** Per key: offset and length of its characters in the pool. */
  private spans = new Int32Array(2 * 1024);
  private pool = new Uint16Array(1 << 16);
  private poolUsed = 0;
  private values: V[] = [];

  get size(): number {
    return this.values.length;
  }

  /** The value for text[start, end) (whose hash is `hash`), or undefined. */
  get(text: string, start: number, end: number, hash: number): V | undefined {
    const slots = this.slots;
    const mask = slots.length - 2;
    const length = end - start;
    for (let slot = (hash << 1) & mask; ; slot = (slot + 2) & mask) {
      const at = slots[slot + 1] as number;
      if (at === 0) return undefined;
      if (
        slots[slot] === hash &&
        this.spans[2 * at - 1] === length &&
        this.sameChars(at - 1, text, start, length)
      )
        return this.values[at - 1];
    }
  }

  private sameChars(index: number, text: string, start: number, length: number): boolean {
    const pool = this.pool;
    const offset = this.spans[2 * index] as number;
    for (let k = 0; k < length; k++) {
      const c = text.charCodeAt(start + k);
      if ((c === RIGHT_QUOTE ? APOSTROPHE : c) !== pool[offset + k]) return false;
    }
    return true;
  }

  /** Adds a key (not already present; curly apostrophes written straight) with its hash. */
  add(key: string, hash: number, value: V): void {
    if ((this.values.length + 1) * 4 > this.slots.length) this.rehash(this.slots.length * 2);
    const index = this.values.length;
    this.values.push(value);
    if (2 * index + 2 > this.spans.length) this.spans = grown(this.spans, 2 * index + 2);
    if (this.poolUsed + key.length > this.pool.length)
      this.pool = grown(this.pool, this.poolUsed + key.length);
    this.spans[2 * index] = this.poolUsed;
    this.spans[2 * index + 1] = key.length;
    for (let k = 0; k < key.length; k++) this.pool[this.poolUsed++] = key.charCodeAt(k);
    this.place(hash, index + 1);
  }

  clear(): void {
    this.slots = new Int32Array(2 * 4096);
    this.spans = new Int32Array(2 * 1024);
    this.pool = new Uint16Array(1 << 16);
    this.poolUsed = 0;
    this.values = [];
  }

  private place(hash: number, at: number): void {
    const mask = this.slots.length - 2;
    let slot = (hash << 1) & mask;
    while (this.slots[slot + 1] !== 0) slot = (slot + 2) & mask;
    this.slots[slot] = hash;
    this.slots[slot + 1] = at;
  }

  private rehash(size: number): void {
    const old = this.slots;
    this.slots = new Int32Array(size);
    for (let slot = 0; slot < old.length; slot += 2)
      if (old[slot + 1] !== 0) this.place(old[slot] as number, old[slot + 1] as number);
  }
}

function grown<T extends Int32Array | Uint16Array>(array: T, atLeast: number): T {
  let size = array.length * 2;
  while (size < atLeast) size *= 2;
  const bigger = new (array.constructor as new (n: number) => T)(size);
  bigger.set(array);
  return bigger;
}
