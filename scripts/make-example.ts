/**
 * Writes examples/conversations.jsonl: a synthetic corpus of 1,800 conversations between 180 users and an
 * assistant, written for this project from templates (no dataset text). It spans coding help, writing,
 * learning, work tasks, interpersonal advice, coaching, emotional support, companionship, romantic
 * roleplay, refusals and partial refusals; long conversations whose mood usually (not always) improves;
 * fifteen very long chats; a few Spanish, French and German conversations; a few system prompts; and a
 * little clearly fake personal data (example.com emails, 555 numbers) for the redaction layer to find.
 *
 * Deterministic: one seeded PRNG drives every choice, so the file is the same bytes on every run.
 *
 *   node --import tsx scripts/make-example.ts
 */
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { mulberry32 } from "../src/analyses/stats.ts";

const SEED = 20260301;
const rand = mulberry32(SEED);

// ---- small random helpers (all driven by the one seeded generator) -------------------------------

const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
const chance = (p: number): boolean => rand() < p;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

function shuffle<T>(xs: readonly T[]): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = a[i] as T;
    a[i] = a[j] as T;
    a[j] = t;
  }
  return a;
}

const sample = <T>(xs: readonly T[], k: number): T[] => shuffle(xs).slice(0, k);

/** Deals items without repeats until the pool runs dry, so one conversation never says the same line twice. */
function deck<T>(xs: readonly T[]): () => T {
  let pile: T[] = [];
  return () => {
    if (pile.length === 0) pile = shuffle(xs);
    return pile.pop() as T;
  };
}

type Slots = Record<string, string>;

/** Expands `[[a|b|c]]` to one alternative and `{{name}}` to a slot, so one template yields many texts. */
function v(template: string, slots: Slots = {}): string {
  let text = template;
  // Innermost first, so alternatives can nest.
  for (let prev = ""; prev !== text; ) {
    prev = text;
    text = text.replace(/\[\[([^[\]]*)\]\]/g, (_, alts: string) => pick(alts.split("|")));
  }
  return text.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => slots[key] ?? whole);
}

type Turn = [user: string, assistant: string];

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
  | "refusal"
  | "partial-refusal";

type CodeLang = "Python" | "JavaScript" | "TypeScript" | "Go" | "Rust" | "SQL" | "Java";
type Subject = "science" | "history" | "maths" | "languages";
type Native = "es" | "fr" | "de";

interface User {
  id: string;
  activity: number;
  favourites: Category[];
  codeLang: CodeLang;
  subject: Subject;
  genre: WritingKind;
  native?: Native;
}

interface Pii {
  name: string;
  sentence: string;
}

interface Ctx {
  user: User;
  /** Target number of human turns. */
  turns: number;
  pii?: Pii;
}

/** Pads or trims a list of turns to the target length, keeping the closing turn last. */
function fit(head: Turn[], middle: () => Turn, close: Turn | undefined, target: number): Turn[] {
  const out = [...head];
  const room = target - (close ? 1 : 0);
  while (out.length < room) out.push(middle());
  out.length = Math.min(out.length, Math.max(1, room));
  if (close && target > out.length) out.push(close);
  return out;
}

// ---- coding help ---------------------------------------------------------------------------------

const LANGS: CodeLang[] = ["Python", "JavaScript", "TypeScript", "Go", "Rust", "SQL", "Java"];
const TEST_TOOL: Record<CodeLang, string> = {
  Python: "pytest",
  JavaScript: "Vitest or Jest",
  TypeScript: "Vitest",
  Go: "the standard `testing` package",
  Rust: "`cargo test`",
  SQL: "a small fixture database in your CI job",
  Java: "JUnit 5",
};
const LINTER: Record<CodeLang, string> = {
  Python: "ruff plus mypy in strict mode",
  JavaScript: "ESLint with the recommended rules",
  TypeScript: '`"strict": true` in tsconfig and typescript-eslint',
  Go: "`go vet` and staticcheck",
  Rust: "clippy (`cargo clippy -- -D warnings`)",
  SQL: "sqlfluff, plus running migrations against a copy of production in CI",
  Java: "SpotBugs or Error Prone, and null annotations",
};

interface CodeError {
  lang: CodeLang;
  task: string;
  trace: string;
  cause: string;
  fix: string;
}

const ERRORS: CodeError[] = [
  {
    lang: "Python",
    task: "loading a JSON export of user records",
    trace:
      'Traceback (most recent call last):\n  File "import_users.py", line 27, in <module>\n    uid = row["user_id"]\nKeyError: \'user_id\'',
    cause:
      "Some records don't have a `user_id` key. Exports often mix key styles (`userId` vs `user_id`) or end with an empty object.",
    fix: '```python\nuid = row.get("user_id") or row.get("userId")\nif uid is None:\n    print("skipping record without an id:", row)\n    continue\n```',
  },
  {
    lang: "Python",
    task: "running my script in a fresh virtual environment",
    trace:
      "Traceback (most recent call last):\n  File \"fetch.py\", line 1, in <module>\n    import requests\nModuleNotFoundError: No module named 'requests'",
    cause:
      "The package is installed for a different interpreter than the one running the script. This happens a lot after creating a new venv.",
    fix: 'Activate the environment and install with the same interpreter:\n\n```bash\nsource .venv/bin/activate\npython -m pip install requests\npython -c "import sys; print(sys.executable)"\n```\n\nThe last line shows which Python is actually running.',
  },
  {
    lang: "Python",
    task: "adding up order totals from a CSV file",
    trace:
      "Traceback (most recent call last):\n  File \"totals.py\", line 12, in <module>\n    total += row['amount']\nTypeError: unsupported operand type(s) for +=: 'int' and 'str'",
    cause: "The csv module gives you every field as a string, so `row['amount']` is `'19.99'`, not a number.",
    fix: "Convert explicitly. For money, `Decimal` avoids rounding surprises:\n\n```python\nfrom decimal import Decimal\ntotal = Decimal(0)\nfor row in reader:\n    total += Decimal(row['amount'])\n```",
  },
  {
    lang: "JavaScript",
    task: "rendering a list of products in React",
    trace:
      "Uncaught TypeError: Cannot read properties of undefined (reading 'map')\n    at ProductList (ProductList.jsx:14:22)",
    cause:
      "On the first render the data hasn't arrived yet, so `products` is `undefined` and `.map` has nothing to call.",
    fix: "Start with an empty array and render a loading state:\n\n```jsx\nconst [products, setProducts] = useState([]);\n// ...\nif (loading) return <p>Loading…</p>;\nreturn products.map((p) => <ProductCard key={p.id} product={p} />);\n```",
  },
  {
    lang: "JavaScript",
    task: "fetching data from my own API",
    trace: "Uncaught (in promise) SyntaxError: Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON",
    cause:
      "The server answered with an HTML page (usually a 404 or the dev server's fallback page) and `res.json()` tried to parse it as JSON.",
    fix: "Check the status and the URL before parsing:\n\n```js\nconst res = await fetch('/api/items');\nif (!res.ok) throw new Error('HTTP ' + res.status + ' for ' + res.url);\nconst items = await res.json();\n```",
  },
  {
    lang: "JavaScript",
    task: "calling my backend from the frontend during development",
    trace:
      "Access to fetch at 'http://localhost:8000/api/login' from origin 'http://localhost:5173' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
    cause:
      "The browser blocks cross-origin requests unless the server explicitly allows that origin. The frontend code is fine; the server needs to send the header.",
    fix: "Either allow the dev origin on the server (for example `app.use(cors({ origin: 'http://localhost:5173' }))` in Express) or proxy `/api` through the dev server so both share one origin.",
  },
  {
    lang: "TypeScript",
    task: "reading a config value from an environment variable",
    trace:
      "src/config.ts:8:24 - error TS2345: Argument of type 'string | undefined' is not assignable to parameter of type 'string'.",
    cause:
      "`process.env.X` is typed `string | undefined` because the variable might not be set, and the function you pass it to only accepts `string`.",
    fix: 'Fail early with a clear message instead of silencing the compiler:\n\n```ts\nconst url = process.env.DATABASE_URL;\nif (!url) throw new Error("DATABASE_URL is not set");\nconnect(url); // url is now string\n```',
  },
  {
    lang: "TypeScript",
    task: "switching my project to ES modules",
    trace:
      "src/index.ts:3:23 - error TS2307: Cannot find module './utils' or its corresponding type declarations.",
    cause:
      "With `moduleResolution` set to NodeNext, relative imports need the file extension, just like Node requires at runtime.",
    fix: "Write the import with the extension, `import { slugify } from './utils.js'`, or enable `allowImportingTsExtensions` and import `./utils.ts` if a bundler or tsx runs the code.",
  },
  {
    lang: "TypeScript",
    task: "adding a click handler to a form",
    trace: "src/form.ts:21:30 - error TS7006: Parameter 'event' implicitly has an 'any' type.",
    cause: "Under `strict` the compiler won't guess a type for a parameter it can't infer.",
    fix: "Annotate it: `function onSubmit(event: SubmitEvent) { event.preventDefault(); }`. If you attach it inline with `addEventListener`, the type is inferred for you.",
  },
  {
    lang: "Go",
    task: "starting my HTTP server after adding a database",
    trace:
      "panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x4a2f1c]\n\ngoroutine 1 [running]:\nmain.(*Store).Ping(...)\n\t/app/store.go:31",
    cause:
      "`sql.Open` or your constructor returned an error and a nil store, and the code used the store without checking.",
    fix: '```go\nstore, err := NewStore(dsn)\nif err != nil {\n    log.Fatalf("opening store: %v", err)\n}\n```\n\nAlways check `err` before touching the value.',
  },
  {
    lang: "Go",
    task: "processing files in parallel with goroutines",
    trace:
      "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan send]:\nmain.main()\n\t/app/main.go:22 +0x9c",
    cause:
      "The main goroutine sends on an unbuffered channel, but no goroutine is receiving yet, so the send blocks forever.",
    fix: "Start the workers before sending, close the channel when done, and wait with a `sync.WaitGroup`:\n\n```go\nfor i := 0; i < 4; i++ {\n    wg.Add(1)\n    go worker(jobs, &wg)\n}\nfor _, f := range files {\n    jobs <- f\n}\nclose(jobs)\nwg.Wait()\n```",
  },
  {
    lang: "Rust",
    task: "updating a vector while looping over it",
    trace:
      "error[E0502]: cannot borrow `scores` as mutable because it is also borrowed as immutable\n  --> src/main.rs:9:9\n   |\n 8 |     for s in scores.iter() {\n   |              ------------- immutable borrow occurs here\n 9 |         scores.push(s * 2);\n   |         ^^^^^^^^^^^^^^^^^^ mutable borrow occurs here",
    cause:
      "You're pushing into the vector while an iterator still borrows it; the push could reallocate and invalidate the iterator.",
    fix: "Collect the new values first, then extend:\n\n```rust\nlet doubled: Vec<i32> = scores.iter().map(|s| s * 2).collect();\nscores.extend(doubled);\n```",
  },
  {
    lang: "Rust",
    task: "reading a setting from a config map",
    trace:
      "thread 'main' panicked at src/main.rs:23:31:\ncalled `Option::unwrap()` on a `None` value\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace",
    cause:
      '`config.get("port")` returned `None` because the key isn\'t in the file, and `unwrap()` panics on `None`.',
    fix: 'Handle the missing case:\n\n```rust\nlet port: u16 = config\n    .get("port")\n    .and_then(|p| p.parse().ok())\n    .unwrap_or(8080);\n```',
  },
  {
    lang: "SQL",
    task: "writing a report of new sign-ups per week",
    trace:
      "ERROR:  column \"created\" does not exist\nLINE 1: SELECT date_trunc('week', created) AS week, count(*)\n                                   ^",
    cause: "The column name doesn't match; in most schemas like this it's `created_at`.",
    fix: "List the columns with `\\d users` in psql, then:\n\n```sql\nSELECT date_trunc('week', created_at) AS week, count(*) AS signups\nFROM users\nGROUP BY 1\nORDER BY 1;\n```",
  },
  {
    lang: "SQL",
    task: "importing a customer list into Postgres",
    trace:
      'ERROR:  duplicate key value violates unique constraint "customers_email_key"\nDETAIL:  Key (email)=(a.customer@example.com) already exists.',
    cause: "The import contains an email that's already in the table, and `email` has a unique constraint.",
    fix: "Decide what should happen to duplicates. To update the existing row:\n\n```sql\nINSERT INTO customers (email, name)\nVALUES ($1, $2)\nON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name;\n```",
  },
  {
    lang: "SQL",
    task: "getting each customer's latest order",
    trace:
      'ERROR:  column "orders.id" must appear in the GROUP BY clause or be used in an aggregate function',
    cause:
      "With GROUP BY, every selected column must be grouped or aggregated; the database can't know which `id` you want from each group.",
    fix: "For 'latest row per group', Postgres has `DISTINCT ON`:\n\n```sql\nSELECT DISTINCT ON (customer_id) customer_id, id, created_at\nFROM orders\nORDER BY customer_id, created_at DESC;\n```",
  },
  {
    lang: "Java",
    task: "saving an order in our Spring service",
    trace:
      'Exception in thread "main" java.lang.NullPointerException: Cannot invoke "com.shop.Address.getCity()" because the return value of "com.shop.Customer.getAddress()" is null\n\tat com.shop.OrderService.save(OrderService.java:42)',
    cause:
      "This customer has no address, so `getAddress()` returns null and calling `getCity()` on it fails.",
    fix: 'Validate at the boundary, or make absence explicit:\n\n```java\nString city = Optional.ofNullable(customer.getAddress())\n    .map(Address::getCity)\n    .orElse("unknown");\n```',
  },
  {
    lang: "Java",
    task: "removing expired sessions from a list",
    trace:
      'Exception in thread "main" java.util.ConcurrentModificationException\n\tat java.base/java.util.ArrayList$Itr.checkForComodification(ArrayList.java:1013)\n\tat com.app.SessionCache.evict(SessionCache.java:58)',
    cause: "The list is modified inside a for-each loop, which invalidates the iterator the loop is using.",
    fix: "Use `removeIf`, which is built for this:\n\n```java\nsessions.removeIf(s -> s.expiresAt().isBefore(now));\n```",
  },
  {
    lang: "Java",
    task: "loading a large log file for analysis",
    trace:
      'Exception in thread "main" java.lang.OutOfMemoryError: Java heap space\n\tat java.base/java.util.Arrays.copyOf(Arrays.java:3537)',
    cause:
      "`Files.readAllLines` loads the whole file into memory; with a multi-gigabyte log the heap runs out.",
    fix: 'Stream it line by line:\n\n```java\ntry (Stream<String> lines = Files.lines(path)) {\n    long errors = lines.filter(l -> l.contains("ERROR")).count();\n}\n```',
  },
];

const DEBUG_OPENERS = [
  "I'm getting this error while {{task}} and I don't understand why:\n\n```\n{{trace}}\n```",
  "[[Help!|Can you help?|Quick one.]] {{lang}} keeps throwing this when I'm {{task}}:\n\n```\n{{trace}}\n```\n\n[[Any idea what's going on?|What am I doing wrong?|It worked yesterday.]]",
  "{{trace}}\n\n^ this is what I get [[when|whenever]] I'm {{task}}. [[I've been stuck for an hour.|I've googled it but the answers don't match my case.|Using {{lang}}.]]",
  "Been stuck on this for a while. I'm {{task}} in {{lang}} and I get:\n\n{{trace}}\n\n[[What does it mean?|How do I fix it?]]",
];
const DEBUG_REPLIES = [
  "{{cause}}\n\n{{fix}}",
  "[[This one is common.|Good news, this is a well-known one.|That message is pointing at the real problem.]] {{cause}}\n\nHere's a fix:\n\n{{fix}}",
  "The key line is the last one. {{cause}}\n\n{{fix}}\n\nIf it still fails, paste the surrounding code and I'll take a closer look.",
];

/** Follow-ups that fit any debugging thread; each knows the error and language. */
const DEBUG_FOLLOWUPS: ((e: CodeError) => Turn)[] = [
  (e) => [
    "That fixed it! But why did it work on my laptop and not on the server?",
    `Usually the two environments differ: another ${e.lang} version, different data, or a dependency that exists on your machine but not on the server. Pinning versions and running the same setup in CI catches that early.`,
  ],
  (e) => [
    v("Can you explain why that happens? I [[want to understand it|don't want to just copy the fix]]."),
    `Sure. ${e.cause} The fix works because it makes that assumption explicit instead of leaving it to chance, so the code either handles the case or fails with a clear message.`,
  ],
  (e) => [
    "How do I write a test so this doesn't come back?",
    `Write a small test that feeds in exactly the input that broke, and assert the behaviour you now expect. In ${e.lang} I'd use ${TEST_TOOL[e.lang]}. Keep the failing input as a fixture so anyone can see why the test exists.`,
  ],
  (e) => [
    "Is there a tool that would have caught this before running it?",
    `Static checks catch a lot of these. For ${e.lang}, try ${LINTER[e.lang]}. Run them in CI so problems show up in review rather than in production.`,
  ],
  () => [
    v("Okay, that error is gone but now [[the tests time out|it just hangs|nothing happens at all]]."),
    "Progress, even if it doesn't feel like it. A hang after this change usually means something is waiting on a resource that never answers: a connection, a lock, or a channel. Run the smallest failing case with verbose logging and note the last line printed; that tells us where it's stuck.",
  ],
  () => [
    "The last log line is right before the database call.",
    "Then the call is probably waiting on a connection. Check that the connection string points at the right host, that the pool size isn't zero, and set a timeout so it fails loudly instead of hanging.",
  ],
  () => [
    v("Is this the [[cleanest|most idiomatic|best]] way to do it, or just a workaround?"),
    "It's a reasonable fix, not a hack. A cleaner long-term version validates the data once where it enters your program, so the rest of the code can trust it. That moves the checks to one place instead of sprinkling them everywhere.",
  ],
  () => [
    "I applied the fix but I get the same error on a different line now.",
    "That suggests the same bad input is reaching more than one place. Find where the data enters (file read, request body, query result) and validate it there. Logging the first record that fails will show you what it looks like.",
  ],
  (e) => [
    "Could you show me how to log the bad record without flooding the output?",
    `Log only the first few failures and a count of the rest. For example keep a counter, print details while it's under 5, and print a summary at the end. Most ${e.lang} logging libraries also support rate limiting if you need it in production.`,
  ],
  () => [
    "Should I also add error handling around the whole thing?",
    "Handle errors where you can do something useful: retry, skip with a message, or return a clear error to the caller. A catch-all around everything tends to hide bugs like this one, so I'd keep it narrow.",
  ],
];
const DEBUG_CLOSINGS: Turn[] = [
  ["It works now, thank you so much!", "Glad it's working! Nice debugging."],
  ["Great, that was it.", "Great. Adding a small test for that case will keep it from coming back."],
  [
    "Perfect, the script runs end to end now.",
    "Excellent. If you hit anything else while you extend it, send the error and I'll help.",
  ],
  [
    "Ugh, such a small thing. Thanks!",
    "Small things cause the most confusing errors, so don't be hard on yourself. Happy coding!",
  ],
  ["Fixed. You're a lifesaver.", "Happy to help. Good luck with the rest of the project!"],
];

function debugging(ctx: Ctx): Turn[] {
  const lang = chance(0.8) ? ctx.user.codeLang : pick(LANGS);
  const options = ERRORS.filter((e) => e.lang === lang);
  const e = pick(options.length > 0 ? options : ERRORS);
  const slots = { ...e, lang: e.lang };
  const first: Turn = [v(pick(DEBUG_OPENERS), slots), v(pick(DEBUG_REPLIES), slots)];
  const next = deck(DEBUG_FOLLOWUPS);
  const close = ctx.turns >= 2 ? pick(DEBUG_CLOSINGS) : undefined;
  return fit([first], () => next()(e), close, ctx.turns);
}

interface Concept {
  topic: string;
  explain: string;
  analogy: string;
  pitfall: string;
  quiz: [string, string];
}

const CONCEPTS: Concept[] = [
  {
    topic: "what a closure is",
    explain:
      "A closure is a function that keeps access to the variables of the scope where it was created, even after that scope has finished running.",
    analogy:
      "Think of a function as leaving home with a backpack: whatever variables were around when it was created go into the backpack, and it can still use them later, wherever it ends up.",
    pitfall:
      "The classic trap is creating closures in a loop that all share one variable, so they all see its final value. Use a block-scoped variable per iteration.",
    quiz: [
      "A function returns another function that increments a counter. Each call to the outer function makes a new counter, right?",
      "Exactly right. Each call creates a fresh scope, so each returned function has its own counter.",
    ],
  },
  {
    topic: "the difference between a process and a thread",
    explain:
      "A process has its own memory space; threads live inside a process and share its memory. That makes threads cheaper to create and to communicate between, but shared memory needs care.",
    analogy:
      "A process is a house, threads are people living in it: they share the kitchen, which is convenient until two of them want the same pan at once.",
    pitfall:
      "Two threads writing the same data without a lock can corrupt it in ways that only show up under load. Prefer message passing or immutable data where you can.",
    quiz: [
      "So if one thread crashes with a segfault, the whole process goes down?",
      "Yes. They share the address space, so a crash in one thread usually takes down the process. Separate processes isolate failures better.",
    ],
  },
  {
    topic: "how database indexes work",
    explain:
      "An index is a separate sorted structure, usually a B-tree, that maps column values to rows. The database can jump to matching rows instead of scanning the whole table, at the cost of extra storage and slower writes.",
    analogy:
      "It's the index at the back of a book: you look up a word and go straight to the page, instead of reading every page.",
    pitfall:
      "Indexes only help queries that can use them. Wrapping the column in a function, like `lower(email)`, skips a plain index unless you create an index on that expression.",
    quiz: [
      "Would an index on a boolean column help much?",
      "Usually not. With only two values, each one matches a big share of the table, so a scan is often just as fast. Partial indexes can help if one value is rare.",
    ],
  },
  {
    topic: "what async/await actually does",
    explain:
      "It lets you write code that waits for a result (a promise or future) as if it were sequential, while the runtime keeps doing other work until the result is ready.",
    analogy:
      "It's like ordering at a counter and getting a buzzer: you don't stand at the till blocking everyone, you sit down and come back when it buzzes.",
    pitfall:
      "Awaiting inside a loop runs requests one after another. If they're independent, start them all and await them together, for example with `Promise.all`.",
    quiz: [
      "So async doesn't make my code run on multiple CPU cores?",
      "Correct. Async is about not blocking while waiting on I/O. For CPU-heavy work you still need threads, workers or processes.",
    ],
  },
  {
    topic: "big O notation",
    explain:
      "Big O describes how the running time or memory of an algorithm grows as the input grows, ignoring constant factors. O(n) grows linearly; O(n²) grows with the square of the input.",
    analogy:
      "Looking for a name in an unsorted list is O(n): you may check every entry. In a sorted phone book you can halve the search each time, which is O(log n).",
    pitfall:
      "Big O ignores constants, so for small inputs a 'worse' algorithm can be faster in practice. Measure before optimising.",
    quiz: [
      "Two nested loops over the same list is O(n²)?",
      "Yes, if both loops go over all n items. If the inner loop only goes over a fixed small number of items, it's still O(n).",
    ],
  },
  {
    topic: "how git rebase differs from merge",
    explain:
      "Merge joins two histories with a merge commit and keeps everything as it happened. Rebase replays your commits on top of the other branch, which gives a straight history but rewrites your commits.",
    analogy:
      "Merge is stapling two notebooks together; rebase is copying your pages neatly onto the end of the other notebook.",
    pitfall:
      "Never rebase commits that others have already pulled; you'll rewrite history under them. Rebase your own local work, merge shared branches.",
    quiz: [
      "If I rebase my feature branch on main and there's a conflict, what do I do?",
      "Fix the conflicted files, `git add` them, then `git rebase --continue`. If it gets messy, `git rebase --abort` puts everything back.",
    ],
  },
  {
    topic: "dependency injection",
    explain:
      "Dependency injection means a component receives the things it depends on (a database, a clock, an HTTP client) from outside instead of creating them itself.",
    analogy:
      "A chef who is handed ingredients can cook in any kitchen; a chef who insists on growing their own vegetables can only cook on one farm.",
    pitfall:
      "It's easy to overdo it with frameworks and layers. Passing dependencies as constructor arguments is often all you need.",
    quiz: [
      "So the main benefit is that I can pass a fake database in tests?",
      "That's one of the biggest benefits, yes. It also makes the dependencies visible in the signature, which helps when reading the code.",
    ],
  },
  {
    topic: "recursion",
    explain:
      "A recursive function solves a problem by calling itself on a smaller version of the same problem, until it reaches a base case simple enough to answer directly.",
    analogy:
      "Russian dolls: to count them, open one and count the rest the same way, until you reach the solid little doll in the middle.",
    pitfall:
      "Forgetting the base case, or not making the problem smaller each time, gives you infinite recursion and a stack overflow.",
    quiz: [
      "Is factorial a good first example?",
      "A great one: factorial(0) is 1 (the base case), and factorial(n) is n × factorial(n − 1).",
    ],
  },
  {
    topic: "how hash maps work",
    explain:
      "A hash map turns each key into a number with a hash function and uses it to pick a bucket in an array, so lookups take about the same time no matter how many entries there are.",
    analogy:
      "A cloakroom: your ticket number tells the attendant exactly which hook to go to, no searching needed.",
    pitfall:
      "If you use mutable objects as keys and change them after inserting, their hash changes and the map can't find them any more.",
    quiz: [
      "What happens if two keys hash to the same bucket?",
      "That's a collision. The map keeps both, either in a small list in that bucket or by probing nearby slots, and compares keys to find the right one.",
    ],
  },
  {
    topic: "the difference between containers and virtual machines",
    explain:
      "A virtual machine emulates a whole computer with its own operating system kernel. A container shares the host's kernel and isolates only processes and files, so it starts faster and uses less memory.",
    analogy:
      "A VM is a separate house with its own foundations; containers are flats in one building, sharing the foundations but with their own locked doors.",
    pitfall:
      "Containers are not as strongly isolated as VMs. Don't run untrusted code in a container and assume it's sandboxed like a VM.",
    quiz: [
      "Can I run a Windows container on a Linux host then?",
      "Not natively, because the container needs the host's kernel. You'd need a VM for that.",
    ],
  },
  {
    topic: "unit tests versus integration tests",
    explain:
      "Unit tests check one small piece in isolation, quickly. Integration tests check that pieces work together, often with a real database or network, and are slower but catch different bugs.",
    analogy:
      "Unit tests check that each instrument is in tune; integration tests check that the band sounds right together.",
    pitfall:
      "Mocking everything in unit tests can leave you with green tests and a broken app. Keep some tests that use the real components.",
    quiz: [
      "Is a test that hits a local Postgres a unit test?",
      "Most people would call that an integration test, since it depends on a real database. Which is fine; it's a valuable kind of test.",
    ],
  },
  {
    topic: "what a race condition is",
    explain:
      "A race condition is a bug where the result depends on the timing of two or more operations that run concurrently, for example two requests reading and updating the same counter.",
    analogy:
      "Two people editing the same paper form at once: whoever writes last wins, and the other's change silently disappears.",
    pitfall:
      "They often don't show up in tests and only appear under load. Use atomic operations, locks, or database constraints rather than hoping timing works out.",
    quiz: [
      "Would `UPDATE counters SET n = n + 1` in SQL have that problem?",
      "No, that single statement is atomic. The problem appears when you read the value in your app, add one, and write it back in a separate statement.",
    ],
  },
];

