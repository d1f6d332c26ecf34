import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { handle, parseBody } from "@/lib/http/respond";
import { previewTemplate, previewTemplateSchema } from "@/lib/templates/server";

// Called live by the editor; writes nothing, so reading templates is enough.
export const POST = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["templates:read"], request);
  const input = await parseBody(request, previewTemplateSchema);
  return Response.json({ preview: await previewTemplate(actor.workspaceId, input) });
});
