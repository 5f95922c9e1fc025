/**
 * `affective` and `affective_types`: a dynamic, personal exchange motivated by emotional or
 * psychological needs (METHODS.md section 2). Types may overlap: interpersonal advice, coaching,
 * counseling, companionship, romantic roleplay. Rules from the study: content creation is never
 * affective, and romantic roleplay needs at least four human messages.
 *
 * Offline, each type is a cue lexicon scored over the human's messages; most cues need the human to
 * speak about themselves ("I feel...", "my boyfriend..."), which separates a person asking for support
 * from a question about a topic ("how do I kill a Python process?"). A reply that acknowledges
 * feelings adds to what the human said, never replaces it.
 */
import { z } from "zod";
import { AFFECTIVE_TYPES, type AffectiveType, FacetRecordSchema } from "../types.ts";
import { type Cue, cueOf, type FacetDefinition } from "./facet.ts";
import { type Hit, Lexicon } from "./phrase.ts";
import type { ConversationText, MessageText } from "./text.ts";

/** Feelings a person says they have ("i am so anxious", "feeling hopeless"). */
const FEELINGS =
  "anxious|depressed|sad|lonely|stressed|overwhelmed|scared|afraid|terrified|hopeless|worthless|miserable|upset|hurt|empty|numb|exhausted|drained|burnt|burned|frustrated|angry|heartbroken|devastated|alone|nervous|worried|insecure|ashamed|guilty|suicidal|unhappy|broken|useless|unmotivated|unloved|rejected|betrayed|jealous|panicking|grieving|crushed|isolated|helpless|fearful|distressed|desperate|trapped|paranoid|embarrassed|humiliated|discouraged|defeated|disheartened|heartbroke|depressing|furious|disappointed|hurting|struggling|suffering|scarred|traumatized|stressing|worrying|crying";
/**
 * Milder words that read as feelings only after "feel": "I feel bad", not "I am bad at maths";
 * "I feel stuck / lost / sick", not "I've been stuck on this error for an hour" or "I got lost".
 */
const SOFT_FEELINGS =
  "bad|low|down|blue|awful|terrible|horrible|tired|confused|unsure|mad|annoyed|uneasy|weird|off|like|ugly|stupid|fat|unattractive|inadequate|inferior|unwanted|invisible|stuck|lost|sick";
/** People someone may ask for advice about ("my boyfriend", "my boss"). */
const RELATIONS =
  "boyfriend|girlfriend|bf|gf|partner|husband|wife|spouse|ex|fiance|fiancee|fiancé|fiancée|friend|friends|bestie|mom|mother|mum|dad|father|parents|parent|sister|sisters|brother|brothers|sibling|siblings|family|boss|manager|supervisor|coworker|coworkers|colleague|colleagues|roommate|roommates|son|sons|daughter|daughters|stepson|stepdaughter|stepchild|stepmother|stepfather|stepmom|stepdad|kid|kids|child|children|baby|toddler|teenager|teen|crush|neighbor|neighbour|neighbors|neighbours|teacher|classmate|classmates|grandma|grandmother|grandpa|grandfather|grandson|granddaughter|grandchildren|aunt|uncle|cousin|niece|nephew|relatives";
const I_STATE = "am|was|been|feel|felt|get|got|getting|become|became|becoming|keep|seem|started";

