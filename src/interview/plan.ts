/**
 * The interview plan (`--plan plan.json`): the rubric's questions in the order the interviewer was
 * asked to cover them. Answers are aligned to these questions; without a plan the questions are found
 * by clustering what the interviewer asked (align.ts).
 *
 *   { "questions": [
 *       { "id": "work", "text": "Could you tell me a bit about your work?" },
 *       { "id": "concerns", "text": "What concerns, if any, do you have about AI in your field?",
 *         "match": ["What worries you about AI?"] },
 *       "Looking ahead, how do you see AI's role in your work evolving?" ] }
 *
 * A question is a string or an object; `id` defaults to q1, q2, ... and `match` lists other
 * phrasings the interviewer may have used for the same question.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { ConvoscopeError, EXIT } from "../errors.ts";

const QuestionSchema = z.union([
  z.string().min(1),
  z.strictObject({
    id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,40}$/, "ids are 1-40 letters, digits, _ or -")
      .optional(),
    text: z.string().min(1),
    match: z.array(z.string().min(1)).optional(),
  }),
]);

export const PlanSchema = z.strictObject({
  title: z.string().optional(),
  questions: z.array(QuestionSchema).min(1, "a plan needs at least one question"),
});

export interface PlanQuestion {
  id: string;
  text: string;
  /** The text and every other phrasing, as matched against what the interviewer asked. */
  phrasings: string[];
}

export interface InterviewPlan {
  title?: string;
  questions: PlanQuestion[];
}

export function parsePlan(value: unknown, where = "plan"): InterviewPlan {
  const parsed = PlanSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "plan"}: ${i.message}`);
    throw new ConvoscopeError(`${where}: ${problems.join("; ")}`, EXIT.usage);
  }
  const questions = parsed.data.questions.map((q, i): PlanQuestion => {
    const item = typeof q === "string" ? { text: q } : q;
    const id = ("id" in item && item.id) || `q${i + 1}`;
    return { id, text: item.text, phrasings: [item.text, ...(("match" in item && item.match) || [])] };
  });
  const seen = new Set<string>();
  for (const q of questions) {
    if (seen.has(q.id))
      throw new ConvoscopeError(`${where}: question id "${q.id}" is used twice`, EXIT.usage);
    seen.add(q.id);
  }
  return { ...(parsed.data.title && { title: parsed.data.title }), questions };
}

export function readPlan(path: string): InterviewPlan {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new ConvoscopeError(`cannot read the plan ${path}: ${(error as Error).message}`, EXIT.input);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConvoscopeError(`${path} is not valid JSON: ${(error as Error).message}`, EXIT.usage);
  }
  return parsePlan(value, path);
}
