import { campaignReportQuerySchema, getCampaignReport } from "@/lib/analytics";
import { PERMISSIONS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/require-role";
import { handle } from "@/lib/http/respond";

export const GET = handle(async (request: Request, { params }: { params: Promise<{ campaignId: string }> }) => {
  const actor = await requireRole(PERMISSIONS["reports:read"], request);
  const { campaignId } = campaignReportQuerySchema.parse(await params);
  return Response.json(await getCampaignReport(actor.workspaceId, campaignId));
});
