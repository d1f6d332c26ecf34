import { getRetention, retentionQuerySchema } from "@/lib/analytics";
import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { handle, parseQuery } from "@/lib/http/respond";

export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["reports:read"], request);
  const query = parseQuery(request, retentionQuerySchema);
  return Response.json(await getRetention(actor.workspaceId, query));
});
