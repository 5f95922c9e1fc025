/**
 * The audit every released string passes (layer 4): the PII detector reads it, and a string with any
 * finding is dropped and counted. (A model-based auditor scoring 1-5 joins here with the model engine.)
 */
import { detectPii } from "./detect.ts";

export interface AuditLog {
  checked: number;
  dropped: number;
}

export function newAuditLog(): AuditLog {
  return { checked: 0, dropped: 0 };
}

/** True when `text` may be released; counts the check and any drop in `log`. */
export function auditString(text: string, log: AuditLog): boolean {
  log.checked++;
  // Placeholders from redaction are safe; anything else the detector finds is not.
  const findings = detectPii(text.replace(/\[[A-Z_]+\]/g, ""));
  if (findings.length > 0) {
    log.dropped++;
    return false;
  }
  return true;
}
