import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle, parseBody } from "@/lib/http/server";
import { deleteTemplate, getTemplate, saveDraft } from "@/lib/templates/server";
import { updateTemplateSchema } from "@/lib/templates";

type Context = { params: Promise<{ templateId: string }> };

export const GET = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["templates:read"], request);
  return Response.json({ template: await getTemplate(actor.workspaceId, (await params).templateId) });
});

// The editor's autosave: name, description and/or the draft content; an unchanged body writes nothing.
export const PATCH = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["templates:edit"], request);
  const input = await parseBody(request, updateTemplateSchema);
  return Response.json({ template: await saveDraft(actor, (await params).templateId, input) });
});

export const DELETE = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["templates:edit"], request);
  return Response.json({ template: await deleteTemplate(actor, (await params).templateId) });
});
