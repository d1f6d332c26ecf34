import Link from "next/link";
import { Progress } from "@/components/ui/progress";
import type { ColumnDef } from "@/components/ui/data-table";
import type { CampaignListItem } from "@/lib/delivery/server";
import { CAMPAIGN_STATUSES } from "@/lib/delivery";
import { CHANNEL_SPECS, type TemplateChannel } from "@/lib/templates";
import { CampaignStatusBadge } from "./campaign-status-badge";
import { describeSchedule } from "./schedule-kinds";

const number = (n: number) => n.toLocaleString("en-GB");
const channelLabel = (c: CampaignListItem) => CHANNEL_SPECS[c.channel as TemplateChannel]?.label ?? c.channel;
const share = ({ progress: p }: CampaignListItem) => (p.total > 0 ? p.done / p.total : undefined);

/** The campaigns list's columns; in the server's order (last changed first) until a header is clicked. */
export const campaignColumns: ColumnDef<CampaignListItem>[] = [
  {
    id: "name",
    header: "Name",
    accessorFn: (c) => c.name,
    enableHiding: false,
    meta: { cellClassName: "font-medium" },
    cell: ({ row: { original: c } }) => (
      <>
        <Link className="underline-offset-2 hover:underline" href={`/campaigns/${c.id}`}>
          {c.name}
        </Link>
        {c.experimentId && <span className="ml-2 text-xs text-muted-foreground">A/B test</span>}
      </>
    ),
  },
  {
    id: "status",
    header: "Status",
    // In the order a campaign goes through, not alphabetical.
    accessorFn: (c) => CAMPAIGN_STATUSES.indexOf(c.status),
    sortDescFirst: false,
    cell: ({ row: { original: c } }) => <CampaignStatusBadge status={c.status} />,
  },
  { id: "channel", header: "Channel", accessorFn: channelLabel, cell: ({ row }) => channelLabel(row.original) },
  { id: "audience", header: "Audience", accessorFn: (c) => c.audience },
  {
    id: "when",
    header: "When",
    enableSorting: false,
    meta: { cellClassName: "text-sm text-muted-foreground" },
    cell: ({ row }) => describeSchedule(row.original.schedule),
  },
  {
    id: "progress",
    header: "Progress",
    accessorFn: share,
    sortUndefined: "last",
    sortDescFirst: true,
    meta: { className: "w-40" },
    cell: ({ row: { original: c } }) => {
      const p = c.progress;
      return p.total > 0 ? (
        <div className="grid gap-1">
          <Progress value={Math.round((100 * p.done) / p.total)} aria-label={`${c.name} progress`} />
          <span className="text-xs tabular-nums text-muted-foreground">
            {number(p.delivered)} sent · {number(p.skipped)} skipped
          </span>
        </div>
      ) : (
        <span className="text-xs tabular-nums text-muted-foreground">
          {p.funnel.sent > 0 ? `${number(p.funnel.sent)} sent (history)` : "–"}
        </span>
      );
    },
  },
  {
    id: "owner",
    header: "Owner",
    accessorFn: (c) => c.ownerEmail,
    meta: { cellClassName: "text-sm wrap-anywhere text-muted-foreground" },
  },
];
