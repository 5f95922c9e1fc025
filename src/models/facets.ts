/**
 * Model-backed facets: one request per conversation answers every facet of the registry
 * (src/facets/index.ts) as one JSON object. The answer schema and the instructions are built from the
 * facet definitions themselves (each facet's `modelSchema ?? schema` and `modelPrompt`), so a facet
 * added to the registry is asked for automatically. Each facet's part of the answer is validated by
 * its zod schema; invalid facets get one repair request (asking only for them); a facet still
 * invalid is recorded as null and counted as failed, and the run goes on.
 */
import { z } from "zod";
import { FACETS, type FacetDefinition } from "../facets/index.ts";
import { hashValue } from "../pipeline/hash.ts";
import { baseRecord, type Conversation, type FacetRecord } from "../types.ts";
import type { Call, ModelClient } from "./call.ts";
import {
  FACETS_PROMPT_VERSION,
  facetsRepairPrompt,
  facetsSystemPrompt,
  facetsUserPrompt,
} from "./prompts/facets.ts";
import { type JsonSchema, ProviderError } from "./provider.ts";
import { DEFAULT_MAX_CHARS, type Transcript, transcript } from "./transcript.ts";

type Property = Record<string, unknown>;

export interface FacetSpec {
  version: string;
  facets: readonly FacetDefinition[];
  /** The whole answer's JSON schema (one property per facet field). */
  schema: JsonSchema;
  /** Hash of the schema and instructions: part of the study fingerprint. */
  hash: string;
  system: string;
  /** The JSON schema of just some facets' fields (for a repair). */
  schemaFor(facets: readonly FacetDefinition[]): JsonSchema;
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

function propertiesOf(facet: FacetDefinition): Record<string, Property> {
  const json = z.toJSONSchema(modelSchemaOf(facet)) as { properties?: Record<string, Property> };
  const properties = json.properties ?? {};
  if (facet.modelSchema) return properties;
  return Object.fromEntries(Object.entries(properties).map(([k, p]) => [k, answerRequired(p)]));
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

export function facetSpec(facets: readonly FacetDefinition[] = FACETS): FacetSpec {
  const properties = new Map<string, Property>();
  for (const facet of facets) {
    for (const [field, p] of Object.entries(propertiesOf(facet))) {
      if (properties.has(field))
        throw new Error(`[models] facet ${facet.name}: field ${field} is answered by two facets`);
      properties.set(field, p);
    }
  }
  const schemaFor = (some: readonly FacetDefinition[]): JsonSchema => {
    const fields = some.flatMap((f) => Object.keys(propertiesOf(f)));
    return {
      type: "object",
      properties: Object.fromEntries(fields.map((f) => [f, properties.get(f)])),
      required: fields,
      additionalProperties: false,
    };
  };
  const schema = schemaFor(facets);
  const openEnded = [...properties].filter(([, p]) => isFreeText(p)).map(([f]) => f);
  const system = facetsSystemPrompt(
    facets.map((f) => ({ fields: Object.keys(propertiesOf(f)), instruction: f.modelPrompt })),
    openEnded,
  );
  return {
    version: FACETS_PROMPT_VERSION,
    facets,
    schema,
    hash: hashValue({ schema, system }),
    system,
    schemaFor,
  };
}

/** Tokens a facet answer may use: the fields, plus a sentiment label per human message. */
export function maxAnswerTokens(humanMessages: number): number {
  return Math.min(4096, 400 + 8 * humanMessages);
}

export function facetCall(
  spec: FacetSpec,
  conversation: Conversation,
  maxChars = DEFAULT_MAX_CHARS,
): { call: Call; transcript: Transcript } {
  const t = transcript(conversation, maxChars);
  return {
    transcript: t,
    call: {
      purpose: "facets",
      promptVersion: spec.version,
      request: {
        system: spec.system,
        user: facetsUserPrompt(t.text, t.humanMessages),
        schema: spec.schema,
        schemaName: "facets",
        maxTokens: maxAnswerTokens(t.humanMessages),
      },
    },
  };
}

interface Parsed {
  values: Partial<FacetRecord>;
  invalid: FacetDefinition[];
  problems: string[];
}

/** Validates each facet's part of an answer; what is valid goes into `values`. */
export function parseFacetAnswer(
  facets: readonly FacetDefinition[],
  answer: unknown,
  humanMessages: number,
  prior: Partial<FacetRecord> = {},
): Parsed {
  const out: Parsed = { values: {}, invalid: [], problems: [] };
  const object = answer && typeof answer === "object" && !Array.isArray(answer) ? (answer as Property) : null;
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
      out.problems.push((error as Error).message.split("\n")[0] as string);
    }
  }
  if (!object) out.problems.push("the answer is not a complete JSON object (cut short or malformed)");
  return out;
}

export interface ModelFacetsResult {
  record: FacetRecord;
  /** Facets recorded as null because the answer stayed invalid after the repair. */
  failed: string[];
  repaired: boolean;
  /** The request could not be answered at all (a 4xx): every facet failed. */
  callFailed: boolean;
  transcript: Transcript;
}

/** Every facet of one (already redacted) conversation from the model: one call, at most one repair. */
export async function extractModelFacets(
  conversation: Conversation,
  client: ModelClient,
  spec: FacetSpec,
  maxChars = DEFAULT_MAX_CHARS,
): Promise<ModelFacetsResult> {
  const record = baseRecord(conversation);
  const { call, transcript: t } = facetCall(spec, conversation, maxChars);
  const all = spec.facets.map((f) => f.name);
  let first: Awaited<ReturnType<ModelClient["call"]>>;
  try {
    first = await client.call(call);
  } catch (error) {
    if (error instanceof ProviderError && error.kind === "request")
      return { record, failed: all, repaired: false, callFailed: true, transcript: t };
    throw error;
  }
  const parsed = parseFacetAnswer(spec.facets, first.answer.json, t.humanMessages, record);
  Object.assign(record, parsed.values);
  if (parsed.invalid.length === 0)
    return { record, failed: [], repaired: false, callFailed: false, transcript: t };

  const repair: Call = {
    purpose: "facets-repair",
    promptVersion: spec.version,
    request: {
      ...call.request,
      user: facetsRepairPrompt(call.request.user, first.answer.text, parsed.problems),
      schema: spec.schemaFor(parsed.invalid),
    },
  };
  let second: unknown;
  try {
    second = (await client.call(repair)).answer.json;
  } catch (error) {
    if (!(error instanceof ProviderError && error.kind === "request")) throw error;
  }
  const fixed = parseFacetAnswer(parsed.invalid, second, t.humanMessages, record);
  Object.assign(record, fixed.values);
  return {
    record,
    failed: fixed.invalid.map((f) => f.name),
    repaired: true,
    callFailed: false,
    transcript: t,
  };
}
