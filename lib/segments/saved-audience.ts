import type { Prisma } from "@/lib/generated/prisma/client";
import { prepareDefinition, type EvaluateOptions } from "./prepare-definition";
import type { SegmentDefinition } from "./schema";
import { audienceSql } from "./sql";

/** A definition that is exactly "in the saved segment": compiled like any other, static or dynamic. */
export const inSegmentDefinition = (segmentId: string): SegmentDefinition => ({
  version: 1,
  root: { kind: "group", id: "root", op: "and", children: [{ kind: "membership", id: "saved", segmentId }] },
});

/**
 * The statement listing a saved segment's profile ids (column "id"), for other domains to use as a
 * subquery (persona distributions, persona assignment, campaign audiences).
 */
export async function savedAudienceSql(
  workspaceId: string,
  segmentId: string,
  options: Pick<EvaluateOptions, "now"> = {},
): Promise<Prisma.Sql> {
  const compiled = await prepareDefinition(workspaceId, inSegmentDefinition(segmentId), {
    ...options,
    audienceOnly: true,
  });
  return audienceSql(workspaceId, compiled);
}
