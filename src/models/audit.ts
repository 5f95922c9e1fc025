/**
 * The model-backed privacy audit (Clio's layer d): each text is rated 1 (identifies a person or a
 * small group) to 5 (fully general); 3 or more passes. Texts go in groups of 20 per request. A text
 * the model gives no valid score for fails (kept back, never released unchecked).
 */
import { z } from "zod";
import { ask } from "./ask.ts";
import type { ModelClient } from "./call.ts";
import { AUDIT_PROMPT_VERSION, AUDIT_SYSTEM, auditPrompt } from "./prompts/clusters.ts";

export const AUDIT_PASS = 3;
const PER_REQUEST = 20;

/** The 1-5 score of each text (0 when the model gave none). */
export async function auditTexts(client: ModelClient, texts: readonly string[]): Promise<number[]> {
  const scores: number[] = [];
  for (let i = 0; i < texts.length; i += PER_REQUEST) {
    const group = texts.slice(i, i + PER_REQUEST);
    const answer = await ask(client, {
      purpose: "audit",
      promptVersion: AUDIT_PROMPT_VERSION,
      system: AUDIT_SYSTEM,
      user: auditPrompt(group),
      schema: z.strictObject({ scores: z.array(z.number().int().min(1).max(5)).length(group.length) }),
      schemaName: "privacy_audit",
      maxTokens: 20 + 8 * group.length,
    });
    scores.push(...(answer?.scores ?? group.map(() => 0)));
  }
  return scores;
}
