/**
 * Anthropic's JSON mode (version "json-answer-1", the default for anthropic:MODEL): instead of a
 * forced tool, for which Anthropic bills a tool-use system prompt of its own on every request (340
 * input tokens for Claude 3 Haiku), the answer's JSON schema goes, compact, at the end of the system
 * prompt, and the assistant turn is prefilled with "{", so the reply is the rest of the JSON object.
 * The schema is billed either way (a tool's input schema is input tokens too). The version is part of
 * the cache key of every request sent this way: bump it whenever the wording here changes.
 */
import type { JsonSchema, ModelRequest } from "../provider.ts";

export const JSON_ANSWER_VERSION = "json-answer-1";

/** The assistant turn's start: the answer is its continuation. */
export const JSON_PREFILL = "{";

/** The request's schema as written into the prompt: compact, titled with the schema's name. */
export function promptSchema(r: Pick<ModelRequest, "schema" | "schemaName">): JsonSchema {
  const { $schema: _drop, ...schema } = r.schema;
  return { title: r.schemaName, ...schema };
}

/** The system prompt of a request in JSON mode: the request's own, then the schema on one line. */
export function jsonAnswerSystem(r: Pick<ModelRequest, "system" | "schema" | "schemaName">): string {
  return `${r.system}\n\nReply with only a JSON object valid against this JSON schema:\n${JSON.stringify(promptSchema(r))}`;
}

/**
 * The JSON object at the start of a reply (the prefill already put back in front). A model may go on
 * after the object ("I hope this helps"): what follows the object's closing brace is ignored.
 * Undefined when there is no complete object.
 */
export function leadingJsonObject(text: string): unknown {
  const t = text.trimStart();
  try {
    return JSON.parse(t);
  } catch {
    // Find where the first object closes, outside strings, and parse up to there.
  }
  let depth = 0;
  let inString = false;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") {
      depth--;
      if (depth === 0) {
        try {
          return JSON.parse(t.slice(0, i + 1));
        } catch {
          return undefined;
        }
      }
      if (depth < 0) return undefined;
    }
  }
  return undefined;
}
