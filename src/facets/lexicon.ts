/**
 * Cue lexicons: named patterns compiled once into a single regular expression per lexicon, so
 * matching a message costs one scan however many cues there are, and every hit still says which cue
 * fired (for `convoscope explain`).
 */

export interface CueSpec {
  name: string;
  /** A regular-expression source, matched case-insensitively on lower-cased text at word boundaries. */
  pattern: string;
  weight: number;
}

export interface CueHit {
  name: string;
  weight: number;
  /** Character offset of the hit in the text. */
  at: number;
}

export class Lexicon {
  private readonly regex: RegExp;
  private readonly specs: CueSpec[];

  constructor(specs: CueSpec[]) {
    this.specs = specs;
    this.regex = new RegExp(specs.map((s) => `\\b(${s.pattern})\\b`).join("|"), "g");
    // Patterns must not have capturing groups of their own: group k+1 identifies cue k.
    const groups = new RegExp(`${this.regex.source}|`).exec("")?.length ?? 0;
    if (groups - 1 !== specs.length) throw new Error("lexicon patterns must use (?:...) groups only");
  }

  /** Every hit in `text`, in order. */
  match(text: string): CueHit[] {
    const hits: CueHit[] = [];
    this.regex.lastIndex = 0;
    for (let m = this.regex.exec(text); m !== null; m = this.regex.exec(text)) {
      for (let g = 1; g < m.length; g++) {
        if (m[g] !== undefined) {
          const spec = this.specs[g - 1] as CueSpec;
          hits.push({ name: spec.name, weight: spec.weight, at: m.index });
          break;
        }
      }
      if (m[0].length === 0) this.regex.lastIndex++;
    }
    return hits;
  }

  /** Sum of weights of distinct cues that fire (a cue repeated in one text counts once). */
  score(text: string): { score: number; hits: CueHit[] } {
    const hits = this.match(text);
    const seen = new Set<string>();
    let score = 0;
    for (const h of hits) {
      if (seen.has(h.name)) continue;
      seen.add(h.name);
      score += h.weight;
    }
    return { score, hits };
  }

  test(text: string): boolean {
    this.regex.lastIndex = 0;
    return this.regex.test(text);
  }
}

export function lexicon(entries: [name: string, pattern: string, weight?: number][]): Lexicon {
  return new Lexicon(entries.map(([name, pattern, weight]) => ({ name, pattern, weight: weight ?? 1 })));
}
