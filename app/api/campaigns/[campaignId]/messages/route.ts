import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { campaignMessagesQuerySchema } from "@/lib/delivery";
import { listCampaignMessages } from "@/lib/delivery/server";
import { handle, parseQuery } from "@/lib/http/server";

type Context = { params: Promise<{ campaignId: string }> };

export const GET = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["campaigns:read"], request);
  const query = parseQuery(request, campaignMessagesQuerySchema);
  return Response.json(await listCampaignMessages(actor.workspaceId, (await params).campaignId, query));
});
