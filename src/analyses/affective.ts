/**
 * Figure 1 of the affective-use study: how many conversations are affective, and of which type, with
 * 95% Wilson intervals. Content-creation conversations are never affective (the facet enforces it).
 * A type's bar is released only when its conversations pass the privacy gate.
 */

import type { Row, Section } from "../release/figure.ts";
import { barsWithIntervals, percent, round } from "../release/figure.ts";
import { Cell, userKey } from "../release/gate.ts";
import { AFFECTIVE_TYPES, type AffectiveType, type FacetRecord } from "../types.ts";
import type { Analysis, AnalysisContext } from "./analysis.ts";
import { wilson } from "./stats.ts";

export const AFFECTIVE_LABELS: Record<AffectiveType, string> = {
  interpersonal_advice: "Interpersonal advice",
  coaching: "Coaching",
  counseling: "Counseling",
  companionship: "Companionship",
  romantic_roleplay: "Romantic roleplay",
};

export class AffectivePrevalence implements Analysis {
  readonly id = "affective";
  private classified = 0;
  private contentCreation: Cell;
  private affective: Cell;
  private byType = new Map<AffectiveType, Cell>();

  constructor(private readonly ctx: AnalysisContext) {
    this.contentCreation = new Cell(ctx.thresholds.minUsers);
    this.affective = new Cell(ctx.thresholds.minUsers);
    for (const t of AFFECTIVE_TYPES) this.byType.set(t, new Cell(ctx.thresholds.minUsers));
  }

  add(r: FacetRecord): void {
    if (r.affective === null) return;
    this.classified++;
    const user = userKey(r);
    if (r.content_creation) this.contentCreation.add(user);
    if (!r.affective) return;
    this.affective.add(user);
    for (const t of r.affective_types ?? []) this.byType.get(t)?.add(user);
  }

  finish(): Section | null {
    if (this.classified === 0) return null;
    const n = this.classified;
    const t = this.ctx.thresholds;
    const rows: Row[] = [];
    let suppressed = 0;
    const push = (key: string, label: string, cell: Cell) => {
      if (!cell.passes(t)) {
        suppressed++;
        return;
      }
      const w = wilson(cell.conversations, n);
      rows.push({
        category: key,
        label,
        conversations: cell.conversations,
        share: round(w.p, 5),
        ci_low: round(w.lo, 5),
        ci_high: round(w.hi, 5),
      });
    };
    push("affective", "All affective", this.affective);
    for (const type of AFFECTIVE_TYPES) push(type, AFFECTIVE_LABELS[type], this.byType.get(type) as Cell);

    const summary: string[] = [];
    if (this.affective.passes(t)) {
      const w = wilson(this.affective.conversations, n);
      const top = AFFECTIVE_TYPES.map((k) => [k, this.byType.get(k)?.conversations ?? 0] as const)
        .filter(([k]) => this.byType.get(k)?.passes(t))
        .sort((a, b) => b[1] - a[1])
        .slice(0, 2)
        .map(([k]) => AFFECTIVE_LABELS[k].toLowerCase());
      summary.push(
        `${percent(w.p)} of conversations are affective (95% CI ${percent(w.lo)}-${percent(w.hi)}; the published Claude.ai figure is 2.9%)` +
          (top.length > 0 ? `; the most common types are ${top.join(" and ")}.` : "."),
      );
    } else {
      summary.push("Too few affective conversations to report their share under the privacy thresholds.");
    }
    if (this.contentCreation.passes(t)) {
      summary.push(
        `${percent(this.contentCreation.conversations / n)} of conversations use the assistant as a writing tool (content creation) and are not counted as affective.`,
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
            "Each conversation is classified by the facet engine; shares are over all classified conversations. Types overlap, so they need not sum to the overall share. " +
            "A bar is shown only when its conversations pass the privacy thresholds.",
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
