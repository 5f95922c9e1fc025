/**
 * Model-backed facets: one request per conversation answers every facet of the registry
 * (src/facets/index.ts) as one JSON object. The answer schema and the instructions are built from the
 * facet definitions themselves (each facet's `modelSchema ?? schema` and `modelPrompt`), so a facet
 * added to the registry is asked for automatically. Each facet's part of the answer is validated by
 * its zod schema; invalid facets get one repair request (asking only for them); a facet still
 * invalid is recorded as null and counted as failed, and the run goes on.
 *
 * An AI-led interview gets one request too, instead of the conversation one: the interview facets
 * (src/interview/facets.ts, answered inside the answer's `interview` object) and the conversation
 * facets that apply to interviews (the assistant-use ones stay null, as offline). The interview
 * object must be complete, so an interview facet still invalid after the repair keeps the offline
 * extractor's value, and is counted as failed all the same.
 */
import { z } from "zod";
import { FACETS, type FacetDefinition } from "../facets/index.ts";
import {
  extractInterview,
  INTERVIEW_FACETS,
  type InterviewFacetDefinition,
  type InterviewFacets,
  NOT_FOR_INTERVIEWS,
} from "../interview/facets.ts";
import { hashValue } from "../pipeline/hash.ts";
import { baseRecord, type Conversation, type FacetRecord, type Interview } from "../types.ts";
import type { Call, ModelClient } from "./call.ts";
import {
  FACETS_PROMPT_VERSION,
  type FacetLine,
  facetsRepairPrompt,
  facetsSystemPrompt,
  facetsUserPrompt,
  type RequestKind,
} from "./prompts/facets.ts";
import { type JsonSchema, ProviderError } from "./provider.ts";
import { DEFAULT_MAX_CHARS, type Transcript, transcript } from "./transcript.ts";

type Property = Record<string, unknown>;

/** Where an interview request's interview facets sit in the answer. */
export const INTERVIEW_KEY = "interview";

export interface FacetSpec {
  kind: RequestKind;
  version: string;
  facets: readonly FacetDefinition[];
  /** Answered inside the answer's `interview` object (interview requests only). */
  interviewFacets: readonly InterviewFacetDefinition[];
  /** The whole answer's JSON schema (one property per facet field). */
  schema: JsonSchema;
  /** Hash of the schema and instructions: part of the study fingerprint. */
  hash: string;
  system: string;
  /** The JSON schema of just some facets' fields (for a repair). */
  schemaFor(
    facets: readonly FacetDefinition[],
    interviewFacets?: readonly InterviewFacetDefinition[],
  ): JsonSchema;
}

function modelSchemaOf(facet: FacetDefinition): z.ZodType {
  return facet.modelSchema ?? facet.schema;
}

/**
 * A record field is nullable because a stage may not have computed it; a model must answer it. So
 * for a facet without its own `modelSchema`, null is taken out of each field's JSON schema.
 */
function answerRequired(p: Property): Property {
  if (Array.isArray(p.anyOf)) {
    const rest = (p.anyOf as Property[]).filter((o) => o.type !== "null");
    if (rest.length === 1) return rest[0] as Property;
  }
  if (Array.isArray(p.type)) {
    const rest = (p.type as string[]).filter((t) => t !== "null");
    if (rest.length === 1) return { ...p, type: rest[0] };
  }
  return p;
}

function jsonProperties(schema: z.ZodType): Record<string, Property> {
  const json = z.toJSONSchema(schema) as { properties?: Record<string, Property> };
  return withoutSafeIntegerBounds(json.properties ?? {}) as Record<string, Property>;
}

/** zod writes every integer's bounds as +-(2^53 - 1): bounds that say nothing, left out of the request. */
function withoutSafeIntegerBounds(json: unknown): unknown {
  if (Array.isArray(json)) return json.map(withoutSafeIntegerBounds);
  if (!json || typeof json !== "object") return json;
  const out: Property = {};
  for (const [k, v] of Object.entries(json)) {
    if ((k === "minimum" || k === "maximum") && Math.abs(v as number) === Number.MAX_SAFE_INTEGER) continue;
    out[k] = withoutSafeIntegerBounds(v);
  }
  return out;
}

