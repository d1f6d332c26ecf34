import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { KINDS_FOR_CHANNEL } from "@/lib/delivery";
import { listProviders } from "@/lib/delivery/server";
import { handle } from "@/lib/http/server";

export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["delivery:configure"], request);
  return Response.json({ providers: await listProviders(actor.workspaceId), kindsForChannel: KINDS_FOR_CHANNEL });
});
