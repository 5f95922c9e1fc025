/**
 * Figure 1 of the affective-use study: how many conversations are affective, and of which type, with
 * 95% Wilson intervals. Content-creation conversations are never affective (the facet enforces it).
 * A bar is released only when its conversations pass the privacy gate and no difference of bars
 * (all minus affective, affective minus types) singles out fewer (src/analyses/groups.ts).
 */

import type { Row, Section } from "../release/figure.ts";
import { barsWithIntervals, percent, round } from "../release/figure.ts";
import { AFFECTIVE_TYPES, type FacetRecord } from "../types.ts";
import type { Analysis, AnalysisContext } from "./analysis.ts";
import { AFFECTIVE_LABELS, SharedLabels } from "./groups.ts";
import { wilson } from "./stats.ts";

export { AFFECTIVE_LABELS } from "./groups.ts";

export class AffectivePrevalence implements Analysis {
  readonly id = "affective";
  private total = 0;
  private readonly shared: SharedLabels;

  constructor(ctx: AnalysisContext) {
    this.shared = new SharedLabels(ctx.thresholds);
  }

  add(r: FacetRecord): void {
    this.total++;
    this.shared.add(r);
  }

  finish(): Section | null {
    if (this.total === 0) return null;
    const n = this.total;
    // One gate for affective, its types and content creation: each shown label passes, and so does
    // every difference of shown ones (all minus affective, affective minus a type, ...).
    const gated = this.shared.gate();
    const shown = new Map(gated.kept.map((k) => [k.key, k.cell]));
    const bars = [
      ["affective", "All affective"] as const,
      ...AFFECTIVE_TYPES.map((k) => [k, AFFECTIVE_LABELS[k]] as const),
    ];
    const rows: Row[] = [];
    for (const [key, label] of bars) {
      const cell = shown.get(key);
      if (!cell) continue;
      const w = wilson(cell.conversations, n);
      rows.push({
        category: key,
        label,
        conversations: cell.conversations,
        share: round(w.p, 5),
        ci_low: round(w.lo, 5),
        ci_high: round(w.hi, 5),
      });
    }
    const suppressed = bars.length - rows.length;
    const affective = shown.get("affective");
    const contentCreation = shown.get("content_creation");

    const summary: string[] = [];
    if (affective) {
      const w = wilson(affective.conversations, n);
      const top = AFFECTIVE_TYPES.flatMap((k) => {
        const c = shown.get(k);
        return c ? [[k, c.conversations] as const] : [];
      })
        .sort((a, b) => b[1] - a[1])
        .slice(0, 2)
        .map(([k]) => AFFECTIVE_LABELS[k].toLowerCase());
      summary.push(
        `${percent(w.p)} of conversations are affective (95% CI ${percent(w.lo)}-${percent(w.hi)}; the published Claude.ai figure is 2.9%)` +
          (top.length > 1
            ? `; the most common types are ${top.join(" and ")}.`
            : top.length === 1
              ? `; the most common type shown is ${top[0]}.`
              : "."),
      );
    } else {
      summary.push("Too few affective conversations to report their share under the privacy thresholds.");
    }
    if (contentCreation) {
      summary.push(
        `${percent(contentCreation.conversations / n)} of conversations use the assistant as a writing tool (content creation) and are not counted as affective.`,
      );
    }
    return {
      id: this.id,
      summary,
      title: "Affective conversations",
      intro: [
        "An affective conversation is a dynamic, personal exchange motivated by emotional or psychological needs: " +
          "interpersonal advice, coaching, counseling, companionship, or romantic roleplay (a conversation may have several types). " +
          "Content creation (stories, posts, fictional dialogue written with the assistant as a tool) is excluded, and romantic roleplay needs at least four human messages.",
      ],
      figures: [
        {
          id: "affective-prevalence",
          title: "How common affective conversations are",
          caption:
            "Share of all conversations that are affective, overall and by type, with 95% Wilson intervals.",
          method:
            "Each conversation is classified by the facet engine; shares are over all conversations. Types overlap, so they need not sum to the overall share. " +
            "A bar is shown only when its conversations pass the privacy thresholds, and so do the differences of bars (all minus affective, affective minus a type); else the smallest such bar is not shown.",
          n,
          rows,
          suppressed,
          spec: barsWithIntervals({
            value: "share",
            lo: "ci_low",
            hi: "ci_high",
            title: "Share of conversations",
            color: "#3b6ea8",
            format: ".1%",
          }),
        },
      ],
    };
  }
}
