import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle } from "@/lib/http/server";
import { dataAsOf } from "@/lib/profiles/server";

// "Data as of": how far the fold has come for the signed-in member's workspace (its own calls only).
export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["profiles:read"], request);
  return Response.json(await dataAsOf(actor.workspaceId));
});
