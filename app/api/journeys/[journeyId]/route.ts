import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle } from "@/lib/http/server";
import { getJourney } from "@/lib/journeys/server";

type Context = { params: Promise<{ journeyId: string }> };

export const GET = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["journeys:read"], request);
  return Response.json({ journey: await getJourney(actor.workspaceId, (await params).journeyId) });
});
