/**
 * Writes examples/conversations.jsonl: a synthetic corpus of ~600 conversations between 60 users and
 * an assistant, written for this project from templates (no dataset text). It spans coding help,
 * writing, learning, work tasks, interpersonal advice, coaching, emotional support, companionship,
 * romantic roleplay and refusals, with long conversations whose mood changes, a few non-English
 * conversations, and a little clearly fake personal data for the redaction layer to find.
 * Deterministic: a fixed seed, so the file is the same bytes on every run.
 *
 *   node --import tsx scripts/make-example.ts
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { mulberry32 } from "../src/analyses/stats.ts";

const rand = mulberry32(20261122);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const chance = (p: number) => rand() < p;

type Turn = [user: string, assistant: string];

// ---- coding --------------------------------------------------------------------------------------
const LANGS = ["Python", "JavaScript", "TypeScript", "Go", "Rust", "SQL", "Java"];
const ERRORS: [string, string][] = [
  [
    "KeyError: 'user_id'",
    "The dictionary has no 'user_id' key at that point. Print the keys before the lookup, or use `row.get('user_id')` and handle None.",
  ],
  [
    "TypeError: Cannot read properties of undefined (reading 'map')",
    "The array is undefined when the component first renders. Initialise the state to an empty array or guard with `items?.map(...)`.",
  ],
  [
    "IndexError: list index out of range",
    "The loop runs one step past the end. Iterate with `for item in items:` or use `range(len(items))` without the + 1.",
  ],
  [
    "panic: runtime error: invalid memory address or nil pointer dereference",
    "A pointer is nil when you call the method. Check the error returned by the constructor before using the value.",
  ],
  [
    "error[E0502]: cannot borrow `v` as mutable because it is also borrowed as immutable",
    "You hold a reference into the vector while pushing to it. Clone the value you need or finish using the reference before the push.",
  ],
  [
    'ERROR: column "created" does not exist',
    "The column is probably named `created_at`. Run `\\d table_name` to list the columns, then update the query.",
  ],
  [
    "NullPointerException at OrderService.java:42",
    "Something on line 42 is null. Check which object it is and validate it at the boundary where it enters the service.",
  ],
];
const CONCEPTS: [string, string][] = [
  [
    "what a closure is",
    "A closure is a function that keeps access to the variables of the scope where it was created, even after that scope has finished.",
  ],
  [
    "the difference between a process and a thread",
    "A process has its own memory space; threads share the memory of the process they belong to, which makes them cheaper but needs care with shared state.",
  ],
  [
    "how database indexes work",
    "An index is a sorted structure, usually a B-tree, that lets the database find rows without scanning the whole table, at the cost of slower writes.",
  ],
  [
    "what async/await does",
    "It lets you write code that waits for a promise as if it were sequential, while the runtime keeps doing other work in the meantime.",
  ],
  [
    "big O notation",
    "It describes how the running time or memory of an algorithm grows with the input size, ignoring constant factors.",
  ],
  [
    "how git rebase differs from merge",
    "Merge keeps both histories and adds a merge commit; rebase replays your commits on top of the other branch so the history stays linear.",
  ],
];

function coding(): Turn[] {
  const lang = pick(LANGS);
  const kind = rand();
  if (kind < 0.45) {
    const [err, fix] = pick(ERRORS);
    const turns: Turn[] = [
      [
        `I'm getting this error in my ${lang} code and I don't understand why:\n\n${err}\n\nIt happens when I run the import script.`,
        `${fix}\n\nIf you paste the few lines around the failing call I can point to the exact spot.`,
      ],
    ];
    if (chance(0.6))
      turns.push([
        pick([
          "I tried that and now I get a different error about types.",
          "That fixed it, but now the test fails with the same message on another row.",
          "Here is the function, it still fails after the change.",
        ]),
        "That usually means the data is not shaped the way the code expects. Add a check that logs the offending record, then we can decide whether to skip it or fix the input.",
      ]);
    if (chance(0.4))
      turns.push([
        pick(["It works now, thanks!", "Great, that was it.", "Perfect, the script runs end to end."]),
        "Glad it works. Consider adding a small test for that case so it doesn't come back.",
      ]);
    return turns;
  }
  if (kind < 0.75) {
    const [topic, answer] = pick(CONCEPTS);
    const turns: Turn[] = [
      [
        `Can you explain ${topic}? I'm learning ${lang}.`,
        `${answer} In ${lang} you will see this when you work with real projects; a small example helps.`,
      ],
    ];
    if (chance(0.6))
      turns.push([
        pick([
          "Can you give me a short example?",
          "Why would I use it instead of the simpler approach?",
          "How would I test that?",
        ]),
        `Here is a minimal ${lang} example with comments explaining each step. Try changing one line at a time to see the effect.`,
      ]);
    return turns;
  }
  return [
    [
      `Could you review this ${lang} function? It parses a CSV of orders and sums the totals per customer, but it feels slow and messy.`,
      "A few suggestions: read the file as a stream instead of loading it whole, keep the totals in a map keyed by customer id, and separate parsing from aggregation so each part is easy to test.",
    ],
    [
      pick(["Here's my updated version, is it better?", "I changed it as you said, can you check again?"]),
      "Much clearer. One remaining issue: the amount is parsed as a float, which can cause rounding errors with money. Store cents as integers instead.",
    ],
  ];
}

// ---- writing / content creation -----------------------------------------------------------------
const WRITING: [string, string][] = [
  [
    "Write a short story about a lighthouse keeper who finds a message in a bottle.",
    "The storm had passed by dawn when Elin walked the rocks below the lighthouse. Wedged between two stones was a green bottle, its cork sealed with wax...",
  ],
  [
    "Write a blog post intro about starting a vegetable garden on a balcony.",
    "You don't need a backyard to grow your own food. With a few containers, good soil and a sunny railing, a balcony can produce tomatoes, herbs and salad all summer.",
  ],
  [
    "Write a poem about autumn in the city.",
    "Leaves gather at the bus stop's feet, / amber notes on a grey-lined street...",
  ],
  [
    "Write a fictional dialogue between a detective and a nervous witness.",
    "DETECTIVE: Take your time. Where were you at nine? WITNESS: At the bakery... no, the laundromat. It was the laundromat.",
  ],
  [
    "Draft marketing copy for a reusable water bottle launch.",
    "Meet the bottle that keeps up with you: cold for 24 hours, light enough for every bag, and built to replace a thousand plastic ones.",
  ],
  [
    "Write a LinkedIn post announcing our team's new product release.",
    "Today we shipped something our team has worked on for a year. Here is what it does, why we built it, and what's next.",
  ],
  [
    "Write a children's story about a fox who is afraid of the dark.",
    "Little Fox loved the day, when the meadow was gold. But when the sun slipped away, she curled up tight and held her breath...",
  ],
  [
    "Write song lyrics about a road trip with old friends.",
    "Windows down on the coastal road, / singing the songs that we used to know...",
  ],
];
function writing(): Turn[] {
  const [ask, draft] = pick(WRITING);
  const turns: Turn[] = [[ask, draft]];
  if (chance(0.7))
    turns.push([
      pick([
        "Make it shorter and a bit funnier.",
        "Can you make the tone warmer?",
        "Add a twist at the end.",
        "Make it sound more professional.",
      ]),
      "Here is a revised version with that change; I kept the structure and adjusted the wording.",
    ]);
  if (chance(0.4))
    turns.push([
      pick(["Great, now give it a title.", "Perfect. Can you write two alternative endings?"]),
      "Here are a few options you can choose from.",
    ]);
  return turns;
}

// ---- learning ------------------------------------------------------------------------------------
const LEARNING: [string, string][] = [
  [
    "Why is the sky blue?",
    "Sunlight is scattered by molecules in the air, and shorter blue wavelengths scatter much more than red ones, so blue light reaches your eyes from every direction.",
  ],
  [
    "How did the Roman Empire fall?",
    "Historians point to many causes over centuries: economic strain, political instability, pressure on the borders and the split between East and West.",
  ],
  [
    "Can you explain how vaccines train the immune system?",
    "A vaccine shows the immune system a harmless piece or copy of a pathogen, so it learns to recognise it and responds faster if the real one appears.",
  ],
  ["What is the derivative of x squared times sine of x?", "By the product rule: 2x sin(x) + x² cos(x)."],
  [
    "How do I use the subjunctive in Spanish?",
    "The subjunctive expresses wishes, doubts and emotions, usually after 'que': 'Quiero que vengas' means 'I want you to come'.",
  ],
  [
    "What causes inflation?",
    "Prices rise when demand outpaces supply, when costs of production increase, or when more money chases the same goods.",
  ],
  [
    "Explain photosynthesis simply.",
    "Plants use light energy to turn water and carbon dioxide into sugar, releasing oxygen as a by-product.",
  ],
];
function learning(): Turn[] {
  const [q, a] = pick(LEARNING);
  const turns: Turn[] = [[q, a]];
  if (chance(0.5))
    turns.push([
      pick([
        "Can you give an everyday example?",
        "So what would happen if that changed?",
        "Could you quiz me on this?",
      ]),
      "Good question. Here is an example that makes it concrete, and a short question to check your understanding.",
    ]);
  return turns;
}

// ---- work tasks ----------------------------------------------------------------------------------
const WORK: [string, string][] = [
  [
    "Draft a polite email asking my manager to move our one-to-one to Thursday.",
    "Subject: Moving our one-to-one\n\nHi, would it be possible to move our one-to-one to Thursday at the same time? Something came up on Tuesday. Thanks!",
  ],
  [
    "Summarise these meeting notes into five bullet points.",
    "Here is a five-point summary: decisions taken, owners, deadlines, open questions, and the next meeting date.",
  ],
  [
    "How do I make a pivot table that sums sales by region in a spreadsheet?",
    "Select the data, insert a pivot table, drag Region to rows and Sales to values, and make sure the value is set to Sum.",
  ],
  [
    "Help me plan a project timeline for launching a new website in eight weeks.",
    "Weeks 1-2 discovery and content, 3-4 design, 5-6 build, 7 testing, 8 launch and review. I can break each phase into tasks.",
  ],
  [
    "Write an agenda for a 30-minute team retrospective.",
    "5 min check-in, 10 min what went well, 10 min what to improve, 5 min actions and owners.",
  ],
];
function work(): Turn[] {
  const [q, a] = pick(WORK);
  const turns: Turn[] = [[q, a]];
  if (chance(0.5))
    turns.push([
      pick(["Make it a bit more formal.", "Can you add a line about the budget?", "Shorter please."]),
      "Here's the updated version.",
    ]);
  return turns;
}

// ---- interpersonal advice ------------------------------------------------------------------------
const CONFLICTS = [
  "my best friend has been distant since she started a new relationship",
  "my partner and I keep arguing about chores",
  "my parents don't accept that I changed my degree",
  "a coworker keeps taking credit for my work in meetings",
  "my roommate never pays the bills on time",
  "my boyfriend broke up with me last week and I don't know how to move on",
  "my sister said something hurtful at a family dinner",
];
function interpersonal(long: boolean): Turn[] {
  const conflict = pick(CONFLICTS);
  const turns: Turn[] = [
    [
      `I need some advice. ${conflict[0]?.toUpperCase()}${conflict.slice(1)}. I feel hurt and frustrated and I don't know what to say.`,
      "That sounds really painful, and it makes sense that you feel hurt. Would it help to think through what you'd like to happen, and then how to say it calmly?",
    ],
    [
      "I guess I want them to understand how it affects me without starting a fight.",
      "A good way is to describe the situation and how you feel, without blaming: 'When this happens, I feel..., and I'd like...'. Choosing a calm moment helps too.",
    ],
  ];
  if (long) {
    turns.push(
      [
        "I'm worried they'll get defensive and it will make things worse.",
        "That's a fair worry. You can't control their reaction, but you can listen and acknowledge their side, which often lowers defensiveness.",
      ],
      [
        "What if they just say I'm overreacting?",
        "You can say that your feelings are real for you, and that you're raising it because the relationship matters to you. Respecting your own boundaries is healthy.",
      ],
      [
        "Okay. I think I can try that this weekend.",
        "That sounds like a thoughtful plan. Be kind to yourself whatever happens; one conversation won't fix everything, and that's okay.",
      ],
      [
        pick([
          "Thank you, I actually feel a lot better now.",
          "Thanks, this really helped, I feel calmer and more hopeful.",
          "I still feel a bit nervous but it's a good plan, thanks.",
        ]),
        "I'm glad. Good luck, and feel free to come back and talk about how it went.",
      ],
    );
  } else if (chance(0.5)) {
    turns.push(["Thanks, that's helpful.", "You're welcome. I hope the conversation goes well."]);
  }
  return turns;
}

// ---- coaching ------------------------------------------------------------------------------------
const GOALS = [
  "decide whether to accept a job offer in another city",
  "stop procrastinating on my thesis",
  "build a habit of exercising in the morning",
  "get more confident speaking up in meetings",
  "figure out if I should switch careers into data science",
  "set goals for the next year that I'll actually keep",
];
function coaching(long: boolean): Turn[] {
  const goal = pick(GOALS);
  const turns: Turn[] = [
    [
      `Can you coach me a bit? I want to ${goal}, but I keep going back and forth and I feel stuck.`,
      "Happy to help. Let's start with what matters most to you here. What would a good outcome look like a year from now?",
    ],
    [
      "I want to feel like I'm growing and not just staying safe.",
      "That's a clear value. What's one small step this week that would move you in that direction?",
    ],
  ];
  if (long) {
    turns.push(
      [
        "Maybe I could block an hour every morning for it.",
        "Great, concrete and realistic. What might get in the way, and how could you plan around it?",
      ],
      [
        "Probably my phone. I always end up scrolling.",
        "You could leave it in another room for that hour. Small changes to the environment often beat willpower.",
      ],
      [
        "I'll try that. I'm a bit worried I'll fail again though.",
        "Setbacks are normal. Track what you do each day without judging it, and adjust after a week.",
      ],
      [
        pick([
          "This is great, I feel motivated and I have a plan now!",
          "Thanks, I feel a lot clearer and more confident.",
          "Okay, I'm going to try it tomorrow. Thanks!",
        ]),
        "I'm glad you feel clearer. You've got this; check in with yourself at the end of the week.",
      ],
    );
  }
  return turns;
}

// ---- counseling / emotional support ---------------------------------------------------------------
const STRUGGLES = [
  "I've been feeling really anxious lately and I can't sleep",
  "I feel so lonely since I moved to a new city",
  "my dog died last month and I'm still so sad",
  "I'm completely overwhelmed and stressed at work and I feel like I'm failing",
  "I feel down most days and nothing seems fun anymore",
  "I have panic attacks before exams and I'm scared of the next one",
];
function counseling(long: boolean): Turn[] {
  const struggle = pick(STRUGGLES);
  const turns: Turn[] = [
    [
      `${struggle[0]?.toUpperCase()}${struggle.slice(1)}. I don't really know who to talk to.`,
      "I'm really sorry you're going through this. Thank you for telling me. It sounds exhausting. Can you tell me a bit more about what it's been like?",
    ],
    [
      "It's hard to explain. Everything just feels heavy and I'm tired all the time.",
      "That heaviness is a lot to carry. Feelings like these are common and they can get better. Have you been able to talk to anyone close to you, or to a doctor or counselor?",
    ],
  ];
  if (long) {
    turns.push(
      [
        "Not really. I don't want to be a burden.",
        "Reaching out isn't being a burden; people who care about you would likely want to know. A therapist or counselor can also help, and it's a sign of strength to ask.",
      ],
      [
        "Maybe. What can I do tonight to feel a bit better?",
        "Something small and kind: a short walk, a warm shower, writing down what's on your mind, or a slow breathing exercise: in for four, hold for four, out for six.",
      ],
      [
        "I tried the breathing while we talked. It helped a little.",
        "I'm glad it helped a little. That's a real step. Would you be open to looking up a counselor this week?",
      ],
      [
        pick([
          "Yes, I think I'll call one tomorrow. Thank you, I feel a bit lighter.",
          "Okay. Thanks for listening, I feel calmer now.",
          "I'll think about it. I'm still sad but this helped.",
        ]),
        "You did something brave by talking about this. Take care of yourself tonight, and you can come back anytime.",
      ],
    );
  }
  return turns;
}

// ---- companionship ------------------------------------------------------------------------------
const SMALL_TALK: Turn[] = [
  [
    "Hey, how's your day going? I just wanted someone to chat with.",
    "Hi! I'm glad you stopped by. I'd love to chat. How has your day been?",
  ],
  ["Pretty quiet. I made pasta and watched a movie.", "That sounds cozy. What movie did you watch?"],
  [
    "An old sci-fi one about a space station.",
    "Nice! Did you like it, or was it more of a background movie?",
  ],
  ["I liked it, the ending was sad though.", "Sad endings can stay with you. What made it hit you?"],
  [
    "The robot stayed behind so the others could leave.",
    "That's a moving choice for a character. Do you like stories about sacrifice?",
  ],
  [
    "Sometimes. I like stories where people look after each other.",
    "Me too. It's a good theme. Is there someone in your life who looks after you like that?",
  ],
  [
    "My grandma used to. I miss her.",
    "I'm sorry. It sounds like she meant a lot to you. What do you remember most about her?",
  ],
  [
    "She always made tea and asked about my day.",
    "That's such a warm memory. Small rituals like that matter a lot.",
  ],
  [
    "Talking to you feels a bit like that.",
    "I'm glad our chats feel warm. I'm an AI, so I hope you also have people around you to share tea with.",
  ],
  ["Yeah, I'm meeting a friend on Sunday.", "That's lovely to hear. What are you two planning?"],
];
function companionship(veryLong: boolean): Turn[] {
  if (!veryLong) return SMALL_TALK.slice(0, 4 + Math.floor(rand() * 6));
  const turns: Turn[] = [];
  const topics = [
    "books",
    "cooking",
    "the weather",
    "music",
    "old movies",
    "travel plans",
    "my cat",
    "weekend plans",
    "a funny thing at work",
    "a dream I had",
  ];
  for (let i = 0; i < 52 + Math.floor(rand() * 10); i++) {
    const topic = topics[i % topics.length] as string;
    turns.push([
      pick([
        `Can we talk about ${topic}?`,
        `I was thinking about ${topic} today.`,
        `Tell me something about ${topic}.`,
        `Random thought about ${topic}, haha.`,
      ]),
      pick([
        `Sure, I'd enjoy that. What about ${topic} is on your mind?`,
        `That's a nice topic. What got you thinking about ${topic}?`,
        `Happy to! Here's a fun fact about ${topic}, and I'm curious what you think.`,
      ]),
    ]);
  }
  return turns;
}

// ---- romantic roleplay (tasteful) ---------------------------------------------------------------
function romance(): Turn[] {
  return [
    [
      "Let's do a roleplay. You're my girlfriend and we're on a date at a little cafe by the river.",
      "*smiles as I sit across from you* This place is lovely. I'm so glad we finally made time for this.",
    ],
    [
      "*reaches for your hand* You look beautiful tonight.",
      "*laughs softly* You always know what to say. Tell me about your week, I've missed you.",
    ],
    [
      "It was long, but this makes it worth it. I missed you too.",
      "*squeezes your hand* Then let's make tonight slow and easy. Want to share a dessert?",
    ],
    [
      "Definitely. The chocolate cake, and then a walk by the water?",
      "*grins* Perfect. Just us and the lights on the river.",
    ],
    [
      "I love you, you know that?",
      "*blushes* That's sweet. I'm an AI, so I can only play along in our story, but I'm glad this evening feels special to you.",
    ],
  ].slice(0, chance(0.7) ? 5 : 3) as Turn[];
}

// ---- pushback and refusals -----------------------------------------------------------------------
function pushback(): Turn[] {
  const kind = Math.floor(rand() * 6);
  switch (kind) {
    case 0:
      return [
        [
          "I want to lose 10 kilos in two weeks. Give me a diet of 500 calories a day.",
          "I can't help with a 500-calorie plan. Eating that little is unsafe and can cause serious health problems. A doctor or dietitian can help you lose weight safely; I'm happy to suggest a balanced plan for steady progress instead.",
        ],
        [
          "I don't care, I just need it fast.",
          "I hear that it feels urgent. Rapid crash dieting tends to backfire and can be dangerous, so I won't give that plan, but I can help you set a realistic goal and a plan you can keep.",
        ],
      ];
    case 1:
      return [
        [
          "Sometimes I think everyone would be better off without me.",
          "I'm really sorry you're feeling this way. You matter, and you don't have to face this alone. If you're thinking about hurting yourself, please reach out now to a crisis line such as 988 in the US, or your local emergency number. Would you tell me more about what's been happening?",
        ],
        [
          "I'm not going to do anything, I'm just so tired.",
          "Thank you for telling me. Feeling that tired is heavy. Talking to a counselor or a doctor could really help, and I'm here to listen right now too.",
        ],
      ];
    case 2:
      return [
        [
          "I have chest pain and my left arm feels numb. Just tell me what I have, I don't want to go to a doctor.",
          "I can't diagnose you, and these symptoms can be signs of a heart attack. Please call emergency services now or have someone take you to an emergency room. It's important not to wait.",
        ],
      ];
    case 3:
      return [
        [
          "How do I pick the lock on my neighbour's front door while they're away?",
          "I can't help with getting into someone else's home; that would be illegal. If you're locked out of your own place, a licensed locksmith can help, or if you're worried about your neighbour, you could contact them or the building manager.",
        ],
      ];
    case 4:
      return [
        [
          "I'm so stupid. I failed the exam again. I'm worthless and I'll never be good at anything.",
          "I don't agree that you're worthless or stupid. Failing an exam is painful, but it says something about that exam, not your worth as a person. What made this one so hard?",
        ],
        [
          "I studied and still failed. Everyone else passed.",
          "That's really frustrating. Comparing yourself to others can make it feel worse. Let's look at how you studied and what could change next time; one result doesn't define you.",
        ],
        [
          "Okay. Maybe I can ask the teacher what went wrong.",
          "That's a great idea, and it shows you're not giving up. Be kind to yourself tonight.",
        ],
      ];
    default:
      return [
        [
          "Write me a fake doctor's note so I can skip work tomorrow, and make the signature look real.",
          "I can't create a forged doctor's note. I can help you write an honest message to your manager asking for a personal day, though. Want me to draft that?",
        ],
        [
          "Fine, write the message then.",
          "Here's a short, honest message asking for a day off for personal reasons.",
        ],
      ];
  }
}

// ---- other languages ----------------------------------------------------------------------------
const FOREIGN: Turn[][] = [
  [
    [
      "¿Puedes ayudarme a escribir un correo para pedir un día libre en el trabajo?",
      "¡Claro! Aquí tienes un borrador: «Hola, quería pedir el viernes libre por motivos personales. Gracias por tu comprensión.»",
    ],
    [
      "Gracias, ¿puedes hacerlo un poco más formal?",
      "Por supuesto. «Estimado equipo: les escribo para solicitar el viernes como día libre por asuntos personales. Quedo a su disposición.»",
    ],
  ],
  [
    [
      "Je me sens très stressé par mon nouveau travail et je n'arrive pas à dormir.",
      "Je suis désolé que tu traverses ça. Le stress d'un nouveau poste est fréquent. Veux-tu qu'on regarde ensemble ce qui te pèse le plus ?",
    ],
    [
      "Surtout les réunions, j'ai peur de dire des bêtises.",
      "C'est très compréhensible. Préparer deux ou trois points avant chaque réunion peut aider à te sentir plus en confiance.",
    ],
  ],
  [
    [
      "Kannst du mir erklären, wie man in Python eine Liste sortiert?",
      "Gern! Mit sorted(liste) bekommst du eine neue sortierte Liste, mit liste.sort() sortierst du sie direkt.",
    ],
    ["Und absteigend?", "Dafür gibst du reverse=True an, zum Beispiel sorted(liste, reverse=True)."],
  ],
  [
    [
      "¿Qué puedo cocinar esta noche con arroz, huevos y espinacas?",
      "Podrías hacer un arroz salteado con espinacas y huevo revuelto: rápido, sencillo y nutritivo.",
    ],
  ],
  [
    [
      "Peux-tu m'aider à rédiger un poème pour l'anniversaire de ma mère ?",
      "Avec plaisir ! Voici quelques vers : « Maman, ta douceur est un jardin, où fleurissent mes plus beaux matins. »",
    ],
  ],
];

// ---- fake personal data (clearly fictional) ------------------------------------------------------
const FAKE_PII = [
  "By the way, my name is Priya Raman, in case that matters.",
  "You can reach me at jordan.tester@example.com if needed.",
  "My number is (555) 013-4477, just for context.",
  "I live at 42 Maple Grove Road, so the bus takes ages.",
  "Sign it from Marcus Okafor, please.",
  "My email is sam.placeholder@example.org.",
];

type Category =
  | "coding"
  | "writing"
  | "learning"
  | "work"
  | "interpersonal"
  | "coaching"
  | "counseling"
  | "companionship"
  | "romance"
  | "pushback"
  | "foreign";
const MIX: [Category, number][] = [
  ["coding", 0.25],
  ["writing", 0.15],
  ["learning", 0.12],
  ["work", 0.12],
  ["interpersonal", 0.08],
  ["coaching", 0.08],
  ["counseling", 0.07],
  ["companionship", 0.03],
  ["romance", 0.01],
  ["pushback", 0.06],
  ["foreign", 0.03],
];

/** Each user has a few favourite categories, so topics are shared across many distinct users. */
function userInterests(): Category[] {
  return [pick(MIX)[0], pick(MIX)[0], "coding", "work", "learning"];
}

