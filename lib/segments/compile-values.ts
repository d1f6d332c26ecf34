import { qualified } from "@/lib/db/identifier";
import { Prisma } from "@/lib/generated/prisma/client";
import { PROFILE_FIELDS, TRAIT_PREFIX, type Comparison, type ProfileField, type ValueType } from "./schema";
import { instantSql, windowStart } from "./time-window";

// Column names come from PROFILE_FIELDS (an allow-list checked by the schema), never from input;
// trait and property keys are always bound parameters.
const COLUMNS: Record<Exclude<ProfileField, "daysSinceLastSeen">, string> = {
  externalId: "externalId",
  email: "email",
  phone: "phone",
  locale: "locale",
  timezone: "timezone",
  country: "country",
  city: "city",
  platform: "platform",
  ordersCount: "ordersCount",
  ltv: "ltv",
  aov: "aov",
  lastPurchaseAt: "lastPurchaseAt",
  firstSeenAt: "firstSeenAt",
  lastSeenAt: "lastSeenAt",
  favouriteCategory: "favouriteCategory",
  activeHour: "activeHour",
};

/**
 * A JSON object's key read as a value of the given type, or NULL when it is absent or of
 * another type (schema.ts, "Values"). `->` with a bound key reads exactly that key: no paths.
 */
export function jsonValue(object: Prisma.Sql, key: string, type: ValueType): Prisma.Sql {
  const typed = (jsonType: string, value: Prisma.Sql) =>
    Prisma.sql`CASE WHEN jsonb_typeof(${object} -> ${key}::text) = ${jsonType} THEN ${value} END`;
  const text = Prisma.sql`(${object} ->> ${key}::text)`;
  switch (type) {
    case "string":
      return typed("string", text);
    case "number":
      return typed("number", Prisma.sql`${text}::numeric`);
    case "boolean":
      return typed("boolean", Prisma.sql`${text}::boolean`);
    case "date":
      return Prisma.sql`tailor_try_timestamp(${typed("string", text)})`;
  }
}

/** The value a trait condition reads from profile `p`. */
export function fieldValue(field: string, type: ValueType, now: Date): Prisma.Sql {
  if (field === "daysSinceLastSeen") {
    return Prisma.sql`floor(extract(epoch FROM (${instantSql(now)} - p."lastSeenAt")) / 86400)`;
  }
  if (field in PROFILE_FIELDS) return qualified("p", COLUMNS[field as keyof typeof COLUMNS]);
  return jsonValue(Prisma.sql`p."traits"`, field.slice(TRAIT_PREFIX.length), type);
}

const NUMBER_OPS = {
  eq: Prisma.sql`=`,
  neq: Prisma.sql`<>`,
  gt: Prisma.sql`>`,
  gte: Prisma.sql`>=`,
  lt: Prisma.sql`<`,
  lte: Prisma.sql`<=`,
} as const;

/**
 * A comparison of `v` as a boolean that is never NULL: missing values pass only the negative
 * operators and not_exists (schema.ts), so NOT over any node behaves.
 */
export function comparisonSql(v: Prisma.Sql, c: Comparison, now: Date): Prisma.Sql {
  if (c.op === "exists") return Prisma.sql`(${v} IS NOT NULL)`;
  if (c.op === "not_exists") return Prisma.sql`(${v} IS NULL)`;
  // TypeScript does not narrow a union on an enum-valued discriminator; the two checks above did.
  return Prisma.sql`coalesce(${presentComparison(v, c as PresentComparison, now)}, false)`;
}

export type PresentComparison = Exclude<Comparison, { op: "exists" | "not_exists" }>;

/** A comparison of a value known to be present: NULL when `v` is, so callers rule that out first. */
export function presentComparison(v: Prisma.Sql, c: PresentComparison, now: Date): Prisma.Sql {
  switch (c.type) {
    case "string":
      switch (c.op) {
        case "equals":
          return Prisma.sql`${v} = ${c.value}::text`;
        case "not_equals":
          return Prisma.sql`(${v} IS NULL OR ${v} <> ${c.value}::text)`;
        case "contains":
          return Prisma.sql`strpos(${v}, ${c.value}::text) > 0`;
        case "starts_with":
          return Prisma.sql`starts_with(${v}, ${c.value}::text)`;
        case "ends_with":
          return Prisma.sql`right(${v}, char_length(${c.value}::text)) = ${c.value}::text`;
        case "in":
          return Prisma.sql`${v} = ANY(${c.values}::text[])`;
        case "not_in":
          return Prisma.sql`(${v} IS NULL OR NOT (${v} = ANY(${c.values}::text[])))`;
      }
      break;
    case "number":
      if (c.op === "between") return Prisma.sql`${v} BETWEEN ${c.min}::numeric AND ${c.max}::numeric`;
      if (c.op === "neq") return Prisma.sql`(${v} IS NULL OR ${v} <> ${c.value}::numeric)`;
      return Prisma.sql`${v} ${NUMBER_OPS[c.op]} ${c.value}::numeric`;
    case "boolean":
      return Prisma.sql`${v} = ${c.value}::boolean`;
    case "date":
      switch (c.op) {
        case "before":
          return Prisma.sql`${v} < ${instantSql(c.value)}`;
        case "after":
          return Prisma.sql`${v} > ${instantSql(c.value)}`;
        case "between":
          return Prisma.sql`${v} BETWEEN ${instantSql(c.from)} AND ${instantSql(c.to)}`;
        case "within_last":
          return Prisma.sql`${v} BETWEEN ${instantSql(windowStart(c.amount, c.unit, now))} AND ${instantSql(now)}`;
        case "more_than_ago":
          return Prisma.sql`${v} < ${instantSql(windowStart(c.amount, c.unit, now))}`;
      }
  }
}
