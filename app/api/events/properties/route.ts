import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { handle, parseQuery } from "@/lib/http/respond";
import { eventPropertiesQuerySchema, listEventProperties } from "@/lib/profiles";

export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["profiles:read"], request);
  const { name } = parseQuery(request, eventPropertiesQuerySchema);
  return Response.json({ properties: await listEventProperties(actor.workspaceId, name) });
});
