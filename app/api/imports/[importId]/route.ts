import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { handle } from "@/lib/http/respond";
import { getImport } from "@/lib/imports";

export const GET = handle(async (request: Request, { params }: { params: Promise<{ importId: string }> }) => {
  const actor = await requireRole(PERMISSIONS["profiles:import"], request);
  return Response.json(await getImport(actor.workspaceId, (await params).importId));
});
