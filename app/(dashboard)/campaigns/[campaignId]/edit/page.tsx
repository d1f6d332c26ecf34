import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageRole } from "@/lib/auth/server";
import { PERMISSIONS } from "@/lib/auth";
import { EDITABLE_STATUSES, campaignFormOptions, getCampaign } from "@/lib/delivery/server";
import { orNotFound } from "../../../or-not-found";

export const metadata: Metadata = { title: "Edit campaign" };

export default async function EditCampaignPage({ params }: { params: Promise<{ campaignId: string }> }) {
  const actor = await requirePageRole(PERMISSIONS["campaigns:edit"]);
  const { campaignId } = await params;
  const campaign = await orNotFound(getCampaign(actor.workspaceId, campaignId));
  if (!EDITABLE_STATUSES.has(campaign.status)) redirect(`/campaigns/${campaignId}`);
  return (
    <>
      <PageHeader
        title={`Edit ${campaign.definition.name}`}
        description="Changes apply to what has not been sent yet."
      />
      <CampaignForm
        options={await campaignFormOptions(actor.workspaceId)}
        campaignId={campaignId}
        initial={campaign.definition}
      />
    </>
  );
}
