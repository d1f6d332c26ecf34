import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle, parseBody, parseQuery } from "@/lib/http/server";
import { createJourneySchema, listJourneysQuerySchema } from "@/lib/journeys";
import { createJourney, listJourneys } from "@/lib/journeys/server";

export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["journeys:read"], request);
  const { archived } = parseQuery(request, listJourneysQuerySchema);
  return Response.json({ journeys: await listJourneys(actor.workspaceId, { archived: archived === "show" }) });
});

export const POST = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["journeys:edit"], request);
  const input = await parseBody(request, createJourneySchema);
  return Response.json({ journey: await createJourney(actor, input) }, { status: 201 });
});
