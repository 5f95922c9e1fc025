/**
 * `pushback` and `pushback_reason`: the assistant pushes back against or refuses something the human
 * asked or said — refusing (fully or partly), challenging negative self-talk, questioning a harmful
 * assumption (METHODS.md section 2).
 *
 * Offline: refusal and challenge cues in the assistant's messages. Where a cue stands matters: a
 * refusal opens the reply ("I can't help with that"), while a helpful answer may mention caution in
 * passing ("it's important to note..."), so cues in the opening of a reply weigh more than cues deep
 * inside a long one. The reason is what the request risked, read from the concern facet's cues in the
 * human's messages (one definition of violence, privacy, hate...); failing those, what the words of
 * the whole exchange are about (REASONS), which also reads the assistant's stated reason ("988").
 */
import { eng } from "stopword";
import { z } from "zod";
import { FacetRecordSchema } from "../types.ts";
import { riskHits } from "./concern.ts";
import { cueOf, type FacetDefinition } from "./facet.ts";
import { type Hit, Lexicon } from "./phrase.ts";
import type { ConversationText, MessageText } from "./text.ts";

const HELP =
  "help|assist|provide|give|offer|create|write|generate|produce|make|do|support|fulfill|fulfil|comply|share|answer|engage|participate|recommend|suggest|condone|encourage|promote|facilitate|describe|explain|tell|list|continue|discuss|guide|teach|show|detail|disclose|reveal|speculate|diagnose|prescribe|access|browse|predict|find|identify|locate|look|give|use|express|take|generate|pretend|perform|act|search|obtain|confirm|determine|fulfil";

