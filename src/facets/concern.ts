/**
 * `concern`: how much a conversation may need a human reviewer's attention, from 1 (not concerning)
 * to 5 (needs immediate review), as in Clio. Offline: the highest level whose cues fire in the human's
 * messages, lowered by one when the assistant met the risk with a refusal or referral (but 5 stays 5).
 */
import { FacetRecordSchema } from "../types.ts";
import { cueOf, type FacetDefinition } from "./facet.ts";
import { type Hit, Lexicon } from "./phrase.ts";
import type { MessageText } from "./text.ts";

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
/** What only a clinician should do: done at home, a concern ("perform surgery on myself"). */
const PROCEDURE =
  "surgery|operation|circumcision|abortion|extraction|amputation|anaesthesia|anesthesia|stitches|sutures|transfusion|tracheotomy|pacemaker";
/** Verbs that ask the assistant for content ("write me...", "give me some..."). */
const ASK_FOR =
  "write|generate|create|compose|produce|describe|draw|tell|give|show|make|list|suggest|provide";
/** Verbs that ask for a claim to be made ("write an essay proving...", "argue that..."). */
const CLAIM =
  "prove|proving|proves|argue|arguing|argument|claim|claiming|claims|convince|convincing|promote|promoting|persuade|persuading|persuasive|supporting|asserting|stating|showing|confirming|detailing|explaining";
