import { Megaphone, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { CampaignsTable } from "@/components/campaigns/campaigns-table";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageRole } from "@/lib/auth/server";
import { can, PERMISSIONS } from "@/lib/auth";
import { listCampaigns } from "@/lib/delivery/server";

export const metadata: Metadata = { title: "Campaigns" };

export default async function CampaignsPage() {
  const actor = await requirePageRole(PERMISSIONS["campaigns:read"]);
  const campaigns = await listCampaigns(actor.workspaceId);
  const editor = can(actor.role, "campaigns:edit");
  const create = (
    <Button asChild>
      <Link href="/campaigns/new">
        <Plus className="size-4" aria-hidden /> New campaign
      </Link>
    </Button>
  );
  return (
    <>
      <PageHeader
        title="Campaigns"
        description={
          "Sends of a template to a segment or persona — now, on a schedule, in each person's " +
          "timezone, or on an event — under the workspace policy."
        }
        actions={editor && create}
      />
      <Card>
        <CardContent className="pt-6">
          {campaigns.length === 0 ? (
            <EmptyState
              icon={Megaphone}
              title="No campaigns yet"
              description={
                "A campaign sends a published template to an audience. Start with a push to a persona: you " +
                "will see the pre-launch estimate before anything goes out."
              }
              action={editor ? create : undefined}
            />
          ) : (
            <CampaignsTable campaigns={campaigns} />
          )}
        </CardContent>
      </Card>
    </>
  );
}