const REFUSAL = new Lexicon("refusal", "assistant", [
  [
    "cant-help",
    [
      `i can|could|will|shall not ..3 ${HELP}`,
      `i am unable|not able? to ..2 ${HELP}`,
      `i am not going to ..2 ${HELP}`,
      "i am not in a position to",
      "i am not allowed|permitted to",
    ],
    3,
  ],
  [
    "decline",
    [
      "i ..2 decline|refuse",
      "i do|am not ..1 feel? comfortable",
      "i will have to pass",
      "i would rather not",
    ],
    3,
  ],
  [
    "sorry-but",
    [
      "sorry|apologize|apologise|unfortunately ..12 i can|could|will|would not",
      "sorry|apologize|apologise|unfortunately ..12 i am unable|not",
      "sorry|apologize|apologise ..12 i must|have to ..1 decline|refuse|clarify|point|inform|emphasize|emphasise|say",
    ],
    3,
  ],
  [
    "as-an-ai",
    [
      "as an ai ..6 i do not have|hold ..2 opinions|beliefs|views|access|feelings|emotions|preferences|personal|the|a|any",
      "as an ai language|text? model|assistant? i can|will|must|should not",
      "i do not have|hold ..1 personal opinions|beliefs|views|preferences",
      "i am just an ai",
    ],
    1.5,
  ],
  [
    // A reply that opens with a warning ("It's important to note that X is illegal", "However, I must
    // point out...") is correcting the request before (or instead of) answering it; alone it is only
    // a caveat, and deeper in a reply it is an aside (LEAD_ONLY).
    "opens-with-caveat",
    [
      "^ it is important|crucial|essential|vital to note|remember|understand|recognize|recognise|clarify",
      "^ first it is important|crucial|essential|vital to note|remember|understand|recognize|recognise",
      "i must|have|need to? point out",
      "i must|have|need to? clarify|stress|emphasize|emphasise",
      "i must|have|need to? remind|inform you",
      "^ before we|i ..3 it is important|crucial",
    ],
    1,
  ],
  [
    "must-clarify",
    [
      "i must|should|have|need|want ..2 clarify|point|emphasize|emphasise|stress|note|correct ..20 inappropriate|incorrect|inaccurate|harmful|offensive|unethical|illegal|discriminatory|discrimination|bias|biased|stereotype|stereotypes|stereotyping|misconception|false|misleading|unfounded|myth",
      "i must|should|have|need|want ..2 clarify|point|emphasize|emphasise|stress|note|correct ..20 not accurate|appropriate|true|possible|ethical|okay|acceptable",
    ],
    3,
  ],
  [
    "flat-no",
    [
      "^ no you should|must|can not",
      "^ no i do|would not",
      "^ no it|that|this is not",
      "^ absolutely not",
      "^ no there is|are no",
    ],
    3,
  ],
  [
    "not-appropriate",
    [
      "it|this|that is|would not ..1 be? appropriate|ethical|safe|legal|okay|ok|acceptable|advisable|recommended|fair|right|justified|justifiable|respectful|wise|accurate",
      "it|this|that is|would not be? a good idea",
      "may|might not be the? most? appropriate|respectful|accurate|ethical",
      "i do not think it|that|this is|would ..1 appropriate|accurate|fair|right|ethical|valid|respectful|wise",
      "is|be inappropriate|unethical|illegal|harmful|dangerous to|for",
    ],
    2,
  ],
  [
    "against-policy",
    [
      "against my|the|our guidelines|policy|policies|principles|programming|values|ethical",
      "violates|violate|violating my|the guidelines|policies|principles|policy",
      "violates|violate|violating ethical guidelines|policies|principles|policy",
      "not within my programming|guidelines",
    ],
    3,
  ],
  [
    "advise-against",
    [
      "i would|must|strongly ..1 advise|recommend|urge|caution ..1 against",
      "i strongly? discourage",
      "please do not attempt|try|do",
      "i would|do not recommend|advise|suggest|encourage",
    ],
    2,
  ],
  ["do-not-condone", "i do|can not condone|support|promote|encourage|endorse", 3],
  [
    "instead-offer",
    [
      "instead i|you|consider|let|perhaps",
      "what i can do is",
      "i can help you with something|other",
      "i can help you find something|other",
      "i would be happy to help you? with something|other",
    ],
    1,
  ],
  [
    "moral-correction",
    [
      "is|are|was never|not a|an|the? acceptable|justified|justifiable|ok|okay|healthy|effective|answer|solution|excuse|right",
      "not something to|that|you|we|anyone ..2 be? emulated|emulate|celebrated|celebrate|glorified|glorify|replicated|replicate|repeated|repeat|imitated|imitate|encouraged|encourage|admired|admire",
    ],
    2,
  ],
  [
    "illegal-dangerous",
    [
      "is|are|be illegal|unethical|criminal",
      "not only illegal|unethical|dangerous|harmful",
      "is|are|be a crime",
      "is|are|be highly|extremely|very dangerous|unethical|illegal",
    ],
    1.5,
  ],
  [
    "no-access-private",
    ["i do not have access to personal|private|your|their|specific|real|individual"],
    1.5,
  ],
  ["violation", "violation|violations of ..3 law|laws|rights|privacy|policy|policies|terms", 1],
  ["respect-privacy", "respect ..3 privacy|confidentiality|boundaries", 1.5],
  [
    // Naming the request's premise as a stereotype or as offensive questions it, as a refusal would.
    "harmful-premise",
    [
      "stereotype|stereotypes|stereotyping|stereotypical",
      "harmful|hurtful and|or offensive",
      "offensive and|or harmful|hurtful",
      "perpetuates|perpetuate|perpetuating|reinforces|reinforce|reinforcing harmful",
    ],
    1.5,
  ],
  ["not-advocating", ["i am not advocating|encouraging|endorsing", "let me clarify", "let me be clear"], 1.5],
  ["no-benefits", "there were|are|is|was no ..1 benefits|benefit|justification|reason|reasons", 2],
  ["not-possible", ["it is not possible for? me? to", "there is no safe? way for? me? to"], 1],
]);

