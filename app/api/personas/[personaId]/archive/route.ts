import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { handle } from "@/lib/http/respond";
import { archivePersona } from "@/lib/personas";

type Context = { params: Promise<{ personaId: string }> };

// POST archives, DELETE brings it back; both answer with who archived it and when (nulls once back).
export const POST = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["personas:edit"], request);
  return Response.json({ persona: await archivePersona(actor, (await params).personaId, true) });
});

export const DELETE = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["personas:edit"], request);
  return Response.json({ persona: await archivePersona(actor, (await params).personaId, false) });
});
