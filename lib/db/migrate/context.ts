import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine, SchemaFilter } from "@prisma/schema-engine-wasm";
import { readFileSync } from "node:fs";
import pg from "pg";
import { createSchemaEngine } from "./engine";
import { connectionFields, pgMigrationFactory } from "./pg-adapter";
import { pgliteShadow } from "./pglite-shadow";

export type MigrateOptions = { schemaPath: string; migrationsDir: string; url?: string };
export type MigrateContext = MigrateOptions & { engine: SchemaEngine; schema: { files: { path: string; content: string }[] } };

export const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

async function isPglite(url: string): Promise<boolean> {
  const client = new pg.Client(connectionFields(url));
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string }>("select version()");
    return rows[0]!.version.includes("PGlite");
  } finally {
    await client.end();
  }
}

async function adapterFactory(url: string | undefined): Promise<SqlMigrationAwareDriverAdapterFactory> {
  if (!url) {
    // No database at all (db:check): the engine only needs a shadow to replay migrations into.
    return { provider: "postgres", adapterName: "pglite-prisma-adapter", connect: pgliteShadow, connectToShadowDb: pgliteShadow };
  }
  return (await isPglite(url)) ? pgMigrationFactory(url, pgliteShadow) : pgMigrationFactory(url);
}

export async function openMigrateContext(options: MigrateOptions): Promise<MigrateContext> {
  const engine = await createSchemaEngine(options.schemaPath, await adapterFactory(options.url));
  return { ...options, engine, schema: { files: [{ path: options.schemaPath, content: readFileSync(options.schemaPath, "utf8") }] } };
}
