import { experimentRetentionQuerySchema } from "@/lib/analytics";
import { getExperimentRetention } from "@/lib/analytics/server";
import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle, parseQuery } from "@/lib/http/server";

export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["reports:read"], request);
  const query = parseQuery(request, experimentRetentionQuerySchema);
  return Response.json(await getExperimentRetention(actor.workspaceId, query));
});
