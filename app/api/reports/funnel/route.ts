import { funnelQuerySchema, getFunnel } from "@/lib/analytics";
import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { handle, parseQuery } from "@/lib/http/respond";

export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["reports:read"], request);
  const query = parseQuery(request, funnelQuerySchema);
  return Response.json(await getFunnel(actor.workspaceId, query));
});
