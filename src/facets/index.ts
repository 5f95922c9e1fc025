/**
 * The offline facet engine: every facet definition, in the order they run (later facets may read
 * what earlier ones decided), and the two entry points the rest of convoscope uses.
 */
import type { Conversation, FacetRecord } from "../types.ts";
import { baseRecord } from "../types.ts";
import { affectiveFacet } from "./affective.ts";
import { collaborationFacet } from "./collaboration.ts";
import { concernFacet } from "./concern.ts";
import { contentCreationFacet } from "./content-creation.ts";
import type { Cue, FacetDefinition } from "./facet.ts";
import { languageFacet } from "./language.ts";
import { quote } from "./phrase.ts";
import { pushbackFacet } from "./pushback.ts";
import { requestFacet } from "./request.ts";
import { sentimentFacet } from "./sentiment.ts";
import { type ConversationText, prepareText } from "./text.ts";
import { valuesFacet } from "./values.ts";

export const FACETS: FacetDefinition[] = [
  languageFacet,
  contentCreationFacet,
  affectiveFacet,
  pushbackFacet,
  sentimentFacet,
  collaborationFacet,
  concernFacet,
  requestFacet,
  valuesFacet,
] as FacetDefinition[];

/** Bumped whenever an offline rule changes what a record holds: part of study fingerprints. */
export const OFFLINE_ENGINE_VERSION = "offline-11";

/** One cue as `convoscope explain` shows it: the cue's name and the lexicon words it matched. */
export type ExplainedCue = Omit<Cue, "hit" | "detail">;

export interface FacetExplanation {
  id: string;
  facets: { facet: string; values: Partial<FacetRecord>; cues: ExplainedCue[] }[];
}

function explainCue(cue: Cue, text: ConversationText): ExplainedCue {
  const { hit, detail, ...rest } = cue;
  if (detail) return { ...rest, cue: `${rest.cue}: ${cue.detail?.()}` };
  if (!hit) return rest;
  const words = text.messages.find((m) => m.index === hit.message)?.words ?? [];
  return { ...rest, cue: `${rest.cue}: "${quote(hit, words)}"` };
}

/** Every facet of one conversation, offline. */
export function extractOfflineFacets(conversation: Conversation): FacetRecord {
  const record = baseRecord(conversation);
  const text = prepareText(conversation);
  for (const facet of FACETS) {
    // The facet's own fields, copied one by one: Object.assign is a generic slow path in V8.
    const values = facet.extract(text, record) as Partial<FacetRecord>;
    for (const field of facet.fields) (record as Record<string, unknown>)[field] = values[field];
  }
  return record;
}

/** The facets of one conversation with the cues behind each decision (`convoscope explain`). */
export function explainFacets(conversation: Conversation): FacetExplanation {
  const record = baseRecord(conversation);
  const text = prepareText(conversation);
  const explanation: FacetExplanation = { id: conversation.id, facets: [] };
  for (const facet of FACETS) {
    const cues: Cue[] = [];
    const values = facet.extract(text, record, cues);
    Object.assign(record, values);
    explanation.facets.push({ facet: facet.name, values, cues: cues.map((c) => explainCue(c, text)) });
  }
  return explanation;
}

export type { Cue, FacetDefinition } from "./facet.ts";
