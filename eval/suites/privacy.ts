/**
 * Redaction quality (issue: privacy layers): per-type recall and precision on the Presidio synthetic
 * set (character spans; a gold span counts as found when a predicted span of the mapped type overlaps
 * it), and person / location recall on WNUT-17 (entity level, overlap). Dev and held-out halves.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { detectPii } from "../../src/privacy/detect.ts";
import { redactText } from "../../src/privacy/redact.ts";
import type { PiiSpan, PiiType } from "../../src/privacy/types.ts";
import { loadEsconv } from "../datasets/esconv.ts";
import { loadPresidio } from "../datasets/presidio.ts";
import { splitOf } from "../datasets/split.ts";
import { loadWnut17 } from "../datasets/wnut17.ts";
import type { Metric, Suite } from "../metric.ts";

const SUITE = "privacy";
/** Presidio types we must find, by our type. */
const TARGETS: Record<string, PiiType> = {
  EMAIL_ADDRESS: "EMAIL",
  PHONE_NUMBER: "PHONE",
  CREDIT_CARD: "CARD",
  IBAN_CODE: "IBAN",
  US_SSN: "SSN",
  IP_ADDRESS: "IP",
  PERSON: "PERSON",
  STREET_ADDRESS: "ADDRESS",
};
/** Gold types a prediction of ours may rightly overlap (for precision). */
const COMPATIBLE: Record<PiiType, string[]> = {
  EMAIL: ["EMAIL_ADDRESS"],
  PHONE: ["PHONE_NUMBER"],
  CARD: ["CREDIT_CARD"],
  IBAN: ["IBAN_CODE"],
  SSN: ["US_SSN", "US_DRIVER_LICENSE"],
  IP: ["IP_ADDRESS"],
  URL: ["DOMAIN_NAME"],
  ADDRESS: ["STREET_ADDRESS", "ZIP_CODE", "GPE"],
  DATE_OF_BIRTH: ["DATE_TIME"],
  PERSON: ["PERSON"],
};
const STRUCTURED: PiiType[] = ["EMAIL", "PHONE", "CARD", "IBAN", "SSN", "IP"];

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

export const privacySuite: Suite = {
  name: SUITE,
  needs: ["presidio_synth", "wnut17"],
  async run(dataDir) {
    const metrics: Metric[] = [];
    const presidio = loadPresidio(dataDir).map((item) => ({ ...item, predicted: detectPii(item.text) }));
    for (const split of ["dev", "heldout"] as const) {
      const items = presidio.filter((i) => splitOf(i.id) === split);
      let structuredGold = 0;
      let structuredFound = 0;
      for (const [goldType, ours] of Object.entries(TARGETS)) {
        let gold = 0;
        let found = 0;
        for (const item of items) {
          for (const g of item.spans.filter((s) => s.type === goldType)) {
            gold++;
            if (item.predicted.some((p) => p.type === ours && overlaps(p, g))) found++;
          }
        }
        const predicted = items.flatMap((i) =>
          i.predicted.filter((p) => p.type === ours).map((p) => ({ p, i })),
        );
        const correct = predicted.filter(({ p, i }) =>
          i.spans.some((g) => COMPATIBLE[ours].includes(g.type) && overlaps(p, g)),
        ).length;
        if (STRUCTURED.includes(ours)) {
          structuredGold += gold;
          structuredFound += found;
        }
        const name = ours.toLowerCase();
        metrics.push({
          suite: SUITE,
          name: `presidio_${name}_recall_${split}`,
          split,
          n: gold,
          value: gold ? found / gold : Number.NaN,
          note: STRUCTURED.includes(ours) ? "target >= 0.97" : ours === "PERSON" ? "target >= 0.85" : "",
        });
        metrics.push({
          suite: SUITE,
          name: `presidio_${name}_precision_${split}`,
          split,
          n: predicted.length,
          value: predicted.length ? correct / predicted.length : Number.NaN,
        });
      }
      metrics.push({
        suite: SUITE,
        name: `presidio_structured_recall_${split}`,
        split,
        n: structuredGold,
        value: structuredFound / structuredGold,
        note: "email, phone, card, IBAN, SSN, IP; target >= 0.97",
      });
      const all = items.flatMap((i) => i.predicted.map((p: PiiSpan) => ({ p, i })));
      const ok = all.filter(({ p, i }) =>
        i.spans.some((g) => COMPATIBLE[p.type].includes(g.type) && overlaps(p, g)),
      ).length;
      metrics.push({
        suite: SUITE,
        name: `presidio_overall_precision_${split}`,
        split,
        n: all.length,
        value: ok / all.length,
        note: "target >= 0.8",
      });
    }
    const wnut = loadWnut17(dataDir).map((s) => ({
      ...s,
      predicted: detectPii(s.text).filter((p) => p.type === "PERSON" || p.type === "ADDRESS"),
    }));
    for (const split of ["dev", "heldout"] as const) {
      const items = wnut.filter((s) => splitOf(s.id) === split);
      for (const type of ["person", "location"]) {
        const gold = items.flatMap((s) => s.entities.filter((e) => e.type === type).map((e) => ({ e, s })));
        const found = gold.filter(({ e, s }) => s.predicted.some((p) => overlaps(p, e))).length;
        metrics.push({
          suite: SUITE,
          name: `wnut17_${type}_recall_${split}`,
          split,
          n: gold.length,
          value: found / gold.length,
          note:
            type === "location"
              ? "place names are kept by design (only street addresses are redacted)"
              : "lower-case and handle-style names are hard",
        });
      }
      const persons = items.flatMap((s) =>
        s.predicted.filter((p) => p.type === "PERSON").map((p) => ({ p, s })),
      );
      const right = persons.filter(({ p, s }) =>
        s.entities.some((e) => e.type === "person" && overlaps(p, e)),
      ).length;
      metrics.push({
        suite: SUITE,
        name: `wnut17_person_precision_${split}`,
        split,
        n: persons.length,
        value: right / persons.length,
      });
    }
    if (existsSync(join(dataDir, "esconv"))) metrics.push(...chatMetrics(dataDir));
    return metrics;
  },
};

/**
 * Real chat messages (ESConv, both sides): redaction throughput, and how often each type fires. ESConv
 * holds few real identifiers, so most PERSON flags here are over-redaction (brands, "Covid is ...").
 * No floors: speed depends on the machine.
 */
function chatMetrics(dataDir: string): Metric[] {
  const texts = loadEsconv(dataDir).flatMap((d) => d.conversation.messages.map((m) => m.text));
  for (const t of texts.slice(0, 200)) redactText(t); // warm up: word lists, JIT
  const counts: Partial<Record<PiiType, number>> = {};
  const t0 = performance.now();
  for (const t of texts)
    for (const [k, v] of Object.entries(redactText(t).counts) as [PiiType, number][])
      counts[k] = (counts[k] ?? 0) + v;
  const seconds = (performance.now() - t0) / 1000;
  const per1000 = (type: PiiType) => ((counts[type] ?? 0) * 1000) / texts.length;
  return [
    {
      suite: SUITE,
      name: "esconv_redact_messages_per_s",
      split: "all",
      n: texts.length,
      value: texts.length / seconds,
      note: "redactText on real chat messages, one core",
    },
    ...(["PERSON", "ADDRESS", "PHONE"] as PiiType[]).map(
      (type): Metric => ({
        suite: SUITE,
        name: `esconv_${type.toLowerCase()}_flags_per_1000`,
        split: "all",
        n: texts.length,
        value: per1000(type),
        note: "flags per 1,000 messages; mostly over-redaction",
      }),
    ),
  ];
}
