import { Prisma } from "@/lib/generated/prisma/client";

// A SQL name (table, column, alias) cannot be a bound parameter, so it is spliced into the statement
// as text; only plain names get through, so no caller can splice anything else.
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `name` as a quoted SQL identifier (`"lastSeenAt"`); throws unless it is a plain name. */
export function ident(name: string): Prisma.Sql {
  if (!NAME.test(name)) throw new Error(`Not a SQL identifier: ${JSON.stringify(name)}`);
  return Prisma.raw(`"${name}"`);
}

/** A column of a table alias: `qualified("p", "email")` is `"p"."email"`. */
export function qualified(alias: string, column: string): Prisma.Sql {
  return Prisma.sql`${ident(alias)}.${ident(column)}`;
}

/** Comma-separated quoted identifiers, for column lists. */
export function identList(names: readonly string[]): Prisma.Sql {
  return Prisma.join(names.map(ident), ", ");
}
