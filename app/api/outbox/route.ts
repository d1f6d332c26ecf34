import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { handle, parseQuery } from "@/lib/http/respond";
import { listOutbox } from "@/lib/delivery/outbox/list-outbox";
import { outboxQuerySchema } from "@/lib/templates/server";

export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["templates:read"], request);
  return Response.json(await listOutbox(actor.workspaceId, parseQuery(request, outboxQuerySchema)));
});
