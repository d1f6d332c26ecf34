import { getOverview, overviewQuerySchema } from "@/lib/analytics";
import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { handle, parseQuery } from "@/lib/http/respond";

export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["reports:read"], request);
  const query = parseQuery(request, overviewQuerySchema);
  return Response.json(await getOverview(actor.workspaceId, query));
});
