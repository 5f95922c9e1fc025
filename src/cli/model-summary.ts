/** How the model engine's figures read on a terminal: the dry-run estimate and the study's summary line. */

import type { StudyEstimate } from "../pipeline/estimate.ts";
import type { ModelManifest } from "../pipeline/model-stage.ts";

const n = (x: number) => Math.round(x).toLocaleString("en");
const usd = (x: number) => `$${x < 1 ? x.toFixed(4) : x.toFixed(2)}`;

export function formatEstimate(e: StudyEstimate): string {
  const price = e.price_per_million
    ? `$${e.price_per_million.input} / $${e.price_per_million.output} per million input / output tokens`
    : "no known price (give one with --prices)";
  const lines = [
    `dry run for ${e.model} (${price}); nothing was sent or written`,
    `  conversations:   ${n(e.conversations)} (${n(e.cached)} answered by the cache or an identical conversation, ${n(e.truncated)} to be truncated)`,
    `  facet requests:  ${n(e.facet_calls)}, ~${n(e.input_tokens)} input tokens (fixed prompt ${n(e.fixed_prompt_tokens)} each), ~${n(e.output_tokens)} output tokens`,
    `  topic requests:  ~${n(e.cluster_calls)} (naming, hierarchy, audit), ~${n(e.cluster_input_tokens)} input / ~${n(e.cluster_output_tokens)} output tokens`,
  ];
  if (e.cost_usd !== null) lines.push(`  estimated cost:  ${usd(e.cost_usd)}`);
  if (e.batch_cost_usd !== null) lines.push(`  with --batch:    ${usd(e.batch_cost_usd)}`);
  lines.push(
    "  (input tokens counted with the o200k tokenizer; output tokens and topic requests are estimates)",
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
