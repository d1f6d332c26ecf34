import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle } from "@/lib/http/server";
import { getImport } from "@/lib/imports/server";

export const GET = handle(async (request: Request, { params }: { params: Promise<{ importId: string }> }) => {
  const actor = await requireRole(PERMISSIONS["profiles:import"], request);
  return Response.json(await getImport(actor.workspaceId, (await params).importId));
});
