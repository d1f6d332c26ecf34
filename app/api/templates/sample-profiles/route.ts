import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle, parseQuery } from "@/lib/http/server";
import { sampleProfiles } from "@/lib/templates/server";
import { sampleProfilesQuerySchema } from "@/lib/templates";

export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["templates:read"], request);
  const { limit, ...target } = parseQuery(request, sampleProfilesQuerySchema);
  return Response.json({ profiles: await sampleProfiles(actor.workspaceId, target, limit) });
});