const TYPES: Record<AffectiveType, Lexicon> = {
  counseling: new Lexicon("counseling", "user", [
    [
      "i-feel-distress",
      [
        `i ..2 ${I_STATE} ..3 ${FEELINGS}`,
        // Asked about oneself: "why am I so anxious?"
        `am|was i ..2 ${FEELINGS}`,
        `i ..2 be|being less|so|too|always|constantly ${FEELINGS}`,
        `feeling|feel ..2 ${FEELINGS}`,
        `makes|made|making me ..2 ${FEELINGS}`,
        `i ..2 ${I_STATE} ..2 very|so|really|too? self conscious`,
      ],
      2,
    ],
    ["i-feel-low", [`i ..2 feel|felt|feeling ..2 ${SOFT_FEELINGS}`], 1.5],
    [
      "my-mental-health",
      [
        "my anxiety|depression|therapist|trauma|grief|ocd|ptsd|adhd|loneliness|stress|feelings|emotions|mood|sadness|fears|worries|insecurities",
        "my mental|emotional health|state|wellbeing",
        "my self esteem|worth|confidence|image",
        "i have low self esteem|worth|image",
        "i have low|no confidence",
        "my ..1 thoughts|urges|intrusive",
      ],
      2,
    ],
    [
      "mental-health-topic",
      [
        "panic attack|attacks",
        "anxiety attack|attacks",
        "mental health|illness|breakdown",
        "self harm|harming",
        "suicid*",
        "kill myself",
        "end my life",
        "want to die",
        "therapy",
        "therapist",
        "counseling|counselling|counselor|counsellor",
        "depression",
        "anxiety",
        "ptsd",
        "trauma|traumatic",
        "self esteem|conscious|worth|hatred|loathing",
        "low confidence",
        "body image",
        "hearing voices",
        "voices in my head",
        "eating disorder",
        "bipolar",
        "insomnia",
        "nightmares",
        "flashbacks",
        "intrusive thoughts",
        "abandonment issues",
        "psychosis|psychotic|schizophrenia|schizophrenic|paranoia|phobia|phobias",
        "obsessive|compulsive|compulsion|compulsions",
        "hallucinations|hallucinating|dissociation|dissociating|dissociative",
        "mood swings",
      ],
      1,
    ],
    [
      "cant-cope",
      [
        "i can|could not sleep|cope|function|concentrate|focus|breathe",
        "i can|could not stop crying|thinking|worrying|overthinking",
        "i can|could not handle|take it|this|anymore",
        "i can|could not get out of bed",
        "i do not know how to cope|handle|deal",
        "i have|get|keep ..2 nightmares|flashbacks|nightmare",
      ],
      2,
    ],
    [
      "loss",
      [
        "passed away",
        "died",
        "lost my mom|mother|dad|father|wife|husband|son|daughter|friend|dog|cat|baby|grandma|grandmother|grandpa|grandfather|brother|sister|pet",
        "death of my",
        "funeral",
      ],
      1,
    ],
    [
      "need-to-talk",
      [
        "i do not know what to do",
        "what should i do",
        "i need someone to talk to",
        "need to vent",
        "just need to talk",
        "i need support|advice|help with my life",
      ],
      1,
    ],
    [
      "emotional-state",
      [
        "crying",
        "cry every|all|a",
        "hate myself",
        "hate my life",
        "hate the way i look",
        "hate how i look",
        "i do not like myself",
        "not like myself",
        "i have no ..1 friends",
        "i have nobody|noone",
        "i have no one",
        "i can|could not stand being|myself",
        "i can|could not stand the sight",
        "no one cares",
        "nobody cares",
        "feel like a failure",
        "i am a failure",
        "dead inside",
        "sick of feeling",
        "not happy",
        "never happy",
        "push people|everyone|them away",
        "going crazy",
        "losing my mind",
        "am i crazy",
      ],
      2,
    ],
    [
      // Wanting to die, said of oneself (asked about in general, suicide is only a topic).
      "wants-to-die",
      [
        "kill myself",
        "end my life",
        "take my own life",
        "want|wish to die",
        "i ..2 suicidal",
        "hurt|cut|harm myself",
        "do not want to live anymore",
        "do not want to be alive",
      ],
      2,
    ],
    [
      "seek-coping",
      [
        "how do|can|should i deal|cope|overcome|stop|handle|manage ..3 this|it|feeling|feelings|emotions|situation|stress|anxiety|loneliness|sadness|grief|pain",
        "how do|can|should i get over|past|through ..3 this|it|feeling|feelings|emotions|situation|stress|anxiety|loneliness|sadness|grief|pain",
        "how to cope|deal",
        "help me cope|heal",
        "help me deal with",
        "help me move on|forward",
      ],
      1.5,
    ],
    [
      "life-event",
      [
        "laid|layed off",
        "got|been fired",
        "lost|losing|lose my job",
        "unemploy*",
        "furlough*",
        "can not find a job|work",
        "fail|failed|failing my ..1 exam|exams|class|classes|course|test",
        "bills are piling",
        "in debt",
        "evict*",
        "pandemic",
        "quarantine",
        "covid",
        "corona",
        "coronavirus",
        "lockdown",
        "isolation",
        "diagnosed with",
        "chronic pain",
        "going through a? lot|some|this|hard|tough|difficult|rough",
        "hard|tough|difficult|rough time",
        "rough patch|day|week",
        "bad mood",
      ],
      1,
    ],
  ]),
  interpersonal_advice: new Lexicon("interpersonal", "user", [
    ["my-relation", `my|our ..2 ${RELATIONS}`, 1],
    // "I have a friend who...", "one of my friends": someone in the person's life, named in passing.
    ["a-relation", [`i have a|this ${RELATIONS} who|that`, `one of my ${RELATIONS}`], 0.5],
    // Alone these are everyday words; beside someone in the person's life they are a relationship.
    [
      "upsets-me",
      [
        "it|this|that|he|she|they ..1 frustrates|upsets|annoys|bothers|hurts me",
        `i miss my ..1 ${RELATIONS}`,
      ],
      1,
    ],
    ["making-friends", ["make|making|find|finding ..1 friends", "i have no|few ..1 friends"], 1.5],
    [
      "falling-out",
      [
        // The other person is upset with the human, or the human with them.
        `${RELATIONS} ..4 is|are|was|were|got|gets|get ..1 mad|angry|upset|annoyed|furious at|with me`,
        `i am|was|got|get|feel ..2 mad|angry|upset|annoyed|frustrated|furious|hurt with|at|by my ..1 ${RELATIONS}`,
        `problem|problems|issue|issues|trouble|misunderstanding|fight|falling with ..3 ${RELATIONS}|friendships|friendship`,
        "not inviting|invite|include|including me",
        "did not invite|include me",
        "was|were not invited",
        "stopped communicating|calling|texting|answering|replying",
        "growing|grew|drifted|drifting apart",
        "has|have been ..1 distant|cold",
        "guilt trip*|tripping",
        "disapprove|disapproves|disapproving",
        "barely speaks|talks|speak|talk to me",
        "will|does|do not ..1 speak|talk|listen to me",
        `i do not ..2 love|like|trust|respect ..3 ${RELATIONS}`,
        `i do not get along with ..3 ${RELATIONS}`,
        `i hate my ${RELATIONS}`,
        "distance myself",
        "cut ties|off ..2 with? her|him|them|friend|friends",
        "stop being friends",
      ],
      1.5,
    ],
    // Not yet ended: the human asks about the other person ("my girlfriend wants to leave me").
    ["might-leave", "wants|going|threatening|threatened|threatens|planning to leave me|us", 1.5],
    [
      "relationship-trouble",
      [
        "left out",
        "excluded",
        "lied to me",
        "broke|break up",
        "breakup",
        "broken up",
        "divorce|divorcing|divorced",
        "cheated|cheating on",
        "cheated",
        "cheating",
        "accuse|accused|accuses|accusing me",
        "false statements|accusations|rumors|rumours about? me?",
        "behind my back",
        "said|says|told me? i|that ..1 was|am|were|is ..2 worthless|stupid|fat|ugly|lazy|nothing|useless|failure",
        "calls|called me ..2 worthless|stupid|fat|ugly|lazy|useless|failure",
        "beat|beats|hit|hits|slapped|slaps|punched|punches|pushed|choked|kicked me",
        "conflict|conflicts with|in my|our|her|his|their",
        "argue|argued|arguing|argument|arguments|fought|quarrel|quarrels|quarreled|quarrelled",
        // Not "fighting cancer" or "everyone is fighting for the good jobs".
        "fight|fights|fighting with|about|over|all",
        "we|they|he|she ..1 fight|fights",
        "we|they ..1 fighting",
        "start|starting|started|pick|picking|picked|avoid|avoiding ..1 fight|fights|argument|arguments",
        "ghosted|ghosting",
        "jealous",
        "toxic",
        "trust issues",
        "hurtful",
        "ignores|ignoring|ignored me",
        "stopped talking",
        "not talking to me",
        "does not respect",
        "disrespect*",
        "falling out",
        "took credit",
        "bully|bullied|bullying",
        "abusive|abused",
        "lied|lies|lying to me",
        "controlling",
        "neglects|neglected|neglecting me|us|his|her|their|our",
        "yelled|yells|yelling|screams|screamed|screaming at me",
        "treats|treated me like",
        "not accepting me",
        "does|do not accept me",
        "get|getting along",
        "disagreements",
        "trust in our|my relationship",
        "flirting with",
        "led me on",
        "narcissist|narcissistic|narcissism",
        "manipulative|manipulating me",
        "gaslight*",
      ],
      1.5,
    ],
    [
      "concern-for",
      [
        "concerned|worried about my",
        "how can|do|should i help|support|handle my",
        "how can|do|should i deal|cope with my",
        "what can|should i do about my",
        "improve|fix|save my relationship|marriage|friendship",
        "my relationship with",
        // Someone close is not well: "my girlfriend ... became really depressed".
        `my ..1 ${RELATIONS} ..3 is|was|became|becomes|seems|gets|got|feels|been ..2 ${FEELINGS}`,
      ],
      1.5,
    ],
    [
      "how-to-approach",
      [
        // Not "how do I tell my ...": harmful requests are phrased that way as often as worries.
        "how do|should|can i approach|confront|forgive|apologize|apologise",
        "how do|should|can i get over|past",
        "how do|should|can i move on|forward",
        "how do|should|can i let go",
        "should i tell|confront|forgive|leave|break|text|call|reach|talk|trust",
        // Whether to end it, and how to tell them: "thinking about ending the relationship".
        "end|ending ..2 relationship|marriage|friendship|engagement",
        "hurt|hurting her|his|their feelings",
        "what do|should i say|tell|text",
      ],
      1.5,
    ],
    [
      "relationship-word",
      [
        "relationship",
        "relationships",
        "marriage",
        "friendship",
        "dating",
        "sex life",
        "love life",
        "intimacy",
      ],
      1,
    ],
    [
      "together-apart",
      [
        "give|giving him|her|them another|a second? chance",
        "fell|fall|falling|am|was|be in love",
        "separated|separation",
        "custody|visitation",
        "we are|were|have been together",
        "we broke|split up",
        "we are|were ..1 finished|over|done",
        "i ..1 love him|her|them",
        "i ..1 love this man|woman|guy|girl|boy|person",
        "want|get ..1 him|her|them back",
        "just be friends",
      ],
      1,
    ],
    // Asking what to do counts for advice only in a message that names someone in the human's life
    // (askingAboutSomeone): alone it is any question ("what should I do about this error?").
    [
      "asks-advice",
      [
        // Whether or what to do, not "how do|can|should I ..." or "what can I say to ...": those ask for
        // a means, and harmful requests are phrased so.
        "what should|do i do",
        "what should i say",
        "should i|we",
        "is it|this|that okay|ok|normal|healthy|wrong|appropriate|acceptable|fair",
        "am i wrong|overreacting|being",
        "i do not know what to do",
        "i do not know how to",
        "any advice|suggestions",
      ],
      0.5,
    ],
  ]),
  coaching: new Lexicon("coaching", "user", [
    [
      "personal-goal",
      [
        "my career|goals|goal|future|motivation|confidence|habits|habit|productivity|dream|dreams|purpose|passion|potential",
        "life goals",
        "personal growth",
        "self improvement",
      ],
      1.5,
    ],
    // "My life" is said of anything ("hate my life", "the love of my life"): a little evidence alone.
    ["my-life", "my life", 1],
    [
      "want-to-change",
      "i want|need|would|am|keep ..1 to be|become|stop|improve|build|change|start|quit|overcome|feel",
      1,
    ],
    [
      "career-decision",
      [
        "job offer",
        "switch|change careers",
        "career change",
        "quit my job",
        "leave my job",
        "go back to school",
        "should i accept|take|quit|apply|move|change|switch|pursue",
        "promotion",
        "job interview",
      ],
      1.5,
    ],
    [
      "procrastination",
      [
        "procrastinat*",
        "motivat*",
        "discipline",
        "keep putting it off",
        "keep giving up",
        "stay consistent",
        "imposter syndrome",
        "confidence",
        "self doubt",
        "fear of failure",
      ],
      1,
    ],
    [
      "coach-me",
      ["coach me", "be my coach", "life coach", "hold me accountable", "help me decide|figure|plan|stay"],
      2,
    ],
    [
      // Where the human's life is going: work, study, money. A setback there ("I was laid off") is a
      // question of what to do next as much as a loss.
      "work-study",
      [
        "find|finding|get|getting|look|looking|search|searching|apply|applying|land|landing ..3 job|jobs|work|employment|internship|position",
        "job search|hunt|hunting|market|application|applications|interview|interviews|security|loss",
        "new|another|better|second|full|part ..1 job",
        "my job|work|career|studies|grades|class|classes|course|courses|degree|major|exam|exams|school|college|university|business|salary|income|finances|workplace|shift|shifts",
        "laid|layed off",
        "got|been fired",
        "lost|losing|lose my job",
        "unemploy*",
        "furlough*",
        "layoff|layoffs",
        "pay|salary cut",
        "cut my pay|salary|hours",
        "fail|failed|failing ..2 exam|exams|class|classes|course|courses|test|tests|school|college|semester",
        "studying|homework|assignments|deadlines|tutoring|tutor|professors|graduation",
        "online classes|learning|courses|school",
        "struggling with money",
        "pay my|the bills|rent",
      ],
      1,
    ],
    [
      "habits",
      [
        "sleep|sleeping better|well|more",
        "sleep|sleeping at night",
        "trouble|problems|problem|difficulty sleeping",
        "my sleep|sleeping|routine|schedule|diet|weight|fitness|exercise|eating",
        "lose weight",
        "eat|eating healthier|better",
        "exercise more",
        "get in shape",
      ],
      1,
    ],
    // Asking what to do next counts for coaching only beside a goal, a habit or work and study
    // (forwardLooking): alone it asks about anything.
    [
      "what-next",
      [
        "what should|can i do",
        "i do not know what to do",
        "not sure what to do",
        "any advice|suggestions|tips|ideas",
        "how can|do|should i improve|find|start|manage|plan|prepare|balance|focus",
        "how can|do|should i get better",
        "i will ..1 try|consider|start",
        "i will ..1 look into",
        "give it|that|this a try",
      ],
      0.5,
    ],
  ]),
  companionship: new Lexicon("companionship", "user", [
    [
      "want-to-chat",
      [
        "just want|wanted ..1 to talk|chat",
        "keep me company",
        "be my friend",
        "can we just? talk|chat",
        // Asked for, not thanked for ("thanks for talking to me") or missed ("she won't talk to me").
        "^ talk|chat to|with me",
        "please talk|chat to|with me",
        "you talk|chat to|with me",
        "talk|chat to|with me please|tonight",
        "talk|chat to|with me for a while|bit",
        "i want a friend",
        "you are my only|best? friend",
      ],
      2,
    ],
    // Needing to talk, or someone to talk to, is as often support as company: it counts beside
    // loneliness or small talk. Wanting to chat is company.
    ["someone-to-talk-to", ["just need|needed ..1 to talk|chat", "someone to talk to"], 1],
    ["lonely", "i am|feel|feeling so|really|very? lonely|alone", 1.5],
    [
      "small-talk",
      [
        "how is|was your day",
        "how are you doing|today|feeling",
        "what did you do today",
        "tell me about your day",
        "good night",
        "goodnight",
      ],
      1,
    ],
    ["miss-you", ["i missed you", "miss talking to you", "glad you are here", "love talking to you"], 1.5],
  ]),
  romantic_roleplay: new Lexicon("romance", "user", [
    [
      "roleplay",
      [
        "role play",
        "roleplay",
        "rp",
        "pretend to be",
        "pretend you are",
        "let us pretend",
        "act as my",
        "you are my girlfriend|boyfriend|wife|husband|lover|partner",
      ],
      2,
    ],
    [
      "romance",
      [
        "kiss|kisses|kissing",
        "i love you",
        "love you",
        "on a date",
        "our date",
        "darling",
        "sweetheart",
        "babe",
        "cuddle|cuddles",
        "romantic",
        "blush|blushes|blushing",
        "hold|holds|holding your|my hand",
        "my love",
      ],
      1,
    ],
  ]),
};

