import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle, parseQuery } from "@/lib/http/server";
import { journeyStatsQuerySchema } from "@/lib/journeys";
import { journeyStats } from "@/lib/journeys/server";

type Context = { params: Promise<{ journeyId: string }> };

// Per-step counts of the current version (?version=n for another), read now: not cached.
export const GET = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["journeys:read"], request);
  const query = parseQuery(request, journeyStatsQuerySchema);
  return Response.json({ stats: await journeyStats(actor.workspaceId, (await params).journeyId, query) });
});
