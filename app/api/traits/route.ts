import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle } from "@/lib/http/server";
import { listTraitCatalog } from "@/lib/profiles/server";

export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["profiles:read"], request);
  return Response.json({ traits: await listTraitCatalog(actor.workspaceId) });
});
