/**
 * The offline embedder: no weights, no network. Words and word pairs are hashed into a large sparse
 * space, weighted by sublinear term frequency and inverse document frequency (fitted on the corpus),
 * then reduced to a few hundred dense dimensions by a seeded sparse random projection, which keeps
 * cosine similarities close (Johnson-Lindenstrauss) at a fraction of the cost of an SVD.
 */
import { createRequire } from "node:module";
import { type Embedder, normaliseRows } from "./embedder.ts";
import { fitLsa, type SparseRow } from "./lsa.ts";

const require = createRequire(import.meta.url);
const STOPWORDS = new Set<string>((require("stopword") as { eng: string[] }).eng);
/** Chat filler: words of every conversation, whatever its topic; they pull unrelated texts together. */
const FILLER = new Set(
  "feel feeling felt know think really just like want get got going would could also well much lot thing things something anything yes yeah okay ok hi hello hey thanks thank sure maybe im dont ive cant i'm don't i've can't it's that's good great time people right way make need help try trying".split(
    " ",
  ),
);

export interface HashedTfidfOptions {
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

  constructor(options: HashedTfidfOptions = {}) {
    this.dimensions = options.dimensions ?? 100;
    this.mask = (1 << (options.bits ?? 16)) - 1;
    this.plain = options.plain ?? false;
    this.bigrams = !this.plain && (options.bigrams ?? false);
    this.seed = options.seed ?? 42;
    this.reduce = this.plain ? "random" : (options.reduce ?? "lsa");
    this.fitSample = options.fitSample ?? 20_000;
    this.name = `hashed-tfidf-${this.plain ? "plain" : this.bigrams ? "uni+bi" : "uni"}-${this.reduce}-${this.dimensions}`;
  }

  /** Sparse term counts of one text: bucket -> count. */
  terms(text: string): Map<number, number> {
    const counts = new Map<number, number>();
    const words = (text.replace(PLACEHOLDER, " ").toLowerCase().match(WORD) ?? []).filter(
      (w) => this.plain || (w.length > 1 && !STOPWORDS.has(w) && !FILLER.has(w) && !/^\d+$/.test(w)),
    );
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
    const df = new Float32Array(this.mask + 1);
    for (const t of texts) for (const b of this.terms(t).keys()) df[b] = (df[b] as number) + 1;
    const n = texts.length;
    const idf = new Float32Array(this.mask + 1);
    // Terms seen in fewer than minDf texts make texts unique without making them alike: dropped.
    const minDf = this.plain ? 1 : Math.min(MIN_DF, Math.max(1, Math.floor(n / 100)));
    for (let b = 0; b <= this.mask; b++) {
      const f = df[b] as number;
      idf[b] = f < minDf ? 0 : Math.log((1 + n) / (1 + f)) + 1;
    }
    this.idf = idf;
    if (this.reduce === "lsa") {
      // Fit on a seeded sample: the directions settle long before the whole of a large corpus is seen.
      const step = Math.max(1, Math.ceil(n / this.fitSample));
      const rows: SparseRow[] = [];
      for (let i = 0; i < n; i += step) rows.push(this.sparse(texts[i] as string));
      this.lsa = fitLsa(rows, this.mask + 1, this.dimensions, this.seed);
    }
  }

  /** The L2-normalised sparse TF-IDF vector of one text. */
  sparse(text: string): SparseRow {
    const idf = this.idf as Float32Array;
    const counts = this.terms(text);
    const index = new Int32Array(counts.size);
    const value = new Float32Array(counts.size);
    let norm = 0;
    let t = 0;
    for (const [b, c] of counts) {
      const w = (this.plain ? c : 1 + Math.log(c)) * (idf[b] as number);
      index[t] = b;
      value[t] = w;
      norm += w * w;
      t++;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let k = 0; k < value.length; k++) value[k] = (value[k] as number) * scale;
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
