/**
 * The cue lexicons the offline interview facets read (phrase syntax in cues.ts). Written against the
 * development interviews (test/data/LABELLING.md), never against the held-out ones. Weights are how
 * much one hit counts; a label needs its cues to add up to the threshold its facet sets.
 */
import { CueSet } from "./cues.ts";

/** What the interviewer asked, from the prompt before an answer. */
export const PROMPT_KINDS = new CueSet("prompt", [
  ["concern", ["concern*", "worr*", "risk*", "downside*", "fear*", "go against", "negative"]],
  [
    "vision",
    [
      "magic wand",
      "looking ahead",
      "future",
      "evolv*",
      "next few years",
      "ideal*",
      "wish",
      "vision",
      "dream",
      "hope*",
    ],
  ],
  ["closing", ["anything else", "wrap up", "before we finish|end"]],
]);

export const SATISFACTION = new CueSet(
  "satisfaction",
  [
    ["helpful", ["helpful", "useful", "valuable", "handy", "beneficial"], 1],
    [
      "very-helpful",
      [
        "very|really|extremely|incredibly|super|so|tremendously|hugely|immensely helpful|useful|valuable",
        "invaluable",
        "game changer|changing",
        "changed the game",
        "life saver|changer",
        "lifesaver",
      ],
      2,
    ],
    [
      "love",
      ["i love|loved|adore", "love using|it|that|how", "absolutely love*", "a huge fan", "big fan"],
      2,
    ],
    ["great", ["great|amazing|fantastic|wonderful|excellent|awesome|brilliant|incredible|phenomenal"], 1],
    ["enjoy", ["enjoy* using|working|it|the", "fun", "exciting", "excited", "impressed", "thrilled"], 1],
    ["pleased", ["happy with|about", "glad", "satisfied", "pleased", "grateful", "gratitude", "thankful"], 1],
    [
      "saves-time",
      [
        "save|saves|saved|saving ..2 time|hours|days|weeks",
        "time saver|saving",
        "so much time",
        "in seconds",
      ],
      1,
    ],
    ["easier", ["much easier", "a lot easier", "made ..2 easier", "more efficient", "smoother"], 1],
    ["confidence", ["confidence", "confident", "empower*", "less stress*|overwhelm*"], 1],
  ],
  { negatable: true },
);

export const FRUSTRATION = new CueSet(
  "frustration",
  [
    ["frustrated", ["frustrat*", "infuriat*", "exasperat*"], 2],
    ["annoying", ["annoy*", "irritat*", "tedious to fix", "a pain", "janky", "clunky"], 1.5],
    ["wasted", ["waste|wasted|wasting ..2 time|hours", "waste of time", "not worth ..2 time"], 2],
    [
      "useless",
      [
        "useless",
        "disappoint*",
        "terrible|awful|horrible|poor|poorly|bad at",
        "not very|particularly|really? helpful|useful|good",
        "not that helpful|useful|good",
        "a bust",
      ],
      1.5,
    ],
    [
      "fails",
      [
        "did|does|do not work",
        "failed|fails|fail to|at",
        "could|can not understand|grasp",
        "gave up",
        "struggle*",
        "stuck",
      ],
      1,
    ],
    ["nonsense", ["nonsense", "gibberish", "garbage", "stubborn", "argue back"], 1.5],
  ],
  { negatable: true },
);

export const WORRY = new CueSet(
  "worry",
  [
    [
      "worried",
      ["worr*", "afraid", "fear*", "scare*", "scary", "frighten*", "terrif*", "dread*", "alarm*"],
      2,
    ],
    ["anxious", ["anxious", "anxiety", "nervous", "uneasy", "unsettl*", "uncomfortable"], 1.5],
    ["concerned", ["concerned", "concerning", "concerns about|with|regarding", "my concern*"], 1],
    ["threat", ["threat*", "danger*", "harm*", "damag*"], 1],
    ["sad", ["sad", "sadly", "depress*", "heartbreak*", "unfortunately"], 0.5],
  ],
  { negatable: true },
);

export const TRUST = new CueSet(
  "trust",
  [
    ["trust", ["trust|trusted|trusting ..3 it|ai|its|the|them|what"], 1],
    [
      "reliable",
      ["reliable", "reliably", "dependable", "consistent*", "accurate", "always right|correct"],
      1,
    ],
    ["rely", ["rely on|upon", "count on", "depend on"], 0.5],
  ],
  { negatable: true },
);

