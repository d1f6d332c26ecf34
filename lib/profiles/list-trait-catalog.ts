import { db } from "@/lib/db";

// First-class and computed fields every workspace has, listed with the learned traits.
const BUILT_IN = [
  ["email", "string"], ["phone", "string"], ["locale", "string"], ["timezone", "string"], ["country", "string"], ["city", "string"], ["platform", "string"],
  ["ordersCount", "number"], ["ltv", "number"], ["aov", "number"], ["lastPurchaseAt", "date"], ["firstSeenAt", "date"], ["lastSeenAt", "date"],
  ["favouriteCategory", "string"], ["activeHour", "number"],
] as const;

export type CatalogEntry = { key: string; type: string; source: "profile" | "computed" | "trait"; examples: unknown[] };

/** The names segments, templates and personas can refer to, with types and example values. */
export async function listTraitCatalog(workspaceId: string): Promise<CatalogEntry[]> {
  const learned = await db.traitCatalog.findMany({ where: { workspaceId }, orderBy: { key: "asc" } });
  return [
    ...BUILT_IN.map(([key, type], index): CatalogEntry => ({ key, type, source: index < 7 ? "profile" : "computed", examples: [] })),
    ...learned.map((row): CatalogEntry => ({ key: `traits.${row.key}`, type: row.type, source: "trait", examples: row.examples as unknown[] })),
  ];
}
