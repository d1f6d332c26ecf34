"use client";

import { DataTable } from "@/components/ui/data-table";
import type { CampaignListItem } from "@/lib/delivery/server";
import { campaignColumns } from "./campaign-columns";

export function CampaignsTable({ campaigns }: { campaigns: CampaignListItem[] }) {
  return (
    <DataTable
      columns={campaignColumns}
      data={campaigns}
      label="Campaigns"
      noun={{ one: "campaign", other: "campaigns" }}
      getRowId={(c) => c.id}
    />
  );
}