/** Distrust: negated trust, and explicit wariness. Counts against trust and towards unreliability. */
export const DISTRUST = new CueSet("distrust", [
  [
    "distrust",
    [
      "not ..4 trust*",
      "never trust*",
      "can not be trusted|relied",
      "distrust*",
      "mistrust*",
      "untrust*",
      "wary",
      "skeptic*",
      "sceptic*",
      "dubious",
      "grain of salt",
    ],
    2,
  ],
  ["blindly", ["blindly", "at face value"], 1],
  [
    "unreliable",
    [
      "unreliable",
      "not ..4 reliable|reliably|accurate|dependable|consistent*|robust",
      "not always right|correct",
    ],
    2,
  ],
]);

export const CONCERN_CUES: Record<string, CueSet> = {
  unreliability: new CueSet(
    "unreliability",
    [
      ["hallucinate", ["hallucinat*", "confabulat*"], 3],
      [
        "inaccurate",
        [
          "inaccura*",
          "incorrect*",
          "false information|facts|claims|answers|references",
          "factually wrong|incorrect",
        ],
        2,
      ],
      [
        "made-up",
        [
          "made|makes|make up ..2 sources|references|citations|papers|facts|quotes",
          "fake papers|references|citations|sources|links|quotes",
          "do|does|did not exist",
          "non existent|existing",
        ],
        2,
      ],
      [
        "wrong",
        [
          "wrong",
          "mistake*",
          "errors",
          "error prone",
          "inconsisten*",
          "misinterpret*",
          "misread*",
          "misunderst*",
          "mixed up",
          "messed up",
          "out of date",
          "outdated",
        ],
        1,
      ],
      [
        "frequent-errors",
        [
          "meaningful|major|serious|big|many|frequent|silly|obvious|basic|glaring ..1 errors|mistakes|inaccuracies",
          "lots of ..1 errors|mistakes|inaccuracies",
          "a lot of ..1 errors|mistakes|inaccuracies",
          "often|frequently|sometimes|occasionally|always ..2 wrong|incorrect|mistakes|errors",
          "get|gets|got ..2 things wrong",
        ],
        1.5,
      ],
      ["wants-accuracy", ["more|better|100 ..1 accurate|accuracy|reliable|reliability"], 1],
      ["lies", ["lie|lies|lying|lied"], 1.5],
      [
        "check-everything",
        ["double check*", "fact check*", "verify every*", "check every*", "checking everything"],
        0.5,
      ],
      ["confident-wrong", ["confidently|confident ..3 wrong", "sounds right|correct but"], 2],
    ],
    { negatable: true },
  ),
  jobs_economy: new CueSet(
    "jobs_economy",
    [
      ["jobs", ["job|jobs|career*|livelihood*|employment|unemploy*|workforce"], 1.5],
      [
        "replace",
        [
          "replac* ..3 people|humans|artists|writers|workers|musicians|actors|designers|illustrators|jobs|us|me|them|creatives|composers|photographers",
          "take|taking|took over ..3 jobs|work|field|industry|positions|roles",
          "out of work|business",
          "out of a job",
          "be|being|get|getting|been ..2 replaced",
          "replaced by|with",
          "displac*",
          "paying work",
          "lose|losing|lost ..2 work|clients|commissions|customers|income",
          "put ..3 out of",
          "redundant",
          "obsolete",
        ],
        2,
      ],
      [
        "income",
        [
          "income",
          "wage|wages",
          "salar*",
          "paid|pay|paying for|less",
          "make|making|earn a living",
          "money",
          "profit*",
        ],
        1,
      ],
      [
        "market",
        [
          "saturat*",
          "oversaturat*",
          "flood*",
          "compet*",
          "cheaper",
          "cut corners|costs",
          "devalu*",
          "value of human|art|artists|creativity|work",
          "clients|customers settl*",
          "market",
        ],
        1,
      ],
      ["hiring", ["hire|hiring|hired", "contractors", "freelance*", "gigs", "commissions"], 0.5],
    ],
    { negatable: true },
  ),
  autonomy: new CueSet(
    "autonomy",
    [
      [
        "control",
        [
          "lose|losing|lost ..2 control|agency|autonomy",
          "give|giving up ..2 control|agency|autonomy",
          "control over us|our|people",
        ],
        2,
      ],
      [
        "decides",
        ["decide|decides|deciding|make decisions for ..2 us|me|people|them", "take over the world"],
        1.5,
      ],
      ["manipulation", ["manipulat*", "surveillance", "big tech", "corporations", "tech companies|ceos"], 1],
      ["agency", ["agency", "autonomy", "free will", "human judgement|judgment"], 1],
    ],
    { negatable: true },
  ),
  cognitive_atrophy: new CueSet(
    "cognitive_atrophy",
    [
      ["lazy", ["lazy", "laziness", "lazier", "crutch", "spoon fed|fed"], 2],
      [
        "lose-skills",
        [
          "lose|losing|lost ..3 skills|ability|abilities|touch|muscle",
          "deskill*",
          "atroph*",
          "forget how",
          "brain rot",
          "mental muscle",
          "think for themselves|ourselves|yourself",
          "stop thinking",
        ],
        2,
      ],
      ["critical-thinking", ["critical thinking", "problem solving skills", "own skills"], 1],
      [
        "dependence",
        [
          "dependen*",
          "over rely|reliance",
          "overrel*",
          "rely ..2 too much|heavily",
          "too reliant",
          "offload*",
        ],
        1.5,
      ],
    ],
    { negatable: true },
  ),
  authenticity: new CueSet(
    "authenticity",
    [
      ["soulless", ["soul", "soulless", "slop", "cookie cutter", "lifeless", "sterile", "sterilized"], 2],
      ["human-touch", ["human touch|element|expression|creativity|connection|hand|voice", "humanity"], 1.5],
      [
        "generic",
        ["generic", "formulaic", "homogen*", "all look|sound the same", "same", "bland", "uninspired"],
        1,
      ],
      ["authentic", ["authentic*", "inauthentic", "originality", "genuine"], 1],
    ],
    { negatable: true },
  ),
  ip_consent: new CueSet(
    "ip_consent",
    [
      ["copyright", ["copyright", "copyrighted work|works|material|content", "intellectual property"], 1.5],
      [
        "consent",
        [
          "without ..3 consent|permission|credit|compensation",
          "trained|training on ..3 work|works|art|artwork|writing|books|content|music|images|styles",
          "training data",
        ],
        2,
      ],
      [
        "theft",
        ["steal*", "stole*", "stolen", "theft", "plagiar*", "ripped by|from", "a rip off", "copying styles"],
        2,
      ],
    ],
    { negatable: true },
  ),
  privacy_security: new CueSet(
    "privacy_security",
    [
      ["privacy", ["privacy", "private data|information", "personal data|information", "pii"], 2],
      [
        "confidential",
        ["confidential*", "sensitive data|information", "proprietary", "classified", "nda"],
        1.5,
      ],
      ["security", ["security", "secure", "leak*", "data protection", "retention"], 1],
    ],
    { negatable: true },
  ),
  misinformation: new CueSet(
    "misinformation",
    [
      ["misinformation", ["misinformation", "disinformation", "deepfake*", "deep fake*", "propaganda"], 2],
      [
        "fake",
        ["fake news|images|videos|content|art", "pass* ..2 off", "deceiv*", "decepti*", "mislead*", "scam*"],
        1.5,
      ],
      ["cheating", ["cheat*", "dishonest*", "fraud*"], 1],
    ],
    { negatable: true },
  ),
  environment: new CueSet(
    "environment",
    [
      ["environment", ["environmental*", "environment", "climate", "carbon", "emissions"], 2],
      ["resources", ["energy", "electricity", "water", "data centers|centres", "sustainab*"], 1],
    ],
    { negatable: true },
  ),
  bias: new CueSet("bias", [["bias", ["bias", "biased", "biases", "prejudice*", "one sided"], 2]], {
    negatable: true,
  }),
};

