import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle, parseBody } from "@/lib/http/server";
import { journeyStatusChangeSchema } from "@/lib/journeys";
import { setJourneyStatus } from "@/lib/journeys/server";

type Context = { params: Promise<{ journeyId: string }> };

// Pause, resume (live) or archive a published journey.
export const POST = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["journeys:edit"], request);
  const { status } = await parseBody(request, journeyStatusChangeSchema);
  return Response.json({ journey: await setJourneyStatus(actor, (await params).journeyId, status) });
});
