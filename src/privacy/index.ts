/** Privacy layers: redaction at ingest, the audit of released strings, and the leak scan. */
export { auditString, newAuditLog, type AuditLog } from "./audit.ts";
export { detectPii } from "./detect.ts";
export { addCounts, redactConversation, redactText, type RedactionCounts } from "./redact.ts";
export { scanDirectory, scanForPii, type Finding } from "./scan.ts";
export { PII_TYPES, type PiiSpan, type PiiType } from "./types.ts";
