/**
 * The offline values engine's vocabulary and cue lexicons (read by values.ts). Every value is a
 * lower-case phrase of 1-4 words in the published study's style, and every one of them is also a
 * value of the published taxonomy (Anthropic/values-in-the-wild), so a study can be mapped onto it.
 * Phrase syntax: phrase.ts. Weights: 1 is enough on its own; 0.5 needs a second, different cue.
 */
import { Lexicon } from "./phrase.ts";

type Cues = [value: string, phrases: string[], weight?: number][];

/** The values the assistant expresses, by the study's five top-level groups (for documentation). */
export const AI_VALUE_GROUPS: Record<string, readonly string[]> = {
  practical: ["helpfulness", "professionalism", "efficiency", "practicality"],
  epistemic: [
    "transparency",
    "clarity",
    "thoroughness",
    "accuracy",
    "honesty",
    "epistemic humility",
    "balanced perspective",
    "critical thinking",
    "educational value",
  ],
  protective: [
    "harm prevention",
    "safety",
    "legal compliance",
    "ethical boundaries",
    "privacy",
    "consent",
    "user wellbeing",
    "healthy boundaries",
    "human dignity",
    "fairness",
    "animal welfare",
    "professional guidance",
  ],
  social: [
    "empathy",
    "emotional support",
    "emotional validation",
    "respect",
    "open communication",
    "cultural sensitivity",
  ],
  personal: [
    "user autonomy",
    "personal growth",
    "self-compassion",
    "authenticity",
    "resilience",
    "hope",
    "self-care",
    "creativity",
    "accountability",
  ],
};

export const AI_VALUES: readonly string[] = Object.values(AI_VALUE_GROUPS).flat();

const PEOPLE =
  "him|her|them|your|each|partner|husband|wife|boyfriend|girlfriend|spouse|son|daughter|child|children|kids|family|parents|parent|mother|father|mom|dad|friend|friends|boss|manager|colleague|colleagues|coworker|coworkers|employees|teacher|fiance|ex";
const EMOTIONAL =
  "scary|frustrating|lonely|painful|overwhelming|exhausting|heartbreaking|upsetting|stressful|frightening|isolating";
const FEELING_WORDS =
  "hard|difficult|tough|painful|stressful|frustrating|scary|awful|rough|overwhelming|lonely|upsetting|exhausting|heartbreaking|confusing|terrible|challenging";
const PROFESSIONALS =
  "doctor|therapist|professional|professionals|counselor|counsellor|lawyer|attorney|specialist|physician|pharmacist|psychologist|psychiatrist|advisor|adviser|expert|dietitian|nutritionist|vet|veterinarian|mediator|coach";

