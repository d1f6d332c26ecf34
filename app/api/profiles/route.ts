import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { handle, parseQuery } from "@/lib/http/respond";
import { listProfiles, profileListQuerySchema } from "@/lib/profiles";

export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["profiles:read"], request);
  return Response.json(await listProfiles(actor.workspaceId, parseQuery(request, profileListQuerySchema)));
});