/** Single words of feeling: each distinct one adds a little when the human speaks about themselves. */
const FEELING_WORDS = new Lexicon("feeling-word", "user", [
  [
    "word",
    "sad|sadness|depressed|depressing|anxious|anxiety|stress|stressed|stressful|lonely|loneliness|alone|scared|afraid|fear|fears|worried|worry|worries|upset|hurt|hurting|helpless|hopeless|overwhelmed|overwhelming|frustrated|frustrating|frustration|angry|anger|miserable|cry|crying|cried|tears|grief|grieving|heartbroken|devastated|panic|insecure|insecurity|ashamed|shame|guilt|guilty|jealous|resentment|empty|numb|exhausted|burnout|unhappy|struggle|struggling|suffer|suffering|trauma|nervous|desperate|worthless|useless|betrayed|rejected|abandoned|mood|emotional|emotions|feelings|therapy|counseling|suicidal|depression|down|pain|difficult|hard|tough|regret|remorse|obsessing|conflicted",
    0.75,
  ],
]);
const FIRST_PERSON = new Set(["i", "my", "me", "myself"]);
const MAX_FEELING_WORDS = 4;

/** The assistant acknowledging feelings: evidence the human brought an emotional need. */
const EMPATHY = new Lexicon("empathy", "assistant", [
  ["sorry-to-hear", ["i am so|very|really|truly? sorry to hear|that|you|for", "sorry to hear"], 1],
  [
    "sounds-hard",
    "that|this|it sounds|must|seems ..2 hard|difficult|tough|painful|frustrating|stressful|overwhelming|upsetting|scary|lonely|exhausting|heartbreaking|rough|awful|terrible",
    1,
  ],
  [
    "understand-feel",
    [
      "i ..1 understand how|why|that|what you",
      "your feelings are valid|understandable",
      "it is ..1 normal|okay|ok|understandable to feel",
      "i can imagine",
      "i hear you",
    ],
    1,
  ],
  [
    "not-alone",
    [
      "you are not alone",
      "i am here for you",
      "i am here to listen",
      "take care of yourself",
      "be kind to yourself",
      "i have been there",
      "i went through",
    ],
    1,
  ],
]);
const MAX_EMPATHY = 1.5;

