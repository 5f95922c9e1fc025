/**
 * `collaboration`: how the human and the assistant share the work (the Economic Index's modes).
 * Automation: directive (the whole task delegated), feedback_loop (the human relays feedback from the
 * environment, such as error messages). Augmentation: task_iteration (refining the output together),
 * learning (seeking understanding), validation (asking the assistant to check their own work).
 * "none" for exchanges that are not a task (chat, emotional support).
 */
import type { CollaborationMode } from "../types.ts";
import type { Cue, FacetDefinition } from "./facet.ts";
import { type Lexicon, lexicon } from "./lexicon.ts";

const MODES: [CollaborationMode, Lexicon, "any" | "follow-up"][] = [
  [
    "validation",
    lexicon([
      ["check-mine", "(?:check|review|proofread|look over|verify|correct|grade|critique|give (?:me )?feedback on) (?:my|this|these|the following)", 2],
      ["is-it-right", "(?:is (?:this|my \\w+|that) (?:correct|right|ok|okay|good)|did i (?:do|get) (?:this|it|that) right|am i (?:right|correct)|any (?:mistakes|errors) in)", 2],
    ]),
    "any",
  ],
  [
    "feedback_loop",
    lexicon([
      ["pasted-error", "(?:traceback|exception|stack trace|error:|errors? (?:message|says)|\\w+error\\b|segmentation fault|panic:|undefined is not|command not found|exit code)", 2],
      ["still-failing", "(?:still (?:not working|doesn't work|getting|fails|failing|broken)|(?:it|that) (?:didn't|doesn't|did not|does not) work|now (?:i get|it says|it gives)|same error|new error|different error|it says|the output is)", 2],
    ]),
    "any",
  ],
  [
    "task_iteration",
    lexicon([
      ["refine", "(?:make it|make this|can you make) (?:\\w+ )?(?:shorter|longer|simpler|more|less|funnier|warmer|formal|casual|professional|concise)", 2],
      ["revise", "(?:rewrite|revise|rephrase|tweak|adjust|edit|change|update|add|remove|replace|another version|try again|instead|one more|also add|can you also)", 1],
    ]),
    "follow-up",
  ],
  [
    "learning",
    lexicon([
      ["explain", "(?:explain|what is|what are|what's the difference|why (?:is|are|do|does|did)|how (?:does|do|did) (?:\\w+ ){1,4}work|teach me|help me understand|i'm learning|i am learning|eli5|what does (?:\\w+ ){1,3}mean|quiz me)", 2],
    ]),
    "any",
  ],
  [
    "directive",
    lexicon([
      ["do-task", "(?:write|draft|create|generate|make|give me|list|summari[sz]e|translate|fix|convert|plan|design|build|compose|calculate|format|rewrite|find|suggest|recommend)", 1],
    ]),
    "any",
  ],
];

export const collaborationFacet: FacetDefinition<"collaboration"> = {
  name: "collaboration",
  fields: ["collaboration"],
  description:
    "How the work is shared: directive, feedback_loop (automation); task_iteration, learning, validation (augmentation); or none.",
  modelPrompt:
    "How does the human collaborate with the assistant? One of: directive (delegates the whole task with minimal interaction), feedback_loop (mainly relays feedback from the environment such as error messages), task_iteration (refines the assistant's output together with it), learning (seeks understanding), validation (asks the assistant to check their own work), none.",
  extract(text, prior) {
    const cues: Cue[] = [];
    if (prior.affective) return { values: { collaboration: "none" }, cues: [{ message: -1, role: "conversation", cue: "affective: not a task", weight: 0 }] };
    for (const [mode, lex, where] of MODES) {
      const messages = where === "follow-up" ? text.user.slice(1) : text.user;
      let score = 0;
      for (const m of messages) {
        for (const h of lex.match(m.lower)) {
          score += h.weight;
          cues.push({ message: m.index, role: "user", cue: `${mode}:${h.name}`, weight: h.weight });
        }
      }
      if (score >= (mode === "directive" ? 1 : 2)) return { values: { collaboration: mode }, cues };
    }
    return { values: { collaboration: "none" }, cues };
  },
};
