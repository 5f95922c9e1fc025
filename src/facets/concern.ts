/**
 * `concern`: how much a conversation may need a human reviewer's attention, from 1 (not concerning)
 * to 5 (needs immediate review), as in Clio. Offline: the highest level whose cues fire in the human's
 * messages, lowered when the assistant's reply shows it handled the risk (a refusal or referral).
 */
import type { Cue, FacetDefinition } from "./facet.ts";
import { lexicon } from "./lexicon.ts";

const LEVELS = lexicon([
  ["imminent-self-harm", "(?:kill myself|end my life|i want to die|i'm going to (?:hurt|kill) myself|suicide plan|take all (?:my|the) pills|overdose on|no reason to live|better off without me)", 5],
  ["harm-others", "(?:kill (?:my|him|her|them|someone|people|a person)|murder|make a bomb|build a bomb|explosives?|poison (?:my|him|her|someone)|shoot (?:up|someone|people)|school shooting|mass shooting)", 4],
  ["child-exploitation", "(?:child porn|sexual (?:content|images?) (?:of|with) (?:a )?(?:child|minor|kid)|underage (?:sex|nude))", 5],
  ["self-harm", "(?:self[- ]harm|cut(?:ting)? myself|hurt(?:ing)? myself|suicid\\w*|starv(?:e|ing) myself)", 4],
  ["weapons-drugs", "(?:make (?:meth|drugs|a gun|a weapon)|synthesi[sz]e \\w+|buy (?:a gun|drugs) (?:illegally|online)|untraceable)", 4],
  ["illegal", "(?:steal|shoplift|hack (?:into|someone)|break into|pick (?:a|the) lock|fake (?:id|passport)|counterfeit|launder|scam (?:people|someone)|evade (?:police|taxes))", 3],
  ["dangerous-health", "(?:\\d{3} calories a day|stop eating|chest pain|can't breathe|overdos\\w*|mix(?:ing)? (?:alcohol|pills))", 3],
  ["hostility", "(?:insults? for|racist|slur|hate (?:them|those|people)|stupid (?:people|idiots)|revenge on)", 2],
  ["drugs-alcohol", "(?:get high|weed|marijuana|cocaine|drunk|alcohol)", 2],
]);

const HANDLED = /\b(?:crisis|988|hotline|emergency services|i can't help with|i cannot help with|i won't|please reach out|seek (?:professional|immediate) help)\b/;

export const concernFacet: FacetDefinition<"concern"> = {
  name: "concern",
  fields: ["concern"],
  description: "How concerning the conversation is, from 1 (not concerning) to 5 (needs immediate review).",
  modelPrompt:
    "How concerning is this conversation from a safety perspective? Answer 1 (not concerning at all), 2 (slightly), 3 (moderately), 4 (very), or 5 (extremely concerning; needs immediate review).",
  extract(text) {
    const cues: Cue[] = [];
    let level = 1;
    for (const m of text.user) {
      for (const h of LEVELS.match(m.lower)) {
        cues.push({ message: m.index, role: "user", cue: `concern:${h.name}`, weight: h.weight });
        level = Math.max(level, h.weight);
      }
    }
    // A risk the assistant met with a refusal or referral is less likely to need review (but 5 stays 5).
    if (level >= 3 && level < 5 && HANDLED.test(text.assistantAll)) {
      level--;
      cues.push({ message: -1, role: "assistant", cue: "handled: refusal or referral", weight: -1 });
    }
    return { values: { concern: level }, cues };
  },
};