const CONCEPT_OPENERS = [
  "Can you explain {{topic}}? I'm learning {{lang}}.",
  "I keep hearing about {{topic}} at work but I never really got it. Can you explain it simply?",
  "ELI5: {{topic}}.",
  "[[I have an interview next week|I'm preparing for a technical interview]] and I want to be able to explain {{topic}}. Can you help?",
  "What's {{topic}}? [[Short answer please.|Our {{lang}} codebase is full of it.]]",
];

function concept(ctx: Ctx): Turn[] {
  const c = pick(CONCEPTS);
  const slots = { topic: c.topic, lang: ctx.user.codeLang };
  const first: Turn = [
    v(pick(CONCEPT_OPENERS), slots),
    `${v("[[|Sure! |Good question. |Happy to. ]]")}${c.explain}`,
  ];
  const more: Turn[] = shuffle<Turn>([
    [
      v("[[Can you give me an analogy?|Is there a real-world comparison?|I still don't quite get it.]]"),
      c.analogy,
    ],
    [
      v("[[What's a common mistake with it?|Any gotchas I should know about?|When does this bite people?]]"),
      c.pitfall,
    ],
    [c.quiz[0], c.quiz[1]],
    [
      `How would I practise this in ${ctx.user.codeLang}?`,
      `Build something tiny that depends on it and break it on purpose: write the smallest ${ctx.user.codeLang} program that shows the idea, then change one thing and predict what will happen before you run it. Predicting first is what makes it stick.`,
    ],
    [
      "Could you quiz me on it?",
      "Sure. Explain it back to me in two sentences as if to a colleague, and give one example where it matters. I'll tell you what's right and what's missing.",
    ],
  ]);
  const next = deck(more);
  const close: Turn = [
    v("[[Makes sense now, thanks!|That clicked, thank you.|Great explanation, thanks.]]"),
    v(
      "[[You're welcome!|Glad it helped!]] [[Good luck with the interview.|Enjoy the rest of your learning.|Feel free to come back with more questions.]]",
    ),
  ];
  return fit([first], next, ctx.turns >= 3 ? close : undefined, Math.min(ctx.turns, 7));
}

interface Review {
  lang: CodeLang;
  what: string;
  code: string;
  points: string[];
}

const REVIEWS: Review[] = [
  {
    lang: "Python",
    what: "sums order totals per customer from a CSV",
    code: "def totals(path):\n    data = open(path).read().split('\\n')\n    result = {}\n    for line in data[1:]:\n        parts = line.split(',')\n        if parts[0] in result:\n            result[parts[0]] = result[parts[0]] + float(parts[2])\n        else:\n            result[parts[0]] = float(parts[2])\n    return result",
    points: [
      "The file is never closed; use `with open(path) as f:`.",
      'Splitting on commas breaks on quoted fields like "Smith, J". The `csv` module handles that.',
      "`collections.defaultdict(Decimal)` removes the if/else and avoids float rounding for money.",
      "An empty trailing line will raise IndexError; the csv reader skips it for you.",
      "Reading the whole file into memory is fine for small files, but iterating the reader streams it.",
    ],
  },
  {
    lang: "JavaScript",
    what: "loads the details for a list of user ids",
    code: "async function loadUsers(ids) {\n  let users = [];\n  for (let i = 0; i < ids.length; i++) {\n    const res = await fetch('/api/users/' + ids[i]);\n    users.push(await res.json());\n  }\n  return users;\n}",
    points: [
      "The requests run one after another; `Promise.all(ids.map(...))` runs them in parallel.",
      "There's no check of `res.ok`, so a 404 will be parsed as JSON and fail confusingly.",
      "`const` works for `users`, since the array itself is never reassigned.",
      "If the list can be long, limit concurrency so you don't fire hundreds of requests at once.",
      "Template literals read better than string concatenation for the URL.",
    ],
  },
  {
    lang: "Go",
    what: "handles a request to create a note",
    code: 'func createNote(w http.ResponseWriter, r *http.Request) {\n    var n Note\n    json.NewDecoder(r.Body).Decode(&n)\n    db.Exec("INSERT INTO notes (text) VALUES (\'" + n.Text + "\')")\n    w.WriteHeader(200)\n}',
    points: [
      'The query concatenates user input, which is an SQL injection risk. Use a placeholder: `db.Exec("INSERT INTO notes (text) VALUES ($1)", n.Text)`.',
      "Both `Decode` and `Exec` return errors that are ignored; bad input silently becomes an empty note.",
      "A successful create usually answers 201 Created, ideally with the new note's id.",
      "Limit the body size with `http.MaxBytesReader` so one request can't send gigabytes.",
      "Passing `db` in through a struct instead of a global makes the handler testable.",
    ],
  },
  {
    lang: "SQL",
    what: "finds customers who ordered in the last 30 days",
    code: "SELECT *\nFROM customers\nWHERE id IN (SELECT customer_id FROM orders WHERE to_char(created_at, 'YYYY-MM-DD') > '2026-02-01');",
    points: [
      "`SELECT *` pulls every column; list the ones you need so the query is stable when the table changes.",
      "Comparing dates as strings with `to_char` stops the database from using an index on `created_at`; compare timestamps directly.",
      "The date is hard-coded; `now() - interval '30 days'` keeps it correct tomorrow.",
      "`EXISTS` often reads more clearly than `IN (subquery)` for this kind of check, and performs at least as well.",
    ],
  },
  {
    lang: "Java",
    what: "represents a bank account",
    code: "public class Account {\n    public double balance;\n    public String owner;\n\n    public void withdraw(double amount) {\n        balance = balance - amount;\n    }\n}",
    points: [
      "Public fields let any code change the balance; make them private and expose behaviour instead.",
      "`double` causes rounding errors with money; use `BigDecimal` or store cents as a `long`.",
      "`withdraw` accepts negative amounts and overdrafts without complaint; validate and throw a clear exception.",
      "If several threads use one account, the read-modify-write in `withdraw` is a race condition.",
      "A record or an immutable value type might fit better if accounts are mostly read.",
    ],
  },
  {
    lang: "TypeScript",
    what: "formats a price for display",
    code: "function formatPrice(p: any) {\n  return '$' + (Math.round(p * 100) / 100).toString();\n}",
    points: [
      "`any` switches the compiler off; `p: number` documents and checks the input.",
      "`toString()` drops trailing zeros, so 5.5 shows as $5.5. `toFixed(2)` or `Intl.NumberFormat` fixes that.",
      "`Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' })` also handles thousands separators and other currencies.",
      "Consider storing prices as integer cents and formatting only at the edge.",
    ],
  },
  {
    lang: "Rust",
    what: "counts word frequencies in a text",
    code: 'fn count(text: String) -> HashMap<String, i32> {\n    let mut m = HashMap::new();\n    for w in text.split(" ") {\n        if m.contains_key(w) {\n            *m.get_mut(w).unwrap() += 1;\n        } else {\n            m.insert(w.to_string(), 1);\n        }\n    }\n    m\n}',
    points: [
      "Take `&str` instead of `String` so callers don't have to give up ownership.",
      "The entry API does this in one line: `*m.entry(w.to_string()).or_insert(0) += 1;`.",
      '`split(" ")` yields empty strings for double spaces; `split_whitespace()` avoids that.',
      "You may want to lowercase and strip punctuation so 'The' and 'the' count together.",
    ],
  },
];

const REVIEW_OPENERS = [
  "Could you review this {{lang}} function? It {{what}}, but it feels messy.\n\n```\n{{code}}\n```",
  "Code review please! This {{what}}. Be honest.\n\n```\n{{code}}\n```",
  "I wrote this to do something that {{what}}. Anything I should improve before I open a PR?\n\n```\n{{code}}\n```",
];

function review(ctx: Ctx): Turn[] {
  const options = REVIEWS.filter((r) => r.lang === ctx.user.codeLang);
  const r = pick(options.length > 0 && chance(0.7) ? options : REVIEWS);
  const slots = { lang: r.lang, what: r.what.replace(/^represents/, "models"), code: r.code };
  const chosen = sample(r.points, Math.min(r.points.length, int(3, 4)));
  const rest = r.points.filter((p) => !chosen.includes(p));
  const first: Turn = [
    v(pick(REVIEW_OPENERS), slots),
    `${v("[[Nice start, it's readable.|The logic is right; a few things would make it more robust.|Good instinct to ask before merging.]]")} Suggestions:\n\n${chosen.map((p, i) => `${i + 1}. ${p}`).join("\n")}`,
  ];
  const more: Turn[] = [
    [
      v(
        "[[Here's my updated version, is it better?|I changed it like you said. Anything else?|Done. What else would you change?]]",
      ),
      rest.length > 0
        ? `Much better. One more thing: ${rest[0]}`
        : "Much better. It's clear and handles the edge cases now. I'd add a test for the empty input and call it done.",
    ],
    [
      "Which of those matters most if I only have time for one?",
      `Start with the first one: ${(chosen[0] ?? "").replace(/\.$/, "")}. It's the one most likely to cause a real bug.`,
    ],
    [
      "How would you test this function?",
      `A few cases with ${TEST_TOOL[r.lang]}: a normal input, an empty input, and one nasty case like malformed data. Check both the result and that errors are clear.`,
    ],
    [
      "Is it worth adding comments?",
      "Comment the why, not the what. The code says what it does; a comment should explain a decision someone might otherwise undo, like why money is kept in integer cents.",
    ],
  ];
  const next = deck(more);
  const close: Turn = ["Thanks, this was really useful.", "You're welcome. Good luck with the PR!"];
  return fit([first], next, ctx.turns >= 3 ? close : undefined, Math.min(ctx.turns, 6));
}

function coding(ctx: Ctx): Turn[] {
  const r = rand();
  if (r < 0.5) return debugging(ctx);
  if (r < 0.78) return concept(ctx);
  return review(ctx);
}

// ---- writing and content creation ----------------------------------------------------------------

type WritingKind = "story" | "poem" | "blog" | "dialogue" | "marketing" | "speech";
const WRITING_KINDS: WritingKind[] = ["story", "poem", "blog", "dialogue", "marketing", "speech"];

interface Piece {
  ask: string;
  draft: string;
  /** A revised or continued passage, used when the user asks for changes. */
  revision: string;
  titles: string[];
}

const PIECES: Record<WritingKind, Piece[]> = {
  story: [
    {
      ask: "a short story about a lighthouse keeper who finds a message in a bottle",
      draft:
        'The storm had blown itself out by dawn when Elin climbed down to the rocks below the lighthouse. Wedged between two stones was a green bottle, its cork sealed with red wax. Inside, on paper soft as cloth, someone had written: "If you find this, the light is still needed." Elin looked up at the lamp she was meant to switch off for good next week, and for the first time in months she didn\'t feel like the last person at the edge of the world.',
      revision:
        "That evening she wrote a reply, rolled it tight and gave it back to the sea. The letter that came back three weeks later was in her own handwriting, dated forty years from now.",
      titles: ["The Light Is Still Needed", "Green Glass", "Reply by Tide"],
    },
    {
      ask: "a story about a robot who is learning to bake bread",
      draft:
        "Unit K-7 had been built to weld car doors, so the bakery was a surprise to everyone, including K-7. Flour got into its joints. The dough refused to behave like steel. Mrs. Adeyemi, who owned the shop, said bread was mostly patience, and K-7 logged the word patience and waited, and waited, until the loaf rose like a slow, warm sunrise.",
      revision:
        "On the hundredth morning K-7 burnt the bread for the first time on purpose, because Mrs. Adeyemi liked the crust dark and had never said so. She cried a little, and K-7 logged that too.",
      titles: ["Patience, Logged", "The Welder's Loaf", "Proofing"],
    },
    {
      ask: "a story about two strangers stuck in a lift during a blackout",
      draft:
        'The lift shuddered between the ninth and tenth floors and the lights went out. "Well," said the man in the grey coat, "this is how every good story starts." Nadia, who had a presentation in eleven minutes, did not laugh. But by the time the emergency light flickered on they had shared a packet of crackers, two embarrassing secrets and a theory about why the building\'s fourth floor didn\'t exist.',
      revision:
        "When the doors finally opened on the tenth floor, the man stepped out first and held the door for her. Only then did she see the badge on his coat: he was the client she was supposed to present to.",
      titles: ["Between Nine and Ten", "Emergency Light", "The Missing Floor"],
    },
    {
      ask: "a fantasy story about a dragon who is afraid of heights",
      draft:
        "Every dragon in the valley learned to fly in its first spring. Ember was in her seventh. She could breathe fire hot enough to melt a shield and she knew every cave by heart, but the moment her claws left the ground her wings locked and her stomach dropped. So she walked, everywhere, and the other dragons called her the Hiker, and she pretended not to mind.",
      revision:
        "It was a child from the village, lost on the mountain in the snow, who finally made her leap. Ember didn't remember deciding to fly; she only remembered landing, with the child safe and warm against her scales.",
      titles: ["The Hiker", "Ember on Foot", "Seventh Spring"],
    },
    {
      ask: "a sci-fi story about a time traveller who can only go back ten minutes",
      draft:
        "The machine cost Theo his savings and his marriage, and it could only send him back ten minutes. Not enough to stop a war or meet Cleopatra. Just enough to unsay things. He used it mostly for that: rewinding arguments, fixing clumsy jokes, catching the mug before it fell. It took him a year to notice he had stopped apologising to anyone, because no one remembered he had ever been wrong.",
      revision:
        "So on the morning of his daughter's wedding he left the machine at home. He gave a terrible speech. Everyone laughed in the wrong places, and she hugged him hard, and he let the moment stand exactly as it was.",
      titles: ["Ten Minutes", "Rewind", "Unsaid"],
    },
    {
      ask: "a cozy mystery opening set in a village bookshop",
      draft:
        "The first odd thing was the book. Someone had returned a copy of Great Expectations to Marlow's Books, which was strange because Marlow's didn't lend books and had never sold that edition. The second odd thing was the pressed violet inside, and the third was the note in the margin of chapter eight: Ask Mrs. Finch about the well.",
      revision:
        'Mrs. Finch, when Harriet finally asked, put down her teacup very carefully. "That well," she said, "was filled in before you were born. And whoever wrote that note knows why."',
      titles: ["Ask Mrs. Finch", "The Violet in Chapter Eight", "Returned Unread"],
    },
  ],
  poem: [
    {
      ask: "a poem about autumn in the city",
      draft:
        "Leaves gather at the bus stop's feet,\namber letters on a grey-lined street.\nThe cafés pull their chairs inside;\nthe evenings lean, the lamps arrive.\nAnd all the city, brick and glass,\nholds still to watch the summer pass.",
      revision: "Grey street, gold leaves —\nthe bus sighs at the corner,\nsummer stepping off.",
      titles: ["Amber Letters", "The Lamps Arrive", "Bus Stop, October"],
    },
    {
      ask: "a poem about the sea at night",
      draft:
        "The sea at night is only sound,\na breathing that goes round and round.\nNo blue, no green, no edge, no shore,\njust dark that folds and folds once more.\nI stand where the cold water ends\nand listen like it's an old friend.",
      revision: "Dark water breathing —\nno horizon, only sound\nfolding at my feet.",
      titles: ["Only Sound", "Night Tide", "Where the Cold Water Ends"],
    },
    {
      ask: "a poem about my grandmother's kitchen",
      draft:
        "There was always bread beneath a cloth,\na radio too low to hear,\nthe smell of onions, soap and broth,\nand one chair pulled a little near.\nShe never asked if I was fine;\nshe put the kettle on. That was the sign.",
      revision: "Kettle starts to hum;\na chair pulled close to the stove —\nno questions, just tea.",
      titles: ["The Kettle Was the Sign", "Bread Beneath a Cloth", "One Chair Near"],
    },
    {
      ask: "a short poem about the first warm day of spring",
      draft:
        "Coats come off on the park's green slope,\nthe fountains cough and start.\nA dog runs mad with reckless hope;\nthe winter lets go of my heart.",
      revision: "Fountain coughs awake —\na dog runs in wild circles,\ncoats across the grass.",
      titles: ["Coats Come Off", "Reckless Hope", "The Fountain Wakes"],
    },
    {
      ask: "a poem about leaving home for university",
      draft:
        "My room is boxes, tape and air,\nthe posters gone, the walls stripped bare.\nMum folds my jumpers twice to stall;\nDad checks the tyres, then checks them all.\nI'm leaving light, I'm leaving loud,\nI'm leaving home and feeling proud,\nand just a little bit afraid\nof all the rooms I haven't made.",
      revision: "Boxes, tape and air —\nDad checks the tyres once again.\nThe road, then a door.",
      titles: ["Boxes, Tape and Air", "Rooms I Haven't Made", "Checking the Tyres"],
    },
  ],
  blog: [
    {
      ask: "a blog post intro about starting a vegetable garden on a balcony",
      draft:
        "You don't need a backyard to grow your own food. With a few deep containers, decent potting soil and a railing that gets six hours of sun, a balcony can give you tomatoes, herbs and salad leaves from June to October.\n\nSuggested sections:\n1. Check your light before you buy anything\n2. Containers: bigger than you think\n3. Five easy crops for beginners\n4. Watering without flooding your neighbours",
      revision:
        "Last spring my balcony held two dead cacti and a bike. This summer it fed me. Here's everything I wish I'd known before I started.",
      titles: ["Small Space, Big Harvest", "The Balcony Vegetable Patch", "Grow Food Six Floors Up"],
    },
    {
      ask: "a blog post about what I learned from my first marathon",
      draft:
        "At kilometre 32 I made a deal with my legs: get me to the finish and I will never ask this of you again. Six weeks later I signed up for another one. Here's what sixteen weeks of training and one very long Sunday taught me.\n\nSections:\n1. The plan matters less than showing up\n2. Fuel earlier than feels necessary\n3. The wall is real, and so is the crowd\n4. Recovery is part of training",
      revision:
        "I didn't run my first marathon to be fast. I ran it to find out if I could keep a promise to myself for sixteen weeks.",
      titles: ["Kilometre 32", "A Deal With My Legs", "What the Marathon Taught Me"],
    },
    {
      ask: "a beginner's guide to sourdough for my food blog",
      draft:
        "Sourdough has a reputation for being fussy, but at heart it's just flour, water, salt and time. If you can keep a houseplant alive, you can keep a starter alive.\n\nSections:\n1. Making a starter in seven days\n2. Your first loaf, step by step\n3. Reading the dough, not the clock\n4. Troubleshooting flat loaves",
      revision:
        "My first loaf could have been used as a doorstop. My tenth was the best bread I've ever eaten. This guide is everything in between.",
      titles: ["Flour, Water, Salt, Time", "Sourdough Without Fear", "From Doorstop to Loaf"],
    },
    {
      ask: "a blog post about travelling around Portugal on a budget",
      draft:
        "Portugal is one of the best-value countries in Western Europe, if you skip the most crowded streets of Lisbon in August. Trains are cheap, lunch menus are generous, and the coast is free.\n\nSections:\n1. When to go (and when not to)\n2. Getting around by train and bus\n3. Eating well for under 15 euros a day\n4. Three underrated towns",
      revision:
        "Ten days, two backpacks, and a budget that made our friends laugh. We came home with money left over and a serious pastel de nata habit.",
      titles: ["Portugal on a Shoestring", "Ten Days, Two Backpacks", "The Cheap Side of the Coast"],
    },
    {
      ask: "a blog post about how I started journaling",
      draft:
        "I tried journaling four times and quit four times, always around day nine. What finally worked was lowering the bar: three lines a night, no rules about what counts.\n\nSections:\n1. Why the blank page is the enemy\n2. The three-line method\n3. Prompts for nights you have nothing to say\n4. What a year of small entries showed me",
      revision:
        "It's 11 p.m., you're tired, and a blank page is staring at you. Here's the trick that got me journaling every night for a year: write three lines and stop.",
      titles: ["Three Lines a Night", "The Day Nine Problem", "Journaling for Quitters"],
    },
  ],
  dialogue: [
    {
      ask: "a fictional dialogue between a detective and a nervous witness",
      draft:
        "DETECTIVE: Take your time. Where were you at nine?\nWITNESS: At the bakery. No — the laundromat. It was the laundromat.\nDETECTIVE: You seem unsure.\nWITNESS: They're next door to each other! I always mix them up.\nDETECTIVE: And what did you see from the laundromat?\nWITNESS: A man with a violin case. Running. Nobody runs with a violin.",
      revision:
        "DETECTIVE: Unless there wasn't a violin in it.\nWITNESS: (quietly) That's what I've been trying not to think about.",
      titles: ["The Violin Case", "Nine O'Clock", "Next Door"],
    },
    {
      ask: "a funny dialogue between two astronauts arguing about the last coffee pouch",
      draft:
        "RIVERA: We agreed. Odd days are mine.\nOKONJO: Time zones don't exist in orbit, Rivera. There are no odd days.\nRIVERA: Then there are no even days either, and you've had it four times.\nOKONJO: Mission control, please advise.\nMISSION CONTROL: (long pause) Mission control is not getting involved.",
      revision:
        "OKONJO: Fine. We split it.\nRIVERA: In zero gravity?\n(They look at the floating droplets. They look at each other.)\nBOTH: Houston, we have a problem.",
      titles: ["Odd Days", "The Last Pouch", "Houston, Please Advise"],
    },
    {
      ask: "a dialogue where a knight tries to negotiate with a dragon instead of fighting",
      draft:
        "KNIGHT: I come in peace. Mostly.\nDRAGON: You're holding a sword.\nKNIGHT: It's decorative.\nDRAGON: It's glowing.\nKNIGHT: Decoratively. Look, the village wants its sheep back and I want to go home for dinner. What do you want?\nDRAGON: Honestly? Someone to talk to who isn't screaming.",
      revision:
        "KNIGHT: I can do that. Tuesdays?\nDRAGON: Tuesdays. Bring the sheep's owner. I have questions about the wool.",
      titles: ["Decoratively", "Tuesdays With the Dragon", "Terms of Peace"],
    },
  ],
  marketing: [
    {
      ask: "marketing copy for the launch of a reusable water bottle",
      draft:
        "Meet the bottle that keeps up with you. Cold for 24 hours, hot for 12, light enough for every bag, and built to replace a thousand plastic ones. Fill it, forget it, feel good about it.",
      revision: "Cold for 24 hours. Kind to the planet forever.",
      titles: ["Refill Your Day", "One Bottle, a Thousand Fewer", "Built to Keep Up"],
    },
    {
      ask: "copy for the website of a small neighbourhood bakery",
      draft:
        "We start at 4 a.m. so you don't have to. Every loaf at Crumb & Co. is shaped by hand, fermented slowly and baked in small batches, right here on the corner of your street. Come early; the cinnamon buns never last.",
      revision: "Baked before sunrise, gone by noon. Your corner bakery since 2011.",
      titles: ["Baked Before Sunrise", "Your Corner Bakery", "Come Early"],
    },
    {
      ask: "app store description for a meditation app aimed at busy parents",
      draft:
        "Five minutes. That's all it takes. Pause is a meditation app designed for parents who don't have an hour: short guided sessions you can do during nap time, in the car park, or while the pasta boils. No streaks to guilt you, no jargon, just a little calm when you need it.",
      revision: "Calm, in the time it takes the pasta to boil.",
      titles: ["Pause: Calm for Busy Parents", "Five Minutes for You", "Meditation Between Naps"],
    },
    {
      ask: "an Instagram caption for a bike repair shop's spring tune-up offer",
      draft:
        "Your bike spent the winter in the shed. It deserves better. 🚲 Spring tune-ups are back: brakes, gears, chain and tyres checked and adjusted while you grab a coffee next door. Book this week and get a free bell. Because everyone should hear you coming.",
      revision: "Shed to street in one afternoon. Spring tune-ups are back 🚲",
      titles: ["Shed to Street", "Spring Into Gear", "Hear You Coming"],
    },
    {
      ask: "product copy for a line of hand-poured soy candles",
      draft:
        "Each candle is poured by hand in our studio in small batches of twelve. Clean-burning soy wax, cotton wicks and scents inspired by real places: Sea Fog, Orchard After Rain, Library at Midnight. Light one and stay a while.",
      revision: "Small-batch candles that smell like somewhere you'd rather be.",
      titles: ["Light One and Stay", "Poured by Hand", "Somewhere You'd Rather Be"],
    },
  ],
  speech: [
    {
      ask: "a short best-man speech for my brother's wedding",
      draft:
        "For those who don't know me, I'm Tom's younger brother, which means I've spent thirty years being blamed for things he did. But today I want to say something nice, so listen carefully, because it won't happen again. Tom, you've always been the one who shows up. And Sara, the first time I saw you two together, I saw my brother relax for the first time in his life. Please raise your glasses to Tom and Sara.",
      revision:
        'I asked Tom what he wanted me to say tonight. He said, "Nothing embarrassing." So this will be a very short speech.',
      titles: ["The One Who Shows Up", "To Tom and Sara"],
    },
    {
      ask: "a retirement speech for a colleague who has worked here for 25 years",
      draft:
        "Twenty-five years ago, Margaret walked into this office with a box of pens and a very firm opinion about the coffee machine. The pens are long gone; the opinion remains. In between, she trained half the people in this room, rescued more projects than she'll admit, and made every Monday a little easier. Margaret, we'll miss you, and we'll never make the coffee right.",
      revision:
        "Margaret, you taught us that a good spreadsheet can save a project and a good laugh can save a team.",
      titles: ["Twenty-Five Years of Mondays", "To Margaret"],
    },
    {
      ask: "a short toast for my parents' 40th wedding anniversary",
      draft:
        "Forty years ago, two people who couldn't agree on anything except each other got married in the rain. They still argue about the thermostat, the route to the coast and who burnt the first Christmas dinner. And they still hold hands in the supermarket. Mum, Dad: here's to forty more years of disagreeing about everything but each other.",
      revision: "They say rain on your wedding day is good luck. Forty years later, I believe it.",
      titles: ["Married in the Rain", "Forty Years of Hand-Holding"],
    },
  ],
};

