import { experimentRetentionQuerySchema, getExperimentRetention } from "@/lib/analytics";
import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { handle, parseQuery } from "@/lib/http/respond";

export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["reports:read"], request);
  const query = parseQuery(request, experimentRetentionQuerySchema);
  return Response.json(await getExperimentRetention(actor.workspaceId, query));
});
