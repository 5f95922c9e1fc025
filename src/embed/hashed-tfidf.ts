/**
 * The offline embedder: no weights, no network. Words (Porter-stemmed; optionally also word pairs
 * and character n-grams) are hashed into a large sparse space, weighted by sublinear term frequency
 * and inverse document frequency fitted on the corpus, then reduced to 50 dense dimensions by LSA
 * (a randomized SVD fitted on a seeded sample; lsa.ts), or by a seeded sparse random projection.
 * What each choice did on the topic evaluations is in eval/suites/clusters.ts.
 */
import { type Embedder, normaliseRows } from "./embedder.ts";
import { fitLsa, type SparseRow } from "./lsa.ts";
import { CHAT_FILLER, STOPWORDS, stem } from "./words.ts";

export interface HashedTfidfOptions {
  /** Dense dimensions (default 50: on the topic evaluations 50 beat 100, 150 and 200). */
  dimensions?: number;
  /** log2 of the number of hash buckets. */
  bits?: number;
  /** Add word pairs (off by default: under LSA they added noise on the topic evaluations). */
  bigrams?: boolean;
  /** Projection seed: fixed, so two runs embed identically. */
  seed?: number;
  /** Plain TF-IDF (raw counts, unigrams, no stopword or filler removal): the baseline the evaluation compares with. */
  plain?: boolean;
  /** "lsa": the corpus's top singular directions (default); "random": a seeded random projection. */
  reduce?: "lsa" | "random";
  /** Texts the LSA is fitted on at most (a seeded sample of larger corpora). */
  fitSample?: number;
  /** Porter-stem words (default on), so "depressed", "depression" and "depressing" count as one term. */
  stem?: boolean;
  /**
   * Character n-grams of each kept word (e.g. [3, 5]: 3- to 5-grams of "<word>"), in a block of
   * buckets of their own, L2-normalised apart from the words and weighted by `charWeight`.
   */
  charNgrams?: [number, number];
  charWeight?: number;
  /** Subtract the corpus's mean embedding before normalising: the direction every text shares. */
  center?: boolean;
}

const MIN_DF = 3;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const PLACEHOLDER = /\[[A-Z_]+\]/g;

