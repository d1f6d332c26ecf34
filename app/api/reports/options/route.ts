import { listReportOptions } from "@/lib/analytics/server";
import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle } from "@/lib/http/server";

export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["reports:read"], request);
  return Response.json(await listReportOptions(actor.workspaceId));
});
