/**
 * `openai:<model>` and `openai-compatible:<model>` through the official SDK (openai@6): chat
 * completions with the answer schema as a `json_schema` response format. `openai-compatible` is any
 * server speaking the same API (Ollama, vLLM, llama.cpp server, LM Studio): it needs OPENAI_BASE_URL
 * and no key. Key and endpoint from OPENAI_API_KEY / OPENAI_BASE_URL.
 */
import OpenAI from "openai";
import { ConvoscopeError, EXIT } from "../errors.ts";
import {
  classifySdkError,
  type ModelAnswer,
  type ModelRequest,
  type Provider,
  type ProviderOptions,
  parseJsonAnswer,
} from "./provider.ts";

/** Reasoning models take no temperature and count their limit as max_completion_tokens. */
const REASONING = /^(o\d|gpt-5)/;

export class OpenAiProvider implements Provider {
  readonly id: string;
  private readonly client: OpenAI;
  private readonly where: string;

  constructor(
    readonly provider: "openai" | "openai-compatible",
    readonly model: string,
    o: ProviderOptions = {},
  ) {
    this.id = `${provider}:${model}`;
    const baseURL = o.baseUrl ?? process.env.OPENAI_BASE_URL;
    let apiKey = o.apiKey ?? process.env.OPENAI_API_KEY;
    if (provider === "openai-compatible") {
      if (!baseURL) {
        throw new ConvoscopeError(
          "[models] [openai-compatible] OPENAI_BASE_URL is not set: point it at your server, e.g. http://127.0.0.1:11434/v1 for Ollama",
          EXIT.usage,
        );
      }
      // Local servers usually want no key; the SDK insists on one.
      apiKey ||= "not-needed";
    } else if (!apiKey) {
      throw new ConvoscopeError(
        "[models] [openai] OPENAI_API_KEY is not set: export your key (or use openai-compatible:MODEL with OPENAI_BASE_URL for a local server)",
        EXIT.usage,
      );
    }
    this.client = new OpenAI({
      apiKey,
      baseURL: baseURL ?? "https://api.openai.com/v1",
      maxRetries: 0,
      timeout: o.timeoutMs ?? 120_000,
    });
    this.where = `[models] [${provider}] ${this.client.baseURL}`;
  }

  async complete(r: ModelRequest): Promise<ModelAnswer> {
    const { $schema: _drop, ...schema } = r.schema;
    const reasoning = this.provider === "openai" && REASONING.test(this.model);
    let completion: OpenAI.Chat.Completions.ChatCompletion;
    try {
      completion = await this.client.chat.completions.create({
        model: this.model,
        messages: [
          { role: "system", content: r.system },
          { role: "user", content: r.user },
        ],
        response_format: {
          type: "json_schema",
          json_schema: { name: r.schemaName, schema, strict: true },
        },
        ...(this.provider === "openai"
          ? { max_completion_tokens: r.maxTokens }
          : { max_tokens: r.maxTokens }),
        ...(!reasoning && { temperature: 0 }),
      });
    } catch (error) {
      throw classifySdkError(error, this.where);
    }
    const choice = completion.choices[0];
    const text = choice?.message?.content ?? "";
    return {
      json: parseJsonAnswer(text),
      text,
      truncated: choice?.finish_reason === "length",
      usage: {
        input: completion.usage?.prompt_tokens ?? 0,
        output: completion.usage?.completion_tokens ?? 0,
      },
    };
  }
}
