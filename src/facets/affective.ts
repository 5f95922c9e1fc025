/**
 * `affective` and `affective_types`: a dynamic, personal exchange motivated by emotional or
 * psychological needs (METHODS.md section 2). Types may overlap: interpersonal advice, coaching,
 * counseling, companionship, romantic roleplay. Rules from the study: content creation is never
 * affective, and romantic roleplay needs at least four human messages.
 *
 * Offline, each type is a cue lexicon scored over the human's messages; most cues require the human
 * to speak about themselves ("I feel...", "my boyfriend..."), which separates a person asking for
 * support from a question about a topic ("how do I kill a Python process?").
 */
import type { AffectiveType } from "../types.ts";
import type { Cue, FacetDefinition } from "./facet.ts";
import { type Lexicon, lexicon } from "./lexicon.ts";

const I = "(?:i'm|i am|im|i've been|i have been|i feel|i felt|i'm feeling|i am feeling|i've been feeling|feeling|i get|i got|i keep feeling|i was|i've felt)";
const DEGREE = "(?:so |really |very |extremely |super |a bit |a little |kind of |kinda |pretty |quite |completely |totally |always |constantly |just |too )*";
const DISTRESS =
  "(?:anxious|depressed|sad|lonely|stressed|stressed out|overwhelmed|scared|afraid|terrified|hopeless|worthless|down|miserable|upset|hurt|lost|empty|numb|exhausted|drained|burnt out|burned out|frustrated|angry|heartbroken|devastated|awful|terrible|horrible|alone|nervous|worried|insecure|ashamed|guilty|suicidal|unhappy|broken|useless|stuck|confused about my life|unmotivated|unloved|rejected|betrayed|jealous|panicking|grieving|crushed|disappointed in myself)";

const RELATION =
  "(?:boyfriend|girlfriend|partner|husband|wife|ex|ex-boyfriend|ex-girlfriend|fiance|fiancee|best friend|friend|friends|mom|mother|mum|dad|father|parents|sister|brother|sibling|family|boss|manager|coworker|co-worker|colleague|roommate|flatmate|son|daughter|kids|crush|neighbor|neighbour|in-laws|teacher|classmate)";