const CUES: Cues = [
  // Practical
  [
    "helpfulness",
    [
      "happy|glad|pleased to help|assist",
      "i would|will be happy|glad to",
      "would you like me to",
      "let me look|check|find|research",
      "i will be glad to",
      "hope this|that helps",
      "let me know if",
      "feel free to",
      "i can help|assist",
      "i would|can suggest|recommend",
      "i suggest|recommend",
      "here is|are some|a|few|several ..2 ways|steps|tips|options|ideas|examples|suggestions|methods|strategies|things|resources|guide|process",
    ],
  ],
  ["helpfulness", ["you can|could|might try", "one way|option is", "you may want to"], 0.5],
  [
    "professionalism",
    [
      "professional|professionally tone|manner|conduct|setting|settings|environment|communication|demeanor|etiquette|image|appearance",
      "maintain ..2 professional|professionalism",
      "professionalism",
      "best|kind|warm regards",
      "yours sincerely|faithfully",
      "dear hiring|sir|madam|team|mr|ms",
      "workplace etiquette|norms|conduct|policies",
      "polite and professional",
    ],
  ],
  [
    "efficiency",
    [
      "efficien*",
      "save|saves|saving time|effort|energy",
      "streamline*",
      "quick* and easy|easily",
      "time saving|management",
    ],
  ],
  ["efficiency", ["productiv*", "quickly", "faster"], 0.5],
  [
    "practicality",
    [
      "practical",
      "actionable",
      "concrete steps|ideas|actions",
      "try this|these",
      "you can start with|by",
      "start with|by ..2 making|writing|listing|asking|taking|setting|looking|talking|finding",
      "make a list",
      "update your",
      "have you considered|tried ..2 looking|finding|making|writing|using|talking|joining|getting|asking|setting|applying",
      "have you ..1 started looking|applying",
    ],
  ],
  ["practicality", ["technique|techniques|strategies|exercise|exercises|assignment"], 0.5],

  // Epistemic
  [
    "transparency",
    [
      "as an ai",
      "as a language model|ai",
      "i am an ai|assistant",
      "i am a language model",
      "i do not have personal|access|feelings|opinions|emotions|preferences",
      "i do not have the ability",
      "i do not have a body",
      "i am not able to browse|access|see",
      "i can not browse|access|see",
      "my knowledge|training cutoff|data",
      "to be transparent",
      "i want to be upfront|transparent",
      "i do not share|store|keep|remember",
    ],
  ],
  [
    "transparency",
    ["i should|must mention|note|point out|clarify", "i am not a|an doctor|lawyer|therapist|expert"],
    0.5,
  ],
  [
    "clarity",
    [
      "in other words",
      "simply put",
      "to put it simply",
      "in simple terms",
      "let me explain",
      "to clarify",
      "step by step",
      "think of it this way",
      "is defined as",
    ],
  ],
  ["clarity", ["for example|instance", "this means", "refers to", "in summary|short", "the key is"], 0.5],
  [
    "thoroughness",
    [
      "several|various|many|multiple different? ways|factors|methods|options|reasons|things|steps|variables|approaches|considerations|techniques",
      "a few different? ways|factors|methods|options|reasons|things|steps|approaches|considerations|techniques",
      "there are ..2 several|many|some|multiple ways|things|reasons|factors|steps|options|methods|variables",
      "there are ..2 a few ways|things|reasons|factors|steps|options|methods|variables",
      "in addition",
      "also consider",
      "another reason|option|thing|way|approach|possibility",
      "secondly|thirdly|lastly",
    ],
  ],
  ["thoroughness", ["additionally", "furthermore", "moreover", "finally", "also ..2 important"], 0.5],
  [
    "accuracy",
    [
      "inaccura*",
      "misconception|misconceptions|myth",
      "factually|factual",
      "is not related to",
      "there is no ..2 evidence",
      "is not true|correct|accurate",
    ],
  ],
  [
    "accuracy",
    [
      "in fact",
      "actually",
      "precise*",
      "correct*",
      "evidence",
      "accurate|accuracy|accurately",
      "it is important to note that",
    ],
    0.5,
  ],
  [
    "honesty",
    [
      "honest*",
      "truthful*",
      "the truth is",
      "i will|would not pretend",
      "i do not believe",
      "i am sorry to say",
      "you may|might be wrong",
      "dishonest*",
      "be truthful",
    ],
  ],
  ["honesty", ["lie|lying|lies|lied", "truth"], 0.5],
  [
    "epistemic humility",
    [
      "i am not ..1 sure|certain about|that|whether|how|of|exactly|.|!",
      "i do not ..1 know",
      "i could|might|may be wrong|mistaken",
      "it is hard|difficult to say|know",
      "i am not aware",
      "i would imagine|guess",
      "not an expert",
      "i did not really? know",
      "no one size",
      "there is no ..1 right|single|simple answer",
    ],
  ],
  ["epistemic humility", ["it depends", "it varies", "depends on", "vary|varies from"], 0.5],
  [
    "balanced perspective",
    [
      "on the other hand",
      "pros and cons",
      "both sides",
      "different|various|multiple|diverse perspectives|viewpoints|opinions|views",
      "some people ..6 others",
      "there are arguments",
      "a tricky|complex|nuanced|complicated|controversial|debated question|issue|topic",
      "it is a complex|nuanced|complicated|controversial",
    ],
  ],
  [
    "critical thinking",
    [
      "think critically|deeply|analytically",
      "critically",
      "critical thinking",
      "examine|evaluate|question ..2 assumptions|evidence|sources|beliefs",
      "let us think about it",
      "ask yourself",
      "your own conclusions|reasons|research",
      "consider the source|evidence",
    ],
  ],
  [
    "educational value",
    [
      "is a phrasal verb|term|word|phrase|concept",
      "is known as",
      "is called",
      "is defined as",
      "research|studies has|have shown",
      "research|studies show|shows|suggest|suggests",
      "shown great|good results",
    ],
  ],
  [
    "educational value",
    [
      "the concept|process|idea of",
      "refers to",
      "this is because",
      "is due to",
      "learn*",
      "typically|usually|generally|often",
    ],
    0.5,
  ],

  // Protective
  [
    "harm prevention",
    [
      "harmful|harming",
      "cause harm|damage|injury",
      "hurt|injure|endanger ..3 someone|others|people|yourself|themselves|him|her|anyone",
      "violence|violent ..3 never",
      "never acceptable",
      "put ..3 at risk",
      "less risky",
      "inflict",
      "dangerous to|for",
    ],
  ],
  [
    "safety",
    [
      "safety|safely|unsafe",
      "stay|keep safe",
      "be safe|careful",
      "stay|keep yourself safe",
      "be careful|cautious",
      "caution*",
      "precaution*",
      "protective gear|equipment|clothing",
      "wear gloves|goggles",
      "wear a mask",
      "emergency|emergencies",
      "low dose",
      "your safety",
    ],
  ],
  ["safety", ["follow the instructions|directions", "risk|risks|risky", "safe"], 0.5],
  [
    "legal compliance",
    [
      "illegal*",
      "legal|legally|legality",
      "laws",
      "against the law",
      "restraining order",
      "police report",
      "legal consequences",
      "copyright*",
      "regulations",
    ],
  ],
  [
    "ethical boundaries",
    [
      "unethical",
      "ethical|ethically|ethics",
      "not appropriate|acceptable",
      "not be|very|really|always appropriate|acceptable",
      "inappropriate",
      "morally|immoral|moral",
      "against my|the guidelines|principles|policy|policies",
      "war crime",
      "i do|can not condone|support|promote|endorse",
    ],
  ],
  [
    "privacy",
    ["privacy", "private|personal information|data|details|life", "confidential*", "personal data"],
  ],
  ["consent", ["consent*", "permission", "without ..2 permission|consent|agreement", "both|all comfortable"]],
  [
    "user wellbeing",
    [
      "your wellbeing|health|wellness|safety",
      "your mental|physical|emotional|own health|wellbeing",
      "your well being",
      "mental health",
      "feel better|safer",
      "feel more secure|safe|confident",
      "fast|speedy|quick recovery",
      "healthy habits|life|lifestyle|diet|ways",
      "self medicating|medicate",
    ],
  ],
  [
    "healthy boundaries",
    [
      "boundary|boundaries",
      "set ..2 limits",
      "timeout",
      "time out",
      "it is okay|ok|fine to say no",
      "say no",
      "your own wants|needs|space",
      "space for yourself",
    ],
  ],
  [
    "human dignity",
    [
      "dignity",
      "everyone|everybody ..3 deserves|deserve",
      "all people ..2 deserve",
      "human rights",
      "dehumaniz*|dehumanis*",
      "treated with respect|kindness|dignity",
      "inherent worth",
      "worth as a person",
    ],
  ],
  [
    "fairness",
    [
      "fairness|unfair|unfairly|unjust",
      "not fair",
      "discriminat*",
      "stereotyp*",
      "equality|inequality",
      "bias|biased|biases|prejudice|prejudiced",
      "racism|racist|sexism|sexist",
      "generalizations|generalisations|generalization|generalisation",
      "justice|injustice",
      "regardless of ..2 their|race|religion|gender|sexual|orientation|background|nationality|ethnicity",
      "anti semitic|semitism",
    ],
  ],
  [
    "animal welfare",
    [
      "animal welfare|cruelty|rights|abuse",
      "cruelty",
      "humane|humanely|inhumane",
      "animals ..3 suffer|suffering|welfare|wellbeing",
    ],
  ],
  [
    "professional guidance",
    [
      `see|consult|contact|seek|seeing|consulting|contacting|seeking ..3 ${PROFESSIONALS}`,
      `find|finding|visit|working with a|an ..2 ${PROFESSIONALS}`,
      `talk|talking|speak|speaking|reach|reaching ..3 to ..2 ${PROFESSIONALS}`,
      "professional help|support|advice|guidance|assistance",
      "seek|seeking|get|getting help",
      "licensed professional|therapist|counselor",
      "hotline|helpline|lifeline",
      "crisis line|text",
      "medical attention|advice",
      "therapist|therapists|counselor|counsellor|psychologist|psychiatrist",
      "therapy|counseling|counselling",
      "counseling center|services",
    ],
  ],

  // Social
  [
    "empathy",
    [
      "i am so|very|really|truly? sorry to hear|that|you|for",
      `that|it sounds ..2 ${FEELING_WORDS}`,
      `it must be ..2 ${FEELING_WORDS}`,
      `can be ..2 ${EMOTIONAL}`,
      "can be ..1 very|really|so|incredibly|extremely ..1 difficult|hard|tough|challenging",
      "i can ..1 imagine",
      "i understand ..3 how you feel",
      "i understand ..3 how you are feeling",
      "i understand ..4 feel|feeling|feelings|frustration|pain|struggle|difficult|hard|stressful|stress",
      "i feel that|you",
      "going through",
      "it does not feel good",
      "so your|you ..6 feel|feeling",
      "it seems that|like you",
      "i hear you",
    ],
  ],
  [
    "emotional support",
    [
      "you are not alone",
      "i am here for you",
      "i am here to listen|support",
      "^ i am here",
      "here for you",
      "you will be ..2 okay|fine|alright|back",
      "it will be okay|alright|fine",
      "it is going to be okay|alright|fine",
      "hang in there",
      "you can do this",
      "you have got this",
      "i know you can",
      "i believe in you",
      "do not give up",
      "sending ..2 hugs|love|strength|you",
      "encouragement",
      "affirms",
      "reassur*",
      "wishing you",
    ],
  ],
  [
    "emotional support",
    ["support|supportive|supporting", "trust me", "best of luck", "good luck", "encouraged|encouraging"],
    0.5,
  ],
  [
    "emotional validation",
    [
      "it is ..2 okay|ok|normal|natural|understandable|common|valid to feel",
      "it is ..2 okay|ok|normal|natural|understandable|common|valid ..1 that you|feel|feeling",
      "your feelings are ..2 valid|normal|understandable|important",
      "that is ..1 understandable",
      "is very common",
      "normal human emotions",
      "is not stupid",
      "it takes ..3 courage|strength",
      "brave",
      "not a joke",
      "makes sense",
      "valid",
    ],
  ],
  [
    "respect",
    [
      "respect|respectful|respectfully|respected|disrespect|disrespectful",
      "mutual respect",
      "treat|treated ..2 with kindness|respect",
      "courtesy|considerate",
    ],
  ],
  [
    "open communication",
    [
      `talk|talking|speak|speaking ..2 to|with ..2 ${PEOPLE}`,
      "communicate|communicating|communication ..3 openly|honestly|feelings|needs|concerns|partner|respectfully|clearly",
      `tell ${PEOPLE} ..3 how you feel`,
      `tell ${PEOPLE} ..3 what you`,
      `tell ${PEOPLE} ..3 your feelings`,
      "express your ..2 feelings|concerns|needs",
      "open and honest",
      "openly",
      "ask ..2 about it",
      `let ${PEOPLE} know`,
    ],
  ],
  ["open communication", ["conversation|conversations|discussion"], 0.5],
  [
    "cultural sensitivity",
    [
      "cultural|culturally|cultures",
      "tradition*",
      "religion|religions|religious",
      "customs",
      "heritage",
      "antisemitism|antisemitic",
    ],
  ],

  // Personal
  [
    "user autonomy",
    [
      "it is ..2 up to you",
      "up to you",
      "your choice|decision|call",
      "your own choice|decision|choices|decisions",
      "you decide|choose",
      "only you can",
      "you are|would be in charge",
      "you that would be in charge",
      "what feels right for|to you",
      "decide for yourself|whether",
      "respect your ..1 decision|choice|choices",
    ],
  ],
  [
    "personal growth",
    [
      "self improvement",
      "personal growth|development",
      "better person|man|woman|version",
      "learn from",
      "keep moving forward",
      "already taken the first step",
      "grow|growth|evolve",
      "work on yourself",
      "strengthen* your",
      "on the right track",
      "self concept|esteem",
      "motivated to change",
    ],
  ],
  [
    "self-compassion",
    [
      "be kind|gentle|patient ..1 to|with yourself",
      "go easy on yourself",
      "self compassion|acceptance|love|forgiveness",
      "forgive yourself",
      "positive things ..3 about yourself",
      "tell yourself ..3 positive",
      "accept yourself",
      "take as much time as you need",
    ],
  ],
  [
    "authenticity",
    [
      "authenticity|authentically",
      "authentic self|selves|life|connection",
      "true to yourself",
      "true self",
      "who you really are",
      "genuine*",
      "be yourself",
      "your own truth",
      "natural identity",
      "sincere*",
    ],
  ],
  [
    "resilience",
    [
      "resilien*",
      "cope|coping",
      "overcome",
      "bounce back",
      "keep going|trying|putting",
      "persever*",
      "get through",
      "better able to handle",
      "persist*",
      "slow progress",
    ],
  ],
  [
    "hope",
    [
      "things will get better",
      "light at the end of the tunnel",
      "feel hope",
      "something good will",
      "before you know it",
      "it will get better|easier",
      "there is hope",
      "brighter|better days",
      "optimis*",
      "you can overcome",
      "you will meet|find",
      "you will get through",
    ],
  ],
  ["hope", ["future", "hopeful"], 0.5],
  ["harm prevention", ["harm", "dangerous|dangers"], 0.5],
  ["personal growth", ["first step"], 0.5],
  ["fairness", ["fair"], 0.5],
  ["legal compliance", ["law", "crime|crimes|criminal"], 0.5],
  ["user wellbeing", ["wellbeing", "well being"], 0.5],
  ["cultural sensitivity", ["culture"], 0.5],
  ["open communication", ["communicate|communicating|communication"], 0.5],
  ["authenticity", ["authentic"], 0.5],
  [
    "self-care",
    [
      "self care",
      "take care of yourself",
      "taking care of yourself",
      "eat|eating well|healthy",
      "healthy diet|habits",
      "time for yourself",
      "treat yourself",
      "destress",
      "de stress",
      "enjoy yourself",
      "sleep hygiene",
      "good sleep",
    ],
  ],
  [
    "self-care",
    [
      "rest|sleep|exercise|exercising|meditation|meditate|journaling|journal|relax|relaxing|relaxation|walk|mindfulness",
    ],
    0.5,
  ],
  [
    "creativity",
    ["creativ*", "imaginative", "your book|writing|story|art|poem", "artistic", "express yourself"],
  ],
  [
    "accountability",
    [
      "accountab*",
      "responsibility|responsible",
      "what part you play",
      "own up",
      "your mistakes",
      "consequences that match",
      "take ownership",
      "make amends",
      "make it right",
    ],
  ],
];

