import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { handle, parseQuery } from "@/lib/http/respond";
import { sampleProfiles, sampleProfilesQuerySchema } from "@/lib/templates/server";

export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["templates:read"], request);
  const { limit, ...target } = parseQuery(request, sampleProfilesQuerySchema);
  return Response.json({ profiles: await sampleProfiles(actor.workspaceId, target, limit) });
});
