import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle, parseOptionalBody } from "@/lib/http/server";
import { publishJourneySchema } from "@/lib/journeys";
import { publishJourneyDraft } from "@/lib/journeys/server";

type Context = { params: Promise<{ journeyId: string }> };

// An empty body publishes the saved draft; { definition } publishes that one.
export const POST = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["journeys:edit"], request);
  const { definition } = await parseOptionalBody(request, publishJourneySchema);
  return Response.json({ published: await publishJourneyDraft(actor, (await params).journeyId, definition) });
});
