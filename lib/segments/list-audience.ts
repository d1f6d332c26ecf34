import { prepareDefinition, type EvaluateOptions } from "./prepare-definition";
import type { SegmentDefinition } from "./schema";
import { runSegmentQuery } from "./run-query";
import { audienceSql, sampleSql } from "./sql";

/** Every matching profile id (campaign audiences, tests). */
export async function listAudience(
  workspaceId: string,
  definition: SegmentDefinition,
  options: EvaluateOptions = {},
): Promise<string[]> {
  const compiled = await prepareDefinition(workspaceId, definition, { ...options, audienceOnly: true });
  const rows = await runSegmentQuery<{ id: string }[]>(audienceSql(workspaceId, compiled));
  return rows.map((r) => r.id);
}

export type SampleProfile = {
  id: string;
  externalId: string | null;
  email: string | null;
  country: string | null;
  platform: string | null;
  ltv: string;
  ordersCount: number;
  lastSeenAt: string | null;
};

/** The most recently seen matching profiles, for the builder and the segment page. */
export async function sampleAudience(
  workspaceId: string,
  definition: SegmentDefinition,
  limit = 10,
  options: EvaluateOptions = {},
): Promise<SampleProfile[]> {
  const compiled = await prepareDefinition(workspaceId, definition, { ...options, audienceOnly: true });
  const rows = await runSegmentQuery<(Omit<SampleProfile, "lastSeenAt"> & { lastSeenAt: Date | null })[]>(
    sampleSql(workspaceId, compiled, limit),
  );
  return rows.map((r) => ({ ...r, lastSeenAt: r.lastSeenAt?.toISOString() ?? null }));
}
