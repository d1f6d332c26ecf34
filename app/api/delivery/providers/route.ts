import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { KINDS_FOR_CHANNEL, listProviders } from "@/lib/delivery/providers";
import { handle } from "@/lib/http/respond";

export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["delivery:configure"], request);
  return Response.json({ providers: await listProviders(actor.workspaceId), kindsForChannel: KINDS_FOR_CHANNEL });
});
