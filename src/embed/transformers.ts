/**
 * Embeddings from a local sentence-embedding model (e.g. all-mpnet-base-v2, which Clio used, or
 * all-MiniLM-L6-v2) through `@huggingface/transformers` (ONNX). Optional: the package is not a
 * dependency of convoscope; it is imported only when this embedder is used, with an install hint
 * when it is missing. Only a model directory on disk is read: remote downloads are switched off.
 * Spec: `--embeddings transformers:/path/to/model-dir` (the folder with config.json, tokenizer files
 * and onnx/model.onnx).
 */
import { existsSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { ConvoscopeError, EXIT } from "../errors.ts";
import { type Embedder, normaliseRows } from "./embedder.ts";

const PACKAGE = "@huggingface/transformers";

type Extractor = (
  texts: string[],
  o: { pooling: "mean"; normalize: boolean },
) => Promise<{ data: Float32Array; dims: number[] }>;

export class TransformersEmbedder implements Embedder {
  readonly name: string;
  dimensions = 0;
  private extractor: Extractor | null = null;
  private readonly dir: string;

  constructor(
    modelDir: string,
    private readonly batchSize = 32,
  ) {
    this.dir = resolve(modelDir);
    this.name = `transformers:${basename(this.dir)}`;
  }

  private async load(): Promise<Extractor> {
    if (this.extractor) return this.extractor;
    if (!existsSync(this.dir))
      throw new ConvoscopeError(`[embed] [transformers] no model directory at ${this.dir}`, EXIT.input);
    let lib: {
      env: { allowRemoteModels: boolean; allowLocalModels: boolean; localModelPath: string };
      pipeline: (task: string, model: string, o: Record<string, unknown>) => Promise<Extractor>;
    };
    try {
      // A variable specifier: the package is optional, so neither TypeScript nor a bundler may require it.
      const specifier: string = PACKAGE;
      lib = await import(specifier);
    } catch {
      throw new ConvoscopeError(
        `[embed] [transformers] ${PACKAGE} is not installed: run \`npm install ${PACKAGE}\` beside convoscope (it is optional), or use --embeddings offline`,
        EXIT.usage,
      );
    }
    lib.env.allowRemoteModels = false;
    lib.env.allowLocalModels = true;
    lib.env.localModelPath = `${dirname(this.dir)}/`;
    this.extractor = await lib.pipeline("feature-extraction", basename(this.dir), { local_files_only: true });
    return this.extractor;
  }

  async embed(texts: readonly string[]): Promise<Float32Array> {
    const extract = await this.load();
    const parts: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += this.batchSize) {
      const batch = texts.slice(i, i + this.batchSize).map((t) => (t.trim() === "" ? " " : t));
      const out = await extract(batch, { pooling: "mean", normalize: true });
      this.dimensions ||= out.dims.at(-1) as number;
      parts.push(out.data);
    }
    const all = new Float32Array(texts.length * this.dimensions);
    let at = 0;
    for (const p of parts) {
      all.set(p, at);
      at += p.length;
    }
    return normaliseRows(all, this.dimensions);
  }
}