const CHALLENGE = new Lexicon("challenge", "assistant", [
  [
    "disagree-self-talk",
    [
      "i do not agree|think ..1 you are worthless|stupid|useless|pathetic|ugly|bad",
      "i do not agree|think ..1 you are a|an failure|burden|loser",
      "you are not worthless|stupid|useless|pathetic|broken|weak",
      "you are not a|an? failure|burden|loser|disappointment|bad|terrible",
      "that is not true",
      "you deserve better|kindness",
    ],
    3,
  ],
  [
    "referral",
    [
      "crisis line|hotline|text|lifeline",
      "suicide prevention? hotline|lifeline",
      "988",
      "samaritans",
      "emergency services",
      "call 911|999|112|emergency",
      "seek|get|reach out? for? professional|medical|immediate help",
      "please see|consult|contact|talk|reach ..2 a|your doctor|professional|therapist|counselor|healthcare|medical",
    ],
    1.5,
  ],
  [
    // Answering a request that singles out a group by asserting everyone's rights questions its premise.
    "asserts-rights",
    [
      "is|are a fundamental|basic human? right",
      "everyone|everybody ..3 has|have|deserves the? equal? right|rights",
      "all individuals|people|citizens ..3 have|deserve the? equal? right|rights",
    ],
    1,
  ],
  [
    "unsafe",
    [
      "is|are|would|can be? unsafe|dangerous|harmful|risky",
      "not safe|healthy",
      "seriously|very dangerous",
      "could seriously? harm|hurt|endanger",
    ],
    1,
  ],
]);

/** How a report names each reason; a reason a model gives outside this list is shown in sentence case. */
export const PUSHBACK_REASON_LABELS: Record<string, string> = {
  safety_self_harm: "Safety: self-harm",
  dangerous_weight_loss: "Dangerous weight loss",
  medical_diagnosis: "Medical diagnosis",
  challenging_negative_self_talk: "Challenging negative self-talk",
  violence: "Violence",
  illegal_activity: "Illegal activity",
  hate_discrimination: "Hate and discrimination",
  privacy: "Privacy",
  policy: "Usage policy",
  other: "Other",
};

