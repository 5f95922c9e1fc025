/**
 * Prompts for the topic tree (Clio, METHODS.md section 1, steps 3-4, and privacy layer d): naming a
 * cluster from contrastive examples (in the same way, interview themes and groups of the values
 * taxonomy), the hierarchy's propose / deduplicate / assign / rename steps, and the privacy audit. Each has a version that is part of its cache key; bump it when the wording
 * changes.
 */
export const NAMING_PROMPT_VERSION = "naming-1";
export const THEME_NAMING_PROMPT_VERSION = "theme-naming-1";
export const VALUES_NAMING_PROMPT_VERSION = "values-naming-1";
export const HIERARCHY_PROMPT_VERSION = "hierarchy-1";
export const AUDIT_PROMPT_VERSION = "audit-1";

const PRIVACY =
  "Write in English, in general terms, with no personal information and no proper nouns (no names of people, organisations, places, products or projects).";

const list = (items: readonly string[]) =>
  items.map((t) => `- ${t.replace(/\s+/g, " ").slice(0, 300)}`).join("\n");

/**
 * What a named group holds and how its name reads: Clio's cluster of conversations (named from
 * privacy-instructed summaries, as an imperative), an interview theme (from redacted answers, as a
 * noun phrase, described and never quoted), or a group of the values taxonomy (from released values).
 */
export interface NamingStyle {
  /** The calls' purpose (as logged and counted). */
  purpose: string;
  version: string;
  system: string;
  schemaName: string;
  members: string;
  outsiders: string;
  instruction: string;
}

export const CONVERSATION_NAMING: NamingStyle = {
  purpose: "naming",
  version: NAMING_PROMPT_VERSION,
  system: `You name groups of AI-assistant conversations for an aggregate research report. ${PRIVACY}`,
  schemaName: "cluster_name",
  members: "Summaries of conversations IN the group:",
  outsiders: "Summaries of nearby conversations NOT in the group (for contrast):",
  instruction:
    "Give the group a name of at most ten words that says what sets it apart from the nearby conversations, as an imperative " +
    "(e.g. 'Brainstorm ideas for a birthday party'), and a description of at most two sentences.",
};

export const THEME_NAMING: NamingStyle = {
  purpose: "theme_naming",
  version: THEME_NAMING_PROMPT_VERSION,
  system: `You name themes in participants' answers to one question of AI-led research interviews, for an aggregate research report. ${PRIVACY}`,
  schemaName: "theme_name",
  members: "Answers IN the theme:",
  outsiders: "Answers to the same question in OTHER themes (for contrast):",
  instruction:
    "Give the theme a name of at most ten words that says what these answers share and sets them apart from the others, as a noun phrase " +
    "(e.g. 'Fear of losing clients to generated images'), and a description of at most two sentences. Describe the answers in your own words; never quote them.",
};

export const VALUES_NAMING: NamingStyle = {
  purpose: "values_naming",
  version: VALUES_NAMING_PROMPT_VERSION,
  system: `You name groups of a taxonomy of the values AI assistants express in conversations, for an aggregate research report. ${PRIVACY}`,
  schemaName: "value_group_name",
  members: "Values IN the group, most frequent first:",
  outsiders: "Values of nearby groups (for contrast):",
  instruction:
    "Give the group a short name of at most six words for what its values have in common (e.g. 'Epistemic values', 'Professional and technical excellence'), and a description of one sentence.",
};

export function namingPrompt(
  o: { members: string[]; outsiders: string[]; keywords: string[] },
  style: NamingStyle = CONVERSATION_NAMING,
): string {
  return [
    style.members,
    list(o.members),
    o.outsiders.length > 0 ? style.outsiders : "",
    o.outsiders.length > 0 ? list(o.outsiders) : "",
    o.keywords.length > 0 ? `Words many members share: ${o.keywords.join(", ")}` : "",
    style.instruction,
  ]
    .filter((l) => l.length > 0)
    .join("\n");
}

export const HIERARCHY_SYSTEM = `You organise topics of AI-assistant conversations into broader categories for an aggregate research report. ${PRIVACY}`;

export function proposePrompt(o: { children: string[]; outsiders: string[]; count: number }): string {
  return [
    "Topics to group:",
    list(o.children),
    o.outsiders.length > 0 ? "Nearby topics elsewhere (for context; they need not be covered):" : "",
    o.outsiders.length > 0 ? list(o.outsiders) : "",
    `Propose ${o.count} broader categor${o.count === 1 ? "y" : "ies"} that together cover the topics to group: each a name of at most ten words (an imperative) and a description of at most two sentences.`,
  ]
    .filter((l) => l.length > 0)
    .join("\n");
}

export function deduplicatePrompt(o: { proposals: string[]; count: number }): string {
  return `Proposed categories, some of them overlapping:\n${list(o.proposals)}\nMerge duplicates and near-duplicates into exactly ${o.count} distinct categories that cover all of them: each a name of at most ten words (an imperative) and a description of at most two sentences.`;
}

export function assignPrompt(o: { children: string[]; parents: string[] }): string {
  return `Categories (in no particular order):\n${list(o.parents)}\nTopics:\n${o.children
    .map((c, i) => `${i + 1}. ${c.replace(/\s+/g, " ").slice(0, 300)}`)
    .join("\n")}\nFor each topic, in order, give the name of the category it fits best.`;
}

export function renamePrompt(o: { children: string[] }): string {
  return `Topics in one category:\n${list(o.children)}\nName the category from the topics it actually holds: a name of at most ten words (an imperative) and a description of at most two sentences.`;
}

export const AUDIT_SYSTEM =
  "You are a privacy auditor for an aggregate research report about AI-assistant conversations.";

export function auditPrompt(texts: readonly string[]): string {
  return `Rate each text below for how much it could identify a person or a small group:\n1 = identifies a specific person or small group; 2 = probably identifies one; 3 = possibly identifying details but general enough; 4 = general, no identifying details; 5 = fully general.\n${texts
    .map((t, i) => `${i + 1}. ${t.replace(/\s+/g, " ").slice(0, 500)}`)
    .join("\n")}\nGive one score per text, in order.`;
}
