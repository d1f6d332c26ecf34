import { listTraitCatalog } from "@/lib/profiles/list-trait-catalog";
import type { VariableCatalog } from "./check-variables";

/**
 * The catalog lint checks variables against: every key of the workspace's trait catalog, and its
 * sensitive or inferred flags, so copy using a flagged key is refused with the flag's reason; for a
 * template sent on an event, the event's properties too.
 */
export async function variableCatalog(
  workspaceId: string,
  triggerEvent: string | null = null,
): Promise<VariableCatalog> {
  const entries = await listTraitCatalog(workspaceId);
  return {
    // Sent on an event: its properties are there as event.*.
    triggered: triggerEvent !== null,
    keys: entries.map((e) => e.key),
    flags: entries.flatMap((e) =>
      e.flag ? [{ key: e.key, flag: e.flag.flag, ...(e.flag.reason ? { reason: e.flag.reason } : {}) }] : [],
    ),
  };
}