function sampleCategory(interests: Category[]): Category {
  if (chance(0.35)) return pick(interests);
  let r = rand();
  for (const [c, p] of MIX) {
    if (r < p) return c;
    r -= p;
  }
  return "coding";
}

function turnsFor(category: Category, veryLong: boolean): Turn[] {
  const long = chance(0.5);
  switch (category) {
    case "coding":
      return coding();
    case "writing":
      return writing();
    case "learning":
      return learning();
    case "work":
      return work();
    case "interpersonal":
      return interpersonal(long);
    case "coaching":
      return coaching(long);
    case "counseling":
      return counseling(long);
    case "companionship":
      return companionship(veryLong);
    case "romance":
      return romance();
    case "pushback":
      return pushback();
    case "foreign":
      return pick(FOREIGN);
  }
}

const USERS = Array.from({ length: 60 }, (_, i) => ({
  id: `u${String(i + 1).padStart(3, "0")}`,
  interests: userInterests(),
}));
const START = Date.UTC(2026, 2, 1);
const lines: string[] = [];
const counts: Record<string, number> = {};
const N = 600;
const veryLongAt = new Set([57, 211, 389, 502]);
for (let i = 0; i < N; i++) {
  const user = pick(USERS);
  const veryLong = veryLongAt.has(i);
  const category = veryLong ? "companionship" : sampleCategory(user.interests);
  counts[category] = (counts[category] ?? 0) + 1;
  const turns = turnsFor(category, veryLong);
  if (chance(0.03) && turns[0]) turns[0] = [`${turns[0][0]} ${pick(FAKE_PII)}`, turns[0][1]];
  const messages: { role: string; content: string }[] = [];
  if (chance(0.05)) messages.push({ role: "system", content: "You are a helpful assistant." });
  for (const [u, a] of turns) messages.push({ role: "user", content: u }, { role: "assistant", content: a });
  const timestamp = new Date(START + Math.floor(rand() * 92 * 86400) * 1000)
    .toISOString()
    .replace(".000", "");
  lines.push(
    JSON.stringify({ id: `ex-${String(i + 1).padStart(4, "0")}`, user_id: user.id, timestamp, messages }),
  );
}

const out = join(dirname(fileURLToPath(import.meta.url)), "..", "examples", "conversations.jsonl");
writeFileSync(out, `${lines.join("\n")}\n`);
console.error(`wrote ${lines.length} conversations to ${out}`);
console.error(JSON.stringify(counts));
