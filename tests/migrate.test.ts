// scripts/migrate.ts end to end: the CLI runs as a child process against real databases, each test
// with its own scratch schema file and migrations directory (--schema / --migrations).
// The behaviour tests run on the configured kind of database: an in-memory PGlite server, or
// PostgreSQL when TEST_SERVER_DATABASE_URL is set (.ci/run's second pass sets it through
// DATABASE_URL; see vitest.config.ts). The PostgreSQL-only tests are skipped without it.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { connectionFields } from "@/lib/db/database-url";
import { SHADOW_PREFIX } from "@/lib/db/migrate/server-shadow";
import { startPgliteServer } from "@/lib/db/pglite-server";
import { applyMigrations, createThrowawayDatabase, type ThrowawayDatabase } from "./support/throwaway-database";

const ROOT = path.resolve(import.meta.dirname, "..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const SERVER = process.env.TEST_SERVER_DATABASE_URL;
const KIND = SERVER ? "PostgreSQL" : "PGlite";
// Three or four CLI runs, each starting the engine (and on PGlite an in-memory shadow database).
const SLOW = 120_000;

const HEADER = `datasource db {\n  provider = "postgresql"\n}\n`;
const THING = `model Thing {\n  id Int @id\n}\n`;
const THING_WITH_NOTE = `model Thing {\n  id   Int     @id\n  note String?\n}\n`;
const CREATE_THING = `CREATE TABLE "Thing" ("id" INTEGER NOT NULL, CONSTRAINT "Thing_pkey" PRIMARY KEY ("id"));`;
const CREATE_THING_WITH_NOTE = `CREATE TABLE "Thing" ("id" INTEGER NOT NULL, "note" TEXT, CONSTRAINT "Thing_pkey" PRIMARY KEY ("id"));`;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function throwawayDatabase(): Promise<ThrowawayDatabase> {
  const database = await createThrowawayDatabase();
  cleanups.push(() => database.drop());
  return database;
}

/** A scratch project: a schema file and a migrations directory holding the given migrations. */
function scratchProject(schema: string, migrations: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), "tailor-migrate-"));
  cleanups.push(() => Promise.resolve(rmSync(dir, { recursive: true, force: true })));
  const schemaPath = path.join(dir, "schema.prisma");
  const migrationsDir = path.join(dir, "migrations");
  writeFileSync(schemaPath, HEADER + schema);
  mkdirSync(migrationsDir);
  for (const [name, sql] of Object.entries(migrations)) {
    mkdirSync(path.join(migrationsDir, name));
    writeFileSync(path.join(migrationsDir, name, "migration.sql"), sql);
  }
  return {
    migrationsDir,
    setSchema: (next: string) => writeFileSync(schemaPath, HEADER + next),
    migrate: (url: string | undefined, ...args: string[]) =>
      runCli(url, [...args, "--schema", schemaPath, "--migrations", migrationsDir]),
  };
}

