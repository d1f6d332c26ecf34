import type { Metadata } from "next";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageRole } from "@/lib/auth/server";
import { PERMISSIONS } from "@/lib/auth";
import { campaignFormOptions } from "@/lib/delivery/server";

export const metadata: Metadata = { title: "New campaign" };

export default async function NewCampaignPage() {
  const actor = await requirePageRole(PERMISSIONS["campaigns:edit"]);
  return (
    <>
      <PageHeader
        title="New campaign"
        description={
          "Who, what and when. It is saved as a draft: you see the pre-launch estimate before " + "anything is sent."
        }
      />
      <CampaignForm options={await campaignFormOptions(actor.workspaceId)} />
    </>
  );
}
