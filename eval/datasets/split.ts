/**
 * A fixed dev / held-out split: rules may be written while looking at "dev" items only; "heldout" items
 * are scored but never looked at. Decided by a hash of the item's id, so it never changes.
 */
import { createHash } from "node:crypto";

export function splitOf(id: string): "dev" | "heldout" {
  const byte = createHash("sha256").update(id).digest()[0] as number;
  return byte % 2 === 0 ? "dev" : "heldout";
}
