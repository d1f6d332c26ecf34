import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { campaignMessagesQuerySchema, listCampaignMessages } from "@/lib/delivery/server";
import { handle, parseQuery } from "@/lib/http/respond";

type Context = { params: Promise<{ campaignId: string }> };

export const GET = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["campaigns:read"], request);
  const query = parseQuery(request, campaignMessagesQuerySchema);
  return Response.json(await listCampaignMessages(actor.workspaceId, (await params).campaignId, query));
});
