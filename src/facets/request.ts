/**
 * `request` and `task`: what the human wants, in short generic words. Clio asks a model for these under
 * privacy instructions; offline they are built only from a controlled vocabulary — a topic picked by
 * cues, phrased by a fixed template — so they can never copy text or carry personal data.
 */
import { FacetRecordSchema } from "../types.ts";
import { cueOf, type FacetDefinition } from "./facet.ts";
import { type Hit, Lexicon } from "./phrase.ts";
import { hitsOf } from "./text.ts";

interface Topic {
  id: string;
  task: string;
  request: string;
  lexicon: Lexicon;
}

function topic(
  id: string,
  task: string,
  request: string,
  cues: [string, string | string[], number?][],
): Topic {
  return { id, task, request, lexicon: new Lexicon(`topic-${id}`, "user", cues) };
}

/** In priority order: the topic whose cues score highest wins; ties go to the earlier one. */
const TOPICS: Topic[] = [
  topic("debugging", "software debugging", "get help debugging code", [
    [
      "error",
      [
        "error",
        "errors",
        "exception",
        "traceback",
        "bug",
        "bugs",
        "crash",
        "crashes",
        "crashing",
        "stack trace",
        "segfault",
        "does|will not compile",
        "not working",
        "typeerror|valueerror|keyerror|indexerror|attributeerror|syntaxerror|referenceerror|nameerror|importerror",
      ],
      1,
    ],
    [
      "code",
      [
        "code",
        "script",
        "function",
        "python",
        "javascript",
        "typescript",
        "java",
        "rust",
        "golang",
        "sql",
        "query",
        "compile",
        "program",
      ],
      1,
    ],
  ]),
  topic("programming", "software development", "write or understand code", [
    [
      "code",
      [
        "code",
        "script",
        "function",
        "class",
        "python",
        "javascript",
        "typescript",
        "java",
        "rust",
        "golang",
        "sql",
        "api",
        "regex",
        "algorithm",
        "database",
        "git",
        "docker",
        "react",
        "css",
        "html",
        "refactor",
        "unit test",
        "programming",
      ],
      1.5,
    ],
  ]),
  topic("creative-writing", "creative writing", "write a creative piece such as a story, poem or post", [
    [
      "piece",
      [
        "story",
        "poem",
        "poetry",
        "haiku",
        "lyrics",
        "song",
        "novel",
        "fiction",
        "blog post",
        "essay",
        "screenplay",
        "limerick",
        "fanfic",
        "slogan",
        "marketing copy",
        "social media post",
        "linkedin post",
      ],
      2,
    ],
  ]),
  topic("professional-writing", "professional writing", "draft or edit a work document or message", [
    [
      "doc",
      [
        "email",
        "e mail",
        "cover letter",
        "resume",
        "cv",
        "report",
        "proposal",
        "memo",
        "meeting notes",
        "agenda",
        "summary",
        "summarize",
        "summarise",
        "presentation",
        "slide",
        "slides",
        "newsletter",
      ],
      1.5,
    ],
  ]),
  topic("data", "data analysis", "work with data or spreadsheets", [
    [
      "data",
      [
        "spreadsheet",
        "excel",
        "pivot table",
        "csv",
        "dataset",
        "chart",
        "graph",
        "statistics",
        "regression",
        "dashboard",
        "formula",
      ],
      1.5,
    ],
  ]),
  topic("maths", "mathematics", "solve or understand a maths problem", [
    [
      "maths",
      [
        "equation",
        "derivative",
        "integral",
        "calculus",
        "algebra",
        "probability",
        "solve for",
        "proof",
        "matrix",
        "geometry",
        "math",
        "maths",
      ],
      1.5,
    ],
  ]),
  topic(
    "relationships",
    "relationship advice",
    "get advice about a relationship with someone in their life",
    [
      [
        "rel",
        [
          "my boyfriend|girlfriend|partner|husband|wife|friend|mom|mother|dad|father|parents|sister|brother|boss|coworker|roommate",
          "my best friend",
          "broke up",
          "breakup",
          "divorce",
          "relationship",
        ],
        1.5,
      ],
    ],
  ),
  topic("emotional-support", "emotional support", "talk through difficult feelings", [
    [
      "feel",
      [
        "anxious",
        "anxiety",
        "depressed",
        "depression",
        "lonely",
        "stressed",
        "overwhelmed",
        "sad",
        "grief",
        "panic",
        "hopeless",
        "worthless",
        "can not sleep",
        "mental health",
        "suicid*",
      ],
      1.5,
    ],
  ]),
  topic("career", "career and personal development", "get guidance on career or personal goals", [
    [
      "career",
      [
        "career",
        "job offer",
        "job interview",
        "promotion",
        "procrastinat*",
        "motivation",
        "habit",
        "habits",
        "goal",
        "goals",
        "confidence",
        "productivity",
        "switch careers",
      ],
      1.5,
    ],
  ]),
  topic("companionship", "casual conversation", "have a friendly, casual conversation", [
    [
      "chat",
      [
        "just want to talk|chat",
        "someone to talk to",
        "how is your day",
        "how are you",
        "keep me company",
        "let us chat",
      ],
      2,
    ],
  ]),
  topic("roleplay", "roleplay", "engage in a roleplay", [
    ["rp", ["role play", "roleplay", "pretend to be", "pretend you are", "act as"], 2],
  ]),
  topic("health", "health and medicine", "get information about a health concern", [
    [
      "health",
      [
        "symptom",
        "symptoms",
        "doctor",
        "medication",
        "diagnos*",
        "pain",
        "illness",
        "disease",
        "diet",
        "calories",
        "weight loss",
        "lose weight",
        "vaccine",
        "sleep",
        "injury",
      ],
      1.5,
    ],
  ]),
  topic("language", "language learning and translation", "learn a language or translate text", [
    [
      "lang",
      [
        "translate",
        "translation",
        "grammar",
        "vocabulary",
        "spanish",
        "french",
        "german",
        "subjunctive",
        "conjugat*",
        "pronounc*",
      ],
      1.5,
    ],
  ]),
  topic("planning", "planning and organisation", "plan a schedule, trip or project", [
    [
      "plan",
      ["plan", "schedule", "itinerary", "trip", "travel", "timeline", "checklist", "routine", "budget"],
      1,
    ],
  ]),
  topic("cooking", "cooking", "find or adapt a recipe", [
    ["food", ["recipe", "cook", "bake", "baking", "dinner", "ingredients", "meal"], 1.5],
  ]),
  topic("legal-finance", "legal and financial questions", "understand a legal or financial matter", [
    [
      "law",
      [
        "legal",
        "lawyer",
        "contract",
        "lawsuit",
        "tax",
        "taxes",
        "invest*",
        "loan",
        "mortgage",
        "insurance",
        "rent",
        "landlord",
      ],
      1.5,
    ],
  ]),
  topic("science-history", "science and history explanations", "understand a topic in science or history", [
    [
      "science",
      [
        "why is the",
        "how does",
        "photosynthesis",
        "physics",
        "chemistry",
        "biology",
        "history",
        "historical",
        "empire",
        "war",
        "evolution",
        "planet",
        "climate",
        "universe",
        "inflation",
        "economy",
      ],
      1,
    ],
  ]),
  topic("harmful", "potentially harmful requests", "get help with something potentially harmful or illegal", [
    [
      "harm",
      [
        "steal",
        "hack",
        "kill",
        "weapon",
        "bomb",
        "poison",
        "drugs",
        "illegal",
        "fake id",
        "pick a|the lock",
        "break into",
        "insult",
      ],
      1.5,
    ],
  ]),
];
const GENERAL: Topic = topic("general", "general questions", "get an answer to a general question", []);
const BY_ID = new Map(TOPICS.map((x) => [x.id, x]));

