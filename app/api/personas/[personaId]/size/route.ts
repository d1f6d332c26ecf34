import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { handle } from "@/lib/http/respond";
import { countPersonaAudience } from "@/lib/personas";

type Context = { params: Promise<{ personaId: string }> };

export const GET = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["personas:read"], request);
  return Response.json(await countPersonaAudience(actor.workspaceId, (await params).personaId));
});
