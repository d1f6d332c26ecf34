import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { handle } from "@/lib/http/respond";
import { listEventNames } from "@/lib/profiles";

// The event catalog: every event name the workspace has seen (segment builder, funnels).
export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["profiles:read"], request);
  return Response.json({ events: await listEventNames(actor.workspaceId) });
});
