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
import { pushbackFacet } from "./pushback.ts";
import { requestFacet } from "./request.ts";
import { sentimentFacet } from "./sentiment.ts";
import { prepareText } from "./text.ts";

export const FACETS: FacetDefinition[] = [
  languageFacet,
  contentCreationFacet,
  affectiveFacet,
  pushbackFacet,
  sentimentFacet,
  collaborationFacet,
  concernFacet,
  requestFacet,
] as FacetDefinition[];

/** Bumped whenever an offline rule changes what a record holds: part of study fingerprints. */
export const OFFLINE_ENGINE_VERSION = "offline-1";

export interface FacetExplanation {
  id: string;
  facets: { facet: string; values: Partial<FacetRecord>; cues: Cue[] }[];
}

function run(conversation: Conversation, explain: boolean): { record: FacetRecord; explanation: FacetExplanation | null } {
  const record = baseRecord(conversation);
  const text = prepareText(conversation);
  const explanation: FacetExplanation | null = explain ? { id: conversation.id, facets: [] } : null;
  for (const facet of FACETS) {
    const result = facet.extract(text, record);
    Object.assign(record, result.values);
    explanation?.facets.push({ facet: facet.name, values: result.values, cues: result.cues });
  }
  return { record, explanation };
}

/** Every facet of one conversation, offline. */
export function extractOfflineFacets(conversation: Conversation): FacetRecord {
  return run(conversation, false).record;
}

/** The facets of one conversation with the cues behind each decision (`convoscope explain`). */
export function explainFacets(conversation: Conversation): FacetExplanation {
  return run(conversation, true).explanation as FacetExplanation;
}

export type { Cue, FacetDefinition } from "./facet.ts";