function runCli(url: string | undefined, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, DATABASE_URL: url ?? "" };
    execFile(TSX, ["scripts/migrate.ts", ...args], { cwd: ROOT, env }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

async function query<T extends object>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client(connectionFields(url));
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe(`scripts/migrate.ts on ${KIND}`, () => {
  it("applies a migration whose $$-quoted plpgsql body and string literal contain semicolons", async () => {
    const database = await throwawayDatabase();
    const project = scratchProject("", {
      "20260101000000_notes": [
        `CREATE TABLE "Note" ("id" SERIAL PRIMARY KEY, "body" TEXT NOT NULL DEFAULT 'first; second');`,
        `CREATE FUNCTION note_shout() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.body := upper(NEW.body); RETURN NEW; END; $$;`,
        `CREATE TRIGGER note_shout BEFORE INSERT ON "Note" FOR EACH ROW EXECUTE FUNCTION note_shout();`,
        `INSERT INTO "Note" DEFAULT VALUES;`,
      ].join("\n"),
    });

    const run = await project.migrate(database.url, "deploy");

    expect(run.output).toContain("applied 20260101000000_notes");
    expect(run.code).toBe(0);
    expect(await query(database.url, `SELECT body FROM "Note"`)).toEqual([{ body: "FIRST; SECOND" }]);
  });

  it("leaves nothing of a failing two-statement migration behind and records it failed", async () => {
    const database = await throwawayDatabase();
    const project = scratchProject("", {
      "20260101000000_half": `CREATE TABLE "Half" ("id" INTEGER);\nSELECT * FROM "does_not_exist";\n`,
    });

    const run = await project.migrate(database.url, "deploy");

    expect(run.code).toBe(1);
    expect(run.output).toContain("migration 20260101000000_half failed");
    expect(run.output).toContain("does_not_exist");
    expect(await query(database.url, `SELECT to_regclass('"Half"') AS half`)).toEqual([{ half: null }]);
    // As Prisma records a failed migration: started, never finished, not rolled back, the error in logs.
    const rows = await query<{
      finished_at: Date | null;
      rolled_back_at: Date | null;
      applied_steps_count: number;
      logs: string;
    }>(
      database.url,
      `SELECT finished_at, rolled_back_at, applied_steps_count, logs FROM _prisma_migrations WHERE migration_name = '20260101000000_half'`,
    );
    expect(rows).toEqual([
      {
        finished_at: null,
        rolled_back_at: null,
        applied_steps_count: 0,
        logs: expect.stringContaining("does_not_exist"),
      },
    ]);
    const status = await project.migrate(database.url, "status");
    expect(status.code).toBe(1);
    expect(status.output).toMatch(/failed\s+20260101000000_half/);
  });

  it(
    "refuses a change that drops a column holding data unless --accept-data-loss is given",
    async () => {
      const database = await throwawayDatabase();
      const project = scratchProject(THING_WITH_NOTE, { "20260101000000_things": CREATE_THING_WITH_NOTE });
      expect((await project.migrate(database.url, "deploy")).code).toBe(0);
      await query(database.url, `INSERT INTO "Thing" (id, note) VALUES (1, 'keep me')`);
      project.setSchema(THING);

      const refused = await project.migrate(database.url, "dev", "--name", "drop_note");

      expect(refused.code).toBe(1);
      expect(refused.output).toMatch(/data loss: .*`note`.*1 non-null value/);
      expect(readdirSync(project.migrationsDir)).toEqual(["20260101000000_things"]);
      expect(await query(database.url, `SELECT note FROM "Thing"`)).toEqual([{ note: "keep me" }]);

      const accepted = await project.migrate(database.url, "dev", "--name", "drop_note", "--accept-data-loss");

      expect(accepted.code).toBe(0);
      expect(accepted.output).toMatch(/Created and applied .*\/\d{14}_drop_note\/migration\.sql/);
      const columns = await query(
        database.url,
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'Thing'`,
      );
      expect(columns).toEqual([{ column_name: "id" }]);
    },
    SLOW,
  );
});

describe("scripts/migrate.ts check (no database)", () => {
  it(
    "exits 1 with the missing SQL when schema.prisma has a change with no migration, and 0 when they agree",
    async () => {
      const project = scratchProject(THING, { "20260101000000_things": CREATE_THING });

      const agreeing = await project.migrate(undefined, "check");
      expect(agreeing.output).toContain("schema and migrations agree");
      expect(agreeing.code).toBe(0);

      project.setSchema(THING_WITH_NOTE);
      const stale = await project.migrate(undefined, "check");
      expect(stale.code).toBe(1);
      expect(stale.output).toMatch(/ADD COLUMN\s+"note" TEXT/);
    },
    SLOW,
  );
});

describe.skipIf(!SERVER)("scripts/migrate.ts on a PostgreSQL server", () => {
  it(
    "leaves no tailor_shadow_ database behind after dev and status",
    async () => {
      const shadows = async () =>
        (
          await query<{ datname: string }>(
            SERVER!,
            `SELECT datname FROM pg_database WHERE datname LIKE '${SHADOW_PREFIX}%'`,
          )
        ).map((row) => row.datname);
      const before = await shadows();
      const database = await throwawayDatabase();
      const project = scratchProject(THING);

      expect((await project.migrate(database.url, "dev", "--name", "things")).code).toBe(0);
      project.setSchema(THING_WITH_NOTE);
      expect((await project.migrate(database.url, "dev", "--name", "note")).code).toBe(0);
      expect((await project.migrate(database.url, "status")).code).toBe(0);

      const leaked = (await shadows()).filter((name) => !before.includes(name));
      expect(leaked).toEqual([]);
    },
    SLOW,
  );

  it(
    "gives an empty PGlite and an empty PostgreSQL the same tables, columns and indexes from prisma/migrations",
    async () => {
      const [postgres, pglite] = await Promise.all([throwawayDatabase(), startPgliteServer()]);
      cleanups.push(() => pglite.stop());
      await Promise.all([applyMigrations(postgres.url), applyMigrations(pglite.url)]);
      const shape = async (url: string) => ({
        columns: await query(
          url,
          `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
           WHERE table_schema = 'public' ORDER BY table_name, column_name`,
        ),
        indexes: await query(
          url,
          `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname`,
        ),
      });

      const [fromPostgres, fromPglite] = await Promise.all([shape(postgres.url), shape(pglite.url)]);

      expect(fromPostgres.columns.length).toBeGreaterThan(50);
      expect(fromPglite).toEqual(fromPostgres);
    },
    SLOW,
  );
});
