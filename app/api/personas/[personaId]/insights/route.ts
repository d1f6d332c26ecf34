import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { handle } from "@/lib/http/respond";
import { getPersona, getPersonaInsights } from "@/lib/personas";

type Context = { params: Promise<{ personaId: string }> };

export const GET = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["personas:read"], request);
  const persona = await getPersona(actor.workspaceId, (await params).personaId);
  return Response.json({ insights: await getPersonaInsights(actor.workspaceId, persona) });
});
