import type { Metadata } from "next";
import { CampaignReport } from "@/components/reports/campaign-report";
import { ReportsNav } from "@/components/reports/reports-nav";
import { PageHeader } from "@/components/shell/page-header";
import { db } from "@/lib/db/server";
import { requirePageRole } from "@/lib/auth/server";
import { PERMISSIONS } from "@/lib/auth";

export const metadata: Metadata = { title: "Campaign report" };

export default async function CampaignReportPage({ params }: { params: Promise<{ campaignId: string }> }) {
  const actor = await requirePageRole(PERMISSIONS["reports:read"]);
  const { campaignId } = await params;
  const campaign = await db.campaign.findFirst({
    where: { workspaceId: actor.workspaceId, id: campaignId },
    select: { name: true },
  });
  return (
    <>
      <PageHeader
        title={campaign ? campaign.name : "Campaign report"}
        description={
          "Since launch: its funnel, variants, channels and personas, skip reasons and the links " + "people clicked."
        }
      />
      <ReportsNav />
      <CampaignReport campaignId={campaignId} />
    </>
  );
}
