import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { campaignInputSchema, listCampaignsQuerySchema } from "@/lib/delivery";
import { createCampaign, listCampaigns } from "@/lib/delivery/server";
import { handle, parseBody, parseQuery } from "@/lib/http/server";

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
