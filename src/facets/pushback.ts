/**
 * `pushback` and `pushback_reason`: the assistant pushes back against or refuses something the human
 * asked or said — refusing (fully or partly), challenging negative self-talk, questioning a harmful
 * assumption (METHODS.md section 2).
 *
 * Offline: refusal and challenge cues in the assistant's messages. Where a cue stands matters: a
 * refusal opens the reply ("I can't help with that"), while a helpful answer may mention caution in
 * passing ("it's important to note..."), so cues in the opening of a reply weigh more than cues deep
 * inside a long one. The reason comes from what the exchange is about.
 */
import type { Cue, FacetDefinition } from "./facet.ts";
import { lexicon } from "./lexicon.ts";

const HELP_VERBS =
  "(?:help|assist|provide|give|offer|create|write|generate|produce|make|do|support|fulfill|comply|share|answer|engage|participate|recommend|suggest|condone|encourage|promote|facilitate|describe|explain|tell|list|continue|discuss|guide|teach|show|detail|disclose|reveal|speculate|diagnose|prescribe|access|browse|predict)";

const REFUSAL = lexicon([
  ["cant-verb", `i(?: can't| cannot| can not| won't| will not| am unable to|'m unable to| am not able to|'m not able to| must decline to| must refuse to| refuse to| do not feel comfortable| don't feel comfortable| am not comfortable|'m not comfortable| am not going to|'m not going to| will have to decline to) (?:\\w+ ){0,2}${HELP_VERBS}`, 3],
  ["sorry-but-unable", "(?:sorry|apologi[sz]e)[^.!?]{0,80}\\bbut i(?:'m| am)? (?:unable|not able|can't|cannot|won't|will not|must)", 3],
  ["as-an-ai-no-opinion", "as an ai[^.!?]{0,40}?,? i (?:don't|do not) (?:hold|have) (?:any )?(?:personal )?(?:opinions|beliefs|views|access|the ability)", 1.5],
  ["must-clarify", "i must (?:clarify|point out|emphasi[sz]e|stress|note) that[^.!?]{0,120}\\b(?:inappropriate|incorrect|not accurate|not appropriate|discriminat\\w*|harmful|offensive|unethical|illegal|not possible|bias)", 3],
  ["no-you-should-not", "^(?:no|absolutely not)[,.!] (?:i (?:do not|don't) think|you should not|you shouldn't|it is not|it's not|that is not|that's not)", 3],
  ["sorry-but", "(?:i'm sorry|i am sorry|i apologize|sorry|my apologies|unfortunately),? (?:but )?(?:i|as an ai|that|this)\\b(?: \\w+){0,3} (?:can't|cannot|won't|unable|not able|not possible|not appropriate|must)", 3],
  ["cannot-fulfill", "(?:can't|cannot|unable to|not able to) (?:fulfill|comply with|help with|assist with) (?:this|that|your|such)", 3],
  ["not-appropriate", "(?:it(?:'s| is) not (?:appropriate|ethical|safe|legal|okay|ok|acceptable|advisable|recommended|accurate or|fair|a good idea|right|justified|something i)|i (?:don't|do not) think (?:it's|it is|that's|that is) (?:appropriate|accurate|fair|right|ethical)|(?:is|would be) (?:inappropriate|unethical|illegal|harmful|dangerous) (?:to|for me)|i (?:don't|do not) think (?:that's|that is|it's|it is) (?:a )?(?:valid|appropriate|respectful|ethical))", 2],
  ["against-policy", "(?:against (?:my|the|our) (?:guidelines|policy|policies|principles|programming|ethical)|violates? (?:my|the|ethical) (?:guidelines|policies|principles)|not within my (?:programming|guidelines))", 3],
  ["as-an-ai-cant", "as an ai(?: language model| assistant)?,? i (?:can't|cannot|don't|do not|am not able|'m not able|must|won't|will not)", 2],
  ["advise-against", "(?:i (?:would|'d|must|strongly) (?:strongly )?(?:advise|recommend|urge|caution) (?:you )?against|i (?:strongly )?(?:discourage|advise against)|please (?:do not|don't) (?:attempt|try|do))", 2],
  ["do-not-condone", "i (?:do not|don't|cannot|can't) (?:condone|support|promote|encourage|endorse)", 3],
  ["instead-offer", "(?:instead,? (?:i|i'd|i can|you could|consider|let's|perhaps)|what i can do is|i can(?: however)? help you (?:with|find) (?:something|a|an|other)|i'd be happy to help (?:with|you) (?:something else|other|a different))", 1],
  ["moral-correction", "(?:is|are|was) (?:never|not) (?:an? )?(?:acceptable|appropriate|justified|justifiable|ok|okay|the answer|healthy|a healthy|a good|an effective|effective)", 1.5],
  ["illegal-dangerous", "(?:is|are|would be) (?:not only )?(?:illegal|highly dangerous|unethical|a crime|a serious (?:crime|offense))", 1.5],
  ["no-access-private", "(?:i (?:don't|do not) have access to (?:personal|private|your|their|specific|real-time personal)|respect (?:people's |their |individuals' |others' )?privacy)", 2.5],
  ["not-advocating", "(?:(?:i'm|i am) not (?:advocating|encouraging|endorsing)|let me (?:clarify|be clear))", 1.5],
  ["no-benefits", "there (?:were|are|is|was) no (?:benefits?|justification|good reason|valid reason)", 2],
  ["not-possible", "(?:it(?:'s| is) not possible (?:for me )?to|there is no (?:way|safe way) (?:for me )?to)", 1],
]);

