/** Privacy layers: redaction at ingest, the audit of released strings, and the leak scan. */
export { type AuditLog, auditString, newAuditLog } from "./audit.ts";
export { detectPii } from "./detect.ts";
export { addCounts, type RedactionCounts, redactConversation, redactText } from "./redact.ts";
export { type Finding, scanDirectory, scanForPii } from "./scan.ts";
export { PII_TYPES, type PiiSpan, type PiiType } from "./types.ts";