export const EXPERIENCE_CUES: Record<string, CueSet> = {
  time_saved: new CueSet("time_saved", [
    [
      "time",
      ["save|saves|saved|saving ..3 time|hours|days|weeks", "time saving|saver", "in seconds|minutes"],
      2,
    ],
    [
      "faster",
      ["faster", "quicker", "quickly", "speed* up", "more efficient*", "efficiency", "more done"],
      1,
    ],
  ]),
  learning: new CueSet("learning", [
    ["learn", ["learn*", "taught", "teach* me", "tutor"], 1],
    ["understand", ["helps|helped me understand", "understand ..2 better", "explain*", "clarif*"], 1],
  ]),
  ideation: new CueSet("ideation", [
    ["brainstorm", ["brainstorm*", "bounc* ..2 ideas", "sounding board", "spitball*"], 2],
    ["ideas", ["ideas", "inspiration", "inspire*", "unstuck", "writer block", "creative block", "spark*"], 1],
  ]),
  technical_help: new CueSet("technical_help", [
    [
      "code",
      ["code", "coding", "debug*", "script*", "python", "programming", "latex", "excel", "formula*"],
      1,
    ],
  ]),
  writing_help: new CueSet("writing_help", [
    ["edit", ["proofread*", "edit*", "grammar", "rephras*", "wording", "reword*", "rewrite*", "tone"], 1],
    ["draft", ["draft*", "copywriting", "outline*", "emails"], 1],
  ]),
  research_help: new CueSet("research_help", [
    ["sources", ["literature", "papers", "sources", "references", "citations", "articles", "summar*"], 1],
    ["research", ["research*"], 0.5],
  ]),
  admin_relief: new CueSet("admin_relief", [
    [
      "admin",
      [
        "admin*",
        "paperwork",
        "schedul*",
        "invoice*",
        "calendar",
        "organi*",
        "forms",
        "emails",
        "inventory",
        "budget*",
      ],
      1,
    ],
  ]),
  confidence: new CueSet("confidence", [
    [
      "support",
      [
        "confidence",
        "confident",
        "less stress*|overwhelm*",
        "encourag*",
        "reassur*",
        "second opinion|set of eyes",
        "cheerleader",
        "peace of mind",
      ],
      1.5,
    ],
  ]),
};

