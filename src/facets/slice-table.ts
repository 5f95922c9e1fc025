/**
 * A hash table from short strings to values, probed with a slice of a larger text — its start, end and
 * a hash the caller computed while scanning it — so a key seen before costs neither a substring nor a
 * Map lookup. The tokeniser keeps every word form it has resolved in one (vocab.ts).
 *
 * Laid out for few cache misses, since real text brings tens of thousands of forms: a probe reads the
 * hash, the index and where the key lies side by side, and the keys' characters sit in one pool. A curly
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

/** Int32s per slot: the key's hash, its index + 1 (0: empty), and its characters' offset and length in the pool. */
const SLOT = 4;

export class SliceTable<V> {
  /** The slots, SLOT numbers each: a probe finds everything it compares in one place. */
  private slots = new Int32Array(SLOT * 4096);
  private pool = new Uint16Array(1 << 16);
  private poolUsed = 0;
  private values: V[] = [];

  get size(): number {
    return this.values.length;
  }

  /** The value for text[start, end) (whose hash is `hash`), or undefined. */
  get(text: string, start: number, end: number, hash: number): V | undefined {
    const slots = this.slots;
    const mask = slots.length - SLOT;
    const length = end - start;
    for (let slot = Math.imul(hash, SLOT) & mask; ; slot = (slot + SLOT) & mask) {
      const at = slots[slot + 1] as number;
      if (at === 0) return undefined;
      if (
        slots[slot] === hash &&
        slots[slot + 3] === length &&
        this.sameChars(slots[slot + 2] as number, text, start, length)
      )
        return this.values[at - 1];
    }
  }

  private sameChars(offset: number, text: string, start: number, length: number): boolean {
    const pool = this.pool;
    for (let k = 0; k < length; k++) {
      const c = text.charCodeAt(start + k);
      if ((c === RIGHT_QUOTE ? APOSTROPHE : c) !== pool[offset + k]) return false;
    }
    return true;
  }

  /** Adds a key (not already present; curly apostrophes written straight) with its hash. */
  add(key: string, hash: number, value: V): void {
    // At most half the slots are used, so probes stay short.
    if ((this.values.length + 1) * 2 * SLOT > this.slots.length) this.rehash(this.slots.length * 2);
    const index = this.values.length;
    this.values.push(value);
    if (this.poolUsed + key.length > this.pool.length)
      this.pool = grown(this.pool, this.poolUsed + key.length);
    const offset = this.poolUsed;
    for (let k = 0; k < key.length; k++) this.pool[this.poolUsed++] = key.charCodeAt(k);
    this.place(hash, index + 1, offset, key.length);
  }

  clear(): void {
    this.slots = new Int32Array(SLOT * 4096);
    this.pool = new Uint16Array(1 << 16);
    this.poolUsed = 0;
    this.values = [];
  }

  private place(hash: number, at: number, offset: number, length: number): void {
    const slots = this.slots;
    const mask = slots.length - SLOT;
    let slot = Math.imul(hash, SLOT) & mask;
    while (slots[slot + 1] !== 0) slot = (slot + SLOT) & mask;
    slots[slot] = hash;
    slots[slot + 1] = at;
    slots[slot + 2] = offset;
    slots[slot + 3] = length;
  }

  private rehash(size: number): void {
    const old = this.slots;
    this.slots = new Int32Array(size);
    for (let slot = 0; slot < old.length; slot += SLOT)
      if (old[slot + 1] !== 0)
        this.place(
          old[slot] as number,
          old[slot + 1] as number,
          old[slot + 2] as number,
          old[slot + 3] as number,
        );
  }
}

function grown<T extends Int32Array | Uint16Array>(array: T, atLeast: number): T {
  let size = array.length * 2;
  while (size < atLeast) size *= 2;
  const bigger = new (array.constructor as new (n: number) => T)(size);
  bigger.set(array);
  return bigger;
}
