import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle, parseQuery } from "@/lib/http/server";
import { eventListQuerySchema } from "@/lib/profiles";
import { listProfileEvents } from "@/lib/profiles/server";

export const GET = handle(async (request: Request, { params }: { params: Promise<{ profileId: string }> }) => {
  const actor = await requireRole(PERMISSIONS["profiles:read"], request);
  const { profileId } = await params;
  return Response.json(
    await listProfileEvents(actor.workspaceId, profileId, parseQuery(request, eventListQuerySchema)),
  );
});
