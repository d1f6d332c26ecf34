import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle, parseBody, parseQuery } from "@/lib/http/server";
import { createTemplate, listTemplates } from "@/lib/templates/server";
import { createTemplateSchema, listTemplatesQuerySchema } from "@/lib/templates";

export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["templates:read"], request);
  const filter = parseQuery(request, listTemplatesQuerySchema);
  return Response.json({ templates: await listTemplates(actor.workspaceId, filter) });
});

export const POST = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["templates:edit"], request);
  const input = await parseBody(request, createTemplateSchema);
  return Response.json({ template: await createTemplate(actor, input) }, { status: 201 });
});
