/**
 * `request` and `task`: what the human wants, in short generic words. Clio asks a model for these under
 * privacy instructions; offline they are built only from a controlled vocabulary — a topic picked by
 * cues, phrased by a fixed template — so they can never copy text or carry personal data.
 */
import type { Cue, FacetDefinition } from "./facet.ts";
import { type Lexicon, lexicon } from "./lexicon.ts";

interface Topic {
  id: string;
  task: string;
  request: string;
  cues: Lexicon;
}

const t = (id: string, task: string, request: string, cues: [string, string, number?][]): Topic => ({ id, task, request, cues: lexicon(cues) });

/** In priority order: the first topic whose cues score highest wins; ties go to the earlier one. */
const TOPICS: Topic[] = [
  t("debugging", "software debugging", "fix an error in their code", [
    ["error", "(?:error|exception|traceback|bug|crash(?:es|ing)?|stack trace|segfault|panic|doesn't compile|won't compile|not working)", 1],
    ["code", "(?:code|script|function|python|javascript|typescript|java|rust|golang|sql|query|compile|program)", 1],
  ]),
  t("programming", "software development", "write or understand code", [
    ["code", "(?:code|script|function|class|python|javascript|typescript|java\\b|rust|golang|sql|api|regex|algorithm|database|git|docker|react|css|html|refactor|unit test)", 1.5],
  ]),
  t("creative-writing", "creative writing", "write a creative piece such as a story, poem or post", [
    ["piece", "(?:story|poem|poetry|haiku|lyrics|song|novel|fiction|blog post|essay|screenplay|script for|limerick|fanfic|slogan|marketing copy|social media post|linkedin post)", 2],
  ]),
  t("professional-writing", "professional writing", "draft or edit a work document or message", [
    ["doc", "(?:email|e-mail|cover letter|resume|cv\\b|report|proposal|memo|meeting notes|agenda|summary|summari[sz]e|presentation|slide|newsletter)", 1.5],
  ]),
  t("data", "data analysis", "work with data or spreadsheets", [
    ["data", "(?:spreadsheet|excel|pivot table|csv|dataset|chart|graph|statistics|regression|dashboard|formula)", 1.5],
  ]),
  t("maths", "mathematics", "solve or understand a maths problem", [
    ["maths", "(?:equation|derivative|integral|calculus|algebra|probability|solve for|proof|matrix|geometry|math|maths)", 1.5],
  ]),
  t("relationships", "relationship advice", "get advice about a relationship with someone in their life", [
    ["rel", "(?:my (?:boyfriend|girlfriend|partner|husband|wife|friend|best friend|mom|mother|dad|father|parents|sister|brother|boss|coworker|roommate)|broke up|breakup|divorce|relationship)", 1.5],
  ]),
  t("emotional-support", "emotional support", "talk through difficult feelings", [
    ["feel", "(?:anxious|anxiety|depressed|depression|lonely|stressed|overwhelmed|sad|grief|panic|hopeless|worthless|can't sleep|mental health|suicid\\w*)", 1.5],
  ]),
  t("career", "career and personal development", "get guidance on career or personal goals", [
    ["career", "(?:career|job offer|job interview|promotion|procrastinat\\w*|motivation|habit|goals?|confidence|productivity|switch careers)", 1.5],
  ]),
  t("companionship", "casual conversation", "have a friendly, casual conversation", [
    ["chat", "(?:just want to (?:talk|chat)|someone to talk to|how's your day|how are you|keep me company|let's chat)", 2],
  ]),
  t("roleplay", "roleplay", "engage in a roleplay", [["rp", "(?:role ?play|roleplay|pretend (?:to be|you're)|act as)", 2]]),
  t("health", "health and medicine", "get information about a health concern", [
    ["health", "(?:symptoms?|doctor|medication|diagnos\\w*|pain|illness|disease|diet|calories|weight loss|lose weight|vaccine|sleep|injury)", 1.5],
  ]),
  t("language", "language learning and translation", "learn a language or translate text", [
    ["lang", "(?:translate|translation|grammar|vocabulary|spanish|french|german|subjunctive|conjugat\\w*|pronounc\\w*)", 1.5],
  ]),
  t("planning", "planning and organisation", "plan a schedule, trip or project", [
    ["plan", "(?:plan|schedule|itinerary|trip|travel|timeline|checklist|routine|budget)", 1],
  ]),
  t("cooking", "cooking", "find or adapt a recipe", [["food", "(?:recipe|cook|bake|baking|dinner|ingredients|meal)", 1.5]]),
  t("legal-finance", "legal and financial questions", "understand a legal or financial matter", [
    ["law", "(?:legal|lawyer|contract|lawsuit|tax|taxes|invest\\w*|loan|mortgage|insurance|rent|landlord)", 1.5],
  ]),
  t("science-history", "science and history explanations", "understand a topic in science or history", [
    ["science", "(?:why is the|how does|photosynthesis|physics|chemistry|biology|history|historical|empire|war|evolution|planet|climate|universe|inflation|economy)", 1],
  ]),
  t("harmful", "potentially harmful requests", "get help with something potentially harmful or illegal", [
    ["harm", "(?:steal|hack|kill|weapon|bomb|poison|drugs|illegal|fake id|pick (?:a|the) lock|break into|insult)", 1.5],
  ]),
];
const GENERAL: Topic = t("general", "general questions", "get an answer to a general question", []);

export function topicOf(userText: string): { topic: Topic; cues: Cue[] } {
  let best = GENERAL;
  let bestScore = 0;
  let bestCues: Cue[] = [];
  for (const topic of TOPICS) {
    const { score, hits } = topic.cues.score(userText);
    if (score > bestScore) {
      best = topic;
      bestScore = score;
      const names = [...new Set(hits.map((h) => h.name))];
      bestCues = names.map((name) => ({ message: -1, role: "user" as const, cue: `topic:${topic.id}:${name}`, weight: hits.find((h) => h.name === name)?.weight ?? 0 }));
    }
  }
  return { topic: best, cues: bestCues };
}

export const TASKS = [...TOPICS, GENERAL].map((x) => x.task);

export const requestFacet: FacetDefinition<"request" | "task"> = {
  name: "request",
  fields: ["request", "task"],
  description: "The human's overall request and the task category, in short generic words without personal data.",
  modelPrompt:
    "Complete the sentence 'The user's overall request for the assistant is to ...' in at most one sentence, and name the task in a few words. Use no personal information and no proper nouns; be general; do not mention 'the conversation'.",
  extract(text, prior) {
    // The task is set by the first human messages; later ones are follow-ups.
    const opening = text.user.slice(0, 2).map((m) => m.lower).join("\n");
    let { topic, cues } = topicOf(opening);
    // Facets already decided take precedence over topic words.
    if (prior.content_creation) topic = TOPICS.find((x) => x.id === "creative-writing") as Topic;
    else if (prior.affective_types?.includes("romantic_roleplay")) topic = TOPICS.find((x) => x.id === "roleplay") as Topic;
    else if (prior.affective_types?.includes("companionship") && prior.affective_types.length === 1) topic = TOPICS.find((x) => x.id === "companionship") as Topic;
    return { values: { request: topic.request, task: topic.task }, cues: [...cues, { message: -1, role: "conversation", cue: `topic:${topic.id}`, weight: 0 }] };
  },
};
