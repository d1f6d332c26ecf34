import { personaAssignmentSql } from "@/lib/personas/assign-personas";
import { profileRanges } from "@/lib/profiles/profile-ranges";
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

/** Profiles per enqueue transaction: one of a million-profile audience ran for minutes (docs/data.md). */
export const ENQUEUE_RANGE = 10_000;

/**
 * Writes one Message per audience profile for an occurrence, one statement and transaction per range
 * of profile ids (about `perRange` profiles each), so no transaction holds back the intake's fold or
 * vacuum for long. The unique (campaign, profile, occurrence) key makes it idempotent: enqueuing the
 * same occurrence again (a retried launch, two schedulers, a crash between ranges) adds only what is
 * missing. The ranges split the ids, so each profile is judged in exactly one of them. Each row
 * carries the profile's persona now, MessageDaily's persona dimension. Returns how many rows it added.
 */
export async function enqueueOccurrence(
  target: EnqueueTarget,
  occurrenceKey: string,
  start: Date,
  { perRange = ENQUEUE_RANGE } = {},
): Promise<number> {
  const { workspaceId, campaignId } = target;
  const audience = await campaignAudienceSql(workspaceId, target.audience, start);
  const personas = await personaAssignmentSql(workspaceId, start);
  const { ranges } = await profileRanges(workspaceId, perRange, Number.MAX_SAFE_INTEGER);
  // The first range from the lowest id there can be, the last to the end: a profile created meanwhile
  // (an id below today's first) still falls in one.
  const first = ranges[0];
  if (first && !Array.isArray(first)) ranges[0] = { from: "", to: first.to };
  let added = 0;
  for (const profiles of ranges) {
    const [row] = await runSegmentQuery<{ n: number }[]>(
      enqueueOccurrenceSql({
        workspaceId,
        campaignId,
        channel: target.channel,
        occurrenceKey,
        audience,
        personas,
        sendAfter: sendAfterSql(target.schedule, occurrenceKey, start, target.defaultTimezone),
        profiles,
      }),
    );
    added += row?.n ?? 0;
  }
  return added;
}
