import { db } from "@/lib/db/client";
import type { TraitFlagKind } from "./schema";

// First-class and computed fields every workspace has, listed with the learned traits.
const PROFILE_FIELDS = [
  ["email", "string"],
  ["phone", "string"],
  ["locale", "string"],
  ["timezone", "string"],
  ["country", "string"],
  ["city", "string"],
  ["platform", "string"],
] as const;
const COMPUTED_TRAITS = [
  ["ordersCount", "number"],
  ["ltv", "number"],
  ["aov", "number"],
  ["lastPurchaseAt", "date"],
  ["firstSeenAt", "date"],
  ["lastSeenAt", "date"],
  ["favouriteCategory", "string"],
  ["activeHour", "number"],
] as const;

export type TraitFlagInfo = { flag: TraitFlagKind; reason: string; flaggedBy: string };
export type CatalogEntry = {
  key: string;
  type: string;
  source: "profile" | "computed" | "trait";
  examples: unknown[];
  flag: TraitFlagInfo | null;
};

/** The names segments, templates and personas can refer to, with types and example values. */
export async function listTraitCatalog(workspaceId: string): Promise<CatalogEntry[]> {
  const [learned, flagRows] = await Promise.all([
    db.traitCatalog.findMany({ where: { workspaceId }, orderBy: { key: "asc" } }),
    db.traitFlag.findMany({ where: { workspaceId } }),
  ]);
  const flags = new Map(
    flagRows.map((f) => [f.key, { flag: f.flag as TraitFlagKind, reason: f.reason, flaggedBy: f.flaggedBy }]),
  );
  const entry = (
    key: string,
    type: string,
    source: CatalogEntry["source"],
    examples: unknown[] = [],
  ): CatalogEntry => ({ key, type, source, examples, flag: flags.get(key) ?? null });
  return [
    ...PROFILE_FIELDS.map(([key, type]) => entry(key, type, "profile")),
    ...COMPUTED_TRAITS.map(([key, type]) => entry(key, type, "computed")),
    ...learned.map((row) => entry(`traits.${row.key}`, row.type, "trait", row.examples as unknown[])),
  ];
}
