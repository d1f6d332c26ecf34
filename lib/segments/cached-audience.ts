import { cachedReport, type Cached } from "@/lib/analytics/cache";
import { db } from "@/lib/db/client";
import { countAudience, type AudienceCounts } from "./count-audience";
import type { EvaluateOptions } from "./prepare-definition";
import { sampleAudience, type SampleProfile } from "./list-audience";
import type { SegmentDefinition } from "./schema";
import { audienceVersionSql } from "./sql";

async function audienceVersion(workspaceId: string): Promise<string> {
  const [row] = await db.$queryRaw<{ audit: string | null; imports: string }[]>(audienceVersionSql(workspaceId));
  return `/a${row?.audit ?? 0}/i${row?.imports ?? 0}`;
}

// Relative conditions ("in the last 2 hours", "days since last seen") move with the clock even when
// no data changes: a cached answer is the count at the start of its minute, and keyed by it.
const thisMinute = () => new Date(Math.floor(Date.now() / 60_000) * 60_000);

/**
 * The builder's counts, kept like a report: the same definition on the same data in the same minute
 * answers from memory; a definition that is slow to count (≥ 300 ms, at 1M profiles) is answered from
 * its last counts while newer data is counted behind it, marked with their "as of" time.
 */
export async function cachedAudienceCounts(
  workspaceId: string,
  definition: SegmentDefinition,
  options: Omit<EvaluateOptions, "now"> = {},
): Promise<Cached<AudienceCounts>> {
  const at = { ...options, now: thisMinute() };
  return cachedReport(
    workspaceId,
    "segment-counts",
    [definition, at],
    () => countAudience(workspaceId, definition, at),
    await audienceVersion(workspaceId),
  );
}

export async function cachedAudienceSample(
  workspaceId: string,
  definition: SegmentDefinition,
  limit: number,
  options: Omit<EvaluateOptions, "now"> = {},
): Promise<Cached<{ profiles: SampleProfile[] }>> {
  const at = { ...options, now: thisMinute() };
  return cachedReport(
    workspaceId,
    "segment-sample",
    [definition, limit, at],
    async () => ({ profiles: await sampleAudience(workspaceId, definition, limit, at) }),
    await audienceVersion(workspaceId),
  );
}