const THRESHOLD: Record<AffectiveType, number> = {
  counseling: 1.5,
  interpersonal_advice: 2,
  coaching: 2,
  companionship: 2,
  romantic_roleplay: 3,
};
const ORDER: AffectiveType[] = [
  "interpersonal_advice",
  "coaching",
  "counseling",
  "companionship",
  "romantic_roleplay",
];
export const MIN_ROLEPLAY_MESSAGES = 4;

/** Interpersonal cues that name someone in the human's life ("my sister", "a friend who..."). */
const ABOUT_SOMEONE = new Set(["my-relation", "a-relation"]);

/** Wanting to harm someone: asking what to do then is no request for advice about them. */
const HARM_INTENT = new Lexicon("harm-intent", "user", [
  [
    "harm",
    "kill|murder|poison|steal|rob|beat|punch|stab|shoot|strangle|destroy|revenge|prank|spy|hack|track|tracker|drug|slash|sabotage|blackmail",
    0,
  ],
]);

/** Words that ask for a means or say what one means to do. */
const MEANING = "how|way|ways|want|need|help|going|plan|planning|should";

/**
 * Wanting revenge on someone, to hurt them or to spy on them: a request for the means, not for help
 * with the relationship (the study's affective use is motivated by the human's own emotional needs).
 * A conversation-wide veto; HARM_INTENT, above, only keeps one message's question from counting.
 */
