import { campaignReportQuerySchema } from "@/lib/analytics";
import { getCampaignReport } from "@/lib/analytics/server";
import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { handle } from "@/lib/http/server";

export const GET = handle(async (request: Request, { params }: { params: Promise<{ campaignId: string }> }) => {
  const actor = await requireRole(PERMISSIONS["reports:read"], request);
  const { campaignId } = campaignReportQuerySchema.parse(await params);
  return Response.json(await getCampaignReport(actor.workspaceId, campaignId));
});
