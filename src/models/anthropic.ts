/**
 * `anthropic:<model>` through the official SDK (@anthropic-ai/sdk): the Messages API, and the Message
 * Batches API for `--batch` (half price, answered within 24 hours). Key and endpoint from
 * ANTHROPIC_API_KEY / ANTHROPIC_BASE_URL.
 *
 * The answer's schema is sent one of two ways (ProviderOptions.anthropicAnswer, `--anthropic-answer`):
 *   - "json" (default): the schema at the end of the system prompt and the assistant turn prefilled
 *     with "{" (prompts/json-answer.ts); the reply is the rest of the object. No tool, so none of the
 *     tool-use prompt Anthropic bills on every request with a tool (340 tokens for Claude 3 Haiku).
 *   - "tool": a tool whose input schema is the answer's, forced with `tool_choice`: the API then
 *     checks the answer is an object, at the price of that tool-use prompt.
 * Either way the answer is validated by the caller's zod schema, with one repair on failure.
 */
import Anthropic from "@anthropic-ai/sdk";
import { ConvoscopeError, EXIT } from "../errors.ts";
import { JSON_PREFILL, jsonAnswerSystem, leadingJsonObject } from "./prompts/json-answer.ts";
import {
  type AnswerMode,
  answerModeOf,
  type BatchApi,
  type BatchItem,
  type BatchStatus,
  classifySdkError,
  type ModelAnswer,
  type ModelRequest,
  type Provider,
  type ProviderOptions,
} from "./provider.ts";

type Message = Anthropic.Messages.Message;
type Body = Anthropic.Messages.MessageCreateParamsNonStreaming;

function body(model: string, r: ModelRequest, mode: AnswerMode): Body {
  if (mode === "json-prompt") {
    return {
      model,
      max_tokens: r.maxTokens,
      system: jsonAnswerSystem(r),
      messages: [
        { role: "user", content: r.user },
        { role: "assistant", content: JSON_PREFILL },
      ],
    };
  }
  const { $schema: _drop, ...schema } = r.schema;
  return {
    model,
    max_tokens: r.maxTokens,
    system: r.system,
    messages: [{ role: "user", content: r.user }],
    tools: [
      {
        name: r.schemaName,
        description: "Record the answer.",
        input_schema: schema as Anthropic.Messages.Tool.InputSchema,
      },
    ],
    tool_choice: { type: "tool", name: r.schemaName },
  };
}

function answerOf(message: Message, mode: AnswerMode): ModelAnswer {
  const usage = { input: message.usage.input_tokens, output: message.usage.output_tokens };
  const truncated = message.stop_reason === "max_tokens";
  if (mode === "json-prompt") {
    // The reply continues the prefilled "{": put it back before parsing. An object's continuation
    // never starts with "{", so a reply that does repeated the prefill itself.
    const reply = message.content
      .map((c) => (c.type === "text" ? c.text : ""))
      .join("")
      .trimStart();
    const text = reply.startsWith(JSON_PREFILL) ? reply : JSON_PREFILL + reply;
    return { json: leadingJsonObject(text), text, truncated, usage };
  }
  const tool = message.content.find((c) => c.type === "tool_use");
  const json = tool && tool.type === "tool_use" ? tool.input : undefined;
  return { json, text: json === undefined ? "" : JSON.stringify(json), truncated, usage };
}

export class AnthropicProvider implements Provider {
  readonly provider = "anthropic";
  readonly id: string;
  readonly batch: BatchApi;
  readonly answerMode: AnswerMode;
  private readonly client: Anthropic;

  constructor(
    readonly model: string,
    o: ProviderOptions = {},
  ) {
    this.id = `anthropic:${model}`;
    const mode = answerModeOf("anthropic", o.anthropicAnswer) as AnswerMode;
    this.answerMode = mode;
    const apiKey = o.apiKey ?? process.env.ANTHROPIC_API_KEY;
    if (!apiKey) {
      throw new ConvoscopeError(
        "[models] [anthropic] ANTHROPIC_API_KEY is not set: export your key (and ANTHROPIC_BASE_URL for another endpoint)",
        EXIT.usage,
      );
    }
    this.client = new Anthropic({
      apiKey,
      baseURL: o.baseUrl ?? process.env.ANTHROPIC_BASE_URL ?? "https://api.anthropic.com",
      // Retries, backoff and retry-after are handled once for every provider in call.ts.
      maxRetries: 0,
      timeout: o.timeoutMs ?? 120_000,
      openTelemetry: false,
    });
    const client = this.client;
    const where = `[models] [anthropic] ${this.client.baseURL}`;
    this.batch = {
      discount: 0.5,
      maxRequests: 100_000,
      async submit(items: BatchItem[]): Promise<string> {
        try {
          const batch = await client.messages.batches.create({
            requests: items.map((i) => ({ custom_id: i.id, params: body(model, i.request, mode) })),
          });
          return batch.id;
        } catch (error) {
          throw classifySdkError(error, where);
        }
      },
      async status(batchId: string): Promise<BatchStatus> {
        try {
          const b = await client.messages.batches.retrieve(batchId);
          return { id: b.id, done: b.processing_status === "ended", counts: { ...b.request_counts } };
        } catch (error) {
          throw classifySdkError(error, where);
        }
      },
      async *results(batchId: string) {
        let stream: AsyncIterable<Anthropic.Messages.MessageBatchIndividualResponse>;
        try {
          stream = await client.messages.batches.results(batchId);
        } catch (error) {
          throw classifySdkError(error, where);
        }
        for await (const r of stream) {
          if (r.result.type === "succeeded")
            yield { id: r.custom_id, answer: answerOf(r.result.message, mode) };
          else
            yield {
              id: r.custom_id,
              error: r.result.type === "errored" ? JSON.stringify(r.result.error) : r.result.type,
            };
        }
      },
    };
  }

  async complete(request: ModelRequest): Promise<ModelAnswer> {
    try {
      return answerOf(
        await this.client.messages.create(body(this.model, request, this.answerMode)),
        this.answerMode,
      );
    } catch (error) {
      throw classifySdkError(error, `[models] [anthropic] ${this.client.baseURL}`);
    }
  }
}
