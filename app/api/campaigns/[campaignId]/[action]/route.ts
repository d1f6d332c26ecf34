import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { campaignActionSchema } from "@/lib/delivery";
import { changeCampaignStatus, launchCampaign } from "@/lib/delivery/server";
import { AppError } from "@/lib/http";
import { handle } from "@/lib/http/server";

type Context = { params: Promise<{ campaignId: string; action: string }> };

// POST /api/campaigns/<id>/launch | pause | resume | cancel
export const POST = handle(async (request: Request, { params }: Context) => {
  const actor = await requireRole(PERMISSIONS["campaigns:edit"], request);
  const { campaignId, action } = await params;
  const parsed = campaignActionSchema.safeParse(action);
  if (!parsed.success) throw new AppError(404, "not_found", parsed.error.issues[0]!.message, "action");
  const campaign =
    parsed.data === "launch"
      ? await launchCampaign(actor, campaignId)
      : await changeCampaignStatus(actor, campaignId, parsed.data);
  return Response.json({ campaign });
});
