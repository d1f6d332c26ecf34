import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle, parseBody } from "@/lib/http/server";
import { journeyDefinitionSchema } from "@/lib/journeys";
import { saveJourneyDraft } from "@/lib/journeys/server";

type Context = { params: Promise<{ journeyId: string }> };

// The body is the definition itself, so 400s and the issues name the same paths (`nodes.<i>.…`).
export const PUT = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["journeys:edit"], request);
  const definition = await parseBody(request, journeyDefinitionSchema);
  return Response.json(await saveJourneyDraft(actor, (await params).journeyId, definition));
});