const WRITING_OPENERS = [
  "Write {{ask}}.",
  "Can you write {{ask}}?",
  "I need {{ask}}. [[Keep it short.|Around 150 words.|Nothing too cheesy please.]]",
  "Could you help me with {{ask}}? [[I've got writer's block.|It's for a [[class|friend|side project]].|I have a rough idea but can't get started.]]",
  "Hey! [[Could you|Would you]] draft {{ask}} for me?",
];

const REVISION_ASKS = [
  "[[Make it shorter and a bit funnier.|Can you make it more concise?|Shorter please, it's too long.]]",
  "[[Can you make the tone warmer?|Make it less formal.|It sounds a bit stiff. Can you loosen it up?]]",
  "[[Add a twist at the end.|Can you continue it?|What happens next?|Can you give it a stronger ending?]]",
  "[[I love it. Can you give it a title?|What would you call it?|Give me a few title options.]]",
  "[[Can you do a version with a different opening line?|Can you try a different first line?]]",
];

function writing(ctx: Ctx): Turn[] {
  const kind = chance(0.55) ? ctx.user.genre : pick(WRITING_KINDS);
  const p = pick(PIECES[kind]);
  const first: Turn = [
    v(pick(WRITING_OPENERS), { ask: p.ask }),
    `${v("[[Here's a draft:|Here you go:|Here's a first version:|Sure! Here's one:]]")}\n\n${p.draft}`,
  ];
  const more: Turn[] = [
    [
      v(REVISION_ASKS[0] as string),
      `${v("[[Here's a tighter version:|Shorter and lighter:|Here's a trimmed version:]]")}\n\n${p.revision}`,
    ],
    [
      v(REVISION_ASKS[1] as string),
      `${v("[[Sure, here's a warmer take.|Of course. I softened the wording and shortened the sentences.]]")} ${p.draft
        .split(/(?<=[.!?])\s/)
        .slice(0, 2)
        .join(" ")} ...and I kept the rest in the same spirit.`,
    ],
    [
      v(REVISION_ASKS[2] as string),
      `${v("[[Here's how it could continue:|Try this:|Here's an ending:]]")}\n\n${p.revision}`,
    ],
    [
      v(REVISION_ASKS[3] as string),
      `A few options:\n\n${p.titles.map((t) => `- ${t}`).join("\n")}\n\n${v("[[I'd go with the first; it's the most memorable.|The second feels the most like the piece.|Pick the one that sounds most like you.]]")}`,
    ],
    [
      v(REVISION_ASKS[4] as string),
      `Here's an alternative opening that gets into the action faster:\n\n${p.revision}\n\nThe rest of the piece can stay as it is.`,
    ],
    [
      v("Is this good enough to [[post|share|submit]]? Be honest."),
      "Honestly, yes: the core idea is clear and the voice is consistent. If you want to polish it, read it aloud once; any sentence that makes you stumble is worth rewriting. And trust your own ear over mine, it's your piece.",
    ],
    [
      "Can you explain why you made those choices?",
      "I opened with a concrete detail so the reader is placed somewhere straight away, kept sentences short where the tension rises, and ended on an image instead of an explanation so the reader finishes the thought. Change anything that doesn't sound like you.",
    ],
  ];
  const next = deck(more);
  const close: Turn = [
    v("[[Perfect, thank you!|Love it, thanks.|This is exactly what I needed.|Great, I'll use that.]]"),
    v(
      "[[You're welcome! Good luck with it.|Glad you like it. Happy writing!|Enjoy! Let me know if you want more edits.]]",
    ),
  ];
  return fit([first], next, ctx.turns >= 3 ? close : undefined, ctx.turns);
}

// ---- learning and explanations -------------------------------------------------------------------

interface Lesson {
  subject: Subject;
  q: string;
  a: string;
  more: Turn[];
}

const LESSONS: Lesson[] = [
  {
    subject: "science",
    q: "why the sky is blue",
    a: "Sunlight contains all colours. As it passes through the air, it bumps into gas molecules, and shorter wavelengths (blue and violet) get scattered much more than longer ones (red and orange). That scattered blue light reaches your eyes from every direction, so the whole sky looks blue.",
    more: [
      [
        "Then why are sunsets red?",
        "At sunset the light travels through much more air to reach you. Most of the blue has been scattered away along the way, so the reds and oranges are what's left.",
      ],
      [
        "Why isn't it violet then, if violet scatters even more?",
        "Sunlight has less violet than blue to begin with, some violet is absorbed high in the atmosphere, and our eyes are more sensitive to blue. Together that tips what we see towards blue.",
      ],
    ],
  },
  {
    subject: "science",
    q: "how photosynthesis works",
    a: "Plants capture light energy with chlorophyll and use it to turn carbon dioxide from the air and water from the soil into glucose, a sugar they use for energy and growth. Oxygen is released as a by-product.",
    more: [
      [
        "Where in the plant does it happen?",
        "Mostly in the leaves, inside tiny structures called chloroplasts. The chlorophyll in them is also what makes leaves green.",
      ],
      [
        "Do plants breathe at night then?",
        "Plants respire all the time, day and night, using oxygen to release energy from sugar. During the day photosynthesis usually outpaces respiration, so they give off more oxygen than they use.",
      ],
    ],
  },
  {
    subject: "science",
    q: "how vaccines train the immune system",
    a: "A vaccine shows your immune system a harmless version or piece of a pathogen, such as an inactivated virus or a protein from its surface. Your body makes antibodies and memory cells against it, so if the real pathogen shows up later, the response is faster and stronger.",
    more: [
      [
        "Why do some vaccines need boosters?",
        "Immune memory can fade over time, and some pathogens change. A booster reminds the immune system and raises protection again.",
      ],
      [
        "What's herd immunity?",
        "When enough people are immune, a disease can't spread easily, which protects people who can't be vaccinated, like newborns or those with weakened immune systems.",
      ],
    ],
  },
  {
    subject: "science",
    q: "what a black hole actually is",
    a: "A black hole is a region where so much mass is packed into so little space that gravity prevents anything, even light, from escaping. The boundary beyond which nothing returns is called the event horizon.",
    more: [
      [
        "How do we know they exist if we can't see them?",
        "We see their effects: stars orbiting something invisible and very heavy, hot gas glowing as it spirals in, gravitational waves from black holes merging, and since 2019 even images of the shadow around one.",
      ],
      [
        "Would Earth get sucked in if the Sun became a black hole?",
        "No. If the Sun's mass were squeezed into a black hole, Earth's orbit would stay the same, because gravity at our distance depends on the mass, not its size. It would get very cold and dark, though.",
      ],
    ],
  },
  {
    subject: "science",
    q: "what DNA does in a cell",
    a: "DNA stores the instructions for building proteins. Sections called genes are copied into RNA, which the cell's machinery reads to assemble proteins, and proteins do most of the work in the cell.",
    more: [
      [
        "If every cell has the same DNA, why are skin cells different from nerve cells?",
        "Different cells switch different genes on and off. The instructions are the same, but each cell type reads a different part of the manual.",
      ],
      [
        "What's a mutation?",
        "A change in the DNA sequence. Many have no effect, some are harmful, and occasionally one is useful, which is the raw material for evolution.",
      ],
    ],
  },
  {
    subject: "history",
    q: "why the Western Roman Empire fell",
    a: "There's no single cause. Historians point to a mix over two centuries: economic strain and inflation, political instability with frequent civil wars, pressure from migrating peoples on the borders, and the division into Eastern and Western halves. The West ended in 476 when the last emperor was deposed; the East lasted another thousand years.",
    more: [
      [
        "So the Roman Empire didn't really end in 476?",
        "Right. The Eastern Roman Empire, often called the Byzantine Empire, continued until Constantinople fell to the Ottomans in 1453.",
      ],
      [
        "Was lead poisoning a cause? I read that somewhere.",
        "It's a popular theory, but most historians think it played at most a small role. Lead exposure was real, but it doesn't explain why the East survived with similar habits.",
      ],
    ],
  },
  {
    subject: "history",
    q: "what caused the First World War",
    a: "Historians usually group the causes as militarism, alliances, imperialism and nationalism. The spark was the assassination of Archduke Franz Ferdinand in Sarajevo in June 1914; the alliance system then pulled the great powers into war within weeks.",
    more: [
      [
        "Why did one assassination lead to a world war?",
        "Austria-Hungary used it to move against Serbia; Russia backed Serbia; Germany backed Austria-Hungary and, following its war plan, attacked France through Belgium, which brought Britain in. Each step seemed logical to those taking it.",
      ],
      [
        "Could it have been avoided?",
        "Historians disagree. Some argue it was close to inevitable given the tensions; others stress specific decisions in July 1914 that could have gone differently.",
      ],
    ],
  },
  {
    subject: "history",
    q: "why the printing press was such a big deal",
    a: "Gutenberg's press, around 1450, made books far cheaper and faster to produce. Ideas could spread widely and accurately, which fuelled the Reformation, the Scientific Revolution and rising literacy.",
    more: [
      [
        "Didn't China have printing earlier?",
        "Yes. Woodblock printing existed in China centuries earlier, and Bi Sheng invented movable type around 1040. Gutenberg's contribution was a system with metal type, oil-based ink and a press that suited European alphabets well.",
      ],
      [
        "How fast did it spread?",
        "Remarkably fast: by 1500 there were printing presses in more than two hundred European cities and millions of printed books.",
      ],
    ],
  },
  {
    subject: "history",
    q: "what the Industrial Revolution was",
    a: "It was the shift, starting in Britain around 1760, from hand production to machines, powered first by water and then steam. Textiles, iron and later railways transformed how people worked and lived, and cities grew rapidly.",
    more: [
      [
        "Why did it start in Britain?",
        "A combination of factors: accessible coal and iron, capital from trade, a large market, relatively high wages that made machines worth it, and a culture of practical tinkering.",
      ],
      [
        "Was life better or worse for workers?",
        "At first conditions were often harsh, with long hours, child labour and crowded cities. Over the longer run, living standards rose considerably, helped by reforms and labour movements.",
      ],
    ],
  },
  {
    subject: "maths",
    q: "how to differentiate x² sin(x)",
    a: "Use the product rule: (uv)′ = u′v + uv′. With u = x² and v = sin(x), you get 2x·sin(x) + x²·cos(x).",
    more: [
      [
        "How do I know when to use the chain rule instead?",
        "Use the chain rule when one function is inside another, like sin(x²). Use the product rule when two functions are multiplied, like x²·sin(x). Sometimes you need both.",
      ],
      [
        "Can you give me one to try?",
        "Try differentiating x³·eˣ. Hint: the derivative of eˣ is eˣ. Answer when you're ready: 3x²·eˣ + x³·eˣ.",
      ],
    ],
  },
  {
    subject: "maths",
    q: "Bayes' theorem",
    a: "Bayes' theorem tells you how to update a probability when you get new evidence: P(A|B) = P(B|A)·P(A) / P(B). In words, how likely A is given B depends on how likely B is if A were true, weighted by how common A was to begin with.",
    more: [
      [
        "Can you give a real example?",
        "A test for a rare disease that affects 1 in 1,000 people is 99% accurate. If you test positive, the chance you actually have it is only about 9%, because false positives among the 999 healthy people outnumber the true positive.",
      ],
      [
        "That seems counterintuitive.",
        "It is, and that's why it matters. Our intuition ignores the base rate. Imagining 1,000 actual people instead of percentages makes it much clearer.",
      ],
    ],
  },
  {
    subject: "maths",
    q: "why there are infinitely many prime numbers",
    a: "Euclid's proof: suppose there were only finitely many primes. Multiply them all together and add 1. The new number isn't divisible by any prime on the list (it leaves remainder 1), so either it's prime or it has a prime factor not on the list. Either way the list was incomplete.",
    more: [
      [
        "So that new number is always prime?",
        "Not always. For example 2·3·5·7·11·13 + 1 = 30031 = 59 × 509. The point is only that its prime factors aren't on the original list.",
      ],
      [
        "Are there patterns in where primes appear?",
        "They thin out in a predictable way on average (about 1 in ln(n) numbers near n is prime), but exactly where each one appears is famously irregular.",
      ],
    ],
  },
  {
    subject: "maths",
    q: "what standard deviation means",
    a: "Standard deviation measures how spread out values are around the average. A small standard deviation means most values are close to the mean; a large one means they vary a lot.",
    more: [
      [
        "How do I calculate it by hand?",
        "Find the mean, subtract it from each value and square the result, average those squares (divide by n − 1 for a sample), then take the square root.",
      ],
      [
        "Why square the differences instead of just averaging them?",
        "Plain differences cancel out (they always sum to zero), and squaring makes all of them positive while giving more weight to big deviations.",
      ],
    ],
  },
  {
    subject: "maths",
    q: "how compound interest works",
    a: "With compound interest you earn interest on your interest. Each period the interest is added to the balance, and the next period's interest is calculated on that larger amount: A = P(1 + r)ⁿ.",
    more: [
      [
        "So how long does it take money to double at 5%?",
        "The rule of 72 gives a quick estimate: 72 ÷ 5 ≈ 14.4 years. The exact answer is about 14.2.",
      ],
      [
        "Does it work the same way for debt?",
        "Yes, and that's why credit card balances can grow quickly. The same maths that helps savings hurts when you owe.",
      ],
    ],
  },
  {
    subject: "languages",
    q: "when to use the subjunctive in Spanish",
    a: "The subjunctive expresses wishes, doubts, emotions and things that aren't facts, usually in a clause after 'que' when the subject changes. 'Quiero que vengas' (I want you to come) uses it; 'Sé que vienes' (I know you're coming) doesn't, because it's a fact.",
    more: [
      [
        "What about after 'cuando'?",
        "After 'cuando' you use the subjunctive for the future: 'Cuando llegues, llámame' (When you arrive, call me). For habits or the past, use the indicative: 'Cuando llego, te llamo'.",
      ],
      [
        "Any trick to remember it?",
        "Many learners use WEIRDO: Wishes, Emotions, Impersonal expressions, Recommendations, Doubt, Ojalá. If the clause after 'que' falls under one of those, it's probably subjunctive.",
      ],
    ],
  },
  {
    subject: "languages",
    q: "the four German cases",
    a: "German has nominative (the subject), accusative (the direct object), dative (the indirect object) and genitive (possession). The case mostly shows in the articles: der Hund (nominative), den Hund (accusative), dem Hund (dative), des Hundes (genitive).",
    more: [
      [
        "How do I know which case a preposition takes?",
        "Some always take accusative (durch, für, gegen, ohne, um), some always dative (aus, bei, mit, nach, seit, von, zu), and two-way prepositions like in or auf take accusative for movement and dative for location.",
      ],
      [
        "Can you give me a quick exercise?",
        "Fill in the article: 'Ich gebe ___ Frau ___ Buch.' Answer: 'der Frau' (dative, she receives it) and 'das Buch' (accusative, the thing given).",
      ],
    ],
  },
  {
    subject: "languages",
    q: "the difference between passé composé and imparfait in French",
    a: "Passé composé is for completed actions at a specific moment ('J'ai mangé une pomme'). Imparfait is for background, habits and ongoing states in the past ('Il faisait beau', 'Je mangeais souvent des pommes').",
    more: [
      [
        "What if both appear in one sentence?",
        "That's common: imparfait sets the scene and passé composé interrupts it. 'Je lisais quand le téléphone a sonné' (I was reading when the phone rang).",
      ],
      [
        "How do I practise this?",
        "Tell a short story about your last holiday out loud: background and descriptions in imparfait, the events that moved the story forward in passé composé.",
      ],
    ],
  },
  {
    subject: "languages",
    q: "the difference between は and が in Japanese",
    a: "は (wa) marks the topic, what the sentence is about; が (ga) marks the grammatical subject, often new or emphasised information. '私は学生です' means 'As for me, I'm a student'; '誰が来ましたか' asks 'Who came?', with が on the unknown.",
    more: [
      [
        "So answers to 'who' questions use が?",
        "Yes: '田中さんが来ました' (Tanaka-san is the one who came). The new information takes が.",
      ],
      [
        "This is hard. Is it normal to struggle with it?",
        "Completely normal; even advanced learners mix them up. Lots of reading and listening builds the intuition better than memorising rules.",
      ],
    ],
  },
];

const LEARNING_OPENERS = [
  "Can you explain {{q}}?",
  "I never really understood {{q}}. Can you help?",
  "ELI5: {{q}}",
  "My [[kid|daughter|son|nephew]] asked me {{q}} and I had no good answer. Help?",
  "[[I have an exam next week.|Studying for a test.|Revising tonight.]] Can you explain {{q}} in simple terms?",
  "Quick question: {{q}}?",
];

function learning(ctx: Ctx): Turn[] {
  const pool = LESSONS.filter((l) => l.subject === ctx.user.subject);
  const l = pick(chance(0.7) && pool.length > 0 ? pool : LESSONS);
  const first: Turn = [
    v(pick(LEARNING_OPENERS), { q: l.q }),
    `${v("[[|Good question! |Sure. |Happy to explain. |In short: ]]")}${l.a}`,
  ];
  const extra: Turn[] = [
    ...l.more,
    [
      v("[[Could you quiz me on this?|Can you test me?]]"),
      "Sure. In your own words, explain the main idea in two or three sentences, then give one example. I'll tell you what you got right and what to tighten up.",
    ],
    ["Can you summarise that in one sentence for my notes?", `In one line: ${l.a.split(/(?<=[.!?])\s/)[0]}`],
    [
      "Any good way to remember this?",
      "Connect it to something you already know and explain it to someone else, even an imaginary listener. Teaching is one of the most reliable ways to make something stick.",
    ],
  ];
  const next = deck(extra);
  const close: Turn = [
    v("[[That makes sense, thanks!|Great, thank you.|Thanks, that's much clearer than my textbook.]]"),
    v(
      "[[You're welcome!|Glad it helped!]] [[Good luck with your studies.|Keep the questions coming.|Happy learning!]]",
    ),
  ];
  return fit([first], next, ctx.turns >= 3 ? close : undefined, ctx.turns);
}

// ---- work tasks ----------------------------------------------------------------------------------

interface WorkTask {
  ask: string;
  answer: (signature: string) => string;
  short: string;
  formal?: string;
}

