import { ident, qualified } from "@/lib/db/identifier";
import { Prisma } from "@/lib/generated/prisma/client";
import { COMPUTED_TRAITS, FIRST_CLASS_FIELDS, liquidProperty } from "./profile-context";

// Profile columns a catalog key can name. Only these names are ever spliced into SQL (as quoted
// identifiers); a custom trait's key is always a parameter.
const COLUMNS = new Set<string>([...FIRST_CLASS_FIELDS, ...COMPUTED_TRAITS]);
const TEXT_COLUMNS = new Set<string>([...FIRST_CLASS_FIELDS, "favouriteCategory"]);

/**
 * Whether a profile "has a value" for a catalog key, as Liquid would print it: the column is not
 * NULL, or the trait is present and not JSON null; an empty string counts as no value (it prints
 * nothing, which is what a default is for).
 */
function hasValue(key: string): Prisma.Sql {
  if (COLUMNS.has(key)) {
    const column = qualified("p", key);
    return TEXT_COLUMNS.has(key)
      ? Prisma.sql`(${column} IS NOT NULL AND ${column} <> '')`
      : Prisma.sql`${column} IS NOT NULL`;
  }
  const value = Prisma.sql`(p."traits" -> ${liquidProperty(key)}::text)`;
  // A missing key gives SQL NULL here, which FILTER counts as false.
  return Prisma.sql`(jsonb_typeof(${value}) <> 'null' AND ${value} <> '""'::jsonb)`;
}

/**
 * One pass over the audience (or every profile of the workspace): its size and, per key, how many
 * have a value — columns "total", "k0", "k1", … in the order of `keys`.
 */
export const coverageSql = (workspaceId: string, keys: readonly string[], audience: Prisma.Sql | null) => Prisma.sql`
  SELECT count(*)::int AS "total"${Prisma.join(
    keys.map((key, i) => Prisma.sql`, count(*) FILTER (WHERE ${hasValue(key)})::int AS ${ident(`k${i}`)}`),
    "",
  )}
  FROM "Profile" p
  WHERE p."workspaceId" = ${workspaceId}${audience ? Prisma.sql` AND p."id" IN (${audience})` : Prisma.empty}`;
