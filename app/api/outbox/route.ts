import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle, parseQuery } from "@/lib/http/server";
import { listOutbox } from "@/lib/delivery/server";
import { outboxQuerySchema } from "@/lib/delivery";

export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["templates:read"], request);
  return Response.json(await listOutbox(actor.workspaceId, parseQuery(request, outboxQuerySchema)));
});
