export { recordAudit, type AuditEntry } from "./record-audit";
export { listAudit, listAuditFacets, type AuditRow } from "./list-audit";
export { auditFilterSchema, type AuditFilter } from "./schema";