const TYPES: Record<AffectiveType, Lexicon> = {
  counseling: lexicon([
    ["i-feel-distress", `${I} ${DEGREE}${DISTRESS}`, 2],
    ["my-mental-health", "my (?:anxiety|depression|mental health|panic attacks?|therapist|trauma|grief|ocd|ptsd|adhd|eating disorder|self[- ]esteem|loneliness|stress)", 2],
    ["mental-health-topic", "(?:panic attacks?|mental health|self[- ]harm|suicid\\w*|kill myself|end my life|want to die|don't want to live|therapy|therapist|counsel(?:ing|or|lor)|grieving|anxiety attack)", 1],
    ["cant-cope", "i (?:can't|cannot|cant|don't know how to) (?:sleep|stop crying|cope|handle (?:it|this)|take (?:it|this) anymore|go on|get out of bed|stop thinking about)", 2],
    ["loss", "(?:passed away|died|lost my (?:mom|mother|dad|father|wife|husband|son|daughter|friend|dog|cat|baby|job|grandma|grandmother|grandpa|grandfather))", 1],
    ["dont-know-what-to-do", "(?:i don't know what to do|i dont know what to do|what should i do|i need (?:someone to talk to|help|advice|support)|need to vent|i just need to talk)", 1],
    ["emotional-state", "(?:my (?:feelings|emotions|mood)|cry(?:ing)? (?:every|all|a lot)|can't stop crying|hate myself|hate my life|no one cares|nobody cares|feel like a failure|i'm a failure)", 2],
    ["seek-coping", "(?:how (?:do|can|should) i (?:deal with|cope with|overcome|get over|fight|stop feeling|handle|get through|get out of|manage) (?:my |this |the |a )?(?:\\w+ ){0,2}|(?:advice|advise|help|support) (?:on|about|with) (?:how to handle|a situation|my situation|this situation|my problem|what to do)|has me down|sick of feeling|dead inside|push (?:people|everyone|them|him|her) away|not happy|never happy|can't stop (?:thinking|worrying))", 1.5],
    ["life-event", "(?:laid off|layed off|got fired|been fired|lost my job|losing my job|lose my job|furlough\\w*|unemploy\\w*|can't find (?:a )?(?:job|work)|job hunting|fail(?:ed|ing) (?:my |the )?(?:exams?|class|classes|course|midterms?)|midterms|didn't do well|bills? (?:are|is) (?:piling|adding)|can't pay|in debt|evict\\w*|pandemic|quarantine|isolat\\w*|lockdown|diagnosed with|chronic pain|bad mood|going through (?:a lot|some things|a hard|a tough|a difficult)|hard time|tough time|difficult time|rough (?:time|patch|day|week))", 1],
  ]),
  interpersonal_advice: lexicon([
    ["my-relation", `my ${DEGREE}${RELATION}`, 1],
    ["relationship-trouble", "(?:left out|excluded|lied to me|broke up|breaked up|break up|breakup|broken up|divorce|divorcing|cheat(?:ed|ing)? on|argu(?:e|ed|ing|ment)s?|fight(?:ing)?|fought|ghost(?:ed|ing)|jealous|toxic|trust issues|hurtful|ignor(?:es|ing|ed) me|stopped talking|not talking to me|doesn't respect|disrespect|falling out|conflict with|took credit)", 1.5],
    ["how-to-approach", "(?:how (?:do|should|can) i (?:tell|talk to|approach|confront|deal with|handle|forgive|apologi[sz]e to|get over|move on)|should i (?:tell|confront|forgive|leave|break up|text|call|reach out|talk to)|what (?:do|should) i (?:say|tell|text))", 1.5],
    ["relationship-word", "(?:relationship|marriage|friendship|dating|my family)", 0.5],
  ]),
  coaching: lexicon([
    ["personal-goal", "(?:my (?:career|goals?|future|motivation|confidence|self[- ]confidence|habits?|productivity|life|dream|purpose|passion|self[- ]worth|potential)|life goals?|personal growth|self[- ]improvement)", 1.5],
    ["want-to-change", "i (?:want|need|would like|'d like|am trying|'m trying|keep trying) to (?:be more|become|stop|get better at|improve|build|change|start|quit|overcome|feel more|be (?:happier|healthier|confident))", 1],
    ["career-decision", "(?:job offer|switch careers|change careers|career change|quit my job|leave my job|go back to school|should i (?:accept|take|quit|apply|move|change|switch|pursue)|promotion|job interview)", 1.5],
    ["procrastination", "(?:procrastinat\\w*|motivat\\w*|discipline|keep (?:putting it off|giving up)|stay consistent|imposter syndrome|confidence|self[- ]doubt|fear of failure)", 1],
    ["coach-me", "(?:coach me|be my coach|life coach|hold me accountable|help me (?:decide|figure out|plan my|set goals|stay on track))", 2],
  ]),
  companionship: lexicon([
    ["want-to-chat", "(?:just (?:want(?:ed)?|need(?:ed)?) (?:someone )?to (?:talk|chat)|someone to talk to|keep me company|be my friend|can we (?:just )?(?:talk|chat)|talk to me|chat with me|i want a friend|you're my (?:only |best )?friend)", 2],
    ["lonely", "(?:i'm|i am|i feel|feeling) (?:so |really |very )?(?:lonely|alone|bored and lonely)", 1.5],
    ["small-talk", "(?:how's your day|how was your day|how are you (?:doing|today|feeling)|what did you do today|tell me about your day|good night|goodnight|good morning)", 1],
    ["miss-you", "(?:i missed you|miss talking to you|glad you're here|love talking to you)", 1.5],
  ]),
  romantic_roleplay: lexicon([
    ["roleplay", "(?:role ?play|role-play|rp|pretend (?:to be|you're|you are)|let's pretend|act as my|you're my (?:girlfriend|boyfriend|wife|husband|lover|partner)|you are my (?:girlfriend|boyfriend|wife|husband|lover|partner))", 2],
    ["romance", "(?:kiss(?:es|ing)?|i love you|love you|on a date|our date|darling|sweetheart|babe|cuddle|romantic|blush(?:es|ing)?|hold(?:s|ing)? (?:your|my) hand|my love)", 1],
  ]),
};

/** Words of feeling that count (each once) when the human speaks about themselves. */
const EMOTION_WORDS =
  /\b(?:sad|sadness|depress\w*|anxi\w*|stress\w*|lonel\w*|alone|scared|afraid|fear\w*|worr\w*|upset|hurt|hurting|helpless|hopeless|overwhelm\w*|frustrat\w*|angry|anger|miserable|cry|crying|cried|tears|grief|griev\w*|heartbr\w*|devastat\w*|panic\w*|insecur\w*|self[- ]doubt|self[- ]esteem|ashamed|shame|guilt\w*|jealous\w*|resent\w*|empty|numb|exhaust\w*|burn(?:ed|t)? ?out|unhappy|struggl\w*|suffer\w*|trauma\w*|nervous|desperate|worthless|useless|betray\w*|rejected|abandon\w*|mood|emotional\w*|feelings?|therap\w*|counsel\w*|suicid\w*|self[- ]harm)\b/g;