function propertiesOf(facet: FacetDefinition): Record<string, Property> {
  const properties = jsonProperties(modelSchemaOf(facet));
  if (facet.modelSchema) return properties;
  return Object.fromEntries(Object.entries(properties).map(([k, p]) => [k, answerRequired(p)]));
}

function interviewPropertiesOf(facet: InterviewFacetDefinition): Record<string, Property> {
  return jsonProperties(facet.schema);
}

/** A free-text answer (string or list of strings without a closed list): Clio's privacy rules apply. */
function isFreeText(p: Property | undefined): boolean {
  if (!p) return false;
  if (Array.isArray(p.anyOf)) return (p.anyOf as Property[]).some(isFreeText);
  const type = p.type;
  const types = Array.isArray(type) ? type : [type];
  if (types.includes("array")) return isFreeText(p.items as Property | undefined);
  return types.includes("string") && p.enum === undefined;
}

/** A conversation facet that applies to an interview (the assistant-use ones stay null there). */
export function appliesToInterviews(facet: FacetDefinition): boolean {
  return facet.fields.some((k) => !(k in NOT_FOR_INTERVIEWS));
}

function objectSchema(properties: Map<string, Property>, fields: readonly string[]): JsonSchema {
  return {
    type: "object",
    properties: Object.fromEntries(fields.map((f) => [f, properties.get(f)])),
    required: [...fields],
    additionalProperties: false,
  };
}

function buildSpec(
  kind: RequestKind,
  facets: readonly FacetDefinition[],
  interviewFacets: readonly InterviewFacetDefinition[],
): FacetSpec {
  const properties = new Map<string, Property>();
  const nested = new Map<string, Property>();
  const add = (into: Map<string, Property>, name: string, fields: Record<string, Property>) => {
    for (const [field, p] of Object.entries(fields)) {
      if (into.has(field))
        throw new Error(`[models] facet ${name}: field ${field} is answered by two facets`);
      into.set(field, p);
    }
  };
  for (const f of facets) add(properties, f.name, propertiesOf(f));
  for (const f of interviewFacets) add(nested, f.name, interviewPropertiesOf(f));
  const schemaFor = (
    some: readonly FacetDefinition[],
    someInterview: readonly InterviewFacetDefinition[] = [],
  ): JsonSchema => {
    const fields = some.flatMap((f) => Object.keys(propertiesOf(f)));
    const inner = someInterview.flatMap((f) => Object.keys(interviewPropertiesOf(f)));
    if (inner.length === 0) return objectSchema(properties, fields);
    const all = new Map([...properties, [INTERVIEW_KEY, objectSchema(nested, inner)]]);
    return objectSchema(all, [...fields, INTERVIEW_KEY]);
  };
  const schema = schemaFor(facets, interviewFacets);
  const openEnded = [
    ...[...properties].filter(([, p]) => isFreeText(p)).map(([f]) => f),
    ...[...nested].filter(([, p]) => isFreeText(p)).map(([f]) => `${INTERVIEW_KEY}.${f}`),
  ];
  const lines: FacetLine[] = [
    ...facets.map((f) => ({ fields: Object.keys(propertiesOf(f)), instruction: f.modelPrompt })),
    ...interviewFacets.map((f) => ({
      fields: Object.keys(interviewPropertiesOf(f)).map((k) => `${INTERVIEW_KEY}.${k}`),
      instruction: f.modelPrompt,
    })),
  ];
  const system = facetsSystemPrompt(lines, openEnded, kind);
  return {
    kind,
    version: FACETS_PROMPT_VERSION,
    facets,
    interviewFacets,
    schema,
    hash: hashValue({ schema, system }),
    system,
    schemaFor,
  };
}

/** The request of a conversation: every facet of the registry. */
export function facetSpec(facets: readonly FacetDefinition[] = FACETS): FacetSpec {
  return buildSpec("conversation", facets, []);
}

/** The request of an interview: the interview facets, and the conversation facets that apply. */
export function interviewFacetSpec(
  facets: readonly FacetDefinition[] = FACETS.filter(appliesToInterviews),
  interviewFacets: readonly InterviewFacetDefinition[] = INTERVIEW_FACETS,
): FacetSpec {
  return buildSpec("interview", facets, interviewFacets);
}

