/**
 * One structured question to the model outside the facet request (cluster names, hierarchy steps,
 * audit scores): the answer's zod schema is sent as JSON schema, the answer is validated, an invalid
 * one gets one repair request, and a still-invalid one is null (the caller falls back).
 */
import { z } from "zod";
import type { ModelClient } from "./call.ts";
import { type JsonSchema, ProviderError } from "./provider.ts";

export interface Question<T> {
  purpose: string;
  promptVersion: string;
  system: string;
  user: string;
  schema: z.ZodType<T>;
  schemaName: string;
  maxTokens: number;
}

export async function ask<T>(client: ModelClient, q: Question<T>): Promise<T | null> {
  const { $schema: _drop, ...schema } = z.toJSONSchema(q.schema) as JsonSchema;
  const request = {
    system: q.system,
    user: q.user,
    schema,
    schemaName: q.schemaName,
    maxTokens: q.maxTokens,
  };
  const call = { purpose: q.purpose, promptVersion: q.promptVersion, request };
  try {
    const first = await client.call(call);
    const parsed = q.schema.safeParse(first.answer.json);
    if (parsed.success) return parsed.data;
    const problems = parsed.error.issues
      .slice(0, 5)
      .map((i) => `- ${i.path.join(".") || "answer"}: ${i.message}`)
      .join("\n");
    const repair = await client.call({
      ...call,
      purpose: `${q.purpose}-repair`,
      request: {
        ...request,
        user: `${q.user}\n<previous_answer>\n${first.answer.text.slice(0, 4000)}\n</previous_answer>\nThat answer was invalid:\n${problems}\nAnswer again.`,
      },
    });
    const fixed = q.schema.safeParse(repair.answer.json);
    return fixed.success ? fixed.data : null;
  } catch (error) {
    if (error instanceof ProviderError && error.kind === "request") return null;
    throw error;
  }
}

/** A name of at most ten words and a description of at most two sentences. */
export const NamedSchema = z.strictObject({ name: z.string().min(1), description: z.string().min(1) });
export type Named = z.infer<typeof NamedSchema>;

/** Keeps a model-written name to its ten words. */
export function tidyName(n: Named): Named {
  const words = n.name.replace(/\s+/g, " ").trim().split(" ");
  return { name: words.slice(0, 10).join(" "), description: n.description.replace(/\s+/g, " ").trim() };
}
