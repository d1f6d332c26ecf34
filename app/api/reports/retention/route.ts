import { getRetention } from "@/lib/analytics/server";
import { retentionQuerySchema } from "@/lib/analytics";
import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle, parseQuery } from "@/lib/http/server";

export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["reports:read"], request);
  const query = parseQuery(request, retentionQuerySchema);
  return Response.json(await getRetention(actor.workspaceId, query));
});
