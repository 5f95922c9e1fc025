/**
 * Latent semantic analysis by randomized SVD (Halko, Martinsson & Tropp 2011), for the offline
 * embedder: the top singular directions of the hashed TF-IDF matrix, fitted on (a sample of) the
 * corpus. Texts become their coordinates in that space, where words that occur together count as
 * alike, which a random projection alone cannot do.
 */
import { mulberry32 } from "../analyses/stats.ts";

/** A sparse row: parallel arrays of bucket ids and weights. */
export interface SparseRow {
  index: Int32Array;
  value: Float32Array;
}

/** Eigen-decomposition of a small symmetric matrix (row-major m x m) by cyclic Jacobi rotations. */
export function symmetricEigen(a: Float64Array, m: number): { values: Float64Array; vectors: Float64Array } {
  const A = Float64Array.from(a);
  const V = new Float64Array(m * m);
  for (let i = 0; i < m; i++) V[i * m + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < m; p++) for (let q = p + 1; q < m; q++) off += (A[p * m + q] as number) ** 2;
    if (off < 1e-20) break;
    for (let p = 0; p < m; p++) {
      for (let q = p + 1; q < m; q++) {
        const apq = A[p * m + q] as number;
        if (Math.abs(apq) < 1e-30) continue;
        const app = A[p * m + p] as number;
        const aqq = A[q * m + q] as number;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < m; k++) {
          const akp = A[k * m + p] as number;
          const akq = A[k * m + q] as number;
          A[k * m + p] = c * akp - s * akq;
          A[k * m + q] = s * akp + c * akq;
        }
        for (let k = 0; k < m; k++) {
          const apk = A[p * m + k] as number;
          const aqk = A[q * m + k] as number;
          A[p * m + k] = c * apk - s * aqk;
          A[q * m + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < m; k++) {
          const vkp = V[k * m + p] as number;
          const vkq = V[k * m + q] as number;
          V[k * m + p] = c * vkp - s * vkq;
          V[k * m + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(m);
  for (let i = 0; i < m; i++) values[i] = A[i * m + i] as number;
  return { values, vectors: V };
}

/** Orthonormalises the columns of a row-major n x l matrix in place (modified Gram-Schmidt). */
function orthonormalise(Y: Float64Array, n: number, l: number): void {
  for (let j = 0; j < l; j++) {
    for (let i = 0; i < j; i++) {
      let dot = 0;
      for (let r = 0; r < n; r++) dot += (Y[r * l + i] as number) * (Y[r * l + j] as number);
      for (let r = 0; r < n; r++) Y[r * l + j] = (Y[r * l + j] as number) - dot * (Y[r * l + i] as number);
    }
    let norm = 0;
    for (let r = 0; r < n; r++) norm += (Y[r * l + j] as number) ** 2;
    const inv = norm > 1e-24 ? 1 / Math.sqrt(norm) : 0;
    for (let r = 0; r < n; r++) Y[r * l + j] = (Y[r * l + j] as number) * inv;
  }
}

/**
 * The top `rank` right singular vectors of the sparse matrix X (rows over `columns` buckets), as a
 * column-major projection: projection[b * rank + j] is bucket b's weight on direction j.
 */
export function fitLsa(
  rows: readonly SparseRow[],
  columns: number,
  rank: number,
  seed: number,
  powerIterations = 2,
): Float32Array {
  // Work only on the buckets that occur: most of a large hash space is empty in any one corpus.
  const used = new Map<number, number>();
  const compact = rows.map((row) => {
    const index = new Int32Array(row.index.length);
    for (let t = 0; t < row.index.length; t++) {
      const b = row.index[t] as number;
      let c = used.get(b);
      if (c === undefined) {
        c = used.size;
        used.set(b, c);
      }
      index[t] = c;
    }
    return { index, value: row.value };
  });
  const dense = fitDense(compact, used.size, rank, seed, powerIterations);
  const projection = new Float32Array(columns * rank);
  for (const [b, c] of used) projection.set(dense.subarray(c * rank, c * rank + rank), b * rank);
  return projection;
}

/** Y = X M, for sparse X (n rows) and a dense columns x l matrix M stored row by row. */
function sparseTimesDense(rows: readonly SparseRow[], M: Float64Array, l: number, Y: Float64Array): void {
  Y.fill(0);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as SparseRow;
    for (let t = 0; t < row.index.length; t++) {
      const at = (row.index[t] as number) * l;
      const w = row.value[t] as number;
      for (let j = 0; j < l; j++) Y[i * l + j] = (Y[i * l + j] as number) + w * (M[at + j] as number);
    }
  }
}

/** Bt = X^T Q (columns x l, row by row), for sparse X and a dense n x l matrix Q. */
function sparseTransposeTimesDense(
  rows: readonly SparseRow[],
  Q: Float64Array,
  l: number,
  Bt: Float64Array,
): void {
  Bt.fill(0);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as SparseRow;
    for (let t = 0; t < row.index.length; t++) {
      const at = (row.index[t] as number) * l;
      const w = row.value[t] as number;
      for (let j = 0; j < l; j++) Bt[at + j] = (Bt[at + j] as number) + w * (Q[i * l + j] as number);
    }
  }
}

function fitDense(
  rows: readonly SparseRow[],
  columns: number,
  rank: number,
  seed: number,
  powerIterations: number,
): Float32Array {
  const n = rows.length;
  const l = Math.min(rank + 10, n);
  const rand = mulberry32(seed);
  const gaussian = () => {
    const u = Math.max(rand(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  };
  // Range finder: Y = X Omega, orthonormalised; power iterations Y = X (X^T Y) sharpen the spectrum.
  const Y = new Float64Array(n * l);
  sparseTimesDense(rows, Float64Array.from({ length: columns * l }, gaussian), l, Y);
  orthonormalise(Y, n, l);
  const Bt = new Float64Array(columns * l);
  for (let it = 0; it < powerIterations; it++) {
    sparseTransposeTimesDense(rows, Y, l, Bt);
    sparseTimesDense(rows, Bt, l, Y);
    orthonormalise(Y, n, l);
  }
  // B = Q^T X is small (l x columns): its SVD through the eigenvectors of B B^T (l x l).
  sparseTransposeTimesDense(rows, Y, l, Bt);
  const BBt = new Float64Array(l * l);
  for (let b = 0; b < columns; b++) {
    for (let p = 0; p < l; p++) {
      const bp = Bt[b * l + p] as number;
      if (bp === 0) continue;
      for (let q = p; q < l; q++)
        BBt[p * l + q] = (BBt[p * l + q] as number) + bp * (Bt[b * l + q] as number);
    }
  }
  for (let p = 0; p < l; p++) for (let q = 0; q < p; q++) BBt[p * l + q] = BBt[q * l + p] as number;
  const { values, vectors } = symmetricEigen(BBt, l);
  const order = [...values.keys()]
    .sort((a, b) => (values[b] as number) - (values[a] as number))
    .slice(0, rank);
  // V_j = B^T u_j / sigma_j
  const projection = new Float32Array(columns * rank);
  for (const [j, e] of order.entries()) {
    const sigma = Math.sqrt(Math.max(values[e] as number, 1e-24));
    for (let b = 0; b < columns; b++) {
      let s = 0;
      for (let p = 0; p < l; p++) s += (Bt[b * l + p] as number) * (vectors[p * l + e] as number);
      projection[b * rank + j] = s / sigma;
    }
  }
  return projection;
}