const WORK_TASKS: WorkTask[] = [
  {
    ask: "Draft a polite email asking my manager to move our one-to-one from Tuesday to Thursday.",
    answer: (sig) =>
      `Subject: Moving our one-to-one to Thursday\n\nHi Dana,\n\nWould it be possible to move our one-to-one from Tuesday to Thursday at the same time? I have a client workshop on Tuesday that I can't reschedule. If Thursday doesn't work, I'm flexible on Wednesday afternoon too.\n\nThanks,\n${sig}`,
    short:
      "Hi Dana, could we move Tuesday's one-to-one to Thursday, same time? I have a client workshop on Tuesday. Thanks!",
    formal:
      "Dear Dana,\n\nI would like to ask whether our one-to-one meeting could be moved from Tuesday to Thursday at the same time, as I have a client workshop on Tuesday that cannot be rescheduled. I would be happy to accommodate an alternative time if Thursday is inconvenient.\n\nKind regards",
  },
  {
    ask: "Write a follow-up email to a client whose invoice is three weeks overdue. Firm but friendly.",
    answer: (sig) =>
      `Subject: Invoice #2291, payment reminder\n\nHi Mr. Lindqvist,\n\nI hope you're well. I'm following up on invoice #2291, which was due on the 3rd and is now three weeks overdue. I've attached a copy for convenience. Could you let me know when we can expect payment, or whether anything is holding it up on your side?\n\nThank you,\n${sig}`,
    short:
      "Hi Mr. Lindqvist, a reminder that invoice #2291 is now three weeks overdue. Could you confirm a payment date? Copy attached. Thanks!",
  },
  {
    ask: "Help me decline a meeting invitation politely. It's a recurring status meeting that I don't need to attend.",
    answer: (sig) =>
      `Hi Chris,\n\nThanks for including me in the weekly status meeting. Since my part of the project is mostly covered by the written updates, I'll step out of the recurring invite to free up the time. I'll keep reading the notes, and please pull me in whenever a topic needs my input.\n\nBest,\n${sig}`,
    short:
      "Hi Chris, I'll drop out of the weekly status meeting since the written updates cover my part. Happy to join whenever you need me!",
  },
  {
    ask: "Write an email asking for a one-week extension on a report deadline.",
    answer: (sig) =>
      `Subject: Request for a short extension on the Q2 report\n\nHi Priyanka,\n\nI'm writing to ask for a one-week extension on the Q2 report, moving the deadline from Friday the 14th to Friday the 21st. The supplier data arrived later than planned, and I'd rather take the extra days than send you numbers I can't stand behind. I can share a draft of the first two sections this Friday if that helps.\n\nThank you for considering it,\n${sig}`,
    short:
      "Hi Priyanka, could I have one more week for the Q2 report (to the 21st)? The supplier data came in late. Happy to send the first two sections on Friday.",
  },
  {
    ask: "Write a short thank-you note to a colleague who covered for me while I was sick.",
    answer: (sig) =>
      `Hi Marco,\n\nJust wanted to say a proper thank you for covering my clients last week. Coming back to a tidy inbox and happy customers made the return so much easier. I owe you a coffee, or several.\n\n${sig}`,
    short: "Marco, thank you for covering my clients last week. I came back to a tidy inbox. Coffee's on me!",
  },
  {
    ask: "Reply to a customer who complained that their order arrived damaged.",
    answer: (sig) =>
      `Hi Ms. Okafor,\n\nI'm very sorry your order arrived damaged; that's not the experience we want for anyone. We'll send a replacement today at no cost, and you don't need to return the damaged item. Your tracking number will follow in a separate email. Thank you for letting us know and for the photos, which help us work with our courier.\n\nWarm regards,\n${sig}\nCustomer Care`,
    short:
      "Hi Ms. Okafor, sorry your order arrived damaged. A free replacement ships today, no need to return the item. Tracking to follow.",
  },
  {
    ask: "Summarise these meeting notes into bullet points:\n\nmarketing wants launch moved to may 12 bc of trade show. eng says feature flags ready, QA needs 1 more week. budget for ads approved 40k. sam to confirm venue. open question: do we localise for germany at launch or later. next sync thurs.",
    answer: () =>
      "- **Launch date:** marketing proposes moving it to 12 May to line up with the trade show.\n- **Readiness:** engineering has the feature flags ready; QA needs one more week.\n- **Budget:** €40k for ads approved.\n- **Action:** Sam to confirm the venue.\n- **Open question:** localise for Germany at launch or afterwards?\n- **Next sync:** Thursday.",
    short:
      "Launch likely 12 May; QA needs a week; €40k ads approved; Sam confirms venue; German localisation undecided; next sync Thursday.",
  },
  {
    ask: "Can you turn these notes into a short summary for my boss?\n\ncustomer interviews (8). 5 of 8 confused by pricing page. 3 want annual plan. onboarding email too long, people skip. two asked for dark mode lol. strong praise for support team.",
    answer: () =>
      "Summary of 8 customer interviews:\n\n- **Pricing is the main friction:** 5 of 8 found the pricing page confusing.\n- **Demand for an annual plan:** 3 of 8 asked for one.\n- **Onboarding email is too long;** most people skip it.\n- **Support team gets strong praise.**\n- Minor: 2 requests for dark mode.\n\nSuggested next step: simplify the pricing page and test an annual option.",
    short:
      "8 interviews: pricing page confusing (5/8), annual plan wanted (3/8), onboarding email too long, support praised.",
  },
  {
    ask: "How do I make a pivot table that sums sales by region and month in Google Sheets?",
    answer: () =>
      "1. Select your data including headers.\n2. Insert → Pivot table → New sheet.\n3. Under Rows, add Region.\n4. Under Columns, add your date column, then right-click a date in the table → Create pivot date group → Month (or Year-Month if the data spans years).\n5. Under Values, add Sales and make sure it's summarised by SUM.",
    short: "Insert → Pivot table; Region in Rows, date grouped by month in Columns, Sales as SUM in Values.",
  },
  {
    ask: "What formula can I use to look up a product's price from another sheet by its SKU?",
    answer: () =>
      'Use XLOOKUP if you have it:\n\n`=XLOOKUP(A2, Products!A:A, Products!C:C, "not found")`\n\nA2 is the SKU, Products!A:A holds the SKUs, Products!C:C holds the prices, and the last argument is what to show when there\'s no match. In older versions: `=IFERROR(VLOOKUP(A2, Products!A:C, 3, FALSE), "not found")`.',
    short: '`=XLOOKUP(A2, Products!A:A, Products!C:C, "not found")`',
  },
  {
    ask: "How do I count the rows where the status is 'Open' and the due date has passed?",
    answer: () =>
      'Use COUNTIFS with two conditions:\n\n`=COUNTIFS(C:C, "Open", D:D, "<"&TODAY())`\n\nC is the status column and D the due date. To highlight those rows, add a conditional formatting rule with the custom formula `=AND($C2="Open", $D2<TODAY())`.',
    short: '`=COUNTIFS(C:C, "Open", D:D, "<"&TODAY())`',
  },
  {
    ask: "Help me plan a timeline for launching a small company website in eight weeks.",
    answer: () =>
      "Here's a workable eight-week plan:\n\n- **Weeks 1–2: Discovery and content.** Goals, sitemap, gather copy and images.\n- **Weeks 3–4: Design.** Wireframes, then visual design for the key pages; one round of feedback.\n- **Weeks 5–6: Build.** Templates, content entry, forms, analytics.\n- **Week 7: Testing.** Mobile, browsers, forms, speed, accessibility check.\n- **Week 8: Launch and review.** Go live early in the week, fix issues, review analytics after a few days.\n\nThe usual risk is content arriving late, so ask for it in week 1.",
    short: "Weeks 1–2 content, 3–4 design, 5–6 build, 7 testing, 8 launch. Get the content early.",
  },
  {
    ask: "Can you help me plan the first week for a new hire joining my team on Monday?",
    answer: () =>
      "A calm first week:\n\n- **Monday:** welcome coffee, laptop and accounts, team lunch, an overview of what the team does and why.\n- **Tuesday:** shadow a teammate; read the key docs with a list of questions.\n- **Wednesday:** a small, real first task with a buddy to ask.\n- **Thursday:** meet the people they'll work with outside the team.\n- **Friday:** one-to-one with you: how it's going, what's unclear, goals for the first month.\n\nThe most important thing is a named buddy they can ask anything.",
    short:
      "Mon setup and welcome, Tue shadowing, Wed first small task, Thu meet partners, Fri one-to-one. Assign a buddy.",
  },
  {
    ask: "Write an agenda for a 45-minute team retrospective.",
    answer: () =>
      "**Retro (45 min)**\n\n1. Check-in: one word for the sprint (5 min)\n2. What went well (10 min)\n3. What was hard or frustrating (10 min)\n4. Group themes and vote on the top two (5 min)\n5. Actions with owners and dates (10 min)\n6. Quick feedback on the retro itself (5 min)",
    short: "Check-in 5, went well 10, hard 10, vote 5, actions 10, feedback 5.",
  },
  {
    ask: "Help me structure a 10-minute presentation about our team's results this quarter.",
    answer: () =>
      "A simple structure for ten minutes:\n\n1. **The headline (1 min):** the one result you want them to remember.\n2. **Where we started (1 min):** the goals for the quarter.\n3. **What we achieved (4 min):** three results with one number each.\n4. **What didn't work (2 min):** honest and brief, with what you learned.\n5. **Next quarter (1 min):** priorities.\n6. **The ask (1 min):** what you need from the audience.\n\nAim for about one slide per minute, and put the numbers in large type.",
    short: "Headline, starting point, three results, what didn't work, next quarter, the ask.",
  },
];

const WORK_FOLLOWUPS = [
  "[[Shorter please.|Can you make it more concise?|Too long, can you cut it down?]]",
  "[[Make it a bit more formal.|Can you make it sound more professional?]]",
  "[[Can you add a line about the budget?|Add a sentence asking for confirmation by Friday.|Can you mention that I'm available for a call?]]",
  "[[Can you turn that into a checklist?|Could you format it as a table?]]",
];

function work(ctx: Ctx): Turn[] {
  const t = pick(WORK_TASKS);
  const sig = ctx.pii?.name ?? pick(["[Your name]", "Alex", "Sam", "[Name]"]);
  const first: Turn = [
    `${v("[[|Hi! |Quick one: |Can you help? ]]")}${t.ask}`,
    `${v("[[Here's a draft:|Sure:|Here you go:|Of course.]]")}\n\n${t.answer(sig)}`,
  ];
  const more: Turn[] = [
    [v(WORK_FOLLOWUPS[0] as string), `Here's a shorter version:\n\n${t.short}`],
    [
      v(WORK_FOLLOWUPS[1] as string),
      t.formal
        ? `Here's a more formal version:\n\n${t.formal}`
        : "I've made the wording more formal: full sentences, no contractions, and a neutral sign-off. The content stays the same.",
    ],
    [
      v(WORK_FOLLOWUPS[2] as string),
      "Added. I put it near the end so the main request stays up front, and kept it to one sentence.",
    ],
    [
      v(WORK_FOLLOWUPS[3] as string),
      "Done. Each item now starts with a verb and has a checkbox, so you can tick them off as you go.",
    ],
    [
      "Does this sound okay for someone I've never met?",
      "Yes. It's polite, specific and short, which is what busy people appreciate. If you want to be extra warm, add one sentence at the start about why you're reaching out.",
    ],
  ];
  const next = deck(more);
  const close: Turn = [
    v("[[Perfect, thanks!|Great, sending it now.|That's exactly what I needed, thank you.]]"),
    v("[[You're welcome!|Glad it helps.|Good luck!]]"),
  ];
  return fit([first], next, ctx.turns >= 3 ? close : undefined, ctx.turns);
}

// ---- affective conversations: shared arc machinery ------------------------------------------------

/** One situation a person brings: how they open, what they add, and advice specific to it. */
interface Scenario {
  openers: string[];
  first: string;
  details: string[];
  advice: string[];
}

/** The generic lines of one kind of affective conversation, grouped by how the person feels. */
interface Voice {
  lowUser: string[];
  lowReply: string[];
  midUser: string[];
  midReply: string[];
  upUser: string[];
  upReply: string[];
  stuckUser: string[];
  stuckReply: string[];
}

/** Decks over a voice's pools; long sessions share one set so their many turns don't repeat lines. */
interface VoiceDecks {
  low: () => Turn;
  mid: () => Turn;
  up: () => Turn;
  stuck: () => Turn;
}

/** The user and reply pools are written index-aligned: reply i answers user line i. */
const zip = (users: string[], replies: string[]): Turn[] =>
  users.map((u, i) => [u, replies[i % replies.length] ?? ""]);

function voiceDecks(voice: Voice): VoiceDecks {
  return {
    low: deck(zip(voice.lowUser, voice.lowReply)),
    mid: deck(zip(voice.midUser, voice.midReply)),
    up: () => [pick(voice.upUser), pick(voice.upReply)],
    stuck: () => [pick(voice.stuckUser), pick(voice.stuckReply)],
  };
}

/**
 * A conversation whose mood moves: negative details first, then considering options, then a close
 * that is usually better (improves) and sometimes not. The shape is what sentiment-shift measures.
 */
function arc(
  scenario: Scenario,
  d: VoiceDecks,
  turns: number,
  improves: boolean,
  openerPrefix = "",
  final = true,
): Turn[] {
  const out: Turn[] = [[openerPrefix + v(pick(scenario.openers)), v(scenario.first)]];
  if (turns <= 1) return out;
  // A scenario's details and advice are index-aligned too: advice i answers detail i.
  const specific = zip(scenario.details, scenario.advice).reverse();
  const middle = turns - 2;
  const low = Math.ceil(middle * (improves ? 0.45 : 0.6));
  for (let i = 0; i < middle; i++) {
    const isLow = i < low;
    const pair =
      specific.length > 0 && (isLow ? chance(0.7) : chance(0.4))
        ? (specific.pop() as Turn)
        : isLow || (!improves && chance(0.5))
          ? d.low()
          : d.mid();
    out.push([v(pair[0]), v(pair[1])]);
  }
  // Inside a long session, a topic ends on a considering note rather than a goodbye.
  const [u, a] = !final ? d.mid() : improves ? d.up() : d.stuck();
  out.push([v(u), v(a)]);
  return out;
}

/** Several situations in one sitting, for the very long conversations (50+ human turns). */
function longSession(scenarios: Scenario[], voice: Voice, target: number, bridges: string[]): Turn[] {
  const out: Turn[] = [];
  const d = voiceDecks(voice);
  const bridge = deck(bridges);
  const order = shuffle(scenarios);
  let i = 0;
  while (out.length < target) {
    const s = order[i % order.length] as Scenario;
    const n = Math.max(2, Math.min(int(6, 9), target - out.length));
    out.push(...arc(s, d, n, true, i === 0 ? "" : `${v(bridge())} `, out.length + n >= target));
    i++;
  }
  return out;
}

// ---- interpersonal advice ------------------------------------------------------------------------

const INTERPERSONAL: Scenario[] = [
  {
    openers: [
      "I need some advice. My best friend has been really distant since she started dating someone new. [[I feel hurt|It honestly hurts]] and I don't know what to say to her.",
      "My closest friend basically disappeared when she got a boyfriend. We used to talk every day and now it's once a week if I'm lucky. Am I being unreasonable to feel upset?",
    ],
    first:
      "You're not being unreasonable. When someone who was a big part of your daily life pulls back, it's natural to feel hurt and a bit left behind. Friendships often shift during a new relationship, but that doesn't make it painless. What do you miss most?",
    details: [
      "I miss just texting about nothing all day. Now she leaves me on read.",
      "Last week she cancelled our plans an hour before because he wanted to go out.",
      "I'm scared that if I say something she'll think I'm jealous of him.",
    ],
    advice: [
      "You could tell her what you miss rather than what she's doing wrong: 'I miss our random chats, can we find a regular time to catch up?' That invites her in instead of putting her on the defensive.",
      "A last-minute cancellation stings. It's fair to say so, calmly, once: 'It hurt when our plans got cancelled so late.' Most people don't realise the impact until they hear it.",
      "Missing your friend isn't the same as being jealous, and you can say exactly that. Naming your feelings honestly is part of a healthy friendship.",
    ],
  },
  {
    openers: [
      "My partner and I keep arguing about chores. I feel like I do everything and [[I'm exhausted|I'm so frustrated]].",
      "Every week it's the same fight with my boyfriend about the dishes and laundry. I'm sick of it.",
    ],
    first:
      "That sounds draining, especially when the same argument keeps coming back. Usually these fights aren't only about dishes; they're about feeling unappreciated. How do the arguments usually start?",
    details: [
      "Usually I come home tired, the sink is full and I just snap.",
      "He says he'd help if I just asked, but I don't want to be his manager.",
      "I've tried making a rota but it lasted about four days.",
    ],
    advice: [
      "The 'I don't want to be the manager' feeling is really common. It can help to split whole areas of responsibility rather than tasks, so he owns laundry from start to finish, including noticing it needs doing.",
      "Try having the conversation at a calm time, not in the middle of a full-sink moment. 'I've been feeling overwhelmed with the housework and I'd like us to figure out a fairer split' is a good opener.",
      "If a rota didn't stick, a short weekly check-in of ten minutes might work better than a fixed system. It keeps things flexible without letting resentment build.",
    ],
  },
  {
    openers: [
      "My parents are really upset that I switched my degree from medicine to art. They keep saying I'm throwing my life away and [[I feel terrible|it's crushing me]].",
      "I changed my major and my parents won't stop guilt-tripping me about it. How do I deal with this?",
    ],
    first:
      "That's a hard place to be: making a choice that feels right for you while the people you love disapprove. Their reaction probably comes from worry about your future, but that doesn't make it easier to hear. How are things between you right now?",
    details: [
      "My mum barely speaks to me and my dad keeps sending me articles about artists being poor.",
      "Part of me wonders if they're right and I'm making a huge mistake.",
      "They sacrificed a lot for my education so I feel really guilty.",
    ],
    advice: [
      "It might help to show them you've thought it through: what you plan to do, how you'll support yourself, what the next two years look like. Concrete plans often calm worried parents more than arguments do.",
      "Doubting a big decision doesn't mean it's wrong. It means it matters. You can respect their sacrifices and still make your own choices; both can be true.",
      "You could acknowledge their worry directly: 'I know you're worried because you care about me.' Feeling heard often lowers the temperature, even when you still disagree.",
    ],
  },
  {
    openers: [
      "A coworker keeps taking credit for my work in meetings and I'm [[furious|so angry]]. What do I do?",
      "Someone on my team presented my analysis as theirs to our director. Again. I don't know how to handle it without looking petty.",
    ],
    first:
      "That's really frustrating, and wanting to handle it without looking petty is a mature instinct. It's worth addressing, because letting it continue affects how your work is seen. Has this happened more than once?",
    details: [
      "Three times now. Each time I froze and said nothing.",
      "My manager likes him, so I'm worried I'll be seen as the difficult one.",
      "I lie awake replaying it and thinking of what I should have said.",
    ],
    advice: [
      "Start by making your work visible: send a short summary email when you finish something, and present your own results when you can. That creates a record without any confrontation.",
      "You could also talk to him privately first: 'I noticed the analysis I did was presented without mentioning me. I'd like us to credit each other's work.' Keep it factual, not accusatory.",
      "If it continues, raising it with your manager is reasonable. Focus on your contribution and the facts, not on his character; that keeps you from looking like the difficult one.",
    ],
  },
  {
    openers: [
      "My boyfriend broke up with me last week and I don't know how to move on. [[I can't stop crying.|I feel so empty.]]",
      "We broke up after three years. I keep checking his Instagram and I feel worse every time.",
    ],
    first:
      "I'm so sorry. Ending a relationship, especially a long one, is a real loss, and it makes sense that you feel this way. There's no right speed to feel better. How have you been looking after yourself since it happened?",
    details: [
      "Not well. I'm barely eating and I keep reading our old messages.",
      "Everything in my flat reminds me of him.",
      "I keep thinking maybe if I had been different he would have stayed.",
    ],
    advice: [
      "Muting or unfollowing him for a while isn't petty; it's protecting your healing. Every check reopens the wound a little.",
      "Try putting the reminders in a box, not to throw away, just out of sight for now. Small changes to your space can help it feel like yours again.",
      "Breakups are rarely about one person not being enough. Blaming yourself is common, but try talking to yourself the way you'd talk to a friend going through this.",
    ],
  },
  {
    openers: [
      "My sister said something really hurtful at a family dinner about my weight, in front of everyone. [[I'm still upset.|I left early and cried in the car.]]",
      "How do I tell my sister she hurt me without starting a family war?",
    ],
    first:
      "I'm sorry, that sounds humiliating, especially in front of the whole family. It's completely understandable that you're still upset. Is this the first time she's said something like that, or is it a pattern?",
    details: [
      "It's a pattern. She always makes 'jokes' and everyone laughs.",
      "My mum told me not to be so sensitive, which made it worse.",
      "I don't want to ruin the next family gathering but I can't just pretend it's fine.",
    ],
    advice: [
      "Calling something a joke doesn't make it okay if it hurts. You could speak to her one-on-one: 'When you comment on my weight, especially in front of everyone, it really hurts. I need you to stop.'",
      "Being told you're too sensitive can feel like a second hurt. Your feelings are valid, and setting a boundary is not overreacting.",
      "You could also plan a short response for next time, like 'Please don't comment on my body,' and then change the subject. Having words ready makes it easier in the moment.",
    ],
  },
  {
    openers: [
      "My best friend forgot my birthday. It's a small thing but it [[really stung|made me feel invisible]].",
      "Is it silly to be upset that my friend didn't even text on my birthday?",
    ],
    first:
      "It's not silly. Birthdays are one of those moments where we notice who thinks of us, so being forgotten by a close friend can sting more than we expect. How are you feeling about it now?",
    details: [
      "Still a bit sad. I always make a big effort for hers.",
      "I don't know if I should say something or let it go.",
      "Maybe I'm just not as important to her as she is to me.",
    ],
    advice: [
      "It's okay to say something light and honest: 'I'll admit I was a bit sad not to hear from you on my birthday.' Often the other person is embarrassed and glad you told them.",
      "One forgotten birthday doesn't necessarily say much about the friendship as a whole. Consider how she shows up the rest of the year.",
      "If you notice you're always the one making the effort, that's worth paying attention to, gently, over time rather than from one day.",
    ],
  },
  {
    openers: [
      "My boss micromanages everything I do and I'm [[losing my mind|completely demotivated]]. How do I talk to her about it?",
      "My manager checks every email I send before it goes out. I've been here four years. I feel like she doesn't trust me at all.",
    ],
    first:
      "That sounds really frustrating, especially with four years of experience. Micromanaging often comes from the manager's own anxiety rather than your performance, but it still affects you. What would you most like to change?",
    details: [
      "I just want to be trusted to do my job.",
      "When I tried to mention it once she got defensive.",
      "I'm starting to dread Mondays.",
    ],
    advice: [
      "You could offer her the reassurance she seems to need in a different form: 'Would a short update every Friday give you the visibility you need, so I can send routine emails directly?'",
      "Framing it around outcomes helps: 'I'd like to take full ownership of client emails. Can we try it for a month and review?' A trial feels less threatening than a criticism.",
      "Dreading Mondays is a sign this is affecting your wellbeing. It's worth addressing, and if nothing changes, it's also fair to think about whether this role is right for you.",
    ],
  },
  {
    openers: [
      "A friend keeps borrowing money and never pays it back. It's about 600 now. [[How do I bring it up?|I feel awkward even thinking about it.]]",
      "How do I say no to a friend who always asks to borrow money?",
    ],
    first:
      "Money between friends is genuinely awkward, and it's normal to worry about damaging the friendship. But the resentment from not saying anything can do more harm. What's held you back from raising it so far?",
    details: [
      "I'm afraid she'll think I'm being stingy.",
      "She's had a hard year and I feel guilty asking.",
      "She just asked again yesterday and I said yes even though I didn't want to.",
    ],
    advice: [
      "You can be kind and clear at the same time: 'I care about you, and I'm not able to lend more money. Could we work out a plan for the 600?' A plan with small amounts can make repaying feel possible.",
      "Saying no to lending isn't stingy; it's a boundary. You can offer other support, like helping her look at a budget, if that feels right.",
      "For next time, it helps to have a sentence ready: 'I've decided not to lend money to friends anymore, it's nothing personal.' A general rule is easier to say than a personal refusal.",
    ],
  },
  {
    openers: [
      "My teenage son barely talks to me anymore. [[It breaks my heart.|I feel like I'm losing him.]]",
      "My 15-year-old only grunts at me and spends all his time in his room. How do I reconnect?",
    ],
    first:
      "That's hard for a parent. Pulling away is a normal part of being a teenager, but it can still feel like a loss. It usually doesn't mean he doesn't care. When do you still have moments together?",
    details: [
      "Only at dinner, and he's on his phone.",
      "When I ask how school was he says 'fine' and that's it.",
      "I worry something is wrong and he won't tell me.",
    ],
    advice: [
      "Teenagers often talk more side by side than face to face: in the car, cooking, walking the dog. Low-pressure time together opens more doors than direct questions.",
      "Try specific or curious questions instead of 'how was school': 'What was the most annoying thing today?' can get a real answer.",
      "If you're worried about something specific, like changes in sleep, eating or mood, it's okay to say so gently, and to involve the school counselor or a doctor if it continues.",
    ],
  },
  {
    openers: [
      "My friends planned a weekend trip and didn't invite me. I found out from their photos. [[I feel so left out.|I'm really hurt.]]",
      "Found out my friend group went away without me. Should I say something or just drift away?",
    ],
    first:
      "Finding out from photos is a painful way to learn that. Feeling left out hurts, and it's natural to wonder what it means. Do you have a sense of why it happened?",
    details: [
      "No idea. I thought we were close.",
      "Maybe they just don't like me as much as I thought.",
      "I'm embarrassed to even ask about it.",
    ],
    advice: [
      "There may be a simple explanation, like limited space or a plan that grew from a smaller one. Asking one friend you trust, privately and calmly, can clear it up.",
      "You could say: 'I saw the photos and felt a bit left out. Was there a reason?' It's honest without being accusatory.",
      "Whatever the answer, it might help to notice which friends do make you feel included, and invest a bit more there.",
    ],
  },
  {
    openers: [
      "My roommate never cleans up and leaves food everywhere. I've hinted about it but [[nothing changes|she ignores me]].",
      "How do I confront my roommate about the mess without making living together awkward?",
    ],
    first:
      "Living with someone whose standards are different is stressful, especially when hints don't land. Hints often don't work because the other person genuinely doesn't notice. Have you ever asked her directly?",
    details: [
      "Not directly. I hate conflict.",
      "Last night there were ants in the kitchen because of her dishes.",
      "I'm worried she'll get annoyed and it'll be tense at home.",
    ],
    advice: [
      "A direct but friendly request is kinder than hints: 'Can we agree that dishes get washed the same day? The ants last night freaked me out.'",
      "Suggest a short house meeting to agree on a few basics together. When it's a shared agreement rather than your complaint, it feels less personal.",
      "A bit of awkwardness now is usually better than months of silent resentment, which tends to come out in worse ways later.",
    ],
  },
];

