export { recordAudit, type AuditEntry } from "./record-audit";
export { auditFilterSchema, type AuditFilter } from "./schema";
