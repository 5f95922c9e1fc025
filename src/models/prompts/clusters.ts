/**
 * Prompts for the topic tree (Clio, METHODS.md section 1, steps 3-4, and privacy layer d): naming a
 * cluster from contrastive examples, the hierarchy's propose / deduplicate / assign / rename steps,
 * and the privacy audit. Each has a version that is part of its cache key; bump it when the wording
 * changes.
 */
export const NAMING_PROMPT_VERSION = "naming-1";
export const HIERARCHY_PROMPT_VERSION = "hierarchy-1";
export const AUDIT_PROMPT_VERSION = "audit-1";

const PRIVACY =
  "Write in English, in general terms, with no personal information and no proper nouns (no names of people, organisations, places, products or projects).";

const list = (items: readonly string[]) =>
  items.map((t) => `- ${t.replace(/\s+/g, " ").slice(0, 300)}`).join("\n");

export const NAMING_SYSTEM = `You name groups of AI-assistant conversations for an aggregate research report. ${PRIVACY}`;

export function namingPrompt(o: { members: string[]; outsiders: string[]; keywords: string[] }): string {
  return [
    "Summaries of conversations IN the group:",
    list(o.members),
    o.outsiders.length > 0 ? "Summaries of nearby conversations NOT in the group (for contrast):" : "",
    o.outsiders.length > 0 ? list(o.outsiders) : "",
    o.keywords.length > 0 ? `Words many members share: ${o.keywords.join(", ")}` : "",
    "Give the group a name of at most ten words that says what sets it apart from the nearby conversations, as an imperative " +
      "(e.g. 'Brainstorm ideas for a birthday party'), and a description of at most two sentences.",
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
