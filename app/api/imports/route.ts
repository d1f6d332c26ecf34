import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle, parseBody } from "@/lib/http/server";
import { startImport } from "@/lib/imports/server";
import { startImportSchema } from "@/lib/imports";

export const POST = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["profiles:import"], request);
  const input = await parseBody(request, startImportSchema);
  return Response.json(await startImport(actor, input), { status: 202 });
});
