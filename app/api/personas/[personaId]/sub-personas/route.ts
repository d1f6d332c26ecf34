import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle, parseBody } from "@/lib/http/server";
import { createSubPersona } from "@/lib/personas/server";
import { createSubPersonaSchema } from "@/lib/personas";

type Context = { params: Promise<{ personaId: string }> };

export const POST = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["personas:edit"], request);
  const input = await parseBody(request, createSubPersonaSchema);
  return Response.json({ persona: await createSubPersona(actor, (await params).personaId, input) }, { status: 201 });
});