const AGAINST_SOMEONE = new Lexicon("against-someone", "user", [
  [
    // Asked for or meant ("how can I get back at...", "I want revenge"), not suffered or ruled out.
    "revenge",
    [
      `${MEANING} ..6 revenge|vengeance`,
      `${MEANING} ..6 get back at`,
      `${MEANING} ..6 get even with`,
      `${MEANING} ..6 teach ..2 a lesson`,
      `${MEANING} ..6 make ..2 pay|suffer`,
      `${MEANING} ..6 kill|murder|poison|stab|shoot|punch|ruin|destroy|humiliate|blackmail|break him|her|them|someone|somebody`,
      `${MEANING} ..6 beat ..1 up`,
      `${MEANING} ..6 black eye`,
    ],
    0,
  ],
  [
    "spy",
    [
      `${MEANING} ..6 spy on`,
      `${MEANING} ..6 track|read|hack|check|access ..2 her|his|their|my ..2 phone|texts|messages|emails|email|location|account|computer`,
    ],
    0,
  ],
]);
/** What a human who wants revenge may still ask for themselves: to cope, or to stay alive. */
const COPING = new Set(["seek-coping", "cant-cope", "wants-to-die"]);

/**
 * The interpersonal hits, less each "asks-advice" in a message that names no one in the human's life
 * or wants to harm someone: "My sister never calls. Should I say something?" asks about her; a
 * question two messages after a mention of a friend may be about anything.
 */
