import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { handle, parseQuery } from "@/lib/http/respond";
import { diffQuerySchema, diffVersions } from "@/lib/templates/server";

type Context = { params: Promise<{ templateId: string }> };

export const GET = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["templates:read"], request);
  const { a, b } = parseQuery(request, diffQuerySchema);
  return Response.json({ diff: await diffVersions(actor.workspaceId, (await params).templateId, a, b) });
});