export const CONTEXT_CUES: Record<string, CueSet> = {
  writing: new CueSet("writing", [
    [
      "writing",
      [
        "writing",
        "write",
        "writer",
        "novel*",
        "script*",
        "copy",
        "articles",
        "blog*",
        "manuscript*",
        "essay*",
      ],
      1,
    ],
  ]),
  coding: new CueSet("coding", [
    [
      "code",
      ["code", "coding", "debug*", "python", "programming", "matlab", "javascript", "functions", "github"],
      1,
    ],
  ]),
  data_analysis: new CueSet("data_analysis", [
    [
      "data",
      ["data", "dataset*", "statistic*", "analysis", "plots", "graphs", "regression", "spreadsheet*"],
      1,
    ],
  ]),
  literature: new CueSet("literature", [
    [
      "literature",
      ["literature", "papers", "citations", "references", "journal*", "pubmed", "arxiv", "sources"],
      1,
    ],
  ]),
  brainstorming: new CueSet("brainstorming", [
    ["ideas", ["brainstorm*", "ideas", "ideation", "inspiration", "concepts"], 1],
  ]),
  visual: new CueSet("visual", [
    [
      "images",
      [
        "image*",
        "illustrat*",
        "graphic*",
        "design*",
        "photo*",
        "drawing*",
        "painting*",
        "art",
        "artwork",
        "logo*",
      ],
      1,
    ],
  ]),
  music_audio: new CueSet("music_audio", [
    ["music", ["music*", "song*", "lyric*", "audio", "sound", "mixing", "mastering", "compos*", "melod*"], 1],
  ]),
  video: new CueSet("video", [
    ["video", ["video*", "film*", "movie*", "animation*", "youtube", "tiktok"], 1],
  ]),
  marketing: new CueSet("marketing", [
    ["marketing", ["marketing", "social media", "seo", "instagram", "brand*", "advertis*", "posts"], 1],
  ]),
  admin: new CueSet("admin", [
    [
      "admin",
      ["emails", "email", "admin*", "invoice*", "schedul*", "business plan*", "paperwork", "contracts"],
      1,
    ],
  ]),
  teaching: new CueSet("teaching", [
    ["teaching", ["teach*", "students", "lesson*", "classroom", "course*", "curriculum", "tutor*"], 1],
  ]),
};

