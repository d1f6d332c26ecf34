import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { handle, parseBody } from "@/lib/http/respond";
import { createSubPersona, createSubPersonaSchema } from "@/lib/personas";

type Context = { params: Promise<{ personaId: string }> };

export const POST = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["personas:edit"], request);
  const input = await parseBody(request, createSubPersonaSchema);
  return Response.json({ persona: await createSubPersona(actor, (await params).personaId, input) }, { status: 201 });
});
