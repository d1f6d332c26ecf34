import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle, parseQuery } from "@/lib/http/server";
import { ingestHealth, ingestHealthQuerySchema } from "@/lib/profiles/server";

export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["ingestion:monitor"], request);
  const { limit } = parseQuery(request, ingestHealthQuerySchema);
  return Response.json(await ingestHealth(actor.workspaceId, { refusedLimit: limit }));
});
