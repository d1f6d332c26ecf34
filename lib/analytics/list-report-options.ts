import { db } from "@/lib/db/client";
import { listEventNames } from "@/lib/profiles/list-event-catalog";

export type ReportOptions = {
  events: string[];
  campaigns: { id: string; name: string }[];
  experiments: { id: string; name: string }[];
};

/** What the report pickers offer: event names seen, campaigns and experiments. */
export async function listReportOptions(workspaceId: string): Promise<ReportOptions> {
  const [events, campaigns, experiments] = await Promise.all([
    listEventNames(workspaceId),
    db.campaign.findMany({
      where: { workspaceId },
      select: { id: true, name: true },
      orderBy: [{ launchedAt: { sort: "desc", nulls: "last" } }, { name: "asc" }],
    }),
    db.experiment.findMany({
      where: { workspaceId },
      select: { id: true, name: true },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  return { events, campaigns, experiments };
}