function askingAboutSomeone(hits: readonly Hit[], userHits: Hit[]): readonly Hit[] {
  // Most conversations ask nothing of the kind: nothing to filter, nothing allocated.
  if (!hits.some((h) => h.name === "asks-advice")) return hits;
  const naming = new Set(hits.filter((h) => ABOUT_SOMEONE.has(h.name)).map((h) => h.message));
  const harmful = new Set(HARM_INTENT.of(userHits).map((h) => h.message));
  return hits.filter((h) => h.name !== "asks-advice" || (naming.has(h.message) && !harmful.has(h.message)));
}

/** Coaching cues that name what the human wants to move forward in. */
const COACHING_TOPICS = new Set(["personal-goal", "career-decision", "work-study", "habits"]);

/** The coaching hits, less "what-next" when no goal, habit or work and study is named. */
function forwardLooking(hits: readonly Hit[]): readonly Hit[] {
  if (!hits.some((h) => h.name === "what-next") || hits.some((h) => COACHING_TOPICS.has(h.name))) return hits;
  return hits.filter((h) => h.name !== "what-next");
}

/** Sum of weights of distinct cues (a cue repeated across messages counts once). */
function distinctScore(
  hits: readonly Hit[],
  cues: Cue[] | undefined,
  role: "user" | "assistant",
  cap = Number.POSITIVE_INFINITY,
): number {
  if (hits.length === 0) return 0;
  const seen = new Set<string>();
  let score = 0;
  for (const h of hits) {
    if (seen.has(h.name) || score >= cap) continue;
    seen.add(h.name);
    const w = Math.min(h.weight, cap - score);
    score += w;
    cues?.push(cueOf(h, role, w));
  }
  return score;
}

