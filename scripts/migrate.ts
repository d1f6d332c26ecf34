// Offline migrations through Prisma's WebAssembly schema engine (docs/database.md).
//   deploy | dev [--name x] [--create-only] [--accept-data-loss] | status | check | reset --force
// Options: --schema <file> (prisma/schema.prisma), --migrations <dir> (prisma/migrations).
// Reads DATABASE_URL (all but `check`, which needs no database).
import path from "node:path";
import { parseArgs } from "node:util";
import {
  createMigration,
  deployMigrations,
  migrationStatus,
  missingMigrationSql,
  openMigrateContext,
  resetDatabase,
} from "@/lib/db/migrate";

const ROOT = path.resolve(import.meta.dirname, "..");
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: "string" },
    "create-only": { type: "boolean", default: false },
    "accept-data-loss": { type: "boolean", default: false },
    force: { type: "boolean", default: false },
    schema: { type: "string", default: path.join(ROOT, "prisma/schema.prisma") },
    migrations: { type: "string", default: path.join(ROOT, "prisma/migrations") },
  },
});
const command = positionals[0];
const started = Date.now();
const took = () => `(${((Date.now() - started) / 1000).toFixed(1)} s)`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main(): Promise<number> {
  if (!command || !["deploy", "dev", "status", "check", "reset"].includes(command)) {
    fail("usage: migrate.ts deploy | dev [--name x] [--create-only] [--accept-data-loss] | status | check | reset --force");
  }
  const url = process.env.DATABASE_URL || undefined;
  if (command !== "check" && !url) fail(`migrate ${command} needs DATABASE_URL (npm run db:* scripts start the embedded database for you).`);
  if (command === "reset" && !values.force) fail("db:reset drops every table and row. Run it again with --force if you mean it.");
  const context = await openMigrateContext({
    schemaPath: path.resolve(values.schema),
    migrationsDir: path.resolve(values.migrations),
    url: command === "check" ? undefined : url,
  });

  switch (command) {
    case "deploy": {
      const applied = await deployMigrations(context);
      for (const name of applied) console.log(`applied ${name}`);
      console.log(`${applied.length === 0 ? "No pending migrations." : `Applied ${applied.length} migration(s).`} ${took()}`);
      return 0;
    }
    case "reset": {
      const applied = await resetDatabase(context);
      console.log(`Reset the database and applied ${applied.length} migration(s). ${took()}`);
      return 0;
    }
    case "check": {
      const missing = await missingMigrationSql(context);
      if (missing === null) {
        console.log(`schema and migrations agree ${took()}`);
        return 0;
      }
      console.error(`schema.prisma has changes with no migration. Run \`npm run db:migrate -- --name <what changed>\`. Missing SQL:\n${missing}`);
      return 1;
    }
    case "status": {
      const status = await migrationStatus(context);
      for (const migration of status.migrations) console.log(`${migration.state.padEnd(22)} ${migration.name}`);
      for (const name of status.notInDirectory) console.log(`${"not in directory".padEnd(22)} ${name}`);
      if (status.drift) console.log(`Drift: the database differs from what the migrations make:\n${status.drift}`);
      console.log(`${status.upToDate ? "Database is up to date." : "Database is NOT up to date."} ${took()}`);
      return status.upToDate ? 0 : 1;
    }
    case "dev": {
      const result = await createMigration(context, {
        name: values.name,
        createOnly: values["create-only"],
        acceptDataLoss: values["accept-data-loss"],
      });
      for (const name of result.applied) console.log(`applied ${name}`);
      switch (result.kind) {
        case "in-sync":
          console.log(`schema.prisma and the database agree: no new migration. ${took()}`);
          return 0;
        case "needs-name":
          console.error("schema.prisma has changes: name the migration, e.g. `npm run db:migrate -- --name add_personas`.");
          return 1;
        case "needs-reset":
          console.error(`The database cannot follow the migrations: ${result.reason}\nRun \`npm run db:reset -- --force\` (drops all data).`);
          return 1;
        case "data-loss":
          for (const message of result.unexecutable) console.error(`cannot apply: ${message}`);
          for (const message of result.warnings) console.error(`data loss: ${message}`);
          console.error(
            result.unexecutable.length > 0
              ? "Refused: edit the schema (or create the migration with --create-only and edit it by hand)."
              : "Refused: this change loses data. Run again with --accept-data-loss if that is intended.",
          );
          return 1;
        case "created":
          console.log(`${result.appliedNew ? "Created and applied" : "Created"} ${path.relative(ROOT, result.file)} ${took()}`);
          return 0;
      }
    }
  }
  return 1;
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    const message = error instanceof Error ? error.message : typeof error === "object" ? JSON.stringify(error, null, 2) : String(error);
    console.error(`migrate ${command} failed: ${message}`);
    // pg pools keep the process alive for up to a minute otherwise.
    process.exit(1);
  });
