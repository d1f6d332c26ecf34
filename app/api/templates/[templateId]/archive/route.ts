import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle } from "@/lib/http/server";
import { archiveTemplate } from "@/lib/templates/server";

type Context = { params: Promise<{ templateId: string }> };

// POST archives, DELETE brings it back; both answer with who archived it and when (nulls once back).
export const POST = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["templates:edit"], request);
  return Response.json({ template: await archiveTemplate(actor, (await params).templateId, true) });
});

export const DELETE = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["templates:edit"], request);
  return Response.json({ template: await archiveTemplate(actor, (await params).templateId, false) });
});
