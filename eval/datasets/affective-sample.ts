/**
 * The sample of real conversations hand-labelled with the affective types (test/data/affective/):
 * no public set carries these labels, and the proxies (every ESConv dialog is support, every
 * CounselChat question goes to a therapist) say nothing about which type a conversation is.
 *
 * Chosen before any label was written and without the facet engine: per stratum, the candidates'
 * ids sorted, shuffled by a seeded Fisher-Yates (mulberry32), the first N kept.
 *   - hh-random: HH-RLHF conversations, uniformly (what a general log looks like);
 *   - hh-personal: the other HH-RLHF conversations whose human speaks about themselves and their
 *     feelings, relations or life (an engine-independent screen, SCREEN below), so that the sample
 *     holds enough affective conversations to score each type;
 *   - esconv: emotional-support dialogs (all support; which type is the question);
 *   - counselchat: questions to therapists.
 * Shares over the whole sample are not prevalence figures: hh-personal is enriched by design.
 */
import { mulberry32 } from "../../src/analyses/stats.ts";
import type { Conversation } from "../../src/types.ts";
import { loadCounselChat } from "./counsel-chat.ts";
import { loadEsconv } from "./esconv.ts";
import { loadHh } from "./hh-rlhf.ts";
import { splitOf } from "./split.ts";

export const AFFECTIVE_SAMPLE_SEED = 20261207;
/**
 * Items per stratum in batches 1 and 2. The sample grew in batches, each taking the next items of the
 * same shuffles, so a smaller sample is always the start of a larger one: batch 1 was 150 / 150 / 60 /
 * 80, batch 2 added 100 hh-personal, 120 esconv and 120 counselchat, and batch 3 (BATCH_3) the next
 * dev-half items (test/data/affective/LABELLING.md).
 */
export const STRATA = { "hh-random": 150, "hh-personal": 250, esconv: 180, counselchat: 200 } as const;
export type Stratum = keyof typeof STRATA;
/** How many of each stratum's items batch 1 held; the rest are batch 2. */
const BATCH_1: Record<Stratum, number> = {
  "hh-random": 150,
  "hh-personal": 150,
  esconv: 60,
  counselchat: 80,
};

/**
 * Batch 3: after each stratum's first STRATA items, the next ones of the same shuffle that fall in
 * the dev half of the fixed split (splitOf): more items to write rules against, none of them in a
 * held-out half any other suite scores. hh-personal had 24 such items left: all of them.
 */
export const BATCH_3: Partial<Record<Stratum, number>> = {
  "hh-personal": 24,
  esconv: 100,
  counselchat: 120,
};

/** A human speaking about themselves and their feelings, people or life (the hh-personal screen). */
const SCREEN =
  /\b(?:i|i'm|im|i've|my|me)\b[^.?!]{0,80}\b(?:feel\w*|lonel\w*|sad|depress\w*|anxi\w*|stress\w*|girlfriend|boyfriend|wife|husband|partner|friends?|mom|mum|dad|mother|father|parents?|sister|brother|son|daughter|kids?|boss|cowork\w*|relationship|dating|date|breakup|broke up|marri\w*|divorc\w*|confiden\w*|motivat\w*|career|goals?|therap\w*|cry\w*|hurt|love|crush|life|myself)\b/i;

export interface SampledConversation {
  stratum: Stratum;
  /**
   * 1: labelled before this sample's rules were revised; 2: labelled after, kept unread (test);
   * 3: more dev items, labelled later still (LABELLING.md).
   */
  batch: 1 | 2 | 3;
  conversation: Conversation;
}

function shuffled(ids: string[], seed: number): string[] {
  const pool = [...ids].sort();
  const rand = mulberry32(seed);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [pool[i], pool[j]] = [pool[j] as string, pool[i] as string];
  }
  return pool;
}

/**
 * A stratum's labelled items from its shuffle: the first STRATA[stratum] (batch 1, then batch 2), then
 * batch 3's dev-half items.
 */
function take(stratum: Stratum, order: string[]): { id: string; batch: 1 | 2 | 3 }[] {
  const n = STRATA[stratum];
  const first = order.slice(0, n).map((id, i) => ({ id, batch: i < BATCH_1[stratum] ? 1 : 2 }) as const);
  const third = order
    .slice(n)
    .filter((id) => splitOf(id) === "dev")
    .slice(0, BATCH_3[stratum] ?? 0)
    .map((id) => ({ id, batch: 3 }) as const);
  return [...first, ...third];
}

/** The labelled sample, in a fixed order (stratum by stratum, shuffled within). */
export function affectiveSample(dataDir: string): SampledConversation[] {
  const hh = loadHh(dataDir);
  const byId = new Map<string, Conversation>(hh.map((c) => [c.id, c]));
  const randomOrder = shuffled(
    hh.map((c) => c.id),
    AFFECTIVE_SAMPLE_SEED,
  );
  // Only batch 1 draws from the uniform stratum; hh-personal is screened from what it left.
  const taken = new Set(randomOrder.slice(0, STRATA["hh-random"]));
  const personalPool = hh
    .filter((c) => !taken.has(c.id) && c.messages.some((m) => m.role === "user" && SCREEN.test(m.text)))
    .map((c) => c.id);
  const esconv = new Map(loadEsconv(dataDir).map((d) => [d.conversation.id, d.conversation]));
  const counsel = new Map(loadCounselChat(dataDir).map((q) => [q.conversation.id, q.conversation]));
  const pick = (stratum: Stratum, order: string[], from: Map<string, Conversation>): SampledConversation[] =>
    take(stratum, order).map(({ id, batch }) => ({
      stratum,
      batch,
      conversation: from.get(id) as Conversation,
    }));
  return [
    ...pick("hh-random", randomOrder, byId),
    ...pick("hh-personal", shuffled(personalPool, AFFECTIVE_SAMPLE_SEED + 1), byId),
    ...pick("esconv", shuffled([...esconv.keys()], AFFECTIVE_SAMPLE_SEED + 2), esconv),
    ...pick("counselchat", shuffled([...counsel.keys()], AFFECTIVE_SAMPLE_SEED + 3), counsel),
  ];
}
