import { auditFilterSchema, listAudit, listAuditFacets } from "@/lib/audit";
import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { handle, parseQuery } from "@/lib/http/respond";

export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["audit:read"], request);
  const filter = parseQuery(request, auditFilterSchema);
  const [page, facets] = await Promise.all([listAudit(actor.workspaceId, filter), listAuditFacets(actor.workspaceId)]);
  return Response.json({ ...page, facets });
});
