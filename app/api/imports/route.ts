import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { handle, parseBody } from "@/lib/http/respond";
import { startImport, startImportSchema } from "@/lib/imports";

export const POST = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["profiles:import"], request);
  const input = await parseBody(request, startImportSchema);
  return Response.json(await startImport(actor, input), { status: 202 });
});
