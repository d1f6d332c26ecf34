import { db } from "@/lib/db/client";
import { traitType, type TraitType } from "./ingest/trait-catalog";
import { eventNamesSql, recentEventPropertiesSql } from "./sql";

export type EventProperty = { key: string; type: TraitType; examples: unknown[] };

/** The workspace's event names (from the daily rollup), for pickers. */
export async function listEventNames(workspaceId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ name: string }[]>(eventNamesSql(workspaceId));
  return rows.map((r) => r.name);
}

/**
 * An event's property keys with their most common type and up to five example values, learned from its latest 500
 * occurrences.
 */
export async function listEventProperties(workspaceId: string, name: string): Promise<EventProperty[]> {
  const rows = await db.$queryRaw<{ key: string; value: unknown }[]>(recentEventPropertiesSql(workspaceId, name, 500));
  const byKey = new Map<string, { types: Map<TraitType, number>; examples: unknown[] }>();
  for (const { key, value } of rows) {
    const type = traitType(value);
    if (!type) continue;
    const entry = byKey.get(key) ?? { types: new Map<TraitType, number>(), examples: [] as unknown[] };
    entry.types.set(type, (entry.types.get(type) ?? 0) + 1);
    if (type !== "object" && type !== "array" && entry.examples.length < 5 && !entry.examples.includes(value))
      entry.examples.push(value);
    byKey.set(key, entry);
  }
  return [...byKey]
    .map(([key, { types, examples }]) => ({ key, type: [...types].sort((a, b) => b[1] - a[1])[0]![0], examples }))
    .sort((a, b) => a.key.localeCompare(b.key));
}
