import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { handle, parseOptionalBody } from "@/lib/http/respond";
import { publishTemplate, publishTemplateSchema } from "@/lib/templates/server";

type Context = { params: Promise<{ templateId: string }> };

// Body optional: { segmentId } or { personaId } sets whose coverage the no-default warnings report.
export const POST = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["templates:edit"], request);
  const target = await parseOptionalBody(request, publishTemplateSchema);
  return Response.json({ published: await publishTemplate(actor, (await params).templateId, target) });
});