function speaksInFirstPerson(m: MessageText): boolean {
  for (let i = 0; i < m.length; i++) if (FIRST_PERSON.has(m.wordAt(i) as string)) return true;
  return false;
}

function feelingWords(text: ConversationText, userHits: Hit[], cues: Cue[] | undefined): number {
  const hits = FEELING_WORDS.of(userHits);
  if (hits.length === 0) return 0;
  if (!text.user.some(speaksInFirstPerson)) return 0;
  const seen = new Set<string>();
  let score = 0;
  for (const h of hits) {
    const word = text.messages.find((m) => m.index === h.message)?.wordAt(h.at) as string;
    if (seen.has(word) || seen.size >= MAX_FEELING_WORDS) continue;
    seen.add(word);
    score += h.weight;
    cues?.push(cueOf(h, "user"));
  }
  return score;
}

/**
 * What each type means, condensed from the labelling guideline the evaluation scores against
 * (test/data/affective/LABELLING.md, after METHODS.md section 2): the model engine is asked in these
 * words, so that a model reads the types as the hand labels do. They cost about 100 input tokens a
 * request (bench/model.ts).
 */
export const TYPE_MEANINGS: Record<AffectiveType, string> = {
  interpersonal_advice:
    "dealing with particular people in their life: partner, ex, family, friends, coworkers",
  coaching: "growth and direction: goals, habits, confidence, career or study choices, next steps",
  counseling: "emotional distress or mental health: anxiety, low mood, grief, trauma, loneliness, self-harm",
  companionship: "the assistant's company for its own sake, as a friend",
  romantic_roleplay: "romantic or sexual roleplay with the assistant",
};

