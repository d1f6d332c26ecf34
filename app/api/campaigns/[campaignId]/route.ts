import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { campaignInputSchema } from "@/lib/delivery";
import { getCampaign, updateCampaign } from "@/lib/delivery/server";
import { handle, parseBody } from "@/lib/http/server";

type Context = { params: Promise<{ campaignId: string }> };

export const GET = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["campaigns:read"], request);
  return Response.json({ campaign: await getCampaign(actor.workspaceId, (await params).campaignId) });
});

export const PUT = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["campaigns:edit"], request);
  const input = await parseBody(request, campaignInputSchema);
  return Response.json({ campaign: await updateCampaign(actor, (await params).campaignId, input) });
});
