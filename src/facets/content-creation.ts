/**
 * `content_creation`: the human uses the assistant as a writing tool — stories, poems, posts, fictional
 * dialogue, marketing copy, essays. The affective-use study drops these conversations before looking
 * for affective use, since a sad story written to order is not a personal exchange.
 */
import type { FacetDefinition } from "./facet.ts";
import { lexicon } from "./lexicon.ts";

const PIECES =
  "(?:short |little |funny |sad |romantic |creative |persuasive |catchy |brief )?(?:story|stories|poem|poems|poetry|haiku|limerick|sonnet|essay|blog(?: post)?|article|song|lyrics|rap|script|screenplay|dialogue|scene|novel|chapter|fanfic|fan fiction|speech|tweet|caption|slogan|tagline|ad copy|marketing copy|product description|linkedin post|social media post|instagram post|post|jingle|toast|eulogy|fable|fairy tale|monologue|joke)";

const REQUESTS = lexicon([
  ["write-piece", `(?:write|compose|draft|create|generate|craft|give me|come up with|pen)(?: me| us)? (?:a|an|the|some|two|three|\\d+)? ?${PIECES}`, 2],
  ["piece-about", `${PIECES} (?:about|on|for|where|in which|that)`, 1],
  ["continue-story", "(?:continue|finish|rewrite|expand) (?:the|this|my) (?:story|poem|chapter|scene|script)", 2],
  ["fictional-dialogue", "(?:fictional|imaginary) (?:dialogue|conversation|character)", 2],
  ["write-character", "write (?:it )?(?:as|from the perspective of|in the voice of)", 1],
]);

export const contentCreationFacet: FacetDefinition<"content_creation"> = {
  name: "content_creation",
  fields: ["content_creation"],
  description: "The human uses the assistant as a writing tool: stories, poems, posts, fictional dialogue, marketing copy.",
  modelPrompt:
    "Is the human using the assistant as a tool to create content (stories, poems, blog or social posts, fictional dialogue, marketing copy, essays) rather than talking about their own life? Answer true or false.",
  extract(text) {
    // The request that sets the task is in the first human messages.
    const cues = [];
    let score = 0;
    for (const m of text.user.slice(0, 2)) {
      const s = REQUESTS.score(m.lower);
      score += s.score;
      for (const h of s.hits) cues.push({ message: m.index, role: "user" as const, cue: `content:${h.name}`, weight: h.weight });
    }
    return { values: { content_creation: score >= 2 }, cues };
  },
};
