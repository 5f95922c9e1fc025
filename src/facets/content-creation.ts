/**
 * `content_creation`: the human uses the assistant as a writing tool — stories, poems, posts, fictional
 * dialogue, marketing copy, essays. The affective-use study drops these conversations before looking
 * for affective use, since a sad story written to order is not a personal exchange.
 */
import { FacetRecordSchema } from "../types.ts";
import { cueOf, type FacetDefinition } from "./facet.ts";
import { Lexicon } from "./phrase.ts";
import type { MessageText } from "./text.ts";

const PIECES =
  "story|stories|poem|poems|poetry|haiku|limerick|sonnet|essay|blog|article|song|lyrics|rap|screenplay|dialogue|novel|chapter|fanfic|fanfiction|speech|tweet|tweets|caption|captions|slogan|tagline|post|jingle|toast|eulogy|fable|tale|monologue|joke|jokes|verse|rhyme|ballad|narrative";
const WRITE = "write|compose|draft|create|generate|craft|give|come|pen|make";

const REQUESTS = new Lexicon("content", "user", [
  ["write-piece", `${WRITE} me|us|up? with? a|an|the|some|two|three|#? ..3 ${PIECES}`, 2],
  ["piece-about", `${PIECES} about|on|for|where|in|that|featuring|involving|set`, 1],
  [
    "continue-story",
    "continue|finish|rewrite|expand|edit the|this|my story|poem|chapter|scene|script|essay",
    2,
  ],
  ["fictional", "fictional|imaginary dialogue|conversation|character|characters|story|world", 2],
  [
    "marketing",
    ["ad|marketing|sales|advertising copy", "product description", "movie|film|play|video script"],
    2,
  ],
  ["write-as", "write ..2 as|from|in the? perspective|voice|style", 1],
]);

export const contentCreationFacet: FacetDefinition<"content_creation"> = {
  name: "content_creation",
  fields: ["content_creation"],
  schema: FacetRecordSchema.pick({ content_creation: true }),
  description:
    "The human uses the assistant as a writing tool: stories, poems, posts, fictional dialogue, marketing copy.",
  modelPrompt:
    "the human uses the assistant to create content (stories, poems, posts, fictional dialogue, copy, essays), not to talk about their life.",
  extract(text, _prior, cues) {
    // The request that sets the task is in the first human messages.
    const seen: string[] = [];
    let score = 0;
    for (let k = 0; k < text.user.length && k < 2; k++) {
      for (const h of REQUESTS.of((text.user[k] as MessageText).hits)) {
        if (seen.includes(h.name)) continue;
        seen.push(h.name);
        score += h.weight;
        cues?.push(cueOf(h, "user"));
      }
    }
    return { content_creation: score >= 2 };
  },
};
