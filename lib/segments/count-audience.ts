import { singleflight } from "@/lib/http/singleflight";
import { prepareDefinition, type EvaluateOptions } from "./prepare-definition";
import type { SegmentDefinition } from "./schema";
import { runSegmentQuery } from "./run-query";
import { nodeCountsSql, totalSql } from "./sql";

export type NodeCount = { count: number; running: number | null };
export type AudienceCounts = { total: number; nodes: Record<string, NodeCount> };

/** How many profiles match the whole definition. */
export async function countAudienceTotal(
  workspaceId: string,
  definition: SegmentDefinition,
  options: EvaluateOptions = {},
): Promise<number> {
  const compiled = await prepareDefinition(workspaceId, definition, { ...options, audienceOnly: true });
  const [row] = await runSegmentQuery<{ total: number }[]>(totalSql(workspaceId, compiled));
  return row?.total ?? 0;
}

/**
 * The total and, for every node, how many profiles it matches on its own and how many its
 * group matches up to and including it (`running`; null for the root) — in one scan.
 */
export async function countAudience(
  workspaceId: string,
  definition: SegmentDefinition,
  options: EvaluateOptions = {},
): Promise<AudienceCounts> {
  // Analysts previewing the same definition at the same moment share one scan.
  const key = `segment-counts\u0000${workspaceId}\u0000${JSON.stringify([definition, options])}`;
  return (await singleflight(key, () => computeCounts(workspaceId, definition, options))).value;
}

async function computeCounts(
  workspaceId: string,
  definition: SegmentDefinition,
  options: EvaluateOptions,
): Promise<AudienceCounts> {
  const compiled = await prepareDefinition(workspaceId, definition, options);
  const [row] = await runSegmentQuery<Record<string, number | null>[]>(nodeCountsSql(workspaceId, compiled));
  const nodes: Record<string, NodeCount> = {};
  compiled.nodes.forEach(
    (node, i) => (nodes[node.id] = { count: row?.[`c${i}`] ?? 0, running: row?.[`r${i}`] ?? null }),
  );
  return { total: row?.total ?? 0, nodes };
}
