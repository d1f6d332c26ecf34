import "server-only";

export * from "./index";
export { listAudit, listAuditFacets, type AuditRow } from "./list-audit";