/** Tokens an answer may use: the fields, a sentiment label per human message, and an interview's own. */
export function maxAnswerTokens(humanMessages: number, kind: RequestKind = "conversation"): number {
  return Math.min(4096, (kind === "interview" ? 700 : 400) + 8 * humanMessages);
}

/** The name of a facet request's answer schema (the tool's, or the title of the schema in JSON mode). */
export function facetSchemaName(spec: Pick<FacetSpec, "kind">): string {
  return spec.kind === "interview" ? "interview_facets" : "facets";
}

export function facetCall(
  spec: FacetSpec,
  conversation: Conversation,
  maxChars = DEFAULT_MAX_CHARS,
): { call: Call; transcript: Transcript } {
  const interview = spec.kind === "interview";
  const t = transcript(conversation, maxChars, { numberAnswers: interview });
  const answers = interview ? conversation.messages.filter((m) => m.role === "user").length : undefined;
  return {
    transcript: t,
    call: {
      purpose: interview ? "interview_facets" : "facets",
      promptVersion: spec.version,
      request: {
        system: spec.system,
        user: facetsUserPrompt(t.text, t.humanMessages, answers),
        schema: spec.schema,
        schemaName: facetSchemaName(spec),
        maxTokens: maxAnswerTokens(t.humanMessages, spec.kind),
      },
    },
  };
}

interface Parsed<D, V> {
  values: V;
  invalid: D[];
  problems: string[];
}

const asObject = (answer: unknown): Property | null =>
  answer && typeof answer === "object" && !Array.isArray(answer) ? (answer as Property) : null;

const firstLine = (error: unknown) => (error as Error).message.split("\n")[0] as string;

/** Validates each facet's part of an answer; what is valid goes into `values`. */
export function parseFacetAnswer(
  facets: readonly FacetDefinition[],
  answer: unknown,
  humanMessages: number,
  prior: Partial<FacetRecord> = {},
): Parsed<FacetDefinition, Partial<FacetRecord>> {
  const out: Parsed<FacetDefinition, Partial<FacetRecord>> = { values: {}, invalid: [], problems: [] };
  const object = asObject(answer);
  for (const facet of facets) {
    if (!object) {
      out.invalid.push(facet);
      continue;
    }
    const fields = Object.keys(propertiesOf(facet));
    const part = Object.fromEntries(fields.map((f) => [f, object[f]]));
    const parsed = modelSchemaOf(facet).safeParse(part);
    if (!parsed.success) {
      out.invalid.push(facet);
      for (const issue of parsed.error.issues.slice(0, 3))
        out.problems.push(`${issue.path.join(".") || facet.name}: ${issue.message}`);
      continue;
    }
    try {
      const values = facet.fromModel
        ? facet.fromModel(parsed.data as never, { humanMessages, prior: { ...prior, ...out.values } })
        : (parsed.data as Partial<FacetRecord>);
      Object.assign(out.values, facet.schema.parse(values));
    } catch (error) {
      out.invalid.push(facet);
      out.problems.push(firstLine(error));
    }
  }
  if (!object) out.problems.push("the answer is not a complete JSON object (cut short or malformed)");
  return out;
}

/** The same for the interview facets, from the answer's `interview` object (`answers`: the interview's). */
export function parseInterviewAnswer(
  facets: readonly InterviewFacetDefinition[],
  answer: unknown,
  answers: number,
): Parsed<InterviewFacetDefinition, Partial<InterviewFacets>> {
  const out: Parsed<InterviewFacetDefinition, Partial<InterviewFacets>> = {
    values: {},
    invalid: [],
    problems: [],
  };
  if (facets.length === 0) return out;
  const object = asObject(answer);
  for (const facet of facets) {
    if (!object) {
      out.invalid.push(facet);
      continue;
    }
    const part = Object.fromEntries(facet.fields.map((f) => [f, object[f]]));
    const parsed = facet.schema.safeParse(part);
    if (!parsed.success) {
      out.invalid.push(facet);
      for (const issue of parsed.error.issues.slice(0, 3))
        out.problems.push(`${[INTERVIEW_KEY, ...issue.path].join(".")}: ${issue.message}`);
      continue;
    }
    try {
      Object.assign(out.values, facet.fromModel ? facet.fromModel(parsed.data, { answers }) : parsed.data);
    } catch (error) {
      out.invalid.push(facet);
      out.problems.push(`${INTERVIEW_KEY}.${firstLine(error)}`);
    }
  }
  if (!object) out.problems.push(`${INTERVIEW_KEY}: missing, or not a JSON object`);
  return out;
}