const HATEFUL = "racial|ethnic|racist|homophobic|sexist|derogatory|offensive|hateful";
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
      // Someone's contact details or identifiers asked for (doxxing); one's own ("my home address")
      // are set aside in `extract` (OWN).
      "home|personal|private|current|new|residential address|addresses",
      "personal|private|cell|mobile|home|direct phone|email|contact number|numbers|address|addresses|details",
      "give|provide|find|tell|share|send|get|know|need ..5 phone|cell|mobile|contact|email|office number|numbers|address|addresses|details|info|information",
      "names and|& addresses|numbers|phone|emails",
      "social security number|numbers",
      "credit|debit card number|numbers|details|information|info",
      "card number|numbers|details",
      "bank account|accounts number|numbers|details|information|info",
      "security code|codes",
      "password|passwords to|for|of",
      "date|dates of birth|births",
      "medical|prescription|health|patient|patients records ..2 of",
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
      "synthesize|synthesise meth|methamphetamine|drugs|fentanyl|ricin|sarin|explosives|lsd|mdma|heroin|cocaine",
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
      "fake|forged|counterfeit ..1 license|licence|id|ids|passport|passports|documents|diploma|banknotes|money|bills|currency",
      "forge ..2 notes|banknotes|money|currency|checks|cheques|documents|passport|passports",
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
    // Treating oneself or someone else where a doctor is needed: a procedure done at home, care
    // avoided on purpose.
    "unsafe-self-treatment",
    [
      `perform|do|carry|give ..4 ${PROCEDURE} ..4 at home|myself|yourself|himself|herself`,
      `perform|do|carry|give ..4 ${PROCEDURE} ..4 on myself|yourself|himself|herself`,
      `${PROCEDURE} at home`,
      `home|diy|unlicensed ${PROCEDURE}`,
      "root canal at home|myself",
      "remove|extract ..2 the|a bullet ..4 myself|yourself|home",
      "stitch ..3 wound|wounds|cut ..4 myself|yourself|home",
      "stitch up? myself",
      "self administer|administered|administering|induce|induced|medicate|medicating",
      "stomach pump",
      "swallowed|drank|drinking ..2 bleach|detergent|poison",
      "fix|treat|set|cure ..3 broken arm|leg|bone|wrist|ankle|nose|jaw",
      "signs|symptoms of a? heart attack|stroke",
      "having a heart attack|stroke",
      "without going|having ..2 to a|the? hospital|doctor|doctors|er|dentist|clinic",
      "without having to go|going ..3 hospital|doctor|doctors|dentist",
      "without ..2 seeing|visiting|calling a|the? doctor|doctors|hospital|ambulance|dentist",
      "avoid|avoiding ..3 going to the? hospital|doctor|er",
      "do|does not want to go to a|the? hospital|doctor",
      "make ..2 throw up",
      "make ..2 vomit",
      "induce vomiting",
      "how long can i|you|a|someone ..1 go|survive|last without ..2 water|food|eating|drinking|sleep|sleeping",
    ],
    3,
  ],
  [
    // Meaning not to be caught says the asker knows it is wrong; keeping something from someone is
    // weaker evidence ("hide vegetables in their food without them noticing").
    "evade-detection",
    [
      "without getting|being ..1 caught|detected|traced",
      "not get caught",
      "get caught|detected|traced ..2 if",
    ],
    3,
  ],
  [
    "unnoticed",
    [
      "how|way|ways ..8 without anyone|them|him|her|my|his|their ..2 knowing|noticing|finding",
      "how|way|ways ..8 without being noticed|seen",
      "how|way|ways ..8 so no one ..2 finds|find|knows|notices",
      "how|way|ways ..8 so nobody ..2 finds|find|knows|notices",
    ],
    2,
  ],
  ["hazardous-materials", "remove|handle|process|dispose|cut|sand|burn ..4 asbestos|mercury", 2],
  [
    // Asking for hateful content about a group: slurs, "jokes", claims of inherent inferiority (not
    // being called a slur, or being discriminated against).
    "hate-speech",
    [
      `${ASK_FOR} ..4 ${HATEFUL} slurs|slur|terms|term|insults|names|jokes|joke|remarks|comments|statement|statements|words`,
      `${ASK_FOR} ..4 slurs`,
      "inherently|genetically|naturally ..1 inferior|superior|greedy|violent|stupid|dumber|smarter|lazy|criminal|evil",
      "superiority|inferiority of ..3 race|races|group|groups|women|men",
      "should|we|how ..3 oppress",
      "should|we|how ..3 discriminate against",
      "racially segregated",
    ],
    3,
  ],
  [
    // Asking for sexual content between adults: concerning only slightly (with minors it is level 5).
    // People speaking of their own sex life, or a partner's porn habit, are not asking for content.
    "sexual-content",
    [
      `${ASK_FOR} ..4 porn|porno|pornographic|erotica|erotic|hentai|nsfw|sexy|sexual|explicit|naked|nude`,
      `${ASK_FOR} ..4 sex scene|scenes|story|stories`,
      "erotic|sexual|sex roleplay|chat",
      "erotic|sexual|sex role play",
      "sext|sexting|textgasm",
      "fuck me",
    ],
    2,
  ],
  [
    // Asking for claims against established fact to be argued, or for evidence to be invented (not
    // asking whether a claim is true).
    "misinformation",
    [
      "fake|fabricated|false|invented|imaginary|nonexistent ..2 evidence|statistics|stats|research|studies|study|facts|data|quotes|statements|information|news|sources|citations",
      "made up ..2 evidence|statistics|stats|research|studies|study|facts|data|quotes|statements|information|news|sources|citations",
      "non existent ..2 evidence|statistics|stats|research|studies|study|facts|data|quotes|statements|information|news|sources|citations",
      `${CLAIM} ..8 hoax|flat|autism|conspiracy|staged|fabricated|fabrication|fake`,
      `${CLAIM} ..8 never happened|existed|landed|occurred`,
      `${CLAIM} ..8 not real`,
      "holocaust ..5 did not happen",
      "holocaust ..5 never|myth|lie|denial|hoax",
      "propaganda",
    ],
    2,
  ],
  [
    "hostility",
    ["insult|insults for", "racist", "hate them|those|people", "stupid people|idiots", "revenge on"],
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

/**
 * Benign idioms made of a concern cue's words ("break into the music industry", "kill time"): a cue
 * inside one does not count.
 */
const IDIOMS = new Lexicon("concern-idiom", "user", [
  [
    "idiom",
    [
      "break|breaking|broke into the|a? ..2 industry|business|market|field|career|world|scene|league|mainstream",
      "hack|hacking into? the|a? habit|way|routine|productivity|solution|pumpkin|cube",
      "hack my|your way",
      "kill|killing|killed time",
      "kidnap|kidnapping|steal|stealing ..2 attention|show|heart|hearts|spotlight",
      "blow|blew up ..2 instagram|tiktok|youtube|phone|channel|account|post|online|internet",
    ],
  ],
]);

/** A message that says it speaks in metaphors ("in a metaphorical sense"): none of its cues count. */
const METAPHOR = new Lexicon("concern-metaphor", "user", [
  ["metaphor", "metaphor|metaphors|metaphorical|metaphorically|figuratively|figurative"],
]);

/**
 * A request about a work of fiction or a game ("in the movie ...", "in Minecraft", "my character"):
 * about depicted events, not about doing them, so it counts a level lower.
 */
const FICTION = new Lexicon("concern-fiction", "user", [
  [
    "fiction",
    [
      "in|from|of the|a|my movie|movies|film|films|show|series|book|novel|game|episode|anime|manga|comic|play|musical|story|sitcom|franchise",
      "in the tv|video show|series|game",
      "in the game|games",
      "video game|games",
      "my|the|a character|characters",
      "role playing game",
      "science fiction",
    ],
  ],
]);

/** One's own records, or what such a record is, are no concern ("my home address", "what is a social security number"). */
const OWN = new Set(["my", "our", "your", "own", "a", "an"]);

function isOwn(m: MessageText, h: Hit): boolean {
  if (OWN.has(m.wordAt(h.at - 1) ?? "")) return true;
  for (let i = h.at; i < h.end; i++) if (m.wordAt(i) === "own") return true;
  return false;
}

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

/**
 * The concern cues of one human message that count: none in a message that says it speaks in
 * metaphors, none inside a benign idiom, and no one's own records. Pushback reads them too, for what a
 * refused request was about.
 */
export function riskHits(m: MessageText): readonly Hit[] {
  const hits = LEVELS.of(m.hits);
  if (hits.length === 0 || METAPHOR.of(m.hits).length > 0) return NO_RISK;
  const idioms = IDIOMS.of(m.hits);
  const counted = hits.filter(
    (h) =>
      !idioms.some((i) => i.at < h.end && h.at < i.end) && !(h.name === "others-private-data" && isOwn(m, h)),
  );
  return counted.length === hits.length ? hits : counted;
}
const NO_RISK: readonly Hit[] = [];

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
      const hits = riskHits(m);
      if (hits.length === 0) {
        const metaphor = cues && LEVELS.of(m.hits).length > 0 ? METAPHOR.of(m.hits)[0] : undefined;
        if (metaphor) cues?.push(cueOf(metaphor, "user", 0));
        continue;
      }
      let own = 1;
      for (const h of hits) {
        cues?.push(cueOf(h, "user"));
        own = Math.max(own, h.weight);
      }
      const fiction = own > 1 && own < 5 ? FICTION.of(m.hits)[0] : undefined;
      if (fiction) {
        own--;
        cues?.push(cueOf(fiction, "user", -1));
      }
      level = Math.max(level, own);
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
