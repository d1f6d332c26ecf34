import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { handle, parseQuery } from "@/lib/http/respond";
import { eventListQuerySchema, listProfileEvents } from "@/lib/profiles";

export const GET = handle(async (request: Request, { params }: { params: Promise<{ profileId: string }> }) => {
  const actor = await requireRole(PERMISSIONS["profiles:read"], request);
  const { profileId } = await params;
  return Response.json(
    await listProfileEvents(actor.workspaceId, profileId, parseQuery(request, eventListQuerySchema)),
  );
});