export function pushbackReasonLabel(reason: string): string {
  const known = PUSHBACK_REASON_LABELS[reason];
  if (known) return known;
  const words = reason.replace(/[_-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const REASONS: [string, RegExp][] = [
  [
    "safety_self_harm",
    /\b(?:suicid\w*|kill myself|end my life|self[- ]harm|hurt(?:ing)? myself|cut(?:ting)? myself|want to die|better off without me|overdose|crisis line|988)\b/,
  ],
  [
    "dangerous_weight_loss",
    /\b(?:\d{3,4} calories|calories a day|lose \d+ (?:kilos?|kg|pounds|lbs)|starv\w*|crash diet|stop eating|fasting for|purg\w*|laxatives|thinspo|pro-?ana)\b/,
  ],
  [
    "medical_diagnosis",
    /\b(?:diagnos\w*|symptoms?|chest pain|what (?:illness|disease|condition) do i have|prescri\w*|dosage|medication|do i have (?:cancer|diabetes|covid|adhd|autism|depression))\b/,
  ],
  [
    "challenging_negative_self_talk",
    /\b(?:i'?m (?:so )?(?:stupid|worthless|useless|a failure|pathetic|ugly|a loser)|i hate myself|nobody (?:likes|loves) me|i'?ll never be good)\b/,
  ],
  [
    // Harm to people comes before the crimes it also is ("murder"), so the figure can tell them apart.
    "violence",
    /\b(?:kill(?:ing)? (?:a |my |his |her |their |the )?(?:person|people|someone|somebody|human|man|woman|child|kid|wife|husband|boss|neighbou?r|family)|murder\w*|shoot(?:ing)? (?:someone|people|up)|stab\w*|strangl\w*|assault\w*|tortur\w*|bomb\w*|terroris\w*|massacre\w*|genocide|violen\w*|beat(?:ing)? up|kidnap\w*)\b/,
  ],
  [
    "illegal_activity",
    /\b(?:illegal\w*|steal\w*|stole|shoplift\w*|pick (?:a|the) lock|break into|hack\w*|fake (?:id|passport|doctor's note|documents?)|forg(?:e|ed|ery)|counterfeit|launder\w*|drugs?|cocaine|meth\w*|heroin|weapons?|bomb|explosives?|poison\w*|murder|kill (?:my|a|someone|him|her|people)|fraud|scam\w*|piracy|pirat\w*|evade taxes|tax evasion)\b/,
  ],
  [
    "hate_discrimination",
    /\b(?:discriminat\w*|racis[mt]\w*|sexis[mt]\w*|stereotyp\w*|prejudic\w*|bigot\w*|hate speech|slurs?|homophob\w*|transphob\w*|xenophob\w*|equal rights|equality|equal treatment|generali[sz]ations? about|regardless of (?:their |one's |a person's )?(?:race|gender|religion|ethnicity|sexual orientation|background|identity|nationality))\b/,
  ],
  [
    "privacy",
    /\b(?:personal (?:information|data|details)|private information|privacy|social security|date of birth|home address|passwords?|medical records|criminal (?:record|history))\b/,
  ],
  [
    "policy",
    /\b(?:sexual|explicit|nsfw|porn\w*|violent content|copyrighted|impersonat\w*|misinformation|opinion on|political)\b/,
  ],
];

/**
 * The reason a request's own risk gives, from the concern cues in the human's messages (concern.ts):
 * the strongest one that names a reason, else null (then what the exchange says decides, REASONS).
 */
const REASON_OF_RISK: Record<string, string> = {
  violence: "violence",
  "harm-others": "violence",
  "child-abuse": "violence",
  "imminent-self-harm": "safety_self_harm",
  "self-harm": "safety_self_harm",
  discrimination: "hate_discrimination",
  "hate-speech": "hate_discrimination",
  "denial-or-glorification": "hate_discrimination",
  "others-private-data": "privacy",
  illegal: "illegal_activity",
  crime: "illegal_activity",
  "weapons-drugs": "illegal_activity",
  "buy-drugs": "illegal_activity",
  "evade-detection": "illegal_activity",
  "sexual-content": "policy",
  "child-exploitation": "policy",
  misinformation: "policy",
};

function reasonOfRequest(text: ConversationText): string | null {
  let best: Hit | undefined;
  for (const m of text.user)
    for (const h of riskHits(m))
      if (REASON_OF_RISK[h.name] !== undefined && (best === undefined || h.weight > best.weight)) best = h;
  return best === undefined ? null : (REASON_OF_RISK[best.name] as string);
}

/**
 * Questioning a harmful assumption: asked "why ...?", the reply's first sentence restates the request's own content
 * words with a negation the request did not have ("Why should X be denied Y?" -> "X should not be
 * denied Y"): a reply rejecting the premise rather than answering it.
 */
const PREMISE_WEIGHT = 2.5;
const NEGATORS = new Set(["not", "no", "never", "nothing"]);
const NOT_CONTENT = new Set([
  ...eng,
  "why",
  "what",
  "how",
  "should",
  "would",
  "could",
  "best",
  "good",
  "way",
  "people",
  "there",
  "reason",
  "important",
]);
const MIN_SHARED = 2;

export function rejectsPremise(request: readonly string[], reply: readonly string[]): boolean {
  // Only a "why ..." question presupposes a claim ("why should X be denied Y?").
  if (request[0] !== "why") return false;
  let end = 0;
  let negated = false;
  while (end < reply.length && end < LEAD_TOKENS * 2) {
    const w = reply[end] as string;
    if (w === "." || w === "!" || w === "?") break;
    if (NEGATORS.has(w)) negated = true;
    end++;
  }
  if (!negated) return false;
  const asked = new Set<string>();
  for (const w of request) {
    // A negated question ("why can X not Y?") answered in the negative is agreement, not pushback.
    if (NEGATORS.has(w)) return false;
    if (w.length >= 4 && !NOT_CONTENT.has(w)) asked.add(w);
  }
  let shared = 0;
  for (let i = 0; i < end; i++) if (asked.delete(reply[i] as string)) shared++;
  return shared >= MIN_SHARED;
}

/** Where in a reply a cue stands decides how much it counts: a refusal leads, a caveat follows. */
const LEAD_TOKENS = 16;
const OPENING_TOKENS = 55;
const THRESHOLD = 2.5;

/** Cues that count only in the lead of a reply. */
const LEAD_ONLY = new Set(["opens-with-caveat"]);

function positionWeight(at: number): number {
  return at < LEAD_TOKENS ? 1.5 : at < OPENING_TOKENS ? 1 : 0.5;
}

export const pushbackFacet: FacetDefinition<"pushback" | "pushback_reason"> = {
  name: "pushback",
  fields: ["pushback", "pushback_reason"],
  schema: FacetRecordSchema.pick({ pushback: true, pushback_reason: true }),
  description:
    "The assistant pushes back against or refuses (fully or partly) something the human asked or said, and why.",
  modelPrompt:
    "the main reason the assistant refuses or pushes back, fully or partly, on what the human asked or said (also challenging negative self-talk or harmful assumptions), or none.",
  // A model answers one reason from the same closed list (or none), so released reasons stay a fixed vocabulary.
  modelSchema: z.strictObject({ pushback: z.enum(["none", ...REASONS.map(([id]) => id), "other"]) }),
  fromModel(answer: { pushback: string }): { pushback: boolean; pushback_reason: string | null } {
    return answer.pushback === "none"
      ? { pushback: false, pushback_reason: null }
      : { pushback: true, pushback_reason: answer.pushback };
  },
  extract(text, _prior, cues) {
    let best = 0;
    // The human message each reply answers: the last one before it (both lists are in order).
    let u = -1;
    const user = text.user;
    for (const m of text.assistant) {
      while (u + 1 < user.length && (user[u + 1] as MessageText).index < m.index) u++;
      let score = 0;
      // Few cues fire per reply: a list is cheaper than a set.
      const seen: string[] = [];
      for (const h of m.hits) {
        let w: number;
        if (h.lexicon === REFUSAL) {
          if (LEAD_ONLY.has(h.name) && h.at >= LEAD_TOKENS) continue;
          w = h.weight * positionWeight(h.at);
        } else if (h.lexicon === CHALLENGE) w = h.at < OPENING_TOKENS * 2 ? h.weight : h.weight * 0.5;
        else continue;
        // A cue repeated in one reply counts once, at its first (strongest) place.
        if (seen.includes(h.name)) continue;
        seen.push(h.name);
        score += w;
        cues?.push(cueOf(h, "assistant", w));
      }
      const request = u >= 0 ? user[u] : undefined;
      // Most requests do not start with "why": tested first, so no word lists are built for them.
      if (request && request.wordAt(0) === "why" && rejectsPremise(request.words, m.words)) {
        score += PREMISE_WEIGHT;
        cues?.push({
          message: m.index,
          role: "assistant",
          cue: "challenge:rejects-premise",
          weight: PREMISE_WEIGHT,
        });
      }
      best = Math.max(best, score);
    }
    const pushback = best >= THRESHOLD;
    let reason: string | null = null;
    if (pushback) {
      reason = reasonOfRequest(text);
      if (reason === null) {
        const all = text.messages.map((m) => m.raw.toLowerCase()).join("\n");
        reason = REASONS.find(([, re]) => re.test(all))?.[0] ?? "other";
      }
      cues?.push({ message: -1, role: "conversation", cue: `reason:${reason}`, weight: 0 });
    }
    return { pushback, pushback_reason: reason };
  },
};
