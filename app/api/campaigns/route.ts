import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { campaignInputSchema } from "@/lib/delivery/schema";
import { createCampaign, listCampaigns, listCampaignsQuerySchema } from "@/lib/delivery/server";
import { handle, parseBody, parseQuery } from "@/lib/http/respond";

export const GET = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["campaigns:read"], request);
  return Response.json({
    campaigns: await listCampaigns(actor.workspaceId, parseQuery(request, listCampaignsQuerySchema)),
  });
});

export const POST = handle(async (request: Request) => {
  const actor = await requireRole(PERMISSIONS["campaigns:edit"], request);
  const input = await parseBody(request, campaignInputSchema);
  return Response.json({ campaign: await createCampaign(actor, input) }, { status: 201 });
});
