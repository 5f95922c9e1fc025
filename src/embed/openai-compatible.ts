/**
 * Embeddings from any OpenAI-compatible `/v1/embeddings` endpoint: OpenAI, Ollama, vLLM, TEI,
 * llama.cpp server, LM Studio. Texts are sent in batches; they are redacted before they get here.
 * The base URL and key come from the options or OPENAI_BASE_URL / OPENAI_API_KEY.
 */
import { ConvoscopeError, EXIT } from "../errors.ts";
import { type Embedder, normaliseRows } from "./embedder.ts";

export interface OpenAiEmbedderOptions {
  model: string;
  baseUrl?: string;
  apiKey?: string;
  batchSize?: number;
  /** Known dimensions; otherwise learnt from the first response. */
  dimensions?: number;
}

export class OpenAiCompatibleEmbedder implements Embedder {
  readonly name: string;
  dimensions: number;
  private readonly url: string;
  private readonly apiKey: string | undefined;
  private readonly batchSize: number;

  constructor(private readonly o: OpenAiEmbedderOptions) {
    const base = (o.baseUrl ?? process.env.OPENAI_BASE_URL ?? "https://api.openai.com/v1").replace(
      /\/+$/,
      "",
    );
    this.url = `${base}/embeddings`;
    this.apiKey = o.apiKey ?? process.env.OPENAI_API_KEY;
    this.batchSize = o.batchSize ?? 256;
    this.dimensions = o.dimensions ?? 0;
    this.name = `openai-compatible:${o.model}`;
  }

  private async batch(texts: readonly string[]): Promise<number[][]> {
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(this.apiKey && { authorization: `Bearer ${this.apiKey}` }),
        },
        // An empty string is rejected by some servers: send a space instead.
        body: JSON.stringify({ model: this.o.model, input: texts.map((t) => (t.trim() === "" ? " " : t)) }),
      });
    } catch (error) {
      throw new ConvoscopeError(
        `[embed] [openai-compatible] cannot reach ${this.url}: ${(error as Error).message}`,
        EXIT.input,
      );
    }
    if (!response.ok) {
      const detail = (await response.text()).slice(0, 200);
      throw new ConvoscopeError(
        `[embed] [openai-compatible] ${this.url} answered ${response.status}: ${detail}`,
        EXIT.input,
      );
    }
    const body = (await response.json()) as { data?: { index?: number; embedding: number[] }[] };
    const data = body.data ?? [];
    if (data.length !== texts.length) {
      throw new ConvoscopeError(
        `[embed] [openai-compatible] asked for ${texts.length} embeddings, got ${data.length}`,
        EXIT.input,
      );
    }
    return [...data].sort((a, b) => (a.index ?? 0) - (b.index ?? 0)).map((d) => d.embedding);
  }

  async embed(texts: readonly string[]): Promise<Float32Array> {
    const rows: number[][] = [];
    for (let i = 0; i < texts.length; i += this.batchSize)
      rows.push(...(await this.batch(texts.slice(i, i + this.batchSize))));
    if (rows.length > 0) this.dimensions ||= (rows[0] as number[]).length;
    const out = new Float32Array(texts.length * this.dimensions);
    for (const [i, row] of rows.entries()) {
      if (row.length !== this.dimensions) {
        throw new ConvoscopeError(
          `[embed] [openai-compatible] embedding ${i} has ${row.length} dimensions, not ${this.dimensions}`,
          EXIT.input,
        );
      }
      out.set(row, i * this.dimensions);
    }
    return normaliseRows(out, this.dimensions);
  }
}
