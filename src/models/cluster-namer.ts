/**
 * Model-backed naming from contrastive examples (Clio: members and nearby non-members): a name of at
 * most ten words and a short description, in a style (prompts/clusters.ts) for the topic tree's
 * clusters, interview themes or groups of the values taxonomy. Privacy instructions are part of every
 * prompt, and the audit (audit.ts) checks every name again.
 *   - `modelNamer`: the topic tree's `Namer` slot; when the model gives no valid answer, the offline
 *     keyword name stands (the topic stage audits the tree's names itself);
 *   - `modelGroupNamer`: the interview and values stages' `GroupNamer` slot; every name is audited
 *     here, and a group without a valid name, or whose name fails the audit, keeps its offline name.
 */
import { type GroupNamer, keywordNamer, type Namer } from "../cluster/naming.ts";
import { ask, type Named, NamedSchema, tidyName } from "./ask.ts";
import { AUDIT_PASS, auditTexts } from "./audit.ts";
import type { ModelClient } from "./call.ts";
import { CONVERSATION_NAMING, type NamingStyle, namingPrompt } from "./prompts/clusters.ts";

/** One name from the model, or null (no members to name it from, or no valid answer). */
export async function askName(
  client: ModelClient,
  style: NamingStyle,
  o: { members: string[]; outsiders: string[]; keywords: string[] },
): Promise<Named | null> {
  if (o.members.length === 0) return null;
  const answer = await ask(client, {
    purpose: style.purpose,
    promptVersion: style.version,
    system: style.system,
    user: namingPrompt(o, style),
    schema: NamedSchema,
    schemaName: style.schemaName,
    maxTokens: 200,
  });
  return answer ? tidyName(answer) : null;
}

export function modelNamer(client: ModelClient): Namer {
  return {
    async name(cluster) {
      const named = await askName(client, CONVERSATION_NAMING, {
        members: cluster.examples?.members ?? cluster.children ?? [],
        outsiders: cluster.examples?.outsiders ?? [],
        keywords: cluster.keywords,
      });
      return named ?? keywordNamer.name(cluster);
    },
  };
}

export interface NameAudit {
  /** Names the model wrote and the auditor rated. */
  checked: number;
  /** Rated under 3: the group keeps its offline name. */
  failed: number;
}

export function modelGroupNamer(
  client: ModelClient,
  style: NamingStyle,
  onAudit: (audit: NameAudit) => void = () => {},
): GroupNamer {
  return {
    async name(groups) {
      // The client bounds how many are in flight; answers come back in the groups' order.
      const named = await Promise.all(groups.map((g) => askName(client, style, g)));
      const written = named.filter((n): n is Named => n !== null);
      const scores = await auditTexts(
        client,
        written.map((n) => `${n.name}. ${n.description}`),
      );
      let next = 0;
      let failed = 0;
      const out = named.map((n) => {
        if (!n) return null;
        if ((scores[next++] as number) >= AUDIT_PASS) return n;
        failed++;
        return null;
      });
      onAudit({ checked: written.length, failed });
      return out;
    },
  };
}

export interface CallEstimate {
  calls: number;
  input: number;
  output: number;
}

/** Calls and tokens of naming `groups` groups from `examples` texts of `tokensPerExample`, with their audit. */
function namingEstimate(groups: number, examples: number, tokensPerExample: number): CallEstimate {
  if (groups === 0) return { calls: 0, input: 0, output: 0 };
  const audits = Math.ceil(groups / 20);
  return {
    calls: groups + audits,
    // Per naming call ~150 tokens of instructions; per audit call ~25 per name and ~100 of instructions.
    input: groups * (examples * tokensPerExample + 150) + audits * 600,
    output: groups * 60 + audits * 180,
  };
}

/**
 * The values taxonomy's naming calls for a study of n conversations (for `--dry-run`): the distinct
 * values are not known before the run, so they are taken to grow as the square root of the corpus
 * from the values study's 3,307 in 308,210 conversations, and the groups as that study's 297 of
 * 3,307 (266 + 26 + 5). Each group is named from up to 40 values and 20 of its neighbours'.
 */
export function valuesNamingEstimate(conversations: number): CallEstimate {
  const values = Math.min(3 * conversations, Math.round(3307 * Math.sqrt(conversations / 308_210)));
  const groups = values < 5 ? 0 : Math.max(5, Math.ceil((values * 297) / 3307));
  return namingEstimate(groups, 60, 5);
}

/**
 * The interview themes' naming calls (for `--dry-run`): one per theme, `themes` being the sum over
 * the questions of the themes their answers make, each named from up to 30 answers and 30 of the
 * question's other answers (answers truncated to 300 characters in the prompt: ~70 tokens).
 */
export function themeNamingEstimate(themes: number, tokensPerAnswer: number): CallEstimate {
  return namingEstimate(themes, 60, Math.min(70, tokensPerAnswer));
}
