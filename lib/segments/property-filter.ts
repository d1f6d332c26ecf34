import { Prisma } from "@/lib/generated/prisma/client";
import { comparisonSql, jsonValue, presentComparison, type PresentComparison } from "./compile-values";
import type { PropertyFilter } from "./schema";

// Number properties with a partial expression index on "Event" (migration event_revenue_index).
// PostgreSQL uses an expression index only for the very expression it was built on, with the key
// as a literal, so for these keys the filter is spelled exactly so: the key comes from this list,
// never from input.
const INDEXED_NUMBER_KEYS: ReadonlySet<string> = new Set(["revenue"]);

/** One property filter of an event condition, as a never-NULL boolean over event `e`. */
export function propertyFilterSql(filter: PropertyFilter, now: Date): Prisma.Sql {
  const { key, comparison } = filter;
  const indexed = comparison.type === "number" && INDEXED_NUMBER_KEYS.has(key);
  // A missing value passes only `neq` and `not_exists` (schema.ts): those keep the general form.
  if (!indexed || comparison.op === "neq" || comparison.op === "not_exists") {
    return comparisonSql(jsonValue(Prisma.sql`e."properties"`, key, comparison.type), comparison, now);
  }
  // Every other comparison needs a number. Saying so first lets the planner prove the partial
  // index's predicate, and makes the comparison itself never NULL, so it needs no coalesce — which
  // would hide it from the index: a bare `<expression> >= $1` is tested on index entries.
  // Prisma.raw: the index's key is a literal, which a bound parameter is not; it comes from the list above.
  const literal = Prisma.raw(`'${key}'`);
  const isNumber = Prisma.sql`jsonb_typeof(e."properties" -> ${literal}) = 'number'`;
  if (comparison.op === "exists") return Prisma.sql`(${isNumber})`;
  const value = Prisma.sql`(CASE WHEN ${isNumber} THEN (e."properties" ->> ${literal})::numeric END)`;
  // TypeScript does not narrow the union on the enum-valued `op`; the checks above did.
  return Prisma.sql`(${isNumber} AND ${presentComparison(value, comparison as PresentComparison, now)})`;
}
