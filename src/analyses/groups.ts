/**
 * The groups the affective-use figures compare: each affective type, all affective conversations,
 * the rest, and everything. A record belongs to several groups at once.
 *
 * Several figures show counts of the same kinds of conversation (an affective type's share, its
 * pushback rate, its sentiment shift, its topics, its very long conversations). A difference across
 * two figures is as good as one within a figure, so they draw from one public set: the labels the
 * affective figure releases (`SharedLabels`, its gate over every conversation). A later figure may
 * show fewer of them (its own outcomes, such as pushback or not, must pass too), never others.
 */
import { gateLabels, type LabelGate, LabelTally, type Thresholds, userKey } from "../release/gate.ts";
import { AFFECTIVE_TYPES, type AffectiveType, type FacetRecord } from "../types.ts";

export const AFFECTIVE_LABELS: Record<AffectiveType, string> = {
  interpersonal_advice: "Interpersonal advice",
  coaching: "Coaching",
  counseling: "Counseling",
  companionship: "Companionship",
  romantic_roleplay: "Romantic roleplay",
};

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

/** A record's comparison groups other than "all" (the whole): its labels for `gateGroups`. */
export function groupLabels(r: FacetRecord): string[] {
  return groupsOf(r).filter((g) => g !== "all");
}

/** The shared kinds of conversation, in the affective figure's order. */
export const SHARED_ORDER = ["affective", ...AFFECTIVE_TYPES, "content_creation"] as const;

/** A record's shared labels: affective and its types, or content creation (never both). */
export function sharedLabels(r: FacetRecord): string[] {
  if (r.affective === true) return ["affective", ...(r.affective_types ?? [])];
  if (r.content_creation === true) return ["content_creation"];
  return [];
}

/**
 * The affective figure's gate over every conversation: which of affective, each type and content
 * creation are released. Each analysis that shows any of them keeps one of these (it is cheap) and
 * asks after its last record; all of them reach the same answer from the same records.
 */
export class SharedLabels {
  private readonly tally: LabelTally;
  private gated: LabelGate | null = null;

  constructor(thresholds: Thresholds) {
    this.tally = new LabelTally(thresholds);
  }

  add(r: FacetRecord): void {
    this.tally.add(sharedLabels(r), userKey(r));
  }

  gate(): LabelGate {
    this.gated ??= gateLabels(this.tally, { order: SHARED_ORDER });
    return this.gated;
  }

  released(): Set<string> {
    return new Set(this.gate().kept.map((k) => k.key));
  }
}

/**
 * Which comparison groups a figure may show: those the affective figure releases (and "not
 * affective"), gated again over the figure's own outcomes, and "all" when the whole passes in each.
 */
export function gateGroups(
  tally: LabelTally,
  shared: SharedLabels,
  outcomes: readonly (readonly string[])[],
  candidates?: ReadonlySet<string>,
): { shown: Set<string>; suppressed: number } {
  const released = shared.released();
  const order = COMPARISON_GROUPS.map((g) => g.key).filter(
    (k) => k !== "all" && (k === "not_affective" || released.has(k)) && (!candidates || candidates.has(k)),
  );
  const gated = gateLabels(tally, { order, outcomes });
  const shown = new Set(gated.kept.map((k) => k.key));
  if (gated.released && (!candidates || candidates.has("all"))) shown.add("all");
  return { shown, suppressed: COMPARISON_GROUPS.length - shown.size };
}