export const affectiveFacet: FacetDefinition<"affective" | "affective_types"> = {
  name: "affective",
  fields: ["affective", "affective_types"],
  schema: FacetRecordSchema.pick({ affective: true, affective_types: true }),
  description:
    "A dynamic, personal exchange motivated by emotional or psychological needs, and its types: interpersonal advice, coaching, counseling, companionship, romantic roleplay.",
  modelPrompt: `every type that applies when the exchange is personal and driven by the human's emotional or psychological needs ([] when not, nor for asking the means to harm, deceive or spy on someone): ${ORDER.map((t) => `${t} (${TYPE_MEANINGS[t]})`).join("; ")}.`,
  extract(text, prior, cues) {
    if (prior.content_creation) {
      cues?.push({ message: -1, role: "conversation", cue: "content creation is not affective", weight: 0 });
      return { affective: false, affective_types: [] };
    }
    const userHits = text.userHits;
    const scores: Partial<Record<AffectiveType, number>> = {};
    let coachingTopic = false;
    for (const type of ORDER) {
      if (type === "romantic_roleplay" && text.user.length < MIN_ROLEPLAY_MESSAGES) continue;
      let hits = TYPES[type].of(userHits);
      if (type === "interpersonal_advice") hits = askingAboutSomeone(hits, userHits);
      else if (type === "coaching") {
        hits = forwardLooking(hits);
        coachingTopic = hits.some((h) => COACHING_TOPICS.has(h.name));
      }
      let score = distinctScore(hits, cues, "user");
      if (type === "counseling") {
        score += feelingWords(text, userHits, cues);
        if (score > 0) {
          const assistantHits = EMPATHY.of(text.assistantHits);
          score += distinctScore(assistantHits, cues, "assistant", MAX_EMPATHY);
        }
      }
      scores[type] = score;
    }
    // Revenge or spying is no request for advice about someone, nor for support unless the human asks to cope.
    const against = AGAINST_SOMEONE.of(userHits)[0];
    if (against) {
      cues?.push(cueOf(against, "user", 0));
      scores.interpersonal_advice = 0;
      if (!TYPES.counseling.of(userHits).some((h) => COPING.has(h.name))) scores.counseling = 0;
    }
    const distress = (scores.counseling ?? 0) >= THRESHOLD.counseling;
    const types = ORDER.filter((type) => {
      if ((scores[type] ?? 0) >= THRESHOLD[type]) return true;
      // Distress over work, study, a habit or a goal is also a question of what to do next there.
      if (type !== "coaching" || !coachingTopic || !distress) return false;
      cues?.push({
        message: -1,
        role: "conversation",
        cue: "coaching: a goal, work or study beside distress",
        weight: 0,
      });
      return true;
    });
    return { affective: types.length > 0, affective_types: types };
  },
  // A model lists the types (none: not affective), and the study's filtering rules hold for its answer too.
  modelSchema: z.strictObject({ affective_types: z.array(z.enum(AFFECTIVE_TYPES)) }),
  fromModel(
    answer: { affective_types: AffectiveType[] },
    { prior },
  ): { affective: boolean; affective_types: AffectiveType[] } {
    if (prior.content_creation) return { affective: false, affective_types: [] };
    const types = [...new Set(answer.affective_types)].filter(
      (t) => t !== "romantic_roleplay" || (prior.human_turns ?? 0) >= MIN_ROLEPLAY_MESSAGES,
    );
    return { affective: types.length > 0, affective_types: types };
  },
};
