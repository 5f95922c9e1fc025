/**
 * Anthropic Interviewer: 250 AI-led interviews (125 creatives, 125 scientists), read in place from
 * ../shared/data/anthropic_interviewer through convoscope's own interview-csv reader.
 */
import { join } from "node:path";
import { mulberry32 } from "../../src/analyses/stats.ts";
import { readConversations } from "../../src/ingest/index.ts";
import type { Conversation } from "../../src/types.ts";

export const INTERVIEW_FILES = ["creatives_transcripts.csv", "scientists_transcripts.csv"] as const;

export function interviewFiles(dataDir: string): string[] {
  return INTERVIEW_FILES.map((f) => join(dataDir, "anthropic_interviewer", f));
}

export async function loadInterviews(dataDir: string): Promise<Conversation[]> {
  const out: Conversation[] = [];
  for await (const c of readConversations(interviewFiles(dataDir))) out.push(c);
  return out;
}

/** The seed and size of the hand-labelled sample (test/data/LABELLING.md). */
export const LABEL_SEED = 8;
export const LABEL_PER_FILE = 20;
/** The development sample the offline rules were tuned on: the next 12 per file of the same shuffle. */
export const DEV_PER_FILE = 12;

/**
 * The hand-labelled sample: per file, its transcript ids sorted, shuffled by a seeded Fisher-Yates
 * (mulberry32, seed 8), the first 20 kept (held out: chosen and labelled before any extractor
 * existed). `skip` takes a later slice of the same shuffle: the development sample.
 */
export function labelSample(
  ids: readonly string[],
  seed = LABEL_SEED,
  perGroup = LABEL_PER_FILE,
  skip = 0,
): string[] {
  const byGroup = new Map<string, string[]>();
  for (const id of [...ids].sort()) {
    const group = id.replace(/_\d+$/, "");
    byGroup.set(group, [...(byGroup.get(group) ?? []), id]);
  }
  const rand = mulberry32(seed);
  const out: string[] = [];
  for (const group of [...byGroup.keys()].sort()) {
    const pool = [...(byGroup.get(group) as string[])];
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [pool[i], pool[j]] = [pool[j] as string, pool[i] as string];
    }
    out.push(...pool.slice(skip, skip + perGroup));
  }
  return out;
}
