import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle, parseBody } from "@/lib/http/server";
import { recordValidation } from "@/lib/personas/server";
import { recordValidationSchema } from "@/lib/personas";

type Context = { params: Promise<{ personaId: string }> };

export const POST = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["personas:edit"], request);
  const input = await parseBody(request, recordValidationSchema);
  return Response.json({ validation: await recordValidation(actor, (await params).personaId, input) }, { status: 201 });
});
