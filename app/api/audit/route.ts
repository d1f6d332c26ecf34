import { auditFilterSchema } from "@/lib/audit";
import { listAudit, listAuditFacets } from "@/lib/audit/server";
import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle, parseQuery } from "@/lib/http/server";

export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["audit:read"], request);
  const filter = parseQuery(request, auditFilterSchema);
  const [page, facets] = await Promise.all([listAudit(actor.workspaceId, filter), listAuditFacets(actor.workspaceId)]);
  return Response.json({ ...page, facets });
});
