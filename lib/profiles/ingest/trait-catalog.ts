import type { Tx } from "@/lib/db/client";
import { learnTraitsSql } from "./sql";

export type TraitType = "string" | "number" | "boolean" | "date" | "object" | "array";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** The type a value suggests: dates are strings that look like ISO dates. */
export function traitType(value: unknown): TraitType | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return "array";
  if (typeof value === "object") return "object";
  if (typeof value === "number") return "number";
  if (typeof value === "boolean") return "boolean";
  return typeof value === "string" && ISO_DATE.test(value) ? "date" : "string";
}

/** Learns trait names, types and up to five example values from identify calls. */
export async function learnTraits(tx: Tx, workspaceId: string, traits: Record<string, unknown>[]): Promise<void> {
  const seen = new Map<string, { type: TraitType; examples: unknown[] }>();
  for (const set of traits) {
    for (const [key, value] of Object.entries(set)) {
      const type = traitType(value);
      if (!type || key === "consent") continue;
      const entry = seen.get(key) ?? { type, examples: [] };
      const example = type === "object" || type === "array" ? null : value;
      if (example !== null && entry.examples.length < 5 && !entry.examples.includes(example))
        entry.examples.push(example);
      seen.set(key, entry);
    }
  }
  if (seen.size === 0) return;
  const keys = [...seen.keys()];
  await tx.$executeRaw(
    learnTraitsSql(
      workspaceId,
      keys.map((key) => ({ key, type: seen.get(key)!.type, examples: seen.get(key)!.examples })),
    ),
  );
}
