import { db } from "@/lib/db";

// First-class and computed fields every workspace has, listed with the learned traits.
const PROFILE_FIELDS = [["email", "string"], ["phone", "string"], ["locale", "string"], ["timezone", "string"], ["country", "string"], ["city", "string"], ["platform", "string"]] as const;
const COMPUTED_TRAITS = [
  ["ordersCount", "number"], ["ltv", "number"], ["aov", "number"], ["lastPurchaseAt", "date"], ["firstSeenAt", "date"], ["lastSeenAt", "date"],
  ["favouriteCategory", "string"], ["activeHour", "number"],
] as const;

export type CatalogEntry = { key: string; type: string; source: "profile" | "computed" | "trait"; examples: unknown[] };

/** The names segments, templates and personas can refer to, with types and example values. */
export async function listTraitCatalog(workspaceId: string): Promise<CatalogEntry[]> {
  const learned = await db.traitCatalog.findMany({ where: { workspaceId }, orderBy: { key: "asc" } });
  return [
    ...PROFILE_FIELDS.map(([key, type]): CatalogEntry => ({ key, type, source: "profile", examples: [] })),
    ...COMPUTED_TRAITS.map(([key, type]): CatalogEntry => ({ key, type, source: "computed", examples: [] })),
    ...learned.map((row): CatalogEntry => ({ key: `traits.${row.key}`, type: row.type, source: "trait", examples: row.examples as unknown[] })),
  ];
}
