/** How the model engine's figures read on a terminal: the dry-run estimate and the study's summary line. */

import type { StudyEstimate } from "../pipeline/estimate.ts";
import type { ModelManifest } from "../pipeline/model-stage.ts";

const n = (x: number) => Math.round(x).toLocaleString("en");
const usd = (x: number) => `$${x < 1 ? x.toFixed(4) : x.toFixed(2)}`;

export function formatEstimate(e: StudyEstimate): string {
  const price = e.price_per_million
    ? `$${e.price_per_million.input} / $${e.price_per_million.output} per million input / output tokens`
    : "no known price (give one with --prices)";
  const naming = {
    calls: e.values_naming.calls + e.theme_naming.calls,
    input: e.values_naming.input + e.theme_naming.input,
    output: e.values_naming.output + e.theme_naming.output,
  };
  const lines = [
    `dry run for ${e.model} (${price}); nothing was sent or written`,
    `  conversations:   ${n(e.conversations)} (${n(e.cached)} answered by the cache or an identical conversation, ${n(e.truncated)} to be truncated)`,
    `  facet requests:  ${n(e.facet_calls)}, ~${n(e.input_tokens)} input tokens (fixed prompt ${n(e.fixed_prompt_tokens)} each), ~${n(e.output_tokens)} output tokens`,
  ];
  if (e.interview_calls > 0)
    lines.push(
      `    of which ${n(e.interview_calls)} interview requests (one per interview, instead of a conversation request; fixed prompt ${n(e.interview_fixed_prompt_tokens)} each)`,
    );
  if (e.request_overhead_tokens > 0)
    lines.push(
      `    every request counted with the provider's own tool-use prompt (+${n(e.request_overhead_tokens)} input tokens; --anthropic-answer json sends none)`,
    );
  if (e.answer_mode === "json-prompt")
    lines.push(
      '    the answer\'s schema in the system prompt, the reply prefilled with "{" (no tool, so no tool-use prompt billed)',
    );
  lines.push(
    `  topic requests:  ~${n(e.cluster_calls)} (naming, hierarchy, audit), ~${n(e.cluster_input_tokens)} input / ~${n(e.cluster_output_tokens)} output tokens`,
    `  naming requests: ~${n(naming.calls)} (values taxonomy groups ~${n(e.values_naming.calls)}, interview themes ~${n(e.theme_naming.calls)}, with their audits), ~${n(naming.input)} input / ~${n(naming.output)} output tokens`,
  );
  if (e.cost_usd !== null) lines.push(`  estimated cost:  ${usd(e.cost_usd)}`);
  if (e.batch_cost_usd !== null) lines.push(`  with --batch:    ${usd(e.batch_cost_usd)}`);
  lines.push(
    "  (input tokens counted with the o200k tokenizer; output tokens, topic and naming requests are estimates:",
    "   how many values groups and themes there will be is known only after the facets)",
  );
  return lines.join("\n");
}

export function formatModelLine(m: ModelManifest): string {
  const failures = Object.entries(m.facet_failures)
    .map(([f, c]) => `${c} ${f}`)
    .join(", ");
  return (
    `model ${m.model} (${m.prompt_version}): ${n(m.calls)} calls, ${n(m.cache_hits)} answers from the cache, ` +
    `${n(m.input_tokens)} input + ${n(m.output_tokens)} output tokens, ${usd(m.cost_usd)}` +
    (m.repairs > 0 ? `, ${m.repairs} repaired` : "") +
    (failures ? `; failed facets: ${failures}` : "")
  );
}
