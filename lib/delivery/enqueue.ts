import { personaAssignmentSql } from "@/lib/personas/assign-personas";
import { runSegmentQuery } from "@/lib/segments/run-query";
import { campaignAudienceSql } from "./audience";
import { enqueueOccurrenceSql, sendAfterSql } from "@/lib/delivery/sql/campaigns";
import type { CampaignAudience, CampaignSchedule } from "./schema";

export type EnqueueTarget = {
  workspaceId: string;
  campaignId: string;
  channel: string;
  audience: CampaignAudience;
  schedule: CampaignSchedule;
  defaultTimezone: string;
};

/**
 * Writes one Message per audience profile for an occurrence, in one statement. The unique
 * (campaign, profile, occurrence) key makes it idempotent: enqueuing the same occurrence again
 * (a retried launch, two schedulers) adds nothing. Each row carries the profile's persona now,
 * MessageDaily's persona dimension. Returns how many rows it added.
 */
export async function enqueueOccurrence(target: EnqueueTarget, occurrenceKey: string, start: Date): Promise<number> {
  const { workspaceId, campaignId } = target;
  const audience = await campaignAudienceSql(workspaceId, target.audience, start);
  const personas = await personaAssignmentSql(workspaceId, start);
  const [row] = await runSegmentQuery<{ n: number }[]>(
    enqueueOccurrenceSql({
      workspaceId,
      campaignId,
      channel: target.channel,
      occurrenceKey,
      audience,
      personas,
      sendAfter: sendAfterSql(target.schedule, occurrenceKey, start, target.defaultTimezone),
    }),
  );
  return row?.n ?? 0;
}
