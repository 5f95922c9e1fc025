/**
 * `collaboration`: how the human and the assistant share the work (the Economic Index's modes).
 * Automation: directive (the whole task delegated), feedback_loop (the human relays feedback from the
 * environment, such as error messages). Augmentation: task_iteration (refining the output together),
 * learning (seeking understanding), validation (asking the assistant to check their own work).
 * "none" for exchanges that are not a task (chat, emotional support).
 */
import { type CollaborationMode, FacetRecordSchema } from "../types.ts";
import { cueOf, type FacetDefinition } from "./facet.ts";
import { Lexicon } from "./phrase.ts";

/** In priority order; `followUp` modes only count in messages after the first (they refine a reply). */
const MODES: { mode: CollaborationMode; lexicon: Lexicon; followUp: boolean; threshold: number }[] = [
  {
    mode: "validation",
    followUp: false,
    threshold: 2,
    lexicon: new Lexicon("validation", "user", [
      [
        "check-mine",
        "check|review|proofread|verify|correct|grade|critique|evaluate|assess my|this|these|the",
        2,
      ],
      ["look-over", ["look over my|this", "give me? feedback on", "what do you think of my"], 2],
      [
        "is-it-right",
        [
          "is this|that|my ..1 correct|right|ok|okay|good|accurate",
          "did i do|get this|it|that right",
          "am i right|correct",
          "any mistakes|errors in",
        ],
        2,
      ],
    ]),
  },
  {
    mode: "feedback_loop",
    followUp: false,
    threshold: 2,
    lexicon: new Lexicon("feedback", "user", [
      [
        "pasted-error",
        [
          "traceback",
          "exception",
          "stack trace",
          "segmentation fault",
          "command not found",
          "exit code",
          "error message|says|code",
          "typeerror|valueerror|keyerror|indexerror|attributeerror|syntaxerror|referenceerror|nameerror|importerror",
        ],
        2,
      ],
      [
        "still-failing",
        [
          "still not working",
          "still does not work",
          "still getting|fails|failing|broken",
          "it|that did|does not work",
          "now i get",
          "now it says|gives",
          "same error",
          "new|different error",
          "it says",
          "the output is",
        ],
        2,
      ],
    ]),
  },
  {
    mode: "task_iteration",
    followUp: true,
    threshold: 2,
    lexicon: new Lexicon("iteration", "user", [
      [
        "refine",
        "make it|this shorter|longer|simpler|more|less|funnier|warmer|formal|casual|professional|concise",
        2,
      ],
      [
        "revise",
        [
          "rewrite",
          "revise",
          "rephrase",
          "tweak",
          "adjust",
          "edit",
          "change",
          "update",
          "add",
          "remove",
          "replace",
          "another version",
          "try again",
          "instead",
          "one more",
          "can you also",
        ],
        1,
      ],
    ]),
  },
  {
    mode: "learning",
    followUp: false,
    threshold: 2,
    lexicon: new Lexicon("learning", "user", [
      [
        "explain",
        [
          "explain",
          "what is|are",
          "what is the difference",
          "why is|are|do|does|did",
          "how does|do|did ..4 work",
          "teach me",
          "help me understand",
          "i am learning",
          "eli5",
          "what does ..3 mean",
          "quiz me",
        ],
        2,
      ],
    ]),
  },
  {
    mode: "directive",
    followUp: false,
    threshold: 1,
    lexicon: new Lexicon("directive", "user", [
      [
        "do-task",
        "write|draft|create|generate|make|give|list|summarize|summarise|translate|fix|convert|plan|design|build|compose|calculate|format|rewrite|find|suggest|recommend",
        1,
      ],
    ]),
  },
];

export const collaborationFacet: FacetDefinition<"collaboration"> = {
  name: "collaboration",
  fields: ["collaboration"],
  schema: FacetRecordSchema.pick({ collaboration: true }),
  description:
    "How the work is shared: directive, feedback_loop (automation); task_iteration, learning, validation (augmentation); or none.",
  modelPrompt:
    "directive (delegates the whole task), feedback_loop (mainly relays feedback such as errors), task_iteration (refines the output together), learning (seeks understanding), validation (has their own work checked), or none.",
  extract(text, prior, cues) {
    if (prior.affective) {
      cues?.push({ message: -1, role: "conversation", cue: "affective: not a task", weight: 0 });
      return { collaboration: "none" };
    }
    for (const { mode, lexicon, followUp, threshold } of MODES) {
      let score = 0;
      for (const m of followUp ? text.user.slice(1) : text.user) {
        for (const h of lexicon.of(m.hits)) {
          score += h.weight;
          cues?.push(cueOf(h, "user"));
        }
      }
      if (score >= threshold) return { collaboration: mode };
    }
    return { collaboration: "none" };
  },
};
