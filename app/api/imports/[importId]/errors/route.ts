import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle } from "@/lib/http/server";
import { importErrorReport } from "@/lib/imports/server";

export const GET = handle(async (request: Request, { params }: { params: Promise<{ importId: string }> }) => {
  const actor = await requireRole(PERMISSIONS["profiles:import"], request);
  const { importId } = await params;
  return new Response(await importErrorReport(actor.workspaceId, importId), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="import-${importId}-errors.csv"`,
    },
  });
});
