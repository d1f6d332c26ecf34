import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle } from "@/lib/http/server";
import { getPersona, getPersonaInsights } from "@/lib/personas/server";

type Context = { params: Promise<{ personaId: string }> };

export const GET = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["personas:read"], request);
  const persona = await getPersona(actor.workspaceId, (await params).personaId);
  return Response.json({ insights: await getPersonaInsights(actor.workspaceId, persona) });
});
