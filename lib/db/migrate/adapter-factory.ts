import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { connectionFields, isPglite } from "../database-url";
import { connectPg } from "./pg-adapter";
import { pgliteShadow } from "./pglite-shadow";
import { serverShadow } from "./server-shadow";

/**
 * What the schema engine connects through: the database at `url` via adapter-pg, with a shadow
 * database that suits it. With no url (`check`), an in-memory PGlite is all the engine needs.
 */
export async function migrationAdapterFactory(url: string | undefined): Promise<SqlMigrationAwareDriverAdapterFactory> {
  if (!url)
    return {
      provider: "postgres",
      adapterName: "pglite-prisma-adapter",
      connect: pgliteShadow,
      connectToShadowDb: pgliteShadow,
    };
  const shadow = (await isPglite(url)) ? pgliteShadow : () => serverShadow(url);
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connectPg(connectionFields(url)),
    connectToShadowDb: shadow,
  };
}