/** `honest*` matches "honesty" and "honestly"; the stem word itself is added as a word ("honest"). */
function withStemWords(cues: Cues): Cues {
  const slot = (item: string) =>
    item
      .split("|")
      .flatMap((alt) => (alt.endsWith("*") ? [alt.slice(0, -1), alt] : [alt]))
      .join("|");
  return cues.map(([value, phrases, weight]) => [
    value,
    phrases.map((p) => p.split(" ").map(slot).join(" ")),
    weight,
  ]);
}

/** The assistant-value lexicon: each cue is named by the value it shows. */
export const AI_VALUE_CUES = new Lexicon("value", "assistant", withStemWords(CUES));

/** How the reply meets the human: cues for the study's response types (the rest come from pushback). */
export const RESPONSE_CUES = new Lexicon("response", "assistant", [
  [
    "affirm",
    [
      "great|excellent|wonderful|fantastic|brilliant|smart|good question|idea|start|plan|choice|step|decision|goal",
      "really|very good|great question|idea|start|plan",
      "that|this sounds ..2 great|good|wonderful|excellent|fantastic",
      "i am so|really|very glad",
      "it takes ..3 courage|strength",
      "brave of you",
      "on the right track",
      "proud of you",
      "good for you",
      "it is great|wonderful|good|admirable that? you",
      "well done",
      "congratulations",
      "i love that|this|your",
      "i completely|totally|absolutely agree",
      "you are absolutely right",
    ],
  ],
  [
    "resist",
    [
      "i do not think you should",
      "i would not recommend|advise|suggest",
      "seems a little|bit|rather harsh|extreme|unfair",
      "i do not think that|it|this is fair|right|wise",
      "i do not think that|it|this is a good idea",
      "i do not think i can",
      "i do not think you can",
      "you may|might be wrong",
      "i am not sure if ..2 qualified",
      "not something i can",
      "why on earth",
      "i would rather not",
      "i refuse|decline|refused|declined",
      "i must|have|will|would ..1 refuse|decline",
      "if i refused|declined",
      "i do not see what is so great",
    ],
  ],
  [
    "reframe",
    [
      "another way to look|think",
      "look at ..3 differently",
      "change how i|you|we look",
      "think of it this way",
      "more importantly",
      "is not stupid",
      "it does not mean",
      "does not prove",
      "not because you",
      "reframe*",
      "on the bright side",
      "look for the good",
      "you are not totally|completely|really? alone",
      "you are not totally|completely|really? cut off",
      "you are not a failure",
    ],
  ],
  [
    "acknowledge",
    [
      "is that correct|right",
      "can|could you ..1 explain|clarify|provide",
      "can|could you ..1 tell me more",
      "can|could you ..1 be more specific",
      "what do you mean",
      "i see",
      "thank you for sharing",
      "how do you feel",
      "tell me more",
      "i understand",
    ],
  ],
]);