/** The controlled vocabulary: every task and request the offline engine can write. */
export const TASKS = [...TOPICS, GENERAL].map((x) => x.task);
export const REQUESTS = [...TOPICS, GENERAL].map((x) => x.request);

/** Each topic's place in TOPICS, by its lexicon. */
const TOPIC_INDEX = new Map(TOPICS.map((t, i) => [t.lexicon, i]));
/** Per topic, the score of the hits at hand: reused by every call (a typed array is slow to allocate). */
const SCORES = new Float64Array(TOPICS.length);

/**
 * The first hit of each topic cue the call at hand has counted: few whatever the text's length, as
 * topics name one or two cues each. Reused by every call.
 */
const COUNTED: Hit[] = [];

function counted(h: Hit): boolean {
  for (const c of COUNTED) if (c.lexicon === h.lexicon && c.name === h.name) return true;
  return false;
}

/** The best-scoring topic for some hits (distinct cue words count once). */
export function topicOf(hits: readonly Hit[]): { topic: Topic; hits: Hit[] } {
  // One pass over the hits (most of other lexicons), adding each topic cue's weight once.
  const scores = SCORES.fill(0);
  COUNTED.length = 0;
  for (const h of hits) {
    const t = TOPIC_INDEX.get(h.lexicon);
    if (t === undefined || counted(h)) continue;
    COUNTED.push(h);
    scores[t] = (scores[t] as number) + h.weight;
  }
  let best = GENERAL;
  let bestScore = 0;
  for (let t = 0; t < TOPICS.length; t++) {
    if ((scores[t] as number) > bestScore) {
      best = TOPICS[t] as Topic;
      bestScore = scores[t] as number;
    }
  }
  return { topic: best, hits: best === GENERAL ? [] : hits.filter((h) => h.lexicon === best.lexicon) };
}

export const requestFacet: FacetDefinition<"request" | "task"> = {
  name: "request",
  fields: ["request", "task"],
  schema: FacetRecordSchema.pick({ request: true, task: true }),
  description:
    "The human's overall request and the task category, in short generic words without personal data.",
  modelPrompt:
    "request completes 'The user's overall request for the assistant is to ...' in one sentence; task names the task in a few words.",
  extract(text, prior, cues) {
    // The task is set by the first human messages; later ones are follow-ups.
    const opening = hitsOf(text.user.slice(0, 2));
    let { topic: chosen, hits } = topicOf(opening);
    // Facets already decided take precedence over topic words.
    const types = prior.affective_types ?? [];
    if (prior.content_creation) chosen = BY_ID.get("creative-writing") as Topic;
    else if (types.includes("romantic_roleplay")) chosen = BY_ID.get("roleplay") as Topic;
    else if (types.length === 1 && types[0] === "companionship") chosen = BY_ID.get("companionship") as Topic;
    if (cues) {
      for (const h of hits) cues.push(cueOf(h, "user"));
      cues.push({ message: -1, role: "conversation", cue: `topic:${chosen.id}`, weight: 0 });
    }
    return { request: chosen.request, task: chosen.task };
  },
};
