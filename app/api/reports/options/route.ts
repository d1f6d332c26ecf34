import { listReportOptions } from "@/lib/analytics";
import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { handle } from "@/lib/http/respond";

export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["reports:read"], request);
  return Response.json(await listReportOptions(actor.workspaceId));
});