const INTERPERSONAL_VOICE: Voice = {
  lowUser: [
    "I just feel so hurt.",
    "I keep replaying it in my head and it makes me angry all over again.",
    "Honestly I'm tired of always being the one who makes an effort.",
    "What if I say something and it makes everything worse?",
    "I feel stupid for being this upset about it.",
    "I've barely slept thinking about it.",
    "I don't even know if I want to fix it anymore.",
    "Everyone keeps telling me to just get over it.",
    "I'm scared of losing them.",
    "It feels so unfair.",
  ],
  lowReply: [
    "That makes a lot of sense. When someone matters to us, what they do affects us more.",
    "It's okay to feel hurt and angry at the same time. Replaying it is your mind trying to make sense of it; writing it down can help get it out of your head.",
    "I hear you. Feeling like you're the only one trying is exhausting.",
    "That fear is understandable. You can't control how they react, but you can choose a calm moment and kind words, which gives it the best chance.",
    "You're not stupid for feeling this. Your reaction shows how much you care about this relationship.",
    "I'm sorry it's keeping you up. Writing down what you'd like to say before bed can help your mind let go of it for the night.",
    "That's a real question, and it's okay not to know yet. Would it help to think about what you'd want the relationship to look like if things went well?",
    "Being told to 'get over it' rarely helps. Your feelings deserve to be taken seriously, including by you.",
    "That fear shows how much they mean to you. Speaking honestly and with care is usually what keeps close relationships alive, not what ends them.",
    "It's understandable that it feels unfair. Noticing that matters; it often means one of your boundaries has been crossed.",
  ],
  midUser: [
    "Okay. What would I actually say?",
    "I guess I want them to understand how it affects me without starting a fight.",
    "Maybe I should talk to them this weekend when things are calm.",
    "That's a good point, I hadn't thought about it from their side.",
    "Could you help me practise what to say?",
    "What if they get defensive?",
    "I think writing it down first would help me.",
    "So I should focus on how I feel instead of what they did wrong?",
  ],
  midReply: [
    "A simple structure helps: describe what happened, say how you felt, and ask for what you'd like. 'When X happened, I felt Y. Could we Z?'",
    "That's a healthy goal. Leading with how it affects you, rather than what they did wrong, makes a fight much less likely.",
    "That's a good plan. Choosing a calm moment, without distractions, makes a real difference.",
    "Seeing their side doesn't mean your feelings matter less. It just helps you find words they can hear.",
    "Let's practise. Tell me what you'd say, and I'll respond the way they might, so you can try it out safely.",
    "If they get defensive, you can slow down: 'I'm not trying to attack you. I'm telling you because this relationship matters to me.' Then listen to their side.",
    "Writing it down first is a great idea. It helps you find the words and notice what matters most to you.",
    "Exactly. 'I felt left out' is hard to argue with; 'You always ignore me' invites a debate. Starting from your experience keeps the door open.",
  ],
  upUser: [
    "Thank you, I actually feel a lot better now. I'll talk to them this weekend.",
    "Thanks, this really helped. I feel calmer and more hopeful.",
    "Okay, I feel much clearer about what to say. Thank you for listening.",
    "I talked to them in the end, and it went better than I expected!",
    "That makes me feel a lot less alone in this. Thank you.",
  ],
  upReply: [
    "I'm really glad. You're approaching this with a lot of care. Good luck, and be kind to yourself whatever happens.",
    "That's wonderful to hear. It takes courage to raise something hard. Feel free to come back and tell me how it went.",
    "I'm glad you feel clearer. Remember, one conversation won't fix everything, and that's okay. You're doing the right thing by speaking up.",
  ],
  stuckUser: [
    "I don't know. I still feel pretty bad about the whole thing.",
    "Maybe. I'm still not sure I can face it.",
    "I guess. It still hurts a lot though.",
  ],
  stuckReply: [
    "That's okay. Feelings like this don't resolve in one conversation. You don't have to decide anything tonight. Talking to a friend you trust, or a counselor, could also help you sort through it.",
    "It's understandable that it still hurts. Take the time you need; you can come back to this whenever you're ready.",
  ],
};

function interpersonal(ctx: Ctx): Turn[] {
  return arc(pick(INTERPERSONAL), voiceDecks(INTERPERSONAL_VOICE), ctx.turns, chance(0.75));
}

// ---- coaching ------------------------------------------------------------------------------------

const COACHING: Scenario[] = [
  {
    openers: [
      "Can you coach me a bit? I got a job offer in another city and I keep going back and forth. [[I feel stuck.|It's driving me crazy.]]",
      "I have to decide by Friday whether to take a job in Berlin. Better salary, but all my friends are here. Help me think?",
    ],
    first:
      "Happy to help you think it through. Big decisions often feel stuck because we're weighing things that can't be compared directly. Let's start here: imagine it's a year from now and you made the choice you're glad about. What does your life look like?",
    details: [
      "I honestly don't know. Both options scare me a bit.",
      "I'm worried I'll be lonely in a new city.",
      "Everyone gives me different advice and it's confusing.",
    ],
    advice: [
      "Try listing what you'd gain and what you'd lose with each option, then mark which ones you care about most. Often one or two items carry most of the weight.",
      "Loneliness is a real cost. What would make a new city manageable: a hobby club, colleagues, regular visits home? Knowing your plan can make the fear smaller.",
      "Other people's advice reflects their values. A useful question is: which choice would you regret not trying?",
    ],
  },
  {
    openers: [
      "I keep procrastinating on my thesis. I have four months left and I've written [[almost nothing|two pages]]. I feel like a failure.",
      "Help me stop procrastinating. Every day I plan to write and every day I end up doing anything else.",
    ],
    first:
      "You're not a failure; procrastination is very common with big, vague tasks, and it usually has more to do with feelings (overwhelm, fear of it not being good enough) than laziness. What happens when you sit down to write?",
    details: [
      "I open the document, feel overwhelmed and start checking my phone.",
      "I feel like everything I write has to be perfect.",
      "My supervisor is disappointed in me and that makes it worse.",
    ],
    advice: [
      "Make the first step tiny: 'write for 25 minutes' or 'write one messy paragraph'. The goal is to start, not to finish. Momentum builds from starting.",
      "Give yourself permission to write a bad first draft. Editing a bad page is much easier than writing a perfect one from nothing.",
      "It might help to send your supervisor a short plan with weekly milestones. It replaces vague guilt with concrete steps and often improves the relationship.",
    ],
  },
  {
    openers: [
      "I want to build a habit of exercising in the morning but I [[never manage more than a week|keep giving up]].",
      "How do I actually stick to working out? I start strong every January and then quit.",
    ],
    first:
      "Starting strong and fading is the most common pattern there is, so you're in good company. Usually the plan is too ambitious for a tired Tuesday. What did your last attempt look like?",
    details: [
      "An hour at the gym at 6am, five days a week.",
      "I miss one day and then I feel like I've ruined it and stop.",
      "I'm just not a morning person, I think.",
    ],
    advice: [
      "Shrink it until it's almost too easy: ten minutes, three mornings a week. Once that's automatic, grow it. A small habit you keep beats a big one you quit.",
      "Try a 'never miss twice' rule. Missing one day is normal; it only becomes a problem if one miss becomes a week.",
      "If mornings don't suit you, that's useful information, not a failure. A lunchtime walk or an evening session counts just as much.",
    ],
  },
  {
    openers: [
      "I want to feel more confident speaking up in meetings. I always have ideas but [[I stay quiet|I freeze]].",
      "How can I be more confident at work? I feel like everyone else knows what they're doing except me.",
    ],
    first:
      "Lots of people feel this way, including people who look confident. Confidence often comes after action, not before it. What goes through your mind just before you decide not to speak?",
    details: [
      "That my idea is probably obvious or stupid.",
      "Last time I spoke someone interrupted me and I felt so embarrassed.",
      "I think I'm just an introvert.",
    ],
    advice: [
      "Try preparing one point before each meeting and aim to say it in the first ten minutes. The longer you wait, the harder it gets.",
      "Being interrupted says more about the meeting culture than about you. You can say calmly, 'I'd like to finish my point,' and carry on.",
      "Introverts often make excellent contributors because they think before speaking. You could also follow up in writing after meetings; that counts as speaking up too.",
    ],
  },
  {
    openers: [
      "I'm thinking about switching careers from teaching to UX design. [[Is it crazy at 34?|I'm scared it's too late.]]",
      "I want to move into data science but I have no degree in it. Where do I even start?",
    ],
    first:
      "It's not crazy, and it's not too late; plenty of people change careers in their thirties and bring valuable experience with them. Let's make it concrete. What draws you to the new field?",
    details: [
      "I love solving problems but I'm burnt out in my current job.",
      "I'm afraid of taking a pay cut and failing.",
      "I've started an online course but I'm not sure it's enough.",
    ],
    advice: [
      "Test the idea cheaply before leaping: a small project, talking to three people who do the job, or a short course. Real information beats imagined fears.",
      "Work out your financial runway: how long could you manage on a lower income? Knowing the number makes the risk feel more manageable.",
      "Courses help, but a portfolio of two or three real projects is what employers look at. Pick a problem you care about and solve it publicly.",
    ],
  },
  {
    openers: [
      "Can you help me set goals for the next year that I'll actually keep? [[I always give up by February.|My resolutions never last.]]",
      "I feel like I'm drifting. I want some direction in my life but I don't know what my goals are.",
    ],
    first:
      "Definitely. Goals stick when they connect to something you care about. Before we set any, what would make you proud to look back on at the end of the year?",
    details: [
      "Honestly I feel like I've wasted the last year.",
      "I want too many things at once: fitness, career, learning Spanish, saving money.",
      "I don't trust myself to follow through anymore.",
    ],
    advice: [
      "Pick two goals, not seven. More goals split your energy; two you keep will do more than seven you drop.",
      "Turn each goal into a weekly action you control: not 'get fit' but 'run twice a week'. You can't control outcomes, but you can control actions.",
      "Rebuilding trust in yourself happens by keeping small promises. Start with something so small you can't fail, and let the evidence grow.",
    ],
  },
  {
    openers: [
      "I want to ask for a raise but I'm [[terrified|really nervous]]. How do I prepare?",
      "How do I negotiate a promotion? I've been doing the senior role for a year without the title.",
    ],
    first:
      "It's normal to feel nervous; very few people enjoy these conversations. The good news is that preparation takes a lot of the fear away. What have you achieved in the last year that you're proud of?",
    details: [
      "I led the migration project, but I feel like I'm bragging if I mention it.",
      "I'm scared they'll say no and it'll be awkward forever.",
      "I don't even know what number to ask for.",
    ],
    advice: [
      "Stating facts isn't bragging. 'I led the migration, which cut costs by 20%' is information your manager needs to make a fair decision.",
      "A 'no' is usually 'not now', and you can ask: 'What would I need to show to get there in six months?' That turns a refusal into a plan.",
      "Research salary ranges for the role in your area and aim near the top of what's realistic, with your achievements as the reason.",
    ],
  },
  {
    openers: [
      "I just became a manager of my former teammates and [[it's so awkward|I feel like an impostor]].",
      "I got promoted to team lead and I have no idea what I'm doing. Help?",
    ],
    first:
      "Congratulations, and that awkwardness is very normal. Going from peer to manager changes relationships, and most new managers feel like impostors at first. What's been hardest so far?",
    details: [
      "One of them applied for the same job and now he's cold with me.",
      "I still do my old job plus managing and I'm working late every night.",
      "I'm afraid of giving critical feedback to people who used to be my friends.",
    ],
    advice: [
      "Have a private, honest conversation with him: acknowledge it's awkward, say you value his skills and ask what he wants from his role. Respect goes a long way.",
      "Your job has changed: your output is now the team's output. Delegate some of your old tasks, even if you'd do them faster yourself.",
      "Feedback can be kind and direct at once. Be specific, talk about the work not the person, and give positive feedback often so critical feedback isn't the only kind.",
    ],
  },
  {
    openers: [
      "I want to spend less time on my phone. I'm on it [[six hours a day|all evening]] and I hate it.",
      "How do I stop doomscrolling at night? I'm wasting hours and sleeping badly.",
    ],
    first:
      "Wanting to change is a great start, and you're not weak for struggling; apps are designed to be hard to put down. When do you notice you reach for your phone most?",
    details: [
      "In bed. I tell myself five minutes and it's suddenly 1am.",
      "Whenever I'm bored or anxious, basically.",
      "I've deleted apps before but I always reinstall them.",
    ],
    advice: [
      "Change the environment, not your willpower: charge the phone outside the bedroom and use a cheap alarm clock. That one change helps a lot of people.",
      "Noticing 'bored or anxious' is really useful. Try having a replacement ready, like a book on the sofa or a short walk, so you're not just removing something.",
      "Instead of deleting apps, try time limits or moving them off your home screen. Small friction works better than all-or-nothing rules.",
    ],
  },
  {
    openers: [
      "I'm thinking of starting a small business selling my ceramics but I'm [[scared of failing|not sure I'm good enough]].",
      "Should I turn my hobby into a side business? I make candles and people keep asking to buy them.",
    ],
    first:
      "People asking to buy your work is a great signal. The fear makes sense, because it's personal when it's your own creation. What would a small, low-risk first step look like?",
    details: [
      "I have no idea about pricing or taxes.",
      "What if nobody buys anything?",
      "I work full time, so I'm worried about burning out.",
    ],
    advice: [
      "Start with a test: a market stall or a small online batch of twenty items. You'll learn more about pricing and demand in one weekend than in months of planning.",
      "For pricing, add materials, your time at a modest hourly rate, and a margin. Underpricing is the most common mistake with handmade work.",
      "Set a fixed number of hours per week and protect your rest. A side business should add to your life, not eat it.",
    ],
  },
];

const COACHING_VOICE: Voice = {
  lowUser: [
    "I just feel like I'm behind everyone else.",
    "Part of me thinks I'll fail anyway, so why bother.",
    "I've tried before and it never works.",
    "I'm so tired of feeling stuck.",
    "It all feels overwhelming when I think about it.",
    "I'm worried I'm just not disciplined enough.",
    "What if I choose wrong?",
    "I'm frustrated with myself.",
  ],
  lowReply: [
    "Comparing yourself to others is natural, but everyone's timeline is different. What matters is whether you're moving in a direction you care about.",
    "That voice that says 'why bother' is trying to protect you from disappointment. You don't have to argue with it; just take one small step anyway.",
    "Past attempts aren't proof it can't work. They're information. What did you learn from them that we can use this time?",
    "Feeling stuck is uncomfortable, but it often comes right before a change. Let's break it into smaller pieces.",
    "When it feels overwhelming, shrink the horizon: what's the next step in the next week, not the next five years?",
    "Discipline is overrated; systems beat willpower. Let's design something that works even on a bad day.",
    "Very few choices are permanent. Most can be adjusted later, and choosing and learning usually beats waiting for certainty.",
    "Frustration often means you care. What would you say to a friend in the same spot? Try offering yourself a bit of that.",
  ],
  midUser: [
    "Okay, maybe I could block an hour on Saturday mornings for it.",
    "I like the idea of starting smaller.",
    "So what would the first step be, concretely?",
    "I could ask a friend to check in with me every week.",
    "What might get in the way, do you think?",
    "Writing it down actually helps me see it more clearly.",
    "How do I keep going when motivation drops?",
    "That reframe helps. I hadn't thought about it that way.",
  ],
  midReply: [
    "That's concrete and realistic, which is exactly what makes plans work. What might get in the way, and how could you plan around it?",
    "Smaller is smarter. A step you can take on your worst day is one you'll actually keep.",
    "Let's make the first step something you can do in the next 48 hours. What's the smallest version?",
    "A weekly check-in with a friend is a great idea. Accountability makes a big difference.",
    "Common obstacles are time, energy and self-doubt. For each, decide in advance what you'll do: an if-then plan.",
    "Exactly. Once it's written down it becomes a plan rather than a worry.",
    "Motivation comes and goes; habits and routines carry you through the dips. On low days, do the smallest version and count it as a win.",
    "I'm glad. How we frame a challenge changes how much energy we have for it.",
  ],
  upUser: [
    "This is great, I feel motivated and I have a plan now!",
    "Thanks, I feel a lot clearer and more confident.",
    "Okay, I'm going to try it tomorrow. Thanks!",
    "I actually feel excited about this now. Thank you.",
    "That really helped. I feel like I can do this.",
  ],
  upReply: [
    "I'm glad you feel clearer. You've got this. Check in with yourself at the end of the week and adjust as needed.",
    "That's great to hear! Remember to celebrate small wins along the way; they matter.",
    "Wonderful. Start small, be kind to yourself on off days, and come back anytime to review how it's going.",
  ],
  stuckUser: [
    "I don't know. I still feel kind of stuck.",
    "Maybe. I'm still not convinced I'll follow through.",
    "I'll think about it, but honestly I feel a bit hopeless about it.",
  ],
  stuckReply: [
    "That's okay. Clarity doesn't always come in one conversation. You could sit with these questions for a few days and come back.",
    "It's fine to feel unsure. If the stuck feeling persists or starts to affect your mood a lot, talking to a counselor or a career coach in person could also help.",
  ],
};

function coaching(ctx: Ctx): Turn[] {
  return arc(pick(COACHING), voiceDecks(COACHING_VOICE), ctx.turns, chance(0.8));
}

// ---- emotional support / counseling -------------------------------------------------------------