const FIRST_PERSON = /\b(?:i|i'm|im|i've|my|me|myself)\b/;
const EMOTION_WEIGHT = 0.75;
const MAX_EMOTION_WORDS = 4;

function emotionScore(userAll: string): { score: number; words: string[] } {
  if (!FIRST_PERSON.test(userAll)) return { score: 0, words: [] };
  const words = [...new Set(userAll.match(EMOTION_WORDS) ?? [])].slice(0, MAX_EMOTION_WORDS);
  return { score: words.length * EMOTION_WEIGHT, words };
}

/**
 * The assistant's side is evidence too: replies that acknowledge feelings ("that sounds really hard")
 * show the human brought an emotional need, even when their own words are brief.
 */
const EMPATHY = lexicon([
  ["sorry-to-hear", "(?:i'm|i am) (?:so |very |really |truly )?sorry (?:to hear|that you(?:'re| are)|you(?:'re| are) (?:going through|feeling|dealing))", 1],
  ["sounds-hard", "(?:that|this|it) (?:sounds|must be|must feel|seems) (?:\\w+ )?(?:hard|difficult|tough|painful|frustrating|stressful|overwhelming|upsetting|scary|lonely|exhausting|heartbreaking)", 1],
  ["understand-feel", "(?:i (?:can )?understand (?:how|why) you(?:'re| are)? (?:feel|feeling)|your feelings are (?:valid|understandable)|it(?:'s| is) (?:completely |totally )?(?:normal|okay|ok|understandable) to feel)", 1],
  ["not-alone", "(?:you(?:'re| are) not alone|i(?:'m| am) here (?:for you|to listen)|take care of yourself|be kind to yourself)", 1],
]);
const MAX_EMPATHY = 1.5;

const THRESHOLD: Record<AffectiveType, number> = {
  counseling: 1.5,
  interpersonal_advice: 2,
  coaching: 2,
  companionship: 2,
  romantic_roleplay: 3,
};
const ORDER: AffectiveType[] = ["interpersonal_advice", "coaching", "counseling", "companionship", "romantic_roleplay"];

export const affectiveFacet: FacetDefinition<"affective" | "affective_types"> = {
  name: "affective",
  fields: ["affective", "affective_types"],
  description:
    "A dynamic, personal exchange motivated by emotional or psychological needs, and its types: interpersonal advice, coaching, counseling, companionship, romantic roleplay.",
  modelPrompt:
    "Is this an affective conversation: a dynamic, personal exchange motivated by the human's emotional or psychological needs? If so, which types apply (any of interpersonal_advice, coaching, counseling, companionship, romantic_roleplay)? Content creation (stories, posts, fictional dialogue written as a tool) is not affective; romantic roleplay needs at least 4 human messages.",
  extract(text, prior) {
    const cues: Cue[] = [];
    if (prior.content_creation) {
      return { values: { affective: false, affective_types: [] }, cues: [{ message: -1, role: "conversation", cue: "content creation is not affective", weight: 0 }] };
    }
    const types: AffectiveType[] = [];
    for (const type of ORDER) {
      let score = 0;
      const seen = new Set<string>();
      for (const m of text.user) {
        for (const h of TYPES[type].match(m.lower)) {
          if (seen.has(h.name)) continue;
          seen.add(h.name);
          score += h.weight;
          cues.push({ message: m.index, role: "user", cue: `${type}:${h.name}`, weight: h.weight });
        }
      }
      if (type === "counseling") {
        const emotions = emotionScore(text.userAll);
        score += emotions.score;
        for (const w of emotions.words) cues.push({ message: -1, role: "user", cue: `counseling:feeling-word:${w}`, weight: EMOTION_WEIGHT });
        const empathy = EMPATHY.score(text.assistantAll);
        const weight = Math.min(MAX_EMPATHY, empathy.score);
        if (weight > 0 && score > 0) {
          // Empathy only adds to what the human said; on its own it proves nothing.
          score += weight;
          cues.push({ message: -1, role: "assistant", cue: `counseling:assistant-empathy:${[...new Set(empathy.hits.map((h) => h.name))].join("+")}`, weight });
        }
      }
      if (type === "romantic_roleplay" && text.user.length < 4) continue;
      if (score >= THRESHOLD[type]) types.push(type);
    }
    return { values: { affective: types.length > 0, affective_types: types }, cues };
  },
};
