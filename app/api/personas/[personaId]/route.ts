import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle, parseBody } from "@/lib/http/server";
import { deletePersona, getPersona, updatePersona } from "@/lib/personas/server";
import { updatePersonaSchema } from "@/lib/personas";

type Context = { params: Promise<{ personaId: string }> };

export const GET = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["personas:read"], request);
  return Response.json({ persona: await getPersona(actor.workspaceId, (await params).personaId) });
});

export const PATCH = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["personas:edit"], request);
  const input = await parseBody(request, updatePersonaSchema);
  return Response.json({ persona: await updatePersona(actor, (await params).personaId, input) });
});

export const DELETE = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["personas:edit"], request);
  return Response.json({ persona: await deletePersona(actor, (await params).personaId) });
});