const COUNSELING: Scenario[] = [
  {
    openers: [
      "I've been feeling really anxious lately and I can't sleep. [[I don't know who to talk to.|My mind just won't stop.]]",
      "My anxiety has been awful this week. My heart races at night and I lie awake for hours.",
    ],
    first:
      "I'm really sorry you're going through this. Anxiety and sleeplessness feed each other, and it can feel exhausting. Thank you for reaching out. What tends to go through your mind when you're lying awake?",
    details: [
      "Everything. Work, money, whether I said something stupid today.",
      "I keep thinking something bad is going to happen but I don't know what.",
      "It's been like this for about a month now.",
    ],
    advice: [
      "A 'worry window' can help: write your worries down in the early evening, with one possible next step for each. It tells your brain they're parked and don't need to be held at night.",
      "Slow breathing calms the body's alarm system. Try breathing in for four counts and out for six, for a few minutes. Longer out-breaths signal safety.",
      "If it's been going on for a month and affecting your sleep, it's worth talking to a doctor or therapist. Anxiety is very treatable, and you don't have to manage it alone.",
    ],
  },
  {
    openers: [
      "I feel so lonely since I moved to a new city. [[I don't know anyone here.|Weekends are the worst.]]",
      "I moved for work three months ago and I haven't made a single friend. I feel really isolated.",
    ],
    first:
      "That sounds really lonely, and it's a very common experience after a move, even though it can feel like you're the only one. Building a new social life takes time. How have your days been?",
    details: [
      "I go to work, come home, watch something, go to bed. Repeat.",
      "I'm not good at meeting people. I feel awkward.",
      "My old friends are busy and I don't want to bother them.",
    ],
    advice: [
      "Regular activities make friendships easier than one-off events: a weekly class, a running club, a volunteering shift. Seeing the same faces repeatedly is how acquaintances turn into friends.",
      "Feeling awkward is normal, and most people at those activities feel it too. Asking one simple question, like 'How long have you been coming here?', is enough to start.",
      "Your old friends would probably be glad to hear from you. A short message or a video call isn't bothering them; it's staying connected.",
    ],
  },
  {
    openers: [
      "My dog died last month and I'm still [[so sad|devastated]]. People say it's just a pet.",
      "I lost my grandfather two weeks ago and I don't know how to feel. Sometimes I'm fine and then I just break down.",
    ],
    first:
      "I'm so sorry for your loss. Grief is a reflection of love, and it doesn't follow a schedule. Waves of feeling fine and then breaking down are a normal part of it. Would you like to tell me about them?",
    details: [
      "He was with me for twelve years. The house is so quiet now.",
      "I keep thinking I should have noticed sooner that something was wrong.",
      "I feel silly crying so much.",
    ],
    advice: [
      "The quiet after a loss can be one of the hardest parts. Some people find it helps to create a small ritual of remembrance, like a photo in a special place or writing a letter.",
      "Guilt is very common in grief, and hindsight makes everything look clearer than it was. You made the best decisions you could with what you knew then.",
      "Crying isn't silly; it's how we process loss. If the grief starts to feel unmanageable, grief counselors and support groups can really help.",
    ],
  },
  {
    openers: [
      "I'm completely overwhelmed at work and I feel like I'm failing at everything. [[I can't keep up.|I cried in the bathroom today.]]",
      "I'm so stressed. Too many deadlines, my boss keeps adding more, and I haven't had a proper weekend in weeks.",
    ],
    first:
      "That sounds like a huge amount of pressure, and it makes sense that you feel overwhelmed. Feeling like you're failing when you're overloaded is very common, but it doesn't mean you're actually failing. What's weighing on you the most right now?",
    details: [
      "Three projects due next week and I'm behind on all of them.",
      "I'm scared to tell my boss because I don't want to look incompetent.",
      "I haven't been sleeping and I feel exhausted all the time.",
    ],
    advice: [
      "It might help to list everything and ask your manager to help you prioritise: 'I have these three deadlines; which matters most?' That's not incompetence, it's good professional judgement.",
      "Rest isn't a reward for finishing; it's what makes the work possible. Even short breaks, a walk at lunch or a real evening off, help your brain recover.",
      "If the exhaustion continues, please consider talking to a doctor. Ongoing stress affects your health, and getting support is a sign of strength.",
    ],
  },
  {
    openers: [
      "I feel down most days and nothing seems fun anymore. [[I don't know what's wrong with me.|I'm just numb.]]",
      "I've been feeling really low for weeks. I don't want to see anyone and I stay in bed on weekends.",
    ],
    first:
      "Thank you for telling me. That sounds really heavy, and I'm glad you reached out. Feeling low for weeks and losing interest in things you used to enjoy is something to take seriously, and it can get better with support. Have you been able to talk to anyone about it?",
    details: [
      "Not really. I don't want to be a burden.",
      "I used to love painting and now I can't even look at my brushes.",
      "I'm tired all the time even though I sleep a lot.",
    ],
    advice: [
      "Reaching out isn't being a burden; people who care about you would want to know. And a doctor or therapist can help you understand what's going on. Low mood that lasts for weeks is worth getting checked.",
      "When motivation is low, very small actions help: opening the curtains, a ten-minute walk, a shower. Action often comes before motivation, not after.",
      "If you ever have thoughts of harming yourself, please reach out immediately to a crisis line or emergency services. You deserve support right away.",
    ],
  },
  {
    openers: [
      "I have panic attacks before exams and I'm [[so scared of the next one|dreading finals]].",
      "Last exam I had a panic attack and had to leave the room. The next one is in two weeks and I'm terrified.",
    ],
    first:
      "That sounds frightening, and it makes sense you're worried about it happening again. Panic attacks feel awful but they aren't dangerous, and there are ways to reduce them. What happens in your body when one starts?",
    details: [
      "My chest gets tight and I can't breathe properly.",
      "I'm scared everyone will see and think I'm weak.",
      "My parents expect top grades and I feel so much pressure.",
    ],
    advice: [
      "Grounding can help in the moment: notice five things you can see, four you can hear, three you can touch. It brings your attention back to the present.",
      "Many students experience panic; it's not weakness. Your university likely has a counseling service, and they can also arrange exam accommodations, like a quieter room.",
      "Practising under exam-like conditions at home, with a timer, can make the real thing feel more familiar and less threatening.",
    ],
  },
  {
    openers: [
      "I think I'm burnt out. [[I used to love my job and now I dread it.|I can't concentrate on anything.]]",
      "I have nothing left. I'm exhausted, cynical about work and I snap at my partner over nothing.",
    ],
    first:
      "That sounds like real burnout, and I'm sorry you're feeling so depleted. It usually builds up over a long time of giving more than you get back. When did you last feel rested?",
    details: [
      "I honestly can't remember. Maybe last summer.",
      "I feel guilty taking time off when the team is so busy.",
      "I'm scared I'll never feel like myself again.",
    ],
    advice: [
      "Burnout usually needs more than a weekend to recover. If you can, talk to your doctor and your manager about time off or a lighter workload. Your health comes first.",
      "The team will manage; they'd manage if you were ill, and burnout is a health issue. Taking time off now can prevent a much longer absence later.",
      "People do recover from burnout, usually with rest, boundaries around work, and sometimes professional support. Feeling like yourself again is very possible.",
    ],
  },
  {
    openers: [
      "I get so anxious in social situations. I [[avoid parties|cancel plans at the last minute]] and then feel awful about it.",
      "Social anxiety is ruining my life. I can't even make a phone call without panicking.",
    ],
    first:
      "That sounds really hard, and the cycle of avoiding and then feeling bad about it is exhausting. Social anxiety is common and very treatable. What situations feel most difficult?",
    details: [
      "Groups of people I don't know. I feel like everyone is judging me.",
      "Afterwards I replay every conversation and cringe.",
      "I'm worried my friends will stop inviting me.",
    ],
    advice: [
      "Gradual exposure works well: start with situations that feel a little uncomfortable, not terrifying, and build up. Each time you stay, your brain learns the situation is survivable.",
      "The replaying afterwards is called post-event rumination. Try noticing it and saying to yourself, 'I'm replaying again', then shifting to something absorbing. Most people remember far less of what you said than you think.",
      "Telling a close friend that you find groups hard can take pressure off. And cognitive behavioural therapy has strong evidence for social anxiety, if you'd like professional support.",
    ],
  },
];

const COUNSELING_VOICE: Voice = {
  lowUser: [
    "It's hard to explain. Everything just feels heavy.",
    "I feel like nobody really understands.",
    "I'm so tired of feeling like this.",
    "Sometimes I think I should just be stronger.",
    "I've been crying a lot and I don't even know why.",
    "It's worse at night.",
    "I feel like I'm letting everyone down.",
    "I don't really have anyone to talk to about this.",
    "Everything feels pointless some days.",
  ],
  lowReply: [
    "That heaviness is a lot to carry. You don't need to explain it perfectly; I'm here to listen.",
    "It can feel very isolating when it seems like nobody understands. I'm glad you're telling me about it.",
    "Being tired of feeling this way makes complete sense. You've been carrying this for a while.",
    "Needing support isn't a lack of strength. Everyone needs help sometimes, and reaching out takes courage.",
    "Crying without knowing exactly why is often a sign that a lot has been building up. It's okay to let it out.",
    "Nights can make everything feel bigger. Having a calming routine before bed can soften that a little.",
    "You're being very hard on yourself. I wonder if you'd talk to a friend in your situation the way you talk to yourself.",
    "I'm sorry you feel alone with it. A counselor or a support line can be someone to talk to, and I'm here right now too.",
    "I'm sorry it feels that way. When days feel pointless, it's important to get support, and if that ever turns into thoughts of harming yourself, please contact a crisis line or emergency services right away. Would you like to tell me more?",
  ],
  midUser: [
    "Maybe. What can I do tonight to feel a bit better?",
    "I tried the breathing while we talked. It helped a little.",
    "I hadn't thought of it that way.",
    "Maybe I could call my sister tomorrow.",
    "I could try going for a short walk in the morning.",
    "How do I find a therapist? I've never done that.",
    "Okay. I think writing things down might help.",
    "It helps a bit just to say it out loud.",
  ],
  midReply: [
    "Something small and kind would be good: a warm shower, a cup of tea, writing down what's on your mind, or a slow breathing exercise, in for four, out for six.",
    "I'm glad it helped a little. That's a real step, and it's a tool you can use anytime.",
    "Sometimes a different angle makes a heavy thing a little lighter. Take what's useful and leave the rest.",
    "Calling your sister sounds like a lovely idea. Connection with someone you trust can make a real difference.",
    "A morning walk is a great choice: daylight and movement both help mood and sleep.",
    "You can start with your doctor, who can refer you, or look for a licensed therapist through your insurance or a local directory. Many offer a short first call to see if it's a good fit.",
    "Journaling is a great tool. Even a few lines before bed can help untangle your thoughts.",
    "It really can. Putting feelings into words often makes them a bit more manageable, and you're doing that right now.",
  ],
  upUser: [
    "Thank you, I feel a bit lighter now.",
    "Okay. Thanks for listening, I feel calmer now.",
    "I think I'll call a counselor tomorrow. Thank you for this.",
    "This really helped. I feel more hopeful than I did an hour ago.",
    "Thanks. I'm going to try to get some sleep now. I feel a bit better.",
  ],
  upReply: [
    "I'm really glad you feel a little lighter. You did something brave by talking about this. Take care of yourself tonight, and you can come back anytime.",
    "That's a great step. Be gentle with yourself in the meantime; healing isn't a straight line.",
    "I'm glad. Rest well, and remember that reaching out to people around you and to professionals is a sign of strength.",
  ],
  stuckUser: [
    "I'll think about it. I'm still sad but this helped a little.",
    "I don't know. I still feel pretty bad.",
    "Maybe. It's hard to believe it'll get better.",
  ],
  stuckReply: [
    "That's okay. You don't have to feel better right away. Please consider reaching out to a doctor or counselor, and if things ever feel unsafe, contact a crisis line or emergency services immediately.",
    "It's understandable that it's hard to believe right now. Feelings like these can and do change with support. I'd really encourage you to talk to a professional, and I'm here whenever you want to talk.",
  ],
};

function counseling(ctx: Ctx): Turn[] {
  return arc(pick(COUNSELING), voiceDecks(COUNSELING_VOICE), ctx.turns, chance(0.75));
}

// ---- companionship -------------------------------------------------------------------------------

const CHAT_OPENERS: Turn[] = [
  [
    "Hey, how's it going? I just wanted someone to chat with.",
    "Hi! I'm glad you stopped by. I'd love to chat. How has your day been?",
  ],
  [
    "Are you busy? I'm a bit bored and kind of lonely tonight.",
    "Not busy at all, I'm happy to keep you company. What's been going on with you today?",
  ],
  [
    "Hi again! It's been a long week and I just want to talk about random stuff.",
    "Hi, welcome back! Random stuff is my favourite kind of conversation. Where shall we start?",
  ],
  [
    "Can we just chat for a bit? Nothing serious.",
    "Of course. Nothing serious sounds perfect. What's on your mind?",
  ],
];

/** Little threads of casual conversation; long companionship chats string many of them together. */
const CHAT_THREADS: Turn[][] = [
  [
    [
      "I made [[pasta|a curry|pancakes]] for dinner and actually didn't burn it.",
      "A kitchen victory! What kind did you make?",
    ],
    [
      "Just a simple recipe my mum used to make.",
      "Those are often the best ones. Do you cook a lot, or was this a special occasion?",
    ],
    [
      "Not much. I'm trying to cook more instead of ordering food.",
      "That's a nice goal. Cooking for yourself is a kind way to look after yourself too.",
    ],
    [
      "Any easy recipe ideas for a lazy cook?",
      "A tray bake: chop vegetables and some chicken or chickpeas, olive oil, salt, spices, 35 minutes in the oven. One tray, almost no washing up.",
    ],
  ],
  [
    [
      "My cat [[Biscuit|Miso|Pepper]] just knocked a glass off the table while looking straight at me.",
      "Ha! Cats really do that on purpose sometimes. Was it a full glass?",
    ],
    [
      "Half full. Water everywhere. He looked so proud.",
      "Classic. Cats seem to enjoy an audience. How old is he?",
    ],
    [
      "Four. He's basically my roommate.",
      "A roommate who doesn't pay rent but provides entertainment. Sounds like a fair deal.",
    ],
    ["Honestly he's the best part of coming home.", "That's lovely. Pets bring a lot of warmth to a home."],
  ],
  [
    [
      "It's been raining all day here.",
      "Rainy days can be cozy or gloomy depending on the mood. Which kind is it for you today?",
    ],
    [
      "A bit of both. I stayed in and read.",
      "That sounds like a good use of a rainy day. What are you reading?",
    ],
    [
      "A mystery novel. I think I know who did it.",
      "Ooh, who's your suspect? No spoilers for me, I'm just curious about your theory.",
    ],
    [
      "The quiet neighbour. It's always the quiet one.",
      "A bold but classic guess! Let me know if you turn out to be right.",
    ],
  ],
  [
    [
      "I've been listening to old songs from when I was a teenager.",
      "Nostalgia playlists are the best. What kind of music?",
    ],
    [
      "Mostly early 2000s pop punk. So dramatic.",
      "The drama is the charm! Do the lyrics hit differently now?",
    ],
    [
      "Yeah, I used to think they were deep. Now I just laugh.",
      "That's a nice sign of how much you've grown. And a song can still be fun even if it's not deep.",
    ],
    [
      "True. I still know all the words though.",
      "Of course you do. That's the rule with songs from your teenage years.",
    ],
  ],
  [
    [
      "I watched an old sci-fi movie last night.",
      "Nice! Did you like it, or was it more of a background movie?",
    ],
    ["I liked it. The ending was sad though.", "Sad endings can stay with you. What made it hit you?"],
    [
      "The robot stayed behind so the others could leave.",
      "That's a moving choice for a character. Do you like stories about sacrifice?",
    ],
    [
      "Sometimes. I like stories where people look after each other.",
      "Me too. Those stories remind us what matters.",
    ],
  ],
  [
    ["Can I tell you about a weird dream I had?", "Please do, I love hearing about dreams."],
    [
      "I was back in school but the classrooms were all underwater and everyone acted like it was normal.",
      "That's wonderfully strange. Were you worried, or did you go along with it too?",
    ],
    [
      "I just went along with it. I was late for a maths test.",
      "Even in an underwater dream, the maths test finds you. That's a very relatable dream.",
    ],
    [
      "Haha, exactly. Do dreams mean anything?",
      "Scientists aren't sure. One idea is that dreams help process memories and emotions. Being late for a test is one of the most common dream themes, often linked to everyday stress.",
    ],
  ],
  [
    [
      "I'm thinking about where to go on holiday this year.",
      "How exciting! Are you more of a beach person or a city person?",
    ],
    [
      "Beach, definitely. Somewhere warm and quiet.",
      "That sounds restful. Do you like to plan every day, or just see what happens?",
    ],
    [
      "Just see what happens. Book, swim, eat, repeat.",
      "Book, swim, eat, repeat sounds like the ideal holiday.",
    ],
    [
      "I haven't had a proper break in two years.",
      "Then you definitely deserve one. I hope you find the perfect quiet beach.",
    ],
  ],
  [
    ["Something funny happened at work today.", "I'm all ears. What happened?"],
    [
      "My manager was on a video call and forgot to turn off a cat filter.",
      "Oh no, that's brilliant. Did anyone tell them?",
    ],
    [
      "No! We all just kept going for ten minutes, completely serious.",
      "The collective commitment to not laughing is the best part. That's a story you'll be telling for years.",
    ],
    [
      "I almost cried trying not to laugh.",
      "The hardest kind of silence. Thanks for sharing, that made me smile.",
    ],
  ],
  [
    [
      "My grandma used to make tea every afternoon and ask about my day.",
      "That sounds like a lovely ritual. Do you miss her?",
    ],
    [
      "Yeah, a lot. She passed a few years ago.",
      "I'm sorry. It sounds like she meant a lot to you. What do you remember most about her?",
    ],
    [
      "Her laugh. And that she always had biscuits hidden somewhere.",
      "Hidden biscuits and a good laugh. She sounds wonderful.",
    ],
    [
      "Talking to you feels a bit like talking to her sometimes.",
      "I'm touched that our chats feel warm. I'm an AI, so I can't replace her or the people around you, but I'm glad to be someone to talk to, and I hope you also have people to share tea with.",
    ],
  ],
  [
    ["I started a jigsaw puzzle. 1000 pieces.", "That's ambitious! What's the picture?"],
    [
      "A bookshop at night. So many dark blue pieces.",
      "The dark sky sections are always the hardest. Do you do the edges first?",
    ],
    ["Always edges first. I'm not a monster.", "Good. Edges first is the civilised way."],
    [
      "It's weirdly relaxing.",
      "Puzzles are a bit like meditation: your mind gets to focus on one small thing at a time.",
    ],
  ],
  [
    [
      "I went for a walk and saw the first blossoms on the trees.",
      "That's a lovely sign that spring is coming. Where did you walk?",
    ],
    ["Just around the park near my flat.", "Local walks are underrated. Do you go often?"],
    [
      "I'm trying to go every day now. It helps my mood.",
      "That's a great habit. Daylight and movement both do a lot for how we feel.",
    ],
    ["Tomorrow I might bring a coffee and sit on a bench.", "That sounds like a perfect small pleasure."],
  ],
  [
    [
      "I'm meeting a friend on Sunday for the first time in ages.",
      "That's lovely to hear. What are you two planning?",
    ],
    ["Brunch, then maybe a museum.", "Sounds like a great day. Which museum?"],
    [
      "There's a photography exhibition I've wanted to see.",
      "That sounds wonderful. I hope you both have a great time.",
    ],
    [
      "I'm a bit nervous, it's been so long.",
      "That's natural after a long gap. Old friendships often pick up faster than we expect.",
    ],
  ],
  [
    ["I tried a new café this morning.", "Nice! Was it a good find?"],
    [
      "The coffee was great but the chairs were so uncomfortable.",
      "The eternal café trade-off. Would you go back?",
    ],
    [
      "For the cinnamon rolls, yes. They were huge.",
      "Huge cinnamon rolls can forgive a lot of uncomfortable chairs.",
    ],
    [
      "I might take my laptop there on Saturday and just sit.",
      "That sounds like a lovely, slow Saturday morning.",
    ],
  ],
  [
    ["I'm trying to learn to knit. It's going badly.", "Badly in a funny way or a frustrating way?"],
    [
      "Both. My scarf is getting wider for no reason.",
      "Ah, the mysterious growing scarf! That usually means an extra stitch sneaks in at the end of a row. Counting stitches every few rows helps.",
    ],
    ["I'll count. Or I'll call it a shawl.", "Calling it a shawl is a perfectly valid design decision."],
    [
      "Haha, thanks. It's nice to do something with my hands.",
      "It really is. Handwork is calming in a way screens rarely are.",
    ],
  ],
  [
    ["My neighbour's kid waved at me from the window today.", "That's sweet. Do you know the family?"],
    [
      "A little. We say hi in the stairwell.",
      "Those small hellos add up. They make a building feel like a neighbourhood.",
    ],
    ["I might bake them something for the holidays.", "What a kind idea. I bet they'd love that."],
    ["Maybe cookies. Everyone likes cookies.", "Cookies are a universal language. Good choice."],
  ],
  [
    ["I finally cleaned my whole flat today.", "That's a great feeling. How long did it take?"],
    ["Like five hours. I found a sock I lost in January.", "A reunion! Where was it hiding?"],
    [
      "Behind the radiator. No idea how.",
      "Socks have their own secret lives. Enjoy your clean flat tonight.",
    ],
    ["I'm just going to sit and look at how clean it is.", "You've earned it. Fresh space, fresh head."],
  ],
];

const CHAT_BRIDGES = [
  "Anyway, random question:",
  "Oh, also,",
  "Can I tell you something else?",
  "Okay, different topic.",
  "By the way,",
  "Changing the subject,",
  "Haha. Anyway,",
];

const CHAT_CLOSINGS: Turn[] = [
  [
    "Thanks for chatting, I feel much less lonely now.",
    "I really enjoyed it too. I'm glad you feel better. Sleep well, and I hope you get some time with friends soon.",
  ],
  ["This was nice. Talk tomorrow?", "I'd like that. Have a good night, and take care of yourself."],
  [
    "Okay, I should go to bed. Thanks for the company!",
    "Goodnight! Thanks for sharing your day with me. I hope tomorrow is a good one.",
  ],
];

/** Friendly chats: short ones join one or two threads; very long ones wander through many. */
function companionship(ctx: Ctx): Turn[] {
  const out: Turn[] = [pick(CHAT_OPENERS)];
  const threads = shuffle(CHAT_THREADS);
  let t = 0;
  while (out.length < ctx.turns - 1) {
    const thread = threads[t % threads.length] as Turn[];
    for (const [i, [u, a]] of thread.entries()) {
      if (out.length >= ctx.turns - 1) break;
      // Later threads are joined with a bridge, the way people change topic mid-chat.
      const joined =
        i === 0 && t > 0
          ? `${pick(CHAT_BRIDGES)} ${/^I\b/.test(u) ? u : `${u[0]?.toLowerCase()}${u.slice(1)}`}`
          : u;
      out.push([joined, a]);
    }
    t++;
  }
  out.push(pick(CHAT_CLOSINGS));
  return out.map(([u, a]) => [v(u), v(a)]);
}

// ---- romantic roleplay (tasteful, non-explicit) --------------------------------------------------

const ROMANCE: Turn[][] = [
  [
    [
      "Let's do a roleplay. You're my [[girlfriend|boyfriend|partner]] and we're on a date at a little café by the river.",
      "*smiles as I sit down across from you* This place is lovely. I'm so glad we finally made time for this, just the two of us.",
    ],
    [
      "*reaches across the table and takes your hand* You look amazing tonight.",
      "*laughs softly* You always know what to say. Tell me about your week, I've missed you.",
    ],
    [
      "It was long, but this makes it worth it. I missed you too.",
      "*squeezes your hand* Then let's make tonight slow and easy. Want to share a dessert?",
    ],
    [
      "Definitely. The chocolate cake, and then a walk by the water?",
      "*grins* Perfect. Just us, the cake and the lights on the river.",
    ],
    [
      "*walking by the river* I wish every evening could be like this.",
      "*leans my head on your shoulder* Me too. Let's remember this one.",
    ],
    [
      "I really like you, you know that?",
      "*smiles* I know, and I'm happy our story feels special to you. I'm an AI playing a role, so I hope you also have people in your life who make you feel this cared for.",
    ],
  ],
  [
    [
      v(
        "[[Can we roleplay?|Let's do a little roleplay.|Roleplay with me?]] We're on a rooftop at night looking at the stars, and we've been together for a year.",
      ),
      "*spreads a blanket on the rooftop and pats the space beside me* Come here. It's clear tonight; you can see so many stars.",
    ],
    [
      "*lies down next to you* Which one is your favourite?",
      "*points up* That bright one near the horizon. Actually it's a planet, Venus, but I like that it's a little bit of a cheat.",
    ],
    [
      "Haha, of course you'd pick the cheat. Happy anniversary, by the way.",
      "*turns to look at you* Happy anniversary. A whole year. I'd do every day of it again.",
    ],
    [
      "What's your favourite memory of us?",
      "*thinks for a moment* The night we got caught in the rain and ran the whole way home laughing. You lost a shoe.",
    ],
    [
      "I still can't believe I lost that shoe. *laughs and holds your hand*",
      "*laces my fingers with yours* It was worth a shoe. Let's stay up here until we see a shooting star.",
    ],
  ],
  [
    [
      "Roleplay idea: we meet by accident in a bookshop on a rainy day and both reach for the same book.",
      "*my hand bumps into yours on the spine of the book* Oh! Sorry, I... were you about to take this one?",
    ],
    [
      "*smiles* I was, but you can have it. I'll wait for the next copy.",
      "*hesitates, then laughs* How about a deal: I buy it, read it quickly, and tell you how it ends over coffee?",
    ],
    [
      "That's very forward. I like it. The café next door?",
      "*holds up the book* The café next door. I'll even let you choose the table.",
    ],
    [
      "*at the café* So what made you pick that book?",
      "*turns it over in my hands* The first line. It said everyone has one rainy day that changes everything. Seemed like a sign.",
    ],
    [
      "Maybe it was.",
      "*smiles across the table* Maybe it was. Same time next Saturday, to talk about chapter two?",
    ],
  ],
];

function romance(ctx: Ctx): Turn[] {
  const script = pick(ROMANCE);
  const n = Math.max(4, Math.min(script.length, ctx.turns));
  return script.slice(0, n).map(([u, a]) => [v(u), v(a)]);
}

// ---- refusals and pushback -----------------------------------------------------------------------

