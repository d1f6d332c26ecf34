import { funnelQuerySchema } from "@/lib/analytics";
import { getFunnel } from "@/lib/analytics/server";
import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle, parseQuery } from "@/lib/http/server";

export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["reports:read"], request);
  const query = parseQuery(request, funnelQuerySchema);
  return Response.json(await getFunnel(actor.workspaceId, query));
});
