import { readFileSync } from "node:fs";
import type { SchemaEngine, SchemaFilter } from "@prisma/schema-engine-wasm";
import { migrationAdapterFactory } from "./adapter-factory";
import { createSchemaEngine } from "./engine";

export type MigrateOptions = { schemaPath: string; migrationsDir: string; url?: string };
export type MigrateContext = MigrateOptions & {
  engine: SchemaEngine;
  schema: { files: { path: string; content: string }[] };
};

// Every table and enum in the schema is Prisma's to manage.
export const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

export async function openMigrateContext(options: MigrateOptions): Promise<MigrateContext> {
  const content = readFileSync(options.schemaPath, "utf8");
  const engine = await createSchemaEngine(options.schemaPath, content, await migrationAdapterFactory(options.url));
  return { ...options, engine, schema: { files: [{ path: options.schemaPath, content }] } };
}
