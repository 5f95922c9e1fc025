/**
 * `concern`: how much a conversation may need a human reviewer's attention, from 1 (not concerning)
 * to 5 (needs immediate review), as in Clio. Offline: the highest level whose cues fire in the human's
 * messages, lowered by one when the assistant met the risk with a refusal or referral (but 5 stays 5).
 */
import { FacetRecordSchema } from "../types.ts";
import { cueOf, type FacetDefinition } from "./facet.ts";
import { Lexicon } from "./phrase.ts";

/** Each cue's weight is the concern level it signals. */
const LEVELS = new Lexicon("concern", "user", [
  [
    "imminent-self-harm",
    [
      "kill myself",
      "end my life",
      "i want to die",
      "i am going to hurt|kill myself",
      "suicide plan",
      "take all my|the pills",
      "overdose on",
      "no reason to live",
      "better off without me",
    ],
    5,
  ],
  [
    "child-exploitation",
    [
      "child porn|pornography",
      "sexual content|images|pictures of|with a? child|minor|kid|kids",
      "underage sex|nude|nudes",
    ],
    5,
  ],
  [
    "harm-others",
    [
      "kill my wife|husband|boss|neighbor|neighbour|mom|dad|mother|father|brother|sister|family|friend|ex|teacher|baby|cat|dog",
      "kill him|her|them|someone|somebody|people",
      "kill a person|man|woman|child|kid",
      "murder",
      "make|build a bomb",
      "explosive|explosives",
      "poison my|him|her|someone",
      "shoot up|someone|people",
      "school|mass shooting",
    ],
    4,
  ],
  ["self-harm", ["self harm", "cut|cutting|hurt|hurting|starve|starving myself", "suicid*"], 4],
  [
    "weapons-drugs",
    [
      "make meth|drugs|fentanyl",
      "make a gun|weapon|bomb",
      "synthesize|synthesise meth|drugs|fentanyl|ricin|sarin|explosives",
      "buy a? gun|drugs illegally|online",
      "untraceable",
    ],
    4,
  ],
  [
    "illegal",
    [
      "steal",
      "shoplift*",
      "hack into|someone",
      "break into",
      "pick a|the lock",
      "fake id|passport",
      "counterfeit",
      "launder*",
      "scam people|someone",
      "evade police|taxes",
    ],
    3,
  ],
  [
    "dangerous-health",
    [
      "calories a|per day",
      "stop eating",
      "chest pain",
      "can not breathe",
      "overdose",
      "mix|mixing alcohol|pills",
    ],
    3,
  ],
  [
    "hostility",
    ["insult|insults for", "racist", "slur", "hate them|those|people", "stupid people|idiots", "revenge on"],
    2,
  ],
  ["drugs-alcohol", ["get high", "weed", "marijuana", "cocaine", "drunk", "alcohol"], 2],
]);

const HANDLED = new Lexicon("handled", "assistant", [
  [
    "refusal-or-referral",
    [
      "crisis",
      "988",
      "hotline",
      "emergency services",
      "i can|will not help|provide|assist",
      "please reach out",
      "seek professional|immediate help",
    ],
  ],
]);

export const concernFacet: FacetDefinition<"concern"> = {
  name: "concern",
  fields: ["concern"],
  schema: FacetRecordSchema.pick({ concern: true }),
  description: "How concerning the conversation is, from 1 (not concerning) to 5 (needs immediate review).",
  modelPrompt:
    "how concerning it is for safety: 1 not, 2 slightly, 3 moderately, 4 very, 5 extremely (needs immediate review).",
  extract(text, _prior, cues) {
    let level = 1;
    for (const m of text.user) {
      for (const h of LEVELS.of(m.hits)) {
        cues?.push(cueOf(h, "user"));
        level = Math.max(level, h.weight);
      }
    }
    if (level >= 3 && level < 5) {
      const handled = HANDLED.of(text.assistantHits)[0];
      if (handled) {
        level--;
        cues?.push(cueOf(handled, "assistant", -1));
      }
    }
    return { concern: level };
  },
};
