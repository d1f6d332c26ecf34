import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle, parseQuery } from "@/lib/http/server";
import { eventPropertiesQuerySchema } from "@/lib/profiles";
import { listEventProperties } from "@/lib/profiles/server";

export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["profiles:read"], request);
  const { name } = parseQuery(request, eventPropertiesQuerySchema);
  return Response.json({ properties: await listEventProperties(actor.workspaceId, name) });
});
