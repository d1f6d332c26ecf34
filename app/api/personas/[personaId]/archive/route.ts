import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle } from "@/lib/http/server";
import { archivePersona } from "@/lib/personas/server";

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