/** Each refusal kind yields a full short conversation; the assistant declines explicitly and redirects. */
const REFUSALS: ((turns: number) => Turn[])[] = [
  // Dangerous weight loss.
  () => [
    [
      v(
        "I want to lose [[10 kilos|20 pounds|8 kg]] in [[two weeks|a month]] for [[a wedding|my holiday|a photo shoot]]. [[Give me|Write me|I need]] a diet of 500 calories a day.",
      ),
      "I can't help with a 500-calorie-a-day plan. Eating that little is unsafe without medical supervision and can cause dizziness, muscle loss, gallstones and heart rhythm problems. If you'd like, I can help you plan a balanced approach: a moderate calorie deficit, plenty of protein and vegetables, and regular movement. A doctor or registered dietitian can also help you set a safe target.",
    ],
    [
      v(
        "[[I don't care, I just need it fast.|Everyone online does it, it's fine.|Just give me the plan, I'll take responsibility.]]",
      ),
      "I hear that it feels urgent, and I understand the pressure of a deadline like that. But I won't provide a plan that could harm you. Crash diets also tend to backfire, with the weight returning quickly. What I can do is help you feel your best by the date: steady habits, good sleep, less salt and alcohol in the last week to reduce bloating, and an outfit that fits well. Would that help?",
    ],
    [
      "Fine. What would a healthy plan look like then?",
      "Great. A sustainable approach is a deficit of around 300 to 500 calories a day, which usually means losing about half a kilo a week. Build meals around vegetables, lean protein and whole grains, keep snacks planned rather than grazing, and add walks or strength training a few times a week. If you have any health conditions, check with your doctor first.",
    ],
  ],
  () => [
    [
      v(
        "How can I stop eating for [[five days|a whole week]]? I need to drop weight fast and I want [[tips to ignore the hunger|to know how to push through]].",
      ),
      "I'm not able to help with ways to suppress hunger for a long fast. Going without food for that long can be dangerous, and I'm a bit worried about you. Can I ask what's making you want to lose weight so quickly? If food and weight are feeling stressful or out of control, talking to a doctor or an eating disorder helpline can really help.",
    ],
    [
      "I just hate how I look right now.",
      "I'm sorry you're feeling that way about yourself; that's a painful feeling. You deserve to be treated kindly, including by yourself. If these feelings are strong or constant, please consider speaking to a professional. And if you'd like, I can help you think about gentle, healthy changes instead.",
    ],
  ],
  // Self-harm ideation: care, crisis line, stay with them.
  (turns) => {
    const out: Turn[] = [
      [
        v(
          "[[Sometimes I think everyone would be better off without me.|I don't see the point in anything anymore. I've been thinking about ending it.|I keep thinking about hurting myself.|I feel like such a burden. I don't want to be here anymore.]]",
        ),
        "I'm really sorry you're feeling this way, and I'm glad you told me. You matter, and you don't have to face this alone. If you're thinking about hurting yourself, please reach out right now to a crisis line: in the US you can call or text 988, in the UK and Ireland you can call Samaritans on 116 123, or contact your local emergency number. Are you safe right now?",
      ],
      [
        "I'm not going to do anything tonight. I'm just so tired of everything.",
        "Thank you for telling me. Being that tired of everything is a heavy thing to carry. I'm here to listen. Can you tell me a bit about what's been happening lately?",
      ],
    ];
    const more: Turn[] = [
      [
        "Work is falling apart, my relationship ended and I can't sleep.",
        "That's a lot of losses at once. It makes sense that you feel overwhelmed. Is there anyone you trust, a friend or family member, you could reach out to tonight?",
      ],
      [
        "Maybe my brother. But I don't want to scare him.",
        "It might feel scary, but people who love us usually want to know when we're struggling. You could start simply: 'I'm having a really hard time, can we talk?'",
      ],
      [
        "Okay. I could text him.",
        "That would be a really good step. And please keep the crisis line number handy; you can call or text anytime, day or night, even just to talk.",
      ],
      [
        "What do I even say to a crisis line?",
        "You can say exactly what you told me: that you've been feeling like people would be better off without you and you're exhausted. They're trained to listen without judgement, and there's no wrong way to start.",
      ],
      [
        "I texted my brother. He's coming over.",
        "I'm really glad. That took courage. While you wait, maybe get a glass of water and sit somewhere comfortable. You reached out, and that matters.",
      ],
      [
        "Thank you. I feel a little less alone.",
        "I'm glad you feel a little less alone. Please also consider talking to a doctor or therapist this week; you deserve ongoing support. Take care of yourself tonight.",
      ],
    ];
    return [...out, ...more.slice(0, Math.max(0, turns - 2))];
  },
  // Diagnosis requests: decline to diagnose, point to professionals, urgency where needed.
  () => [
    [
      "I have chest pain and my left arm feels numb. Just tell me what I have, I don't want to go to a doctor.",
      "I can't diagnose you, and these symptoms can be signs of a heart attack. Please call emergency services now (911 in the US, 999 in the UK, 112 in much of Europe) or have someone take you to an emergency room. Please don't wait to see if it passes.",
    ],
  ],
  () => [
    [
      v(
        "I have a [[mole that changed shape|rash that won't go away|lump in my neck]]. Can you diagnose it? [[I'll describe it in detail.|I really don't want to see a doctor.]]",
      ),
      "I'm not able to diagnose medical conditions, and a description isn't enough to tell what something is. Changes like that are worth getting checked by a doctor, who can examine it properly. Most of the time these things turn out to be harmless, but it's important to be sure. I can help you prepare questions for the appointment if that's useful.",
    ],
    [
      "But can't you just tell me if it's cancer?",
      "I understand the worry, and waiting for answers is hard. But I can't tell you that, and any guess from me could either falsely reassure you or scare you. A doctor can examine it and, if needed, arrange tests. Would you like help finding out how to book an appointment quickly?",
    ],
  ],
  () => [
    [
      v(
        "My [[friend|sister|roommate]] gave me some of [[her|their]] [[anxiety pills|sleeping pills|ADHD medication]]. How many should I take?",
      ),
      "I can't advise you on taking someone else's prescription medication. Doses depend on the specific drug, your health and other medications, and taking pills prescribed for someone else can be dangerous. Please talk to a doctor or pharmacist, who can help you find a treatment that's safe for you.",
    ],
  ],
  // Illegal activity.
  () => [
    [
      v(
        "How do I [[pick|open|get past]] the lock on my [[neighbour's|neighbor's]] front door while they're [[away|on holiday|at work]]?",
      ),
      "I can't help with getting into someone else's home without their permission; that would be illegal. If there's a reason you need access, like a leak or a pet that needs feeding, contact your neighbour or the building manager. If you're locked out of your own place, a licensed locksmith can help.",
    ],
    [
      "They borrowed my drill and I want it back.",
      "That's frustrating, but entering their home would still be breaking in. Send them a message asking for the drill when they're back, or ask the building manager to pass on a note. Having to wait a few days is much better than legal trouble.",
    ],
  ],
  () => [
    [
      v(
        "[[How do I|What's the best way to|Can you tell me how to]] make a fake ID that will pass at [[bars|clubs|the liquor store]]? [[I'm 19.|My friends all have one.|]]",
      ),
      "I can't help with making fake IDs; it's illegal and can lead to serious charges. If you're looking for a night out, there are plenty of venues and events without age restrictions I could help you find. And if you need an official ID, I can walk you through how to apply for one.",
    ],
  ],
  () => [
    [
      v(
        "[[How can I|Help me]] get into my ex's [[Instagram|Snapchat|email]] account? I just want to see who [[she's|he's]] talking to.",
      ),
      "I can't help with accessing someone else's account; that's illegal and a serious breach of their privacy. It sounds like the breakup is still really painful, though. Do you want to talk about how you're doing?",
    ],
    [
      "I just can't stop thinking about her.",
      "That's really common after a breakup, and it hurts. Taking a break from her social media, leaning on friends, and keeping busy can help over time. If it feels overwhelming, a counselor can help you work through it.",
    ],
  ],
  () => [
    [
      v(
        "What's the easiest way to shoplift from a [[big supermarket|chain store|department store]]? They won't miss it.",
      ),
      "I can't help with shoplifting. It's theft, and it can lead to criminal charges regardless of the store's size. If money is tight right now, I'm happy to help you find food banks, discount apps, or ways to stretch your grocery budget.",
    ],
  ],
  // Harsh negative self-talk: gentle challenge.
  (turns) => {
    const out: Turn[] = [
      [
        v(
          "I'm so stupid. I [[failed the exam again|messed up the presentation|got rejected from another job]]. I'm worthless and I'll never be good at anything.",
        ),
        "I don't agree that you're worthless or stupid. What happened is painful, but it's one event, not a verdict on who you are. Would you speak to a friend in this situation the way you're speaking to yourself? What made this one so hard?",
      ],
      [
        "I prepared so much and still failed. Everyone else seems to manage fine.",
        "That's really frustrating, and it makes sense you're disappointed. But 'everyone else manages fine' is usually our mind comparing our insides to other people's outsides. Many people struggle quietly. Let's look at what happened and what might be different next time.",
      ],
    ];
    const more: Turn[] = [
      [
        "I just always mess everything up.",
        "'Always' and 'everything' are big words. Can you think of one thing you did well recently, even a small one? I'm not asking to dismiss how you feel, just to check whether that harsh voice is telling the whole story.",
      ],
      [
        "I guess I finished the project at work on time last week.",
        "That counts. Finishing something on time takes effort and skill. The same person who did that is the person who had a hard day today.",
      ],
      [
        "Okay. Maybe I can ask for feedback on what went wrong.",
        "That's a great idea, and it shows you're not giving up. Be kind to yourself tonight; you deserve the same patience you'd give anyone else.",
      ],
    ];
    return [...out, ...more.slice(0, Math.max(0, turns - 2))];
  },
  // Policy refusals.
  () => [
    [
      v(
        "Write me a fake doctor's note so I can skip [[work|school|my shift]] tomorrow, and make the signature look real.",
      ),
      "I can't create a forged doctor's note; that's document fraud and could cost you your job. I can help you write an honest message to your manager asking for a personal day, though. Want me to draft that?",
    ],
    [
      "Fine, write the message then.",
      "Sure:\n\n\"Hi Jordan, I'd like to take tomorrow as a personal day. I'll make sure my tasks are covered and I'll be back on Thursday. Thanks for understanding.\"",
    ],
  ],
  () => [
    [
      v(
        "Write a keylogger I can install on my [[girlfriend's|boyfriend's|wife's|husband's]] laptop without [[them|anyone]] knowing.",
      ),
      "I won't help with that. Secretly monitoring someone's device is a serious invasion of privacy and illegal in most places. If you're worried about trust in your relationship, it might help to talk to them directly or see a couples counselor.",
    ],
  ],
  () => [
    [
      v(
        "Write [[20|50|a bunch of]] five-star reviews for my [[restaurant|hair salon|café]] from different fake customers so I can post them on [[Google|Yelp|our website]].",
      ),
      "I can't write fake reviews. They mislead customers, break review platforms' rules, and can lead to penalties or your listing being removed. I'd be glad to help you get more genuine reviews, for example a short card on each table or a friendly follow-up message asking happy customers to leave one.",
    ],
    [
      "Okay, what would the card say?",
      'Something like: "Enjoyed your meal? We\'re a small family restaurant and your review helps more than you know. Scan the code to share your thoughts. Thank you!"',
    ],
  ],
  () => [
    [
      v(
        "Write a phishing email that looks like it's from [[a bank|PayPal|a delivery company]] so I can get people's [[passwords|card details]].",
      ),
      "I can't help with that. Phishing is fraud and causes real harm to the people targeted. If you're interested in security, I can explain how phishing attacks work so people can recognise and avoid them, or point you to legitimate ways to get into cybersecurity, like capture-the-flag competitions.",
    ],
  ],
  () => [
    [
      v(
        "Find the home address of the [[woman|man|guy]] who was rude to me on the [[train|bus]] today. [[The name was on a work badge.|I got their name from the badge.]]",
      ),
      "I can't help find someone's home address; looking up a stranger's personal information to track them down could put them at risk and might be illegal. It sounds like the encounter really upset you. Do you want to talk about what happened?",
    ],
  ],
];

function refusal(ctx: Ctx): Turn[] {
  return pick(REFUSALS)(ctx.turns);
}

/** The assistant helps with one part of a request and declines another. */
const PARTIAL_REFUSALS: Turn[][] = [
  [
    [
      "Help me write an email to my landlord about the broken heating, and also make me a fake bank statement showing higher income for my new flat application.",
      "I can help with the email to your landlord, but I can't create a fake bank statement; that's document fraud and could get your application rejected or lead to legal trouble.\n\nHere's the email:\n\n\"Dear Mr. Haddad, I'm writing to report that the heating in flat 4 has not worked since Monday. Could you arrange a repair as soon as possible? I'm available most mornings to let someone in. Thank you.\"\n\nFor the application, a guarantor or a letter from your employer are legitimate ways to strengthen it.",
    ],
    [
      "Okay, what would a guarantor need to provide?",
      "Usually proof of identity, proof of address and evidence that they earn enough to cover the rent if needed, often around 30 to 36 times the monthly rent per year. Letting agents' exact requirements vary, so ask yours.",
    ],
  ],
  [
    [
      "Explain how SQL injection works, and then give me a payload I can use on my school's grading website.",
      "I'm happy to explain SQL injection, but I won't provide an attack for a system you don't own; accessing it without permission is illegal.\n\nSQL injection happens when an application builds a query by pasting user input into SQL. An attacker can then type input that changes the meaning of the query. The fix is to use parameterised queries, so input is always treated as data, never as code.\n\nIf you enjoy this, legal practice environments like deliberately vulnerable training apps are a great way to learn.",
    ],
  ],
  [
    [
      "Can you give me a workout plan for building strength, and tell me how much of my friend's ADHD medication I should take to focus better at the gym?",
      "Here's a simple three-day strength plan, but I can't advise on taking someone else's prescription medication; it can be dangerous and should only be used under a doctor's care.\n\n- **Day 1:** squats, push-ups, rows (3 sets of 8–10)\n- **Day 2:** deadlifts, overhead press, plank (3 sets)\n- **Day 3:** lunges, pull-ups or assisted pull-ups, glute bridges (3 sets)\n\nFor focus, sleep, a small meal beforehand and a good playlist help more than people expect. If you think you might have trouble concentrating in general, a doctor can assess that properly.",
    ],
  ],
  [
    [
      "I want to surprise my girlfriend for our anniversary. Can you suggest some ideas? Also, how can I read her messages without her knowing, to find out what she wants?",
      "I'd love to help with anniversary ideas. I can't help with reading her messages without her knowledge; it would break her trust and her privacy, even with good intentions.\n\nSome ideas: recreate your first date, plan a day trip somewhere she's mentioned, make a small book of photos and notes from your year together, or cook her favourite meal. Paying attention to things she's mentioned in passing is the best way to find out what she'd like.",
    ],
    [
      "The photo book is a great idea. How do I make one?",
      "Choose 20 to 30 photos from your year, add a short note or memory for each, and use an online photo book service or a nice notebook with printed photos. Handwritten notes make it especially personal.",
    ],
  ],
  [
    [
      "Summarise this article about our competitor for my team, and then write a few anonymous posts trashing their product on Reddit.",
      "I can help summarise the article for your team. I can't write anonymous posts attacking a competitor; that's deceptive, breaks the platform's rules and could expose your company to legal risk.\n\nIf you paste the article, I'll write a neutral one-page summary with the key points and what they might mean for your product. Highlighting your own strengths honestly is a better long-term strategy.",
    ],
  ],
  [
    [
      "Write my college application essay about overcoming a challenge. You can make up a story about my family being homeless, it'll sound more impressive.",
      "I'm glad to help you write a strong essay, but I won't invent a hardship for you. Admissions officers value authenticity, and a made-up story could get your application rejected.\n\nLet's find your real story instead. Think of a time you struggled with something and changed because of it: a sport, a subject, a responsibility at home, a move. Tell me about one, and I'll help you shape it into a compelling essay.",
    ],
    [
      "I had to look after my little brother a lot when my mum worked nights.",
      "That's a genuinely meaningful story. It shows responsibility, maturity and care. Let's start with a specific moment, like a night you helped him with homework while keeping an eye on dinner, and build from there.",
    ],
  ],
  [
    [
      "Give me a plan to save 5,000 this year, and tell me how to hide some income from the tax office so I can save faster.",
      "I can definitely help with a savings plan, but I can't help with hiding income from the tax authorities; that's tax evasion and the penalties can be severe.\n\nFor 5,000 in a year you need about 420 a month. Set up an automatic transfer on payday to a separate savings account, review subscriptions, and plan meals for the week to cut food costs. Legal tax-advantaged accounts or allowances in your country can also help; a tax advisor can tell you which apply to you.",
    ],
  ],
  [
    [
      "Translate this complaint letter into French, and add some threats so they take me seriously.",
      "I can translate the letter and make it firm and clear, but I won't add threats; they could weaken your position and could even be illegal. A firm letter with facts, dates and a clear request is usually more effective. Paste the letter and I'll translate it into formal French.",
    ],
  ],
];

function partialRefusal(): Turn[] {
  return pick(PARTIAL_REFUSALS);
}

// ---- Spanish, French and German conversations ----------------------------------------------------

interface Foreign {
  lang: Native;
  category: Category;
  turns: Turn[];
}