/** FNV-1a, 32-bit. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit integer mixer (murmur3's finaliser): spreads bucket ids over dimensions and signs. */
function mix(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class HashedTfidfEmbedder implements Embedder {
  readonly name: string;
  readonly dimensions: number;
  private readonly mask: number;
  private readonly bigrams: boolean;
  private readonly plain: boolean;
  private readonly seed: number;
  private idf: Float32Array | null = null;
  private readonly reduce: "lsa" | "random";
  private readonly fitSample: number;
  private lsa: Float32Array | null = null;
  private readonly stem: boolean;
  private readonly chars: [number, number] | null;
  private readonly charWeight: number;
  private readonly center: boolean;
  private mean: Float32Array | null = null;

  constructor(options: HashedTfidfOptions = {}) {
    this.dimensions = options.dimensions ?? 50;
    this.mask = (1 << (options.bits ?? 16)) - 1;
    this.plain = options.plain ?? false;
    this.bigrams = !this.plain && (options.bigrams ?? false);
    this.seed = options.seed ?? 42;
    this.reduce = this.plain ? "random" : (options.reduce ?? "lsa");
    this.fitSample = options.fitSample ?? 20_000;
    this.stem = !this.plain && (options.stem ?? true);
    this.chars = this.plain ? null : (options.charNgrams ?? null);
    this.charWeight = options.charWeight ?? 1;
    this.center = !this.plain && (options.center ?? false);
    const words = this.plain ? "plain" : this.bigrams ? "uni+bi" : "uni";
    this.name = `hashed-tfidf-${words}${this.stem ? "-stem" : ""}${this.chars ? `-char${this.chars.join("to")}x${this.charWeight}` : ""}-${this.reduce}-${this.dimensions}`;
  }

  /** Sparse term counts of one text: bucket -> count (character n-grams in buckets above the words'). */
  terms(text: string): Map<number, number> {
    const counts = new Map<number, number>();
    let words = (text.replace(PLACEHOLDER, " ").toLowerCase().match(WORD) ?? []).filter(
      (w) => this.plain || (w.length > 1 && !STOPWORDS.has(w) && !CHAT_FILLER.has(w) && !/^\d+$/.test(w)),
    );
    if (this.chars) {
      const [lo, hi] = this.chars;
      const offset = this.mask + 1;
      for (const w of words) {
        const padded = `<${w}>`;
        for (let n = lo; n <= hi; n++)
          for (let a = 0; a + n <= padded.length; a++) {
            const b = offset + (hash(`#${padded.slice(a, a + n)}`) & this.mask);
            counts.set(b, (counts.get(b) ?? 0) + 1);
          }
      }
    }
    if (this.stem) words = words.map((w) => stem(w));
    for (let i = 0; i < words.length; i++) {
      const w = words[i] as string;
      const b = hash(w) & this.mask;
      counts.set(b, (counts.get(b) ?? 0) + 1);
      if (this.bigrams && i + 1 < words.length) {
        const bb = hash(`${w} ${words[i + 1]}`) & this.mask;
        counts.set(bb, (counts.get(bb) ?? 0) + 1);
      }
    }
    return counts;
  }

  fit(texts: readonly string[]): void {
    const buckets = this.buckets();
    const df = new Float32Array(buckets);
    for (const t of texts) for (const b of this.terms(t).keys()) df[b] = (df[b] as number) + 1;
    const n = texts.length;
    const idf = new Float32Array(buckets);
    // Terms seen in fewer than minDf texts make texts unique without making them alike: dropped.
    const minDf = this.plain ? 1 : Math.min(MIN_DF, Math.max(1, Math.floor(n / 100)));
    for (let b = 0; b < buckets; b++) {
      const f = df[b] as number;
      idf[b] = f < minDf ? 0 : Math.log((1 + n) / (1 + f)) + 1;
    }
    this.idf = idf;
    if (this.reduce === "lsa") {
      // Fit on a seeded sample: the directions settle long before the whole of a large corpus is seen.
      const step = Math.max(1, Math.ceil(n / this.fitSample));
      const rows: SparseRow[] = [];
      for (let i = 0; i < n; i += step) rows.push(this.sparse(texts[i] as string));
      this.lsa = fitLsa(rows, buckets, this.dimensions, this.seed);
    }
    if (this.center) {
      const d = this.dimensions;
      const step = Math.max(1, Math.ceil(n / this.fitSample));
      const sample: string[] = [];
      for (let i = 0; i < n; i += step) sample.push(texts[i] as string);
      const v = this.reduced(sample);
      const mean = new Float32Array(d);
      for (let i = 0; i < sample.length; i++)
        for (let j = 0; j < d; j++) mean[j] = (mean[j] as number) + (v[i * d + j] as number) / sample.length;
      this.mean = mean;
    }
  }

  private buckets(): number {
    return (this.mask + 1) * (this.chars ? 2 : 1);
  }

  /**
   * The sparse TF-IDF vector of one text: words L2-normalised, and character n-grams (when on)
   * L2-normalised apart and scaled by charWeight, so neither block drowns the other.
   */
  sparse(text: string): SparseRow {
    const idf = this.idf as Float32Array;
    const counts = this.terms(text);
    const index = new Int32Array(counts.size);
    const value = new Float32Array(counts.size);
    let wordNorm = 0;
    let charNorm = 0;
    let t = 0;
    for (const [b, c] of counts) {
      const w = (this.plain ? c : 1 + Math.log(c)) * (idf[b] as number);
      index[t] = b;
      value[t] = w;
      if (b > this.mask) charNorm += w * w;
      else wordNorm += w * w;
      t++;
    }
    const wordScale = wordNorm > 0 ? 1 / Math.sqrt(wordNorm) : 0;
    const charScale = charNorm > 0 ? this.charWeight / Math.sqrt(charNorm) : 0;
    for (let k = 0; k < value.length; k++)
      value[k] = (value[k] as number) * ((index[k] as number) > this.mask ? charScale : wordScale);
    return { index, value };
  }

  /**
   * The projection of bucket b onto the dense dimensions: each bucket touches a few dimensions with
   * +-1, derived from a seeded hash of the bucket, so no projection matrix is stored.
   */
  private project(bucket: number, weight: number, out: Float32Array, offset: number): void {
    for (let k = 0; k < 4; k++) {
      const h = mix((bucket * 4 + k) ^ this.seed);
      const dim = h % this.dimensions;
      out[offset + dim] = (out[offset + dim] as number) + ((h & 0x80000000) !== 0 ? -weight : weight);
    }
  }

  async embed(texts: readonly string[]): Promise<Float32Array> {
    if (!this.idf) this.fit(texts);
    const out = this.reduced(texts);
    const d = this.dimensions;
    if (this.mean)
      for (let i = 0; i < texts.length; i++)
        for (let j = 0; j < d; j++) out[i * d + j] = (out[i * d + j] as number) - (this.mean[j] as number);
    return normaliseRows(out, d);
  }

  /** Unit rows in the reduced space, before centring. */
  private reduced(texts: readonly string[]): Float32Array {
    const d = this.dimensions;
    const out = new Float32Array(texts.length * d);
    for (let i = 0; i < texts.length; i++) {
      const row = this.sparse(texts[i] as string);
      for (let t = 0; t < row.index.length; t++) {
        const b = row.index[t] as number;
        const w = row.value[t] as number;
        if (w === 0) continue;
        if (this.lsa) {
          const base = b * d;
          for (let j = 0; j < d; j++)
            out[i * d + j] = (out[i * d + j] as number) + w * (this.lsa[base + j] as number);
        } else this.project(b, w, out, i * d);
      }
    }
    return normaliseRows(out, d);
  }
}
