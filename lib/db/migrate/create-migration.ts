import { NO_FILTER, type MigrateContext } from "./context";
import { deployMigrations } from "./deploy-migrations";
import { readMigrations, writeMigration } from "./migrations-dir";
import { orderedMigrationName } from "./ordered-name";

export type DevOptions = { name?: string; createOnly: boolean; acceptDataLoss: boolean };

export type DevResult =
  | { kind: "in-sync"; applied: string[] }
  | { kind: "needs-reset"; applied: string[]; reason: string }
  | { kind: "needs-name"; applied: string[] }
  | { kind: "data-loss"; applied: string[]; warnings: string[]; unexecutable: string[] }
  | { kind: "created"; applied: string[]; name: string; file: string; appliedNew: boolean; warnings: string[] };

/** `migrate dev`: apply pending migrations, then turn schema.prisma changes into a new migration. */
export async function createMigration(context: MigrateContext, options: DevOptions): Promise<DevResult> {
  const applied = await deployMigrations(context);
  const migrationsList = readMigrations(context.migrationsDir);
  // Also refills the engine's cache, which the migrations just applied left stale: without it
  // evaluateDataLoss/createMigration fail asking for a shadow database "from an external factory".
  const { action } = await context.engine.devDiagnostic({ migrationsList, filters: NO_FILTER });
  if (action.tag === "reset") return { kind: "needs-reset", applied, reason: action.reason };

  const loss = await context.engine.evaluateDataLoss({ migrationsList, schema: context.schema, filters: NO_FILTER });
  // --create-only still writes an empty migration: that is how hand-written ones start.
  if (loss.migrationSteps === 0 && !options.createOnly) return { kind: "in-sync", applied };
  const warnings = loss.warnings.map((warning) => warning.message);
  const unexecutable = loss.unexecutableSteps.map((step) => step.message);
  // A draft is written, not applied: its warnings are for whoever edits it.
  if (!options.createOnly && (unexecutable.length > 0 || (warnings.length > 0 && !options.acceptDataLoss))) {
    return { kind: "data-loss", applied, warnings, unexecutable };
  }
  if (!options.name) return { kind: "needs-name", applied };

  const created = await context.engine.createMigration({
    draft: options.createOnly,
    migrationName: options.name,
    migrationsList,
    schema: context.schema,
    filters: NO_FILTER,
  });
  if (created.migrationScript === null) return { kind: "in-sync", applied };
  const name = orderedMigrationName(
    created.generatedMigrationName,
    migrationsList.migrationDirectories.map((d) => d.path),
  );
  const file = writeMigration(context.migrationsDir, name, created.migrationScript);
  if (!options.createOnly) await deployMigrations(context);
  return {
    kind: "created",
    applied,
    name,
    file,
    appliedNew: !options.createOnly,
    warnings: [...unexecutable, ...warnings],
  };
}
