import type { TestProject } from "vitest/node";
import { applyMigrations, createThrowawayDatabase } from "./throwaway-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** One throw-away database for the run, migrated like production; dropped at the end. */
export default async function setup(project: TestProject) {
  const database = await createThrowawayDatabase();
  await applyMigrations(database.url);
  project.provide("databaseUrl", database.url);
  console.log(`vitest database: ${database.kind}`);
  return () => database.drop();
}
