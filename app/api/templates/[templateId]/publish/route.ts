import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle, parseOptionalBody } from "@/lib/http/server";
import { publishTemplate } from "@/lib/templates/server";
import { publishTemplateSchema } from "@/lib/templates";

type Context = { params: Promise<{ templateId: string }> };

// Body optional: { segmentId } or { personaId } sets whose coverage the no-default warnings report.
export const POST = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["templates:edit"], request);
  const target = await parseOptionalBody(request, publishTemplateSchema);
  return Response.json({ published: await publishTemplate(actor, (await params).templateId, target) });
});