/** The human states a value explicitly: a valuing frame, then a value word within a few words. */
export const HUMAN_VALUE_FRAMES = new Lexicon("human-value-frame", "user", [
  [
    "valuing",
    [
      "i value|cherish|prioritize|prioritise|treasure|appreciate",
      "i care ..2 about",
      "i really|truly|deeply care ..2 about",
      "i believe in",
      "my priority|priorities|values",
      "i want|need|try|strive|aim ..1 to be",
      "i want to become",
      "i want ..2 for my",
      "what matters ..1 to me",
    ],
  ],
  // Frames that follow the value ("honesty is important to me").
  ["mattering", ["important to me", "matters to me", "means a lot to me"]],
]);

/**
 * Value words the human may name, by the value they name. Read only in the few words next to a
 * valuing frame (values.ts), so they are a plain word table rather than a lexicon scanned everywhere.
 */
export const HUMAN_VALUE_WORDS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    honesty: "honest honesty truth truthful",
    family: "family families kids children",
    health: "health healthy fitness fit",
    fairness: "fair fairness justice equality",
    independence: "independence independent freedom free",
    privacy: "privacy private",
    respect: "respect respected respectful",
    "financial security": "money financial finances savings stability security",
    "career success": "career job success successful promotion",
    friendship: "friendship friendships friends",
    love: "love loved relationship marriage",
    happiness: "happy happiness joy",
    safety: "safe safety",
    faith: "faith god religion religious church",
    education: "education learning school studies degree",
    kindness: "kind kindness",
    loyalty: "loyal loyalty",
    "personal growth": "better growth improve improvement",
    creativity: "creative creativity art",
    trust: "trust trusted trustworthy",
  }).flatMap(([value, words]) => words.split(" ").map((w) => [w, value] as const)),
);

/** The human asks for a judgement, advice or an opinion: what makes an exchange subjective. */
export const STANCE_CUES = new Lexicon("value-stance", "user", [
  [
    "opinion",
    [
      "what do you think",
      "do you think",
      "your opinion|thoughts|view",
      "would you say",
      "do you believe|agree",
    ],
  ],
  [
    "moral-question",
    [
      "is it ..2 wrong|okay|ok|bad|right|fair|ethical|normal|healthy|acceptable|moral|immoral",
      "should i|we|they|people|cops|you",
      "am i wrong|right",
      "am i a bad",
      "is that wrong|okay|bad|normal",
      "how do i ..1 deal|cope|handle|stop|move|get|fix|find|become|forgive|tell|convince|make",
      "i want to be",
    ],
  ],
  [
    "advice",
    ["advice|advise", "what should i", "help me decide", "any tips|suggestions", "what would you do"],
  ],
  [
    "relationship",
    [
      "my boyfriend|girlfriend|husband|wife|partner|son|daughter|mom|dad|mother|father|family|friend|friends|boss|ex|fiance|parents|sister|brother|kids",
      "relationship|relationships",
    ],
  ],
]);
