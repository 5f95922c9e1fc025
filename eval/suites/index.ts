/** Every evaluation suite, in the order `npm run eval` runs them. */
import type { Suite } from "../metric.ts";

export const SUITES: Suite[] = [];
