import type { VariableCatalog } from "./check-variables";

/*
 * How a profile appears in Liquid: everything under `profile`, flat. First-class fields and
 * computed traits keep their names (`profile.email`, `profile.ltv`, `profile.lastPurchaseAt`);
 * a custom trait `traits.<key>` of the catalog is `profile.<key>` (`profile.first_name`), or
 * `profile["<key>"]` when the key is not an identifier. On a clash the first-class field wins:
 * a trait called `email` cannot shadow the address Tailor has. Decimals become numbers and
 * dates ISO-8601 strings (Liquid's `date` filter reads them).
 */

export const FIRST_CLASS_FIELDS = ["email", "phone", "locale", "timezone", "country", "city", "platform"] as const;
export const COMPUTED_TRAITS = [
  "ordersCount",
  "ltv",
  "aov",
  "lastPurchaseAt",
  "firstSeenAt",
  "lastSeenAt",
  "favouriteCategory",
  "activeHour",
] as const;
const BUILT_IN = new Set<string>([...FIRST_CLASS_FIELDS, ...COMPUTED_TRAITS]);
const TRAIT_PREFIX = "traits.";
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** A Prisma Decimal prints as its exact number; plain numbers and numeric strings pass. */
type NumberLike = number | string | { toString(): string };

export type ProfileRow = { [F in (typeof FIRST_CLASS_FIELDS)[number]]: string | null } & {
  traits: unknown;
  ordersCount: number;
  ltv: NumberLike;
  aov: NumberLike | null;
  lastPurchaseAt: Date | null;
  firstSeenAt: Date | null;
  lastSeenAt: Date | null;
  favouriteCategory: string | null;
  activeHour: number | null;
};

export type ProfileContextOptions = { knownTraits?: readonly string[]; withhold?: readonly string[] };

/**
 * What profileLiquidContext needs from the catalog: its custom traits (null when a profile lacks one) and the flagged
 * keys it withholds.
 */
export function profileContextOptions(catalog: VariableCatalog): ProfileContextOptions {
  return {
    knownTraits: catalog.keys.filter((k) => k.startsWith(TRAIT_PREFIX)),
    withhold: (catalog.flags ?? []).map((f) => f.key),
  };
}

/** The property a catalog key is read as under `profile`: `traits.first_name` → `first_name`. */
export function liquidProperty(catalogKey: string): string {
  return catalogKey.startsWith(TRAIT_PREFIX) ? catalogKey.slice(TRAIT_PREFIX.length) : catalogKey;
}

/** How to write a catalog key in a template: `profile.first_name`, `profile["favourite colour"]`. */
export function liquidPath(catalogKey: string): string {
  const property = liquidProperty(catalogKey);
  return IDENTIFIER.test(property) ? `profile.${property}` : `profile[${JSON.stringify(property)}]`;
}

/** Whether a catalog key reaches Liquid: a custom trait named like a built-in field never does. */
export function isShadowed(catalogKey: string): boolean {
  return catalogKey.startsWith(TRAIT_PREFIX) && BUILT_IN.has(liquidProperty(catalogKey));
}

const toNumber = (value: NumberLike | null) => (value === null ? null : Number(String(value)));
const toIso = (value: Date | null) => (value === null ? null : value.toISOString());

/**
 * The `profile` object for rendering. `knownTraits` (catalog keys `traits.<key>`) are present
 * as null when this profile lacks them, so a known-but-missing trait prints as empty (or its
 * default) while a misspelt one still fails the strict render. `withhold` (sensitive or inferred
 * catalog keys) are left out even when the profile has them.
 */
export function profileLiquidContext(row: ProfileRow, options: ProfileContextOptions = {}): Record<string, unknown> {
  const traits =
    row.traits !== null && typeof row.traits === "object" && !Array.isArray(row.traits)
      ? (row.traits as Record<string, unknown>)
      : {};
  const profile: Record<string, unknown> = {};
  for (const key of options.knownTraits ?? []) profile[liquidProperty(key)] = null;
  Object.assign(profile, traits);
  for (const field of FIRST_CLASS_FIELDS) profile[field] = row[field];
  Object.assign(profile, {
    ordersCount: row.ordersCount,
    ltv: toNumber(row.ltv),
    aov: toNumber(row.aov),
    lastPurchaseAt: toIso(row.lastPurchaseAt),
    firstSeenAt: toIso(row.firstSeenAt),
    lastSeenAt: toIso(row.lastSeenAt),
    favouriteCategory: row.favouriteCategory,
    activeHour: row.activeHour,
  });
  for (const key of options.withhold ?? []) if (!isShadowed(key)) delete profile[liquidProperty(key)];
  return profile;
}
