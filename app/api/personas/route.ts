import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { handle, parseBody } from "@/lib/http/respond";
import { createPersona, createPersonaSchema, listPersonas } from "@/lib/personas";

export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["personas:read"], request);
  return Response.json({ personas: await listPersonas(actor.workspaceId) });
});

export const POST = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["personas:edit"], request);
  const input = await parseBody(request, createPersonaSchema);
  return Response.json({ persona: await createPersona(actor, input) }, { status: 201 });
});
