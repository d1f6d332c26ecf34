import { Pencil } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { CampaignActions } from "@/components/campaigns/campaign-actions";
import { CampaignLive } from "@/components/campaigns/campaign-live";
import { CampaignStatusBadge } from "@/components/campaigns/campaign-status-badge";
import { describeSchedule } from "@/components/campaigns/schedule-kinds";
import { formatUtc } from "@/components/format-time";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { requirePageRole } from "@/lib/auth/server";
import { can, PERMISSIONS } from "@/lib/auth";
import { EDITABLE_STATUSES, getCampaign } from "@/lib/delivery/server";
import { getExperiment } from "@/lib/experiments/server";
import { CHANNEL_SPECS } from "@/lib/templates";
import { orNotFound } from "../../or-not-found";

export const metadata: Metadata = { title: "Campaign" };

export default async function CampaignPage({ params }: { params: Promise<{ campaignId: string }> }) {
  const actor = await requirePageRole(PERMISSIONS["campaigns:read"]);
  const campaign = await orNotFound(getCampaign(actor.workspaceId, (await params).campaignId));
  const d = campaign.definition;
  const editor = can(actor.role, "campaigns:edit");
  const experiment = d.experimentId ? await getExperiment(actor.workspaceId, d.experimentId).catch(() => null) : null;
  return (
    <>
      <PageHeader
        title={d.name}
        description={
          `${CHANNEL_SPECS[d.channel]?.label ?? d.channel} to ${campaign.audienceLabel} · ` +
          `${describeSchedule(d.schedule)}${d.transactional ? " · transactional" : ""}`
        }
        actions={
          editor && (
            <div className="flex items-start gap-2">
              {EDITABLE_STATUSES.has(campaign.status) && (
                <Button variant="outline" asChild>
                  <Link href={`/campaigns/${campaign.id}/edit`}>
                    <Pencil className="size-4" aria-hidden /> Edit
                  </Link>
                </Button>
              )}
              <CampaignActions
                campaignId={campaign.id}
                status={campaign.status}
                experimentId={d.experimentId ?? null}
              />
            </div>
          )
        }
      />
      <div className="mb-4 flex flex-wrap items-center gap-3 text-sm text-muted-foreground">
        <CampaignStatusBadge status={campaign.status} />
        {campaign.template && (
          <span>
            Template{" "}
            <Link className="underline underline-offset-2" href={`/templates/${campaign.template.id}`}>
              {campaign.template.name}
            </Link>
          </span>
        )}
        {d.experimentId && (
          <span>
            A/B test{" "}
            <Link className="underline underline-offset-2" href={`/experiments/${d.experimentId}`}>
              {experiment?.name ?? "readout"}
            </Link>
          </span>
        )}
        <span>Owner {campaign.ownerEmail}</span>
        {campaign.launchedAt && <span>Launched {formatUtc(campaign.launchedAt)}</span>}
      </div>
      <CampaignLive initial={campaign} />
    </>
  );
}
