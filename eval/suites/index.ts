/** Every evaluation suite, in the order `npm run eval` runs them. */
import type { Suite } from "../metric.ts";
import { affectiveSuite } from "./affective.ts";
import { clustersSuite } from "./clusters.ts";
import { facetsSuite } from "./facets.ts";
import { interviewsSuite } from "./interviews.ts";
import { privacySuite } from "./privacy.ts";
import { safetySuite } from "./safety.ts";
import { valuesSuite } from "./values.ts";

export const SUITES: Suite[] = [
  facetsSuite,
  affectiveSuite,
  safetySuite,
  privacySuite,
  clustersSuite,
  valuesSuite,
  interviewsSuite,
];
