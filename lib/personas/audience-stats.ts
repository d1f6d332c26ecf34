import { runSegmentQuery } from "@/lib/segments/run-query";
import { savedAudienceSql } from "@/lib/segments/saved-audience";
import type { AudienceStats, AudienceSummary, Distribution } from "./evaluate-assumptions";
import { channelResponseSql, distributionsSql } from "./sql";

type Row = { dimension: string; value: string | null; profiles: number };
const DIMENSIONS = ["country", "platform", "locale", "favouriteCategory", "activeHour", "ltv", "ordersCount"] as const;
const numberOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/** The bound segment's audience as the persona page and the assumption checks read it. */
export async function audienceStats(workspaceId: string, segmentId: string, now = new Date()): Promise<AudienceStats> {
  const audience = await savedAudienceSql(workspaceId, segmentId, { now });
  const [rows, channels] = await Promise.all([
    runSegmentQuery<Row[]>(distributionsSql(workspaceId, audience)),
    runSegmentQuery<AudienceStats["channels"]>(channelResponseSql(workspaceId, audience)),
  ]);
  const distributions = Object.fromEntries(
    DIMENSIONS.map((d) => [d, [] as Distribution]),
  ) as AudienceStats["distributions"];
  let size = 0;
  let summary: AudienceSummary = {
    ltvMedian: null,
    ltvMean: null,
    ordersCountMedian: null,
    ordersCountMean: null,
    aovMedian: null,
    aovMean: null,
  };
  for (const row of rows) {
    if (row.dimension === "summary") {
      size = row.profiles;
      const raw = JSON.parse(row.value ?? "{}") as Record<string, unknown>;
      summary = Object.fromEntries(Object.keys(summary).map((k) => [k, numberOrNull(raw[k])])) as AudienceSummary;
    } else {
      distributions[row.dimension as (typeof DIMENSIONS)[number]].push({ value: row.value, profiles: row.profiles });
    }
  }
  for (const list of Object.values(distributions))
    list.sort((a, b) => b.profiles - a.profiles || String(a.value).localeCompare(String(b.value)));
  return { size, distributions, summary, channels };
}
