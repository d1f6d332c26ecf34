import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle } from "@/lib/http/server";
import { listEventNames } from "@/lib/profiles/server";

// The event catalog: every event name the workspace has seen (segment builder, funnels).
export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["profiles:read"], request);
  return Response.json({ events: await listEventNames(actor.workspaceId) });
});
