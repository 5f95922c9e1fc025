/**
 * `gguf:/path/model.gguf`: a local model in-process through node-llama-cpp, on the CPU, so a fully
 * local run needs no server. node-llama-cpp is an optional dependency (it brings an 85 MB native
 * build): it is imported only here, only when a gguf model is asked for, and its absence is a clear
 * error with the install line. The answer is constrained to the JSON schema by a grammar.
 */
import { existsSync } from "node:fs";
import { ConvoscopeError, EXIT } from "../errors.ts";
import type { ModelAnswer, ModelRequest, Provider, ProviderOptions } from "./provider.ts";
import { parseJsonAnswer } from "./provider.ts";

export const GGUF_INSTALL_HINT =
  "npm install --omit=optional node-llama-cpp@3.21.1 && npm install @node-llama-cpp/linux-x64@3.21.1";

/** The small part of node-llama-cpp's API used here. */
interface LlamaModule {
  getLlama(options?: { gpu?: false | "auto" }): Promise<{
    loadModel(o: { modelPath: string }): Promise<{
      createContext(o?: { contextSize?: number }): Promise<{ getSequence(): unknown }>;
      tokenize(text: string): unknown[];
    }>;
    createGrammarForJsonSchema(schema: unknown): Promise<unknown>;
  }>;
  LlamaChatSession: new (o: {
    contextSequence: unknown;
    systemPrompt?: string;
  }) => {
    prompt(text: string, o: { grammar?: unknown; maxTokens?: number; temperature?: number }): Promise<string>;
    dispose(): void;
  };
}

async function importLlama(): Promise<LlamaModule> {
  const name = "node-llama-cpp";
  try {
    return (await import(name)) as LlamaModule;
  } catch (error) {
    throw new ConvoscopeError(
      `[models] [gguf] node-llama-cpp is not installed (it is an optional dependency): ${GGUF_INSTALL_HINT} ` +
        `(${(error as Error).message.split("\n")[0]})`,
      EXIT.usage,
    );
  }
}

export async function openGguf(path: string, _o: ProviderOptions = {}): Promise<Provider> {
  if (!existsSync(path)) throw new ConvoscopeError(`[models] [gguf] no model file at ${path}`, EXIT.input);
  const mod = await importLlama();
  const llama = await mod.getLlama({ gpu: false });
  const model = await llama.loadModel({ modelPath: path });
  const context = await model.createContext({ contextSize: 8192 });
  const sequence = context.getSequence();
  const grammars = new Map<string, unknown>();
  // One context sequence: requests run one after another.
  let queue: Promise<unknown> = Promise.resolve();
  const run = async (r: ModelRequest): Promise<ModelAnswer> => {
    const key = JSON.stringify(r.schema);
    let grammar = grammars.get(key);
    if (!grammar) {
      const { $schema: _drop, ...schema } = r.schema;
      grammar = await llama.createGrammarForJsonSchema(schema);
      grammars.set(key, grammar);
    }
    const session = new mod.LlamaChatSession({ contextSequence: sequence, systemPrompt: r.system });
    try {
      const text = await session.prompt(r.user, { grammar, maxTokens: r.maxTokens, temperature: 0 });
      const json = parseJsonAnswer(text);
      return {
        json,
        text,
        truncated: json === undefined,
        usage: {
          input: model.tokenize(r.system).length + model.tokenize(r.user).length,
          output: model.tokenize(text).length,
        },
      };
    } finally {
      session.dispose();
    }
  };
  return {
    id: `gguf:${path}`,
    provider: "gguf",
    model: path,
    complete(request) {
      const next = queue.then(() => run(request));
      queue = next.catch(() => {});
      return next;
    },
  };
}
