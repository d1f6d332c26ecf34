import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle, parseQuery } from "@/lib/http/server";
import { diffQuerySchema } from "@/lib/templates";
import { diffVersions } from "@/lib/templates/server";

type Context = { params: Promise<{ templateId: string }> };

export const GET = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["templates:read"], request);
  const { a, b } = parseQuery(request, diffQuerySchema);
  return Response.json({ diff: await diffVersions(actor.workspaceId, (await params).templateId, a, b) });
});
