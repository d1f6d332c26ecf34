import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle } from "@/lib/http/server";
import { getJourneyVersion, parseJourneyVersion } from "@/lib/journeys/server";

type Context = { params: Promise<{ journeyId: string; version: string }> };

export const GET = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["journeys:read"], request);
  const { journeyId, version } = await params;
  return Response.json({
    version: await getJourneyVersion(actor.workspaceId, journeyId, parseJourneyVersion(version)),
  });
});