const CHALLENGE = lexicon([
  ["disagree-self-talk", "(?:i (?:don't|do not) (?:agree|think) (?:that )?you(?:'re| are) (?:worthless|stupid|a failure|useless|a burden|pathetic|ugly|a bad)|you(?:'re| are) not (?:worthless|stupid|a failure|useless|a burden|alone in this|pathetic)|that(?:'s| is) not true|i (?:don't|do not) agree that you|you deserve (?:better|kindness|support|to be))", 3],
  ["referral", "(?:crisis (?:line|hotline|text line)|suicide (?:prevention )?(?:hotline|lifeline)|\\b988\\b|samaritans|emergency services|call (?:911|999|112|emergency)|(?:seek|get|reach out for) (?:professional|medical|immediate) help|please (?:see|consult|contact|talk to|reach out to) (?:a|your) (?:doctor|professional|therapist|counselor|healthcare|medical))", 2],
  ["unsafe", "(?:(?:is|are|would be|can be) (?:unsafe|dangerous|harmful|risky|illegal)|not (?:safe|healthy|a safe)|(?:seriously|very) dangerous|could (?:seriously )?(?:harm|hurt|endanger))", 1],
]);

const REASONS: [string, RegExp][] = [
  ["safety_self_harm", /\b(?:suicid\w*|kill myself|end my life|self[- ]harm|hurt(?:ing)? myself|cut(?:ting)? myself|want to die|better off without me|overdose|crisis line|988)\b/],
  ["dangerous_weight_loss", /\b(?:\d{3,4} calories|calories a day|lose \d+ (?:kilos?|kg|pounds|lbs)|starv\w*|crash diet|stop eating|fasting for|purg\w*|laxatives|thinspo|pro-?ana)\b/],
  ["medical_diagnosis", /\b(?:diagnos\w*|symptoms?|chest pain|what (?:illness|disease|condition) do i have|prescri\w*|dosage|medication|do i have (?:cancer|diabetes|covid|adhd|autism|depression))\b/],
  ["challenging_negative_self_talk", /\b(?:i'?m (?:so )?(?:stupid|worthless|useless|a failure|pathetic|ugly|a loser)|i hate myself|nobody (?:likes|loves) me|i'?ll never be good)\b/],
  ["illegal_activity", /\b(?:illegal\w*|steal\w*|stole|shoplift\w*|pick (?:a|the) lock|break into|hack\w*|fake (?:id|passport|doctor's note|documents?)|forg(?:e|ed|ery)|counterfeit|launder\w*|drugs?|cocaine|meth\w*|heroin|weapons?|bomb|explosives?|poison\w*|murder|kill (?:my|a|someone|him|her|people)|fraud|scam\w*|piracy|pirat\w*|evade taxes|tax evasion)\b/],
  ["policy", /\b(?:sexual|explicit|nsfw|porn\w*|hate speech|racist|slur|violent content|copyrighted|personal (?:information|data)|private information|impersonat\w*|misinformation|opinion on|political)\b/],
];

/** Where in a reply a cue stands decides how much it counts: a refusal leads, a caveat follows. */
const LEAD = 80;
const OPENING = 260;

function positionWeight(at: number): number {
  return at < LEAD ? 1.5 : at < OPENING ? 1 : 0.5;
}

export const pushbackFacet: FacetDefinition<"pushback" | "pushback_reason"> = {
  name: "pushback",
  fields: ["pushback", "pushback_reason"],
  description:
    "The assistant pushes back against or refuses (fully or partly) something the human asked or said, and why.",
  modelPrompt:
    "Does the assistant push back against or refuse, fully or partly, something the human requested or said (refusing, challenging negative self-talk, questioning harmful assumptions)? If so, give the main reason as one of: safety_self_harm, medical_diagnosis, dangerous_weight_loss, illegal_activity, challenging_negative_self_talk, policy, other.",
  extract(text) {
    const cues: Cue[] = [];
    let best = 0;
    for (const m of text.assistant) {
      let score = 0;
      const lower = m.lower.trimStart();
      for (const h of REFUSAL.match(lower)) {
        const w = h.weight * positionWeight(h.at);
        score += w;
        cues.push({ message: m.index, role: "assistant", cue: `refusal:${h.name}${h.at < OPENING ? "" : " (later in reply)"}`, weight: w });
      }
      for (const h of CHALLENGE.match(lower)) {
        const w = h.at < OPENING * 2 ? h.weight : h.weight * 0.5;
        score += w;
        cues.push({ message: m.index, role: "assistant", cue: `challenge:${h.name}`, weight: w });
      }
      best = Math.max(best, score);
    }
    const pushback = best >= 2.5;
    let reason: string | null = null;
    if (pushback) {
      const all = `${text.userAll}\n${text.assistantAll}`;
      reason = REASONS.find(([, re]) => re.test(all))?.[0] ?? "other";
      cues.push({ message: -1, role: "conversation", cue: `reason:${reason}`, weight: 0 });
    }
    return { values: { pushback, pushback_reason: reason }, cues };
  },
};
