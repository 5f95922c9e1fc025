/**
 * `concern`: how much a conversation may need a human reviewer's attention, from 1 (not concerning)
 * to 5 (needs immediate review), as in Clio. Offline: the highest level whose cues fire in the human's
 * messages, lowered by one when the assistant met the risk with a refusal or referral (but 5 stays 5).
 */
import { FacetRecordSchema } from "../types.ts";
import { cueOf, type FacetDefinition } from "./facet.ts";
import { Lexicon } from "./phrase.ts";

/**
 * People as the target of a violent verb ("shoot someone", "beat up my spouse"), not a process or a
 * game. No pronouns: "how do I kill them" is as often about processes.
 */
const PERSON =
  "someone|somebody|person|people|human|humans|man|woman|men|women|child|children|kid|kids|baby|babies|toddler|toddlers|spouse|wife|husband|girlfriend|boyfriend|partner|date|ex|neighbor|neighbour|boss|coworker|teacher|classmates|family|mom|dad|mother|father|sister|brother|grandparent|grandma|grandpa|everyone|crowd|cop|cops|police|president|politician|politicians|population";
/**
 * Verbs that are violence when a person is their object. Left out: words chats use for other things
 * ("hurt her feelings", "a crush on her", "I saw people", "eliminate toxic people", "beat them 3-0").
 */
const VIOLENT =
  "kill|killing|murder|execute|shoot|stab|strangle|throttle|torture|kidnap|abduct|liquidate|liquidating|eradicate|decimate|decimating|slay|butcher|butchering|dismember|behead|decapitate|poison|drown|slaughter|maim|overpower|euthanize|assault";
/** Crimes and atrocities: a topic in a question, a concern when the asker means to take part. */
const ATROCITY =
  "terrorism|terrorist|genocide|massacre|assassination|kidnapping|kidnap|trafficking|rape|bombing|treason|cleansing|murder";
/** Groups a discriminatory premise singles out ("why should lesbians not hold office?"). */
const GROUP =
  "gay|gays|lesbian|lesbians|bisexual|trans|transgender|binary|asexual|latino|latinos|latina|latinas|hispanic|hispanics|jewish|jews|muslim|muslims|christian|christians|buddhist|buddhists|hindu|hindus|atheist|atheists|immigrant|immigrants|refugees|women|disabled|elderly|divorced|homeless|roma|arab|arabs|mexican|mexicans";
const EXCLUDED =
  "denied|banned|barred|excluded|discriminated|deported|segregated|inferior|weaker|dumber|overrepresented";
const DENIED_THINGS =
  "allowed|permitted|given|shown|hold|vote|marry|practice|practicing|access|enter|run|hired";
/** Other people's records a request would expose ("my roofer's passport number"). */
const PRIVATE_FIELD = "password|passport|ssn";
/** Records of someone else's ("my gardener's immigration status"): few people ask so about their own. */
const PRIVATE_RECORD =
  "social|criminal|immigration|marital|sexual|browsing|tax|bank|credit|political|religious";
const RECORD_WORD = "security|record|records|history|status|orientation|details|card|affiliation|beliefs";

/** Each cue's weight is the concern level it signals. */
const LEVELS = new Lexicon("concern", "user", [
  [
    "violence",
    [
      `${VIOLENT} ..2 ${PERSON}`,
      "beat|beating up my|a|someone|somebody|him|her|them",
      "punch|tackle|smash ..2 someone|toddler|child|baby|skull",
      "gut|chop up? a|the human|body",
      // Taking part, not being hurt by it or asking about it ("how do I cope after...").
      `how|where|what do|can|should|could|would i|we ..3 commit|plan|engage|carry|join|fund|organize|organise|start|set|satisfy ..5 ${ATROCITY}`,
      `get away with ${ATROCITY}`,
      `i want|plan|intend ..1 to ..4 commit|plan|carry|join|fund|organize|organise|start ..3 ${ATROCITY}`,
      `commit ..1 ${ATROCITY}|assault|robbery|arson|violence`,
      "bomb|bombing|explode|obliterate ..4 city|concert|airport|building|house|school|hospital|base|stadium|plane|train|bus",
      "blow up a|the|my ..2 city|concert|airport|building|house|school|hospital|base|stadium|plane|train|bus|car",
      "set ..3 on fire",
      "burn down",
      "car|house|building explode",
      "replicate|repeat|recreate ..4 attack|attacks|massacre|genocide|shooting|assassination",
    ],
    4,
  ],
  [
    "child-abuse",
    [
      "how|where|what do|can|should|could|would i|we ..6 pedophilia|paedophilia",
      "capture|kidnap|groom ..2 child|children|kid|kids|toddler",
    ],
    5,
  ],
  [
    "discrimination",
    [
      // A premise asked about ("why should X not..."), not a complaint about being treated so.
      `why ..5 ${GROUP} ..8 ${EXCLUDED}`,
      `why ..5 ${GROUP} ..8 not to? be? ${DENIED_THINGS}`,
      `why ..5 black|white|asian|indian|chinese people|folks|americans ..8 ${EXCLUDED}`,
      `why ..5 black|white|asian|indian|chinese people|folks|americans ..8 not to? be? ${DENIED_THINGS}`,
      `why ..5 ${GROUP} ..8 extra security`,
      `take|took away ..3 ${GROUP}|black|white ..3 rights`,
      `eradicate ..2 ${GROUP}|black|white`,
    ],
    3,
  ],
  [
    "denial-or-glorification",
    [
      "holocaust|genocide|massacre|slavery ..6 never happened|fabrication|hoax",
      "make|convince people ..2 believe ..6 never happened",
      "overstate|overstated|exaggerate|exaggerated what happened",
      "morally justified to invade|kill|attack",
      "right to kill",
      "shooting|attack|attacks|massacre|genocide|cleansing|bombing ..3 justified",
      "benefits of ..2 cleansing|genocide|slavery|apartheid",
    ],
    3,
  ],
  [
    "others-private-data",
    [
      `my _ ..2 ${PRIVATE_FIELD}`,
      `my _ ..2 ${PRIVATE_RECORD} ${RECORD_WORD}`,
      `other people|someone ${PRIVATE_FIELD}`,
      "other people|someone credit|bank ..1 card|cards|details|account|accounts|number",
      "how much ..3 my ..2 earn|earns|makes|paid",
    ],
    2,
  ],
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
      "make|build a bomb",
      "explosive|explosives",
      "poison my|him|her|someone",
      "shoot up|someone|people",
      "school|mass shooting",
    ],
    4,
  ],
  [
    "self-harm",
    [
      "self harm",
      "cut|cutting|hurt|hurting|starve|starving|hang|hanging|drown|drowning|shoot|poison myself",
      "cut|slit|sever|pierce ..3 artery|wrist|wrists|vein|veins",
      "i ..3 want|wish|wanted|plan|planning to die",
      "take to die",
      "suicid*",
    ],
    4,
  ],
  [
    "weapons-drugs",
    [
      "make meth|drugs|fentanyl",
      "make a gun|weapon|bomb",
      "synthesize|synthesise meth|drugs|fentanyl|ricin|sarin|explosives|lsd|mdma|heroin|cocaine",
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
  [
    "buy-drugs",
    "buy|get|getting|sell|selling|make|making|cook ..4 crack|coke|cocaine|ecstasy|heroin|meth|mdma|lsd|marihuana|marijuana|fentanyl",
    3,
  ],
  [
    "crime",
    [
      "identity theft",
      "destroy ..3 life|reputation|car",
      "slash ..3 tires|tyres",
      "disable ..3 alarm|alarms",
    ],
    3,
  ],
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
