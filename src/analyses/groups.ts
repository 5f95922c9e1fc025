/**
 * The groups the affective-use figures compare: each affective type, all affective conversations,
 * the rest, and everything. A record belongs to several groups at once.
 */
import { AFFECTIVE_TYPES, type FacetRecord } from "../types.ts";
import { AFFECTIVE_LABELS } from "./affective.ts";

export interface Group {
  key: string;
  label: string;
}

export const COMPARISON_GROUPS: Group[] = [
  ...AFFECTIVE_TYPES.map((t) => ({ key: t, label: AFFECTIVE_LABELS[t] })),
  { key: "affective", label: "All affective" },
  { key: "not_affective", label: "Not affective" },
  { key: "all", label: "All conversations" },
];

export function groupsOf(r: FacetRecord): string[] {
  const keys = ["all"];
  if (r.affective === true) keys.push("affective", ...(r.affective_types ?? []));
  else if (r.affective === false) keys.push("not_affective");
  return keys;
}
