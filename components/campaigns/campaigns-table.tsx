import Link from "next/link";
import { Progress } from "@/components/ui/progress";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { CampaignListItem } from "@/lib/delivery/server";
import { CHANNEL_SPECS, type TemplateChannel } from "@/lib/templates";
import { CampaignStatusBadge } from "./campaign-status-badge";
import { describeSchedule } from "./schedule-kinds";

const number = (n: number) => n.toLocaleString("en-GB");

export function CampaignsTable({ campaigns }: { campaigns: CampaignListItem[] }) {
  return (
    <Table aria-label="Campaigns">
      <TableHeader>
        <TableRow>
          <TableHead>Name</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Channel</TableHead>
          <TableHead>Audience</TableHead>
          <TableHead>When</TableHead>
          <TableHead className="w-48">Progress</TableHead>
          <TableHead>Owner</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {campaigns.map((c) => {
          const p = c.progress;
          return (
            <TableRow key={c.id}>
              <TableCell className="font-medium">
                <Link className="underline-offset-2 hover:underline" href={`/campaigns/${c.id}`}>
                  {c.name}
                </Link>
                {c.experimentId && <span className="ml-2 text-xs text-muted-foreground">A/B test</span>}
              </TableCell>
              <TableCell>
                <CampaignStatusBadge status={c.status} />
              </TableCell>
              <TableCell>{CHANNEL_SPECS[c.channel as TemplateChannel]?.label ?? c.channel}</TableCell>
              <TableCell>{c.audience}</TableCell>
              <TableCell className="text-sm text-muted-foreground">{describeSchedule(c.schedule)}</TableCell>
              <TableCell>
                {p.total > 0 ? (
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
                )}
              </TableCell>
              <TableCell className="text-sm text-muted-foreground">{c.ownerEmail}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