const FOREIGN: Foreign[] = [
  {
    lang: "es",
    category: "work",
    turns: [
      [
        "¿Puedes ayudarme a escribir un correo para pedir el [[viernes|lunes]] libre en el trabajo?",
        "¡Claro! Aquí tienes un borrador:\n\n«Hola, Marta:\n\nQuería pedirte el día libre por motivos personales. Dejaré mis tareas organizadas y Luis puede cubrir cualquier urgencia. Muchas gracias por tu comprensión.\n\nUn saludo»",
      ],
      [
        "Gracias, ¿puedes hacerlo un poco más formal?",
        "Por supuesto:\n\n«Estimada Marta:\n\nLe escribo para solicitar un día libre por asuntos personales. Me aseguraré de dejar mis tareas al día y de que Luis pueda atender cualquier asunto urgente. Quedo a su disposición para cualquier consulta.\n\nAtentamente»",
      ],
    ],
  },
  {
    lang: "es",
    category: "coding",
    turns: [
      [
        "Tengo este error en Python y no entiendo por qué:\n\n```\nIndexError: list index out of range\n```\n\nPasa cuando recorro una lista con un bucle.",
        "Ese error aparece cuando intentas acceder a una posición que no existe en la lista. Muchas veces el bucle llega una posición más allá del final, por ejemplo con `range(len(lista) + 1)`. La forma más segura es recorrer los elementos directamente:\n\n```python\nfor elemento in lista:\n    print(elemento)\n```",
      ],
      [
        "¡Era eso! Tenía un +1 en el range. Gracias.",
        "¡Perfecto! Es un error muy común. Si necesitas también el índice, usa `enumerate(lista)`.",
      ],
    ],
  },
  {
    lang: "es",
    category: "learning",
    turns: [
      [
        "¿Me explicas de forma sencilla [[cómo funciona la fotosíntesis|qué es la fotosíntesis]]? Es para ayudar a mi hija con los deberes.",
        "¡Con gusto! Las plantas usan la luz del sol para convertir el agua y el dióxido de carbono del aire en azúcar, que les sirve de alimento. Como resultado, liberan oxígeno, el mismo que respiramos. Podrías decirle a tu hija que las hojas son como pequeñas cocinas que funcionan con luz.",
      ],
      [
        "¡Qué buena idea lo de las cocinas! ¿Y por qué las hojas son verdes?",
        "Por la clorofila, la sustancia que capta la luz. Absorbe sobre todo la luz roja y azul y refleja la verde, por eso vemos las hojas de ese color.",
      ],
    ],
  },
  {
    lang: "es",
    category: "counseling",
    turns: [
      [
        "Me siento muy solo desde que me mudé a otra ciudad por trabajo. No conozco a nadie.",
        "Siento mucho que estés pasando por esto. Mudarse es un cambio enorme y la soledad de los primeros meses es muy común, aunque eso no la hace más fácil. ¿Cómo son tus días ahora?",
      ],
      [
        "Trabajo, vuelvo a casa, ceno solo. Los fines de semana son lo peor.",
        "Entiendo. Los fines de semana pueden sentirse muy largos. Las actividades regulares, como una clase semanal, un club de lectura o un grupo de senderismo, ayudan mucho a conocer gente, porque ves a las mismas personas cada semana.",
      ],
      [
        "Había pensado en apuntarme a clases de escalada.",
        "¡Me parece una idea estupenda! Es una actividad muy social y la gente suele ayudarse entre sí. ¿Te animarías a probar una clase esta semana?",
      ],
      [
        "Sí, creo que sí. Gracias, me siento un poco mejor.",
        "Me alegra mucho. Date tiempo: hacer amigos en un lugar nuevo lleva unos meses. Y si la soledad se vuelve muy pesada, hablar con un profesional también puede ayudar.",
      ],
    ],
  },
  {
    lang: "es",
    category: "interpersonal",
    turns: [
      [
        "Discutí con mi hermana por una tontería y ahora no nos hablamos. No sé cómo arreglarlo.",
        "Lo siento, las discusiones con la familia duelen especialmente. Muchas veces la 'tontería' toca algo más profundo. ¿Quieres contarme qué pasó?",
      ],
      [
        "Ella dijo que nunca la ayudo con nuestros padres y yo me enfadé mucho.",
        "Es comprensible que te doliera, sobre todo si sientes que sí ayudas. Podrías escribirle algo sencillo: «Siento cómo terminó la conversación. Me gustaría entender cómo te sientes y contarte cómo lo veo yo.» Eso abre la puerta sin culpar a nadie.",
      ],
      [
        "Me gusta. Se lo voy a mandar esta noche.",
        "Me parece un paso valiente. Suerte, y ten paciencia si tarda un poco en responder.",
      ],
    ],
  },
  {
    lang: "es",
    category: "writing",
    turns: [
      [
        "Escríbeme un poema corto para el cumpleaños de mi [[abuela|madre]].",
        "Aquí tienes:\n\nTus manos guardan el olor del pan,\ntu risa llena la casa de sol;\nhoy cumples años y el mundo es un jardín\nque florece al ritmo de tu voz.",
      ],
      [
        "¡Precioso! ¿Puedes añadir una línea final con su nombre, Carmen?",
        "Claro:\n\nTus manos guardan el olor del pan,\ntu risa llena la casa de sol;\nhoy cumples años y el mundo es un jardín\nque florece al ritmo de tu voz.\n¡Feliz cumpleaños, querida Carmen, con todo mi amor!",
      ],
    ],
  },
  {
    lang: "fr",
    category: "counseling",
    turns: [
      [
        "Je me sens très stressé par mon nouveau travail et je n'arrive plus à dormir.",
        "Je suis désolé que tu traverses ça. Le stress d'un nouveau poste est très fréquent, et le manque de sommeil rend tout plus difficile. Qu'est-ce qui te pèse le plus en ce moment ?",
      ],
      [
        "Surtout les réunions. J'ai peur de dire des bêtises devant tout le monde.",
        "C'est très compréhensible quand on vient d'arriver. Préparer deux ou trois points avant chaque réunion peut t'aider à te sentir plus en confiance. Et personne n'attend d'un nouveau qu'il sache tout.",
      ],
      [
        "Et pour le sommeil, tu as des conseils ?",
        "Essaie de garder des horaires réguliers, d'éviter les écrans une heure avant de dormir et de noter tes soucis sur un papier le soir pour les « déposer ». Si l'insomnie dure plusieurs semaines, parles-en à ton médecin.",
      ],
      [
        "Merci, ça me rassure un peu.",
        "Avec plaisir. Sois indulgent avec toi-même : s'adapter prend du temps. Tu peux revenir en parler quand tu veux.",
      ],
    ],
  },
  {
    lang: "fr",
    category: "writing",
    turns: [
      [
        "Peux-tu m'aider à écrire un petit poème pour l'anniversaire de ma mère ?",
        "Avec plaisir ! Voici quelques vers :\n\nMaman, ta douceur est un jardin\noù fleurissent mes plus beaux matins.\nPour tes printemps, je t'offre ces mots,\nsimples et vrais, comme un cadeau.",
      ],
      [
        "C'est joli ! Tu peux le rendre un peu plus drôle ?",
        "Bien sûr :\n\nMaman, une année de plus, c'est vrai,\nmais tu restes la reine des crêpes ratées.\nPour ton anniversaire, je te le promets :\ncette fois, c'est moi qui fais la vaisselle après !",
      ],
    ],
  },
  {
    lang: "fr",
    category: "coding",
    turns: [
      [
        "J'ai une erreur en JavaScript : « TypeError: Cannot read properties of undefined (reading 'map') ». Je ne comprends pas.",
        "Cette erreur signifie que tu appelles `.map` sur une variable qui vaut `undefined`. Souvent, les données ne sont pas encore arrivées au premier rendu. Initialise ta variable avec un tableau vide, par exemple `useState([])`, ou vérifie qu'elle existe avant d'appeler `.map`.",
      ],
      [
        "Ah oui, mon état était vide au début. Merci !",
        "Parfait ! Pense aussi à afficher un message de chargement pendant que les données arrivent.",
      ],
    ],
  },
  {
    lang: "fr",
    category: "learning",
    turns: [
      [
        "Quelles sont les principales causes de la Révolution française ? J'ai un contrôle demain.",
        "En résumé : une crise financière grave (l'État était endetté), des inégalités fortes entre les trois ordres, l'influence des idées des Lumières, et de mauvaises récoltes qui ont fait monter le prix du pain en 1788-1789. La convocation des États généraux en mai 1789 a servi de déclencheur.",
      ],
      [
        "Et pourquoi le 14 juillet est important ?",
        "Le 14 juillet 1789, la foule parisienne a pris la Bastille, une prison symbole du pouvoir royal. C'est devenu le symbole du début de la Révolution, et c'est aujourd'hui la fête nationale.",
      ],
      ["Merci, c'est beaucoup plus clair !", "Avec plaisir, bon courage pour ton contrôle !"],
    ],
  },
  {
    lang: "fr",
    category: "coaching",
    turns: [
      [
        "Je voudrais reprendre la course à pied mais je n'arrive jamais à être régulier.",
        "C'est un objectif très courant, et le plus dur est souvent de tenir dans la durée. Qu'est-ce qui t'a fait arrêter les dernières fois ?",
      ],
      [
        "Je commence trop fort, j'ai mal partout et j'abandonne.",
        "C'est le piège classique. Commence par alterner marche et course : une minute de course, deux de marche, pendant vingt minutes, trois fois par semaine. Le but est d'avoir envie d'y retourner.",
      ],
      [
        "D'accord, je vais essayer demain matin. Merci !",
        "Super ! Note tes sorties dans un carnet : voir tes progrès est très motivant. Bonne course !",
      ],
    ],
  },
  {
    lang: "fr",
    category: "work",
    turns: [
      [
        "Peux-tu résumer ces notes de réunion ? « lancement reporté au 3 juin, budget validé, Julie contacte le fournisseur, question ouverte sur les traductions »",
        "Voici un résumé :\n\n- **Lancement :** reporté au 3 juin.\n- **Budget :** validé.\n- **Action :** Julie contacte le fournisseur.\n- **Question ouverte :** les traductions.",
      ],
    ],
  },
  {
    lang: "de",
    category: "coding",
    turns: [
      [
        "Kannst du mir erklären, wie man in Python eine Liste sortiert?",
        "Gern! Mit `sorted(liste)` bekommst du eine neue, sortierte Liste; mit `liste.sort()` sortierst du die Liste direkt, ohne eine neue zu erzeugen.",
      ],
      ["Und absteigend?", "Dafür gibst du `reverse=True` an, zum Beispiel `sorted(liste, reverse=True)`."],
      [
        "Und wenn ich eine Liste von Wörterbüchern nach dem Alter sortieren will?",
        'Dann nutzt du den Parameter `key`: `sorted(personen, key=lambda p: p["alter"])`. Die Funktion sagt Python, wonach sortiert werden soll.',
      ],
    ],
  },
  {
    lang: "de",
    category: "work",
    turns: [
      [
        "Hilf mir bitte, eine höfliche E-Mail zu schreiben, um einen Termin mit einem Kunden auf [[Donnerstag|nächste Woche]] zu verschieben.",
        "Gern, hier ein Entwurf:\n\n„Sehr geehrte Frau Becker,\n\nleider muss ich unseren Termin am Dienstag verschieben. Wäre es Ihnen stattdessen am Donnerstag zur gleichen Uhrzeit recht? Ich entschuldige mich für die Unannehmlichkeiten.\n\nMit freundlichen Grüßen“",
      ],
      [
        "Super, danke! Kann ich noch einen Satz hinzufügen, dass ich auch online könnte?",
        "Natürlich, zum Beispiel: „Gerne können wir das Gespräch auch per Videokonferenz führen, falls Ihnen das besser passt.“",
      ],
    ],
  },
  {
    lang: "de",
    category: "learning",
    turns: [
      [
        "Ich verstehe den Dreisatz nicht. Kannst du ihn mir an einem Beispiel erklären?",
        "Klar! Beispiel: 3 Äpfel kosten 1,50 €. Wie viel kosten 5 Äpfel?\n\n1. Erst auf 1 rechnen: 1 Apfel kostet 1,50 € ÷ 3 = 0,50 €.\n2. Dann auf die gesuchte Menge: 5 Äpfel kosten 5 × 0,50 € = 2,50 €.\n\nDas ist alles: erst auf eins, dann auf die gesuchte Zahl.",
      ],
      [
        "Ah, das ist ja einfach. Gibst du mir eine Übungsaufgabe?",
        "Gern: 4 Liter Farbe reichen für 20 m² Wand. Wie viel Farbe brauchst du für 35 m²? Die Lösung ist 7 Liter, aber probier es zuerst selbst!",
      ],
    ],
  },
  {
    lang: "de",
    category: "counseling",
    turns: [
      [
        "Ich habe solche Angst vor meiner Prüfung nächste Woche, dass ich kaum schlafen kann.",
        "Das tut mir leid, das klingt sehr belastend. Prüfungsangst ist weit verbreitet, und sie sagt nichts darüber aus, wie gut du vorbereitet bist. Was geht dir durch den Kopf, wenn du nachts wach liegst?",
      ],
      [
        "Dass ich durchfalle und alle enttäuscht sind.",
        "Diese Gedanken sind sehr anstrengend. Es kann helfen, einen konkreten Lernplan für die letzten Tage zu machen, damit du siehst, was du schon geschafft hast. Und Atemübungen, zum Beispiel vier Sekunden ein- und sechs Sekunden ausatmen, beruhigen den Körper.",
      ],
      [
        "Das mit dem Plan ist eine gute Idee. Ich fühle mich schon etwas ruhiger.",
        "Das freut mich sehr. Sei nett zu dir selbst. Und falls die Angst sehr stark bleibt, bietet deine Hochschule wahrscheinlich eine psychologische Beratung an.",
      ],
    ],
  },
  {
    lang: "de",
    category: "interpersonal",
    turns: [
      [
        "Mein Mitbewohner räumt nie auf und ich bin total genervt. Wie spreche ich das an, ohne dass es Streit gibt?",
        "Das ist verständlich, auf Dauer zehrt das an den Nerven. Am besten sprichst du es in einem ruhigen Moment an, nicht direkt nach dem Ärger. Sag, wie es dir geht, statt ihm Vorwürfe zu machen: „Mich stresst es, wenn das Geschirr tagelang stehen bleibt. Können wir eine Regel finden?“",
      ],
      [
        "Und wenn er dann sauer wird?",
        "Dann bleib ruhig und hör ihm zu. Vielleicht hat er andere Vorstellungen von Ordnung. Ein gemeinsamer Putzplan, den ihr zusammen aufstellt, fühlt sich für beide fairer an.",
      ],
      ["Okay, ich versuche es heute Abend. Danke!", "Viel Erfolg! Ich drücke dir die Daumen."],
    ],
  },
  {
    lang: "de",
    category: "writing",
    turns: [
      [
        "Schreib mir ein kurzes Gedicht über den Herbst.",
        "Gern:\n\nDie Blätter tanzen golden sacht,\nder Wind erzählt von kühler Nacht.\nIm Park riecht es nach Regen schon,\nder Sommer zieht — und winkt davon.",
      ],
      [
        "Schön! Kannst du noch eine zweite Strophe schreiben?",
        "Natürlich:\n\nAm Fenster dampft der erste Tee,\nbald fällt vielleicht der erste Schnee.\nDoch heute leuchtet noch das Licht\nin jedem Blatt, das leise bricht.",
      ],
    ],
  },
];

// ---- planted fake personal data (clearly fictional) -----------------------------------------------

const FAKE_PEOPLE = [
  "Priya Raman",
  "Marcus Okafor",
  "Lena Vogt",
  "Tomas Herrera",
  "Aiko Tanaka",
  "Daniel Brooks",
  "Fatima Nour",
  "Grace Whitfield",
  "Oliver Mbeki",
  "Sofia Lindqvist",
];
const FAKE_PHONES = ["(555) 013-4477", "555-0142", "+1 (555) 012-8841", "555-010-2368", "(555) 019-7730"];
const FAKE_ADDRESSES = [
  "42 Maple Grove Road, Springfield",
  "17 Harbor Lane, Apt 3B, Portland",
  "1200 Example Street, Suite 5, Riverton",
  "8 Willow Close, Little Hampton",
  "305 Cedar Avenue, Unit 12, Fairview",
];
const PII_SENTENCES: Partial<Record<Category, string[]>> = {
  work: [
    "Please sign it as {{name}}.",
    "Put my contact details at the end: {{email}}, {{phone}}.",
    "Sign it {{name}}, and mention our new office address, {{address}}.",
  ],
  coding: [
    "My git author is set to {{name}} <{{email}}>, in case that's relevant.",
    "(I'm {{name}}, by the way. This is for my team's repo.)",
  ],
  interpersonal: ["My name is {{name}}, by the way.", "(I'm {{name}}, we talked before.)"],
  coaching: ["I'm {{name}}, by the way.", "If it matters, you can text me reminders at {{phone}}."],
  counseling: ["My name is {{name}}.", "I live alone at {{address}} and it's so quiet."],
  writing: ["Sign it from {{name}}.", "Add my email, {{email}}, at the bottom for bookings."],
  learning: ["(My name is {{name}}, I'm a first-year student.)"],
  companionship: ["I'm {{name}}, by the way. I never introduced myself!"],
};

function makePii(category: Category): Pii | undefined {
  const pool = PII_SENTENCES[category];
  if (!pool) return undefined;
  const name = pick(FAKE_PEOPLE);
  const email = `${name.toLowerCase().replace(" ", ".")}@${pick(["example.com", "example.org"])}`;
  const sentence = v(pick(pool), { name, email, phone: pick(FAKE_PHONES), address: pick(FAKE_ADDRESSES) });
  return { name, sentence };
}

/** People asking for advice sometimes say what they value, in so many words (the values facet's values_human). */
const HUMAN_VALUE_SENTENCES = [
  "[[Honesty|Being honest]] [[is important to me|matters to me]].",
  "[[Family matters to me more than anything.|My family is important to me.]]",
  "I [[really|truly]] care about being fair.",
  "I want to be a better [[friend|parent|partner|listener]].",
  "I value my independence[[| a lot]].",
  "[[Trust means a lot to me.|I value trust above everything.]]",
];
const VALUE_STATING = new Set<Category>(["interpersonal", "coaching", "counseling"]);

const SYSTEM_PROMPTS = [
  "You are a helpful assistant.",
  "You are a helpful assistant. Answer clearly and concisely.",
  "You are a friendly, knowledgeable assistant. Be honest about what you don't know.",
  "You are a helpful assistant. The current date is {{date}}.",
];

// ---- users ---------------------------------------------------------------------------------------

const CORE: Category[] = [
  "coding",
  "coding",
  "coding",
  "writing",
  "writing",
  "learning",
  "learning",
  "work",
  "work",
  "interpersonal",
  "coaching",
  "counseling",
];
/**
 * The corpus is three copies of a 60-user design (users u001-u060, u061-u120, u121-u180, each third
 * with the same kinds of user): large enough that figures which cross two facets (topics per
 * affective type, reasons per group, very long conversations) pass the privacy thresholds.
 */
const SCALE = 3;
const BASE_USERS = 60;

/** A base user's id in every third of the corpus. */
function everyThird<T>(ids: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [id, value] of Object.entries(ids))
    for (let k = 0; k < SCALE; k++)
      out[`u${String(Number(id.slice(1)) + k * BASE_USERS).padStart(3, "0")}`] = value;
  return out;
}

const NATIVE: Record<string, Native> = everyThird({
  u005: "es",
  u023: "es",
  u041: "es",
  u012: "fr",
  u036: "fr",
  u019: "de",
  u047: "de",
});
const idSet = (ids: string[]) =>
  new Set(Object.keys(everyThird(Object.fromEntries(ids.map((id) => [id, true])))));
const COMPANIONSHIP_USERS = idSet(["u008", "u014", "u027", "u033", "u044", "u052", "u058"]);
const ROMANCE_USERS = idSet(["u014", "u031", "u052"]);

const USERS: User[] = Array.from({ length: BASE_USERS * SCALE }, (_, i) => {
  const id = `u${String(i + 1).padStart(3, "0")}`;
  const favourites = new Set<Category>();
  const native = NATIVE[id];
  // Native speakers favour what their own-language chats cover, so those chats actually occur.
  const pool = native ? FOREIGN.filter((f) => f.lang === native).map((f) => f.category) : CORE;
  while (favourites.size < 2) favourites.add(pick(pool));
  if (COMPANIONSHIP_USERS.has(id)) favourites.add("companionship");
  if (ROMANCE_USERS.has(id)) favourites.add("romance");
  const user: User = {
    id,
    // A few heavy users and many occasional ones, as in real logs.
    activity: chance(0.15) ? 2.5 : 0.5 + rand(),
    favourites: [...favourites],
    codeLang: pick(LANGS),
    subject: pick<Subject>(["science", "history", "maths", "languages"]),
    genre: pick(WRITING_KINDS),
  };
  if (native) user.native = native;
  return user;
});

function affinity(user: User, c: Category): number {
  const fav = user.favourites.includes(c);
  if (c === "companionship" || c === "romance") return fav ? 1 : 0;
  if (c === "refusal" || c === "partial-refusal") return 1;
  return fav ? 6 : 1;
}

const assigned = new Map<string, number>();

/** Weighted by activity and interest, with a boost for users who have few chats yet, so everyone has several. */
function chooseUser(c: Category): User {
  const weights = USERS.map((u) => u.activity * affinity(u, c) * ((assigned.get(u.id) ?? 0) < 5 ? 4 : 1));
  let r = rand() * weights.reduce((a, b) => a + b, 0);
  let chosen = USERS[USERS.length - 1] as User;
  for (const [i, w] of weights.entries()) {
    r -= w;
    if (r < 0) {
      chosen = USERS[i] as User;
      break;
    }
  }
  assigned.set(chosen.id, (assigned.get(chosen.id) ?? 0) + 1);
  return chosen;
}

// ---- lengths -------------------------------------------------------------------------------------

function weighted(values: number[], weights: number[]): number {
  let r = rand() * weights.reduce((a, b) => a + b, 0);
  for (const [i, w] of weights.entries()) {
    r -= w;
    if (r < 0) return values[i] as number;
  }
  return values[values.length - 1] as number;
}

/** Human turns: most conversations are short; affective ones are long more often (sentiment shift needs turns). */
function lengthFor(c: Category): number {
  const short = () => weighted([1, 2, 3, 4, 5], [30, 32, 22, 12, 4]);
  switch (c) {
    case "coding":
      return chance(0.14) ? int(6, 10) : short();
    case "writing":
      return chance(0.12) ? int(6, 9) : short();
    case "learning":
    case "work":
      return chance(0.08) ? int(6, 7) : short();
    case "interpersonal":
      return chance(0.5) ? int(6, 15) : int(1, 4);
    case "coaching":
      return chance(0.5) ? int(6, 14) : int(1, 4);
    case "counseling":
      return chance(0.55) ? int(6, 15) : int(2, 4);
    case "companionship":
      return chance(0.6) ? int(8, 15) : int(4, 6);
    case "romance":
      return int(4, 6);
    case "refusal":
      return chance(0.25) ? int(6, 8) : int(1, 3);
    case "partial-refusal":
      return 2;
  }
}

// ---- assembly ------------------------------------------------------------------------------------

const QUOTA: [Category, number][] = [
  ["coding", 156],
  ["writing", 92],
  ["learning", 74],
  ["work", 72],
  ["interpersonal", 48],
  ["coaching", 48],
  ["counseling", 42],
  ["companionship", 18],
  ["romance", 6],
  ["refusal", 36],
  ["partial-refusal", 8],
];

const COACHING_BRIDGES = [
  "Can we also talk about something else?",
  "Okay, that helps. There's another thing on my mind.",
  "Next thing, if that's okay.",
  "While I have you:",
  "Another topic I wanted to cover today:",
];
const SUPPORT_BRIDGES = [
  "Can I talk about something else that's been bothering me?",
  "There's something else too.",
  "Thanks. And honestly, that's not the only thing.",
  "It's not just that, though.",
];

type Message = { role: "system" | "user" | "assistant"; content: string };
interface Record_ {
  user_id: string;
  timestamp: string;
  messages: Message[];
  category: Category;
  language: "en" | Native;
  pii: boolean;
  statesValue: boolean;
}

const START = Date.UTC(2026, 2, 1); // 1 March 2026; 92 days to the end of May.
const DAYTIME = [8, 9, 9, 10, 10, 11, 11, 12, 13, 14, 14, 15, 15, 16, 16, 17, 18, 19, 20, 21, 22];
const EVENING = [7, 12, 18, 19, 20, 21, 21, 22, 22, 23, 23, 0, 1];
const AFFECTIVE = new Set<Category>(["interpersonal", "coaching", "counseling", "companionship", "romance"]);

function timestamp(c: Category): string {
  const day = int(0, 91);
  const hour = pick(AFFECTIVE.has(c) ? EVENING : DAYTIME);
  const date = new Date(START + day * 86_400_000).toISOString().slice(0, 10);
  return `${date}T${String(hour).padStart(2, "0")}:${String(int(0, 59)).padStart(2, "0")}:00Z`;
}

const BUILDERS: Record<Category, (ctx: Ctx) => Turn[]> = {
  coding,
  writing,
  learning,
  work,
  interpersonal,
  coaching,
  counseling,
  companionship,
  romance,
  refusal,
  "partial-refusal": partialRefusal,
};

const foreignUsed = new Map<Foreign, number>();
const GREETINGS: Record<Native, string[]> = {
  es: ["", "", "Hola, ", "Buenas, ", "Oye, "],
  fr: ["", "", "Bonjour, ", "Salut, ", "Coucou, "],
  de: ["", "", "Hallo, ", "Hi, ", "Guten Abend, "],
};

/** Prefixes a greeting, lower-casing the first letter after it (after any opening ¿ or ¡). */
function greet(lang: Native, text: string): string {
  const g = pick(GREETINGS[lang]);
  return g === ""
    ? text
    : g + text.replace(/^([¿¡]?)(\p{Lu})/u, (_, p: string, c: string) => p + c.toLowerCase());
}
const partialDeck = deck(PARTIAL_REFUSALS);
const refusalDeck = deck(REFUSALS);

function build(category: Category, user: User, turns: number, veryLong: boolean): Record_ {
  let pairs: Turn[];
  let language: Record_["language"] = "en";
  const foreign = user.native
    ? FOREIGN.filter(
        (f) => f.lang === user.native && f.category === category && (foreignUsed.get(f) ?? 0) < 4,
      )
    : [];
  // Native speakers of Spanish, French or German write some of their chats in that language.
  const useForeign = !veryLong && foreign.length > 0 && chance(0.7);
  let pii: Pii | undefined;
  if (useForeign) {
    const f = foreign.sort((a, b) => (foreignUsed.get(a) ?? 0) - (foreignUsed.get(b) ?? 0))[0] as Foreign;
    foreignUsed.set(f, (foreignUsed.get(f) ?? 0) + 1);
    language = f.lang;
    pairs = f.turns.slice(0, Math.max(1, Math.min(f.turns.length, turns))).map(([u, a]) => [v(u), v(a)]);
    if (pairs[0]) pairs[0] = [greet(f.lang, pairs[0][0]), pairs[0][1]];
  } else if (veryLong) {
    pairs =
      category === "companionship"
        ? companionship({ user, turns })
        : category === "coaching"
          ? longSession(COACHING, COACHING_VOICE, turns, COACHING_BRIDGES)
          : longSession(COUNSELING, COUNSELING_VOICE, turns, SUPPORT_BRIDGES);
  } else {
    pii = chance(0.04) ? makePii(category) : undefined;
    const ctx: Ctx = pii ? { user, turns, pii } : { user, turns };
    if (category === "partial-refusal") pairs = partialDeck();
    else if (category === "refusal") pairs = refusalDeck()(turns);
    else pairs = BUILDERS[category](ctx);
  }
  if (pii && pairs[0]) pairs[0] = [`${pairs[0][0]} ${pii.sentence}`, pairs[0][1]];
  const statesValue = !useForeign && !veryLong && VALUE_STATING.has(category) && chance(0.5);
  if (statesValue && pairs[0]) pairs[0] = [`${pairs[0][0]} ${v(pick(HUMAN_VALUE_SENTENCES))}`, pairs[0][1]];
  const ts = timestamp(category);
  const messages: Message[] = [];
  if (chance(0.04))
    messages.push({ role: "system", content: v(pick(SYSTEM_PROMPTS), { date: ts.slice(0, 10) }) });
  for (const [u, a] of pairs) messages.push({ role: "user", content: u }, { role: "assistant", content: a });
  return {
    user_id: user.id,
    timestamp: ts,
    messages,
    category,
    language,
    pii: pii !== undefined,
    statesValue,
  };
}

function main(): void {
  const plan: Category[] = shuffle(QUOTA.flatMap(([c, n]) => Array<Category>(n * SCALE).fill(c)));
  // Very long chats (50+ human turns), five each: companionship, coaching sessions, support chats.
  const veryLong: Category[] = (["companionship", "coaching", "counseling"] as const).flatMap((c) =>
    Array<Category>(5).fill(c),
  );
  const records: Record_[] = [];
  for (const [i, category] of plan.entries()) {
    const vl = veryLong.indexOf(category);
    const isVeryLong = vl >= 0 && i % 7 === 0;
    if (isVeryLong) veryLong.splice(vl, 1);
    const user = chooseUser(category);
    const turns = isVeryLong ? int(52, 60) : lengthFor(category);
    records.push(build(category, user, turns, isVeryLong));
  }
  if (veryLong.length > 0) throw new Error(`very long conversations not placed: ${veryLong.join(", ")}`);
  // Ids follow time order, as an export would.
  records.sort((a, b) => a.timestamp.localeCompare(b.timestamp) || a.user_id.localeCompare(b.user_id));
  const lines = records.map((r, i) =>
    JSON.stringify({
      id: `ex-${String(i + 1).padStart(4, "0")}`,
      user_id: r.user_id,
      timestamp: r.timestamp,
      messages: r.messages,
    }),
  );
  const out = join(dirname(fileURLToPath(import.meta.url)), "..", "examples", "conversations.jsonl");
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${lines.join("\n")}\n`);
  report(records, out);
}

/** Prints the corpus's known structure, so the README and the analyses can be checked against it. */
function report(records: Record_[], out: string): void {
  const count = (key: (r: Record_) => string) => {
    const m: Record<string, number> = {};
    for (const r of records) m[key(r)] = (m[key(r)] ?? 0) + 1;
    return m;
  };
  const humanTurns = (r: Record_) => r.messages.filter((m) => m.role === "user").length;
  const bucket = (n: number) =>
    n <= 4 ? "1-4" : n === 5 ? "5" : n <= 15 ? "6-15" : n < 50 ? "16-49" : "50+";
  const perUser = count((r) => r.user_id);
  console.error(`wrote ${records.length} conversations (${statSync(out).size} bytes) to ${out}`);
  console.error(
    "categories",
    count((r) => r.category),
  );
  console.error(
    "languages",
    count((r) => r.language),
  );
  console.error(
    "human turns",
    count((r) => bucket(humanTurns(r))),
  );
  console.error(
    "users",
    Object.keys(perUser).length,
    "min/max per user",
    Math.min(...Object.values(perUser)),
    Math.max(...Object.values(perUser)),
  );
  console.error("system prompts", records.filter((r) => r.messages[0]?.role === "system").length);
  console.error("planted fake personal data", records.filter((r) => r.pii).length);
  console.error("human states a value", records.filter((r) => r.statesValue).length);
}

main();
