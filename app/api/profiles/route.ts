import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle, parseQuery } from "@/lib/http/server";
import { listProfiles } from "@/lib/profiles/server";
import { profileListQuerySchema } from "@/lib/profiles";

export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["profiles:read"], request);
  return Response.json(await listProfiles(actor.workspaceId, parseQuery(request, profileListQuerySchema)));
});