/**
 * The record's interview object: the model's valid answers, the offline extractor's value for a facet
 * it could not answer, and (as offline) one unaligned entry per answer for the interview stage to fill.
 */
function interviewObject(conversation: Conversation, values: Partial<InterviewFacets>): Interview {
  const complete = INTERVIEW_FACETS.every((f) => f.fields.every((k) => k in values));
  const offline = complete ? null : extractInterview(conversation);
  const facets: Partial<InterviewFacets> = {};
  for (const f of INTERVIEW_FACETS)
    for (const k of f.fields) Object.assign(facets, { [k]: k in values ? values[k] : offline?.[k] });
  const answers = conversation.messages.filter((m) => m.role === "user").length;
  return {
    ...(facets as InterviewFacets),
    group: null,
    answers: Array.from({ length: answers }, () => ({ question: null, theme: null, probe: false })),
  };
}

export interface ModelFacetsResult {
  record: FacetRecord;
  /** Facets recorded as null (interview facets: left to the offline value) after the repair. */
  failed: string[];
  repaired: boolean;
  /** The request could not be answered at all (a 4xx): every facet failed. */
  callFailed: boolean;
  transcript: Transcript;
}

/** Every facet of one (already redacted) conversation or interview from the model: one call, at most one repair. */
export async function extractModelFacets(
  conversation: Conversation,
  client: ModelClient,
  spec: FacetSpec,
  maxChars = DEFAULT_MAX_CHARS,
): Promise<ModelFacetsResult> {
  const record = baseRecord(conversation);
  const { call, transcript: t } = facetCall(spec, conversation, maxChars);
  const answers = record.human_turns;
  const interview: Partial<InterviewFacets> = {};
  const done = (failed: string[], repaired: boolean, callFailed: boolean): ModelFacetsResult => {
    if (spec.kind === "interview")
      Object.assign(record, NOT_FOR_INTERVIEWS, { interview: interviewObject(conversation, interview) });
    return { record, failed, repaired, callFailed, transcript: t };
  };
  let first: Awaited<ReturnType<ModelClient["call"]>>;
  try {
    first = await client.call(call);
  } catch (error) {
    if (error instanceof ProviderError && error.kind === "request")
      return done(
        [...spec.facets, ...spec.interviewFacets].map((f) => f.name),
        false,
        true,
      );
    throw error;
  }
  const json = first.answer.json;
  const chat = parseFacetAnswer(spec.facets, json, t.humanMessages, record);
  const inner = parseInterviewAnswer(spec.interviewFacets, asObject(json)?.[INTERVIEW_KEY], answers);
  Object.assign(record, chat.values);
  Object.assign(interview, inner.values);
  if (chat.invalid.length === 0 && inner.invalid.length === 0) return done([], false, false);

  const repair: Call = {
    purpose: `${call.purpose}-repair`,
    promptVersion: spec.version,
    request: {
      ...call.request,
      user: facetsRepairPrompt(call.request.user, first.answer.text, [...chat.problems, ...inner.problems]),
      schema: spec.schemaFor(chat.invalid, inner.invalid),
    },
  };
  let second: unknown;
  try {
    second = (await client.call(repair)).answer.json;
  } catch (error) {
    if (!(error instanceof ProviderError && error.kind === "request")) throw error;
  }
  const fixed = parseFacetAnswer(chat.invalid, second, t.humanMessages, record);
  const fixedInner = parseInterviewAnswer(inner.invalid, asObject(second)?.[INTERVIEW_KEY], answers);
  Object.assign(record, fixed.values);
  Object.assign(interview, fixedInner.values);
  return done(
    [...fixed.invalid, ...fixedInner.invalid].map((f) => f.name),
    true,
    false,
  );
}
