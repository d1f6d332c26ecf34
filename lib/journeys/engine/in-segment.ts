import { compileDefinition } from "@/lib/segments/compile";
import type { SegmentDefinition } from "@/lib/segments/schema";
import { explainSql } from "@/lib/segments/sql";
import type { GroupContext } from "./decide-steps";

/**
 * Whether a profile is in a segment definition now: the segment compiler's explain query for this
 * one profile. One statement per profile, not per group: the compiler narrows every aggregate it
 * joins to the profile it explains, where an audience query over the group's profiles would
 * aggregate the whole workspace's events for each group.
 */
export async function inSegment(
  ctx: GroupContext,
  profileId: string,
  definition: SegmentDefinition,
  key: string,
): Promise<boolean> {
  const references = ctx.references.get(`${ctx.version.id}:${key}`);
  if (!references) throw new Error(`The segment references of ${ctx.version.id}:${key} were not loaded`);
  const compiled = compileDefinition(ctx.workspaceId, definition, {
    now: ctx.now,
    segments: references.segments,
    personas: references.personas,
    profileId,
  });
  const [row] = await ctx.tx.$queryRaw<Record<string, unknown>[]>(explainSql(ctx.workspaceId, compiled, profileId));
  const root = compiled.nodes.findIndex((n) => n.id === definition.root.id);
  return row?.[`m${root}`] === true;
}