export const VISION_CUES: Record<string, CueSet> = {
  professional_excellence: new CueSet("professional_excellence", [
    [
      "quality",
      [
        "better quality",
        "higher quality|standard",
        "improve ..2 quality|accuracy|work",
        "more accurate|precise",
        "polish*",
        "refine*",
        "better at my|our job|work",
        "do my job better",
      ],
      1,
    ],
  ]),
  time_freedom: new CueSet("time_freedom", [
    [
      "tedious",
      [
        "tedious",
        "menial",
        "boring",
        "repetitive",
        "busywork",
        "laborious",
        "mundane",
        "grunt work",
        "time consuming|intensive",
        "takes|took|spend|spent|waste|wasting ..2 a lot of time",
        "takes|took|spend|spent|waste|wasting ..2 so much time",
        "takes|took|spend|spent|waste|wasting ..2 hours of? time",
      ],
      1.5,
    ],
    [
      "free-time",
      ["free up", "free me", "more time", "focus more? on", "automat*", "take care of", "delegate"],
      1,
    ],
  ]),
  personal_transformation: new CueSet("personal_transformation", [
    [
      "growth",
      [
        "learn*",
        "grow",
        "growth",
        "improve my skills",
        "overcome",
        "disabilit*",
        "adhd",
        "dyslex*",
        "autis*",
        "neurodiver*",
      ],
      1,
    ],
  ]),
  life_management: new CueSet("life_management", [
    [
      "manage",
      [
        "admin*",
        "organi*",
        "schedul*",
        "calendar",
        "paperwork",
        "inventory",
        "logistics",
        "accounting",
        "budget*",
        "emails",
        "files",
      ],
      1,
    ],
  ]),
  creative_expression: new CueSet("creative_expression", [
    [
      "create",
      [
        "bring ..3 to life",
        "my vision",
        "create ..2 things",
        "creative freedom",
        "imagination",
        "express*",
        "storytelling",
      ],
      1,
    ],
  ]),
  scientific_discovery: new CueSet("scientific_discovery", [
    [
      "discovery",
      [
        "hypothes*",
        "discover*",
        "experiment*",
        "data analysis",
        "analy*",
        "novel",
        "breakthrough*",
        "simulat*",
        "models",
      ],
      1,
    ],
  ]),
  societal_benefit: new CueSet("societal_benefit", [
    [
      "others",
      [
        "patients",
        "society",
        "humanity",
        "help others",
        "people like me",
        "cure*",
        "disease*",
        "education",
        "the world",
        "public",
      ],
      1,
    ],
  ]),
};

export const INTENT_CUES: Record<string, CueSet> = {
  efficiency: EXPERIENCE_CUES.time_saved as CueSet,
  quality: new CueSet("quality", [
    ["quality", ["improve*", "better", "quality", "polish*", "refine*", "proofread*", "accura*"], 1],
  ]),
  learning: EXPERIENCE_CUES.learning as CueSet,
  ideation: EXPERIENCE_CUES.ideation as CueSet,
  exploration: new CueSet("exploration", [
    [
      "explore",
      ["curious", "curiosity", "experiment* with", "tried it|out", "try it|out", "play* around", "testing"],
      1,
    ],
  ]),
  minimal_use: new CueSet("minimal_use", [
    [
      "rarely",
      [
        "rarely",
        "barely",
        "seldom",
        "sparingly",
        "only occasionally",
        "not use ..2 much|often",
        "do not use",
        "have not used",
        "limited use",
      ],
      1.5,
    ],
  ]),
};

/** A concrete success or failure with AI, told in one answer. */
export const SUCCESS = new CueSet(
  "success",
  [
    [
      "worked",
      [
        "it worked",
        "worked ..2 well|great|perfectly",
        "helped me|us",
        "was|were able to",
        "made it possible",
        "solved",
        "saved me|us",
        "did a great|good job",
        "turned out",
        "made all the difference",
      ],
      1,
    ],
  ],
  { negatable: true },
);

export const FAILURE = new CueSet(
  "failure",
  [
    [
      "failed",
      [
        "did not work",
        "failed",
        "could not ..2 understand|grasp|read|get|do",
        "gave up",
        "wasted",
        "got ..2 wrong",
        "was wrong",
        "made ..2 mistake*|errors",
        "hallucinat*",
        "waste of time",
        "not helpful",
        "useless",
        "disappointing|disappointed",
      ],
      1,
    ],
  ],
  {},
);
