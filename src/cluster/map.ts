/** 2-D coordinates for clusters: the first two principal components of their centroids (power iteration). */
import { mulberry32 } from "../analyses/stats.ts";

export function pca2(points: Float32Array, n: number, d: number, seed = 42): Float32Array {
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) mean[j] = (mean[j] as number) + (points[i * d + j] as number) / n;
  const X = new Float64Array(n * d);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) X[i * d + j] = (points[i * d + j] as number) - (mean[j] as number);
  const rand = mulberry32(seed);
  const components: Float64Array[] = [];
  for (let c = 0; c < 2; c++) {
    let v = Float64Array.from({ length: d }, () => rand() - 0.5);
    for (let it = 0; it < 100; it++) {
      // w = X^T X v, minus what earlier components explain.
      const xv = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += (X[i * d + j] as number) * (v[j] as number);
        xv[i] = s;
      }
      const w = new Float64Array(d);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < d; j++) w[j] = (w[j] as number) + (X[i * d + j] as number) * (xv[i] as number);
      for (const u of components) {
        let dot = 0;
        for (let j = 0; j < d; j++) dot += (w[j] as number) * (u[j] as number);
        for (let j = 0; j < d; j++) w[j] = (w[j] as number) - dot * (u[j] as number);
      }
      let norm = 0;
      for (let j = 0; j < d; j++) norm += (w[j] as number) ** 2;
      norm = Math.sqrt(norm);
      if (norm < 1e-12) break;
      v = w.map((x) => x / norm);
    }
    components.push(v);
  }
  const out = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < 2; c++) {
      let s = 0;
      for (let j = 0; j < d; j++)
        s += (X[i * d + j] as number) * ((components[c] as Float64Array)[j] as number);
      out[i * 2 + c] = s;
    }
  }
  return out;
}
