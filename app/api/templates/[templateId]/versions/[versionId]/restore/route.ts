import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle } from "@/lib/http/server";
import { restoreVersion } from "@/lib/templates/server";

type Context = { params: Promise<{ templateId: string; versionId: string }> };

export const POST = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["templates:edit"], request);
  const { templateId, versionId } = await params;
  return Response.json({ restored: await restoreVersion(actor, templateId, versionId) });
});
