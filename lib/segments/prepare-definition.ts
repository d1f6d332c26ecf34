import { compileDefinition, type CompiledDefinition } from "./compile";
import { loadReferences } from "./load-references";
import type { SegmentDefinition } from "./schema";

export type EvaluateOptions = { now?: Date; selfId?: string; profileId?: string; audienceOnly?: boolean };

/** Loads the segments a definition names and compiles it: the first step of every query. */
export async function prepareDefinition(
  workspaceId: string,
  definition: SegmentDefinition,
  options: EvaluateOptions = {},
): Promise<CompiledDefinition> {
  const { segments, personas } = await loadReferences(workspaceId, definition);
  return compileDefinition(workspaceId, definition, { ...options, now: options.now ?? new Date(), segments, personas });
}
