/**
 * The model-backed `Namer` (the naming slot of src/cluster/naming.ts): a name of at most ten words
 * and a two-sentence description, from contrastive examples when given (Clio: members' summaries and
 * nearby non-members'), else from the releasable keywords and the children's names. Privacy
 * instructions are part of the prompt; the audit (audit.ts) checks the result again. When the model
 * gives no valid answer, the offline keyword name stands.
 */
import { keywordNamer, type Namer } from "../cluster/naming.ts";
import { ask, NamedSchema, tidyName } from "./ask.ts";
import type { ModelClient } from "./call.ts";
import { NAMING_PROMPT_VERSION, NAMING_SYSTEM, namingPrompt } from "./prompts/clusters.ts";

export function modelNamer(client: ModelClient): Namer {
  return {
    async name(cluster) {
      const members = cluster.examples?.members ?? cluster.children ?? [];
      const answer =
        members.length === 0
          ? null
          : await ask(client, {
              purpose: "naming",
              promptVersion: NAMING_PROMPT_VERSION,
              system: NAMING_SYSTEM,
              user: namingPrompt({
                members,
                outsiders: cluster.examples?.outsiders ?? [],
                keywords: cluster.keywords,
              }),
              schema: NamedSchema,
              schemaName: "cluster_name",
              maxTokens: 200,
            });
      return answer ? tidyName(answer) : keywordNamer.name(cluster);
    },
  };
}
