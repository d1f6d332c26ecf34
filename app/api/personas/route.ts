import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle, parseBody, parseQuery } from "@/lib/http/server";
import { createPersona, listPersonas } from "@/lib/personas/server";
import { createPersonaSchema } from "@/lib/personas";
import { archivedQuerySchema } from "@/lib/segments";

export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["personas:read"], request);
  const { archived } = parseQuery(request, archivedQuerySchema);
  return Response.json({ personas: await listPersonas(actor.workspaceId, { archived: archived === "show" }) });
});

export const POST = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["personas:edit"], request);
  const input = await parseBody(request, createPersonaSchema);
  return Response.json({ persona: await createPersona(actor, input) }, { status: 201 });
});
