/**
 * What an evaluation suite reports. Floors live in `eval/floors.json`, keyed `suite/name`, as
 * `{ "min": x }` (higher is better) or `{ "max": x }` (lower is better). A floor is raised when the
 * code improves, never lowered to make a run pass.
 */
export interface Metric {
  suite: string;
  /** Short, stable name: the floor key is `${suite}/${name}`. */
  name: string;
  value: number;
  /** Number of items the metric was computed over. */
  n?: number;
  /**
   * "dev" for the part rules were written against, "heldout" for the part kept aside, "test" for labels
   * made after the rules they score were written (never looked at while writing any).
   */
  split?: "dev" | "heldout" | "test" | "all";
  /** A baseline measured in the same run (e.g. plain VADER), printed beside the value. */
  baseline?: number;
  /** Free text: an interval, the target from the issue, a caveat. */
  note?: string;
}

export interface Suite {
  name: string;
  /** Datasets the suite needs under the data folder; the suite is skipped when one is missing. */
  needs: string[];
  run(dataDir: string): Promise<Metric[]>;
}
