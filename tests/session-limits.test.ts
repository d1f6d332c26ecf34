import pg from "pg";
import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { db, SESSION_LIMITS, sessionOptions } from "@/lib/db/client";
import { connectionFields } from "@/lib/db/database-url";

// PGlite accepts the startup options and ignores them (one session at a time: nothing waits behind it).
const onPostgres = Boolean(process.env.TEST_SERVER_DATABASE_URL);

describe("session limits", () => {
  it("are startup options, none for a long job", () => {
    expect(sessionOptions(SESSION_LIMITS)).toBe(
      "-c statement_timeout=120000 -c idle_in_transaction_session_timeout=60000",
    );
    expect(sessionOptions(null)).toBeUndefined();
  });

  it.runIf(onPostgres)("apply to the app's sessions on PostgreSQL", async () => {
    const [row] = await db.$queryRaw<{ statement: string; idle: string }[]>(Prisma.sql`
      SELECT current_setting('statement_timeout') AS "statement",
        current_setting('idle_in_transaction_session_timeout') AS "idle"`);
    expect(row).toEqual({ statement: "2min", idle: "1min" });
  });

  it.runIf(onPostgres)("end a transaction left idle, so it cannot hold back the fold", async () => {
    const client = new pg.Client({
      ...connectionFields(process.env.DATABASE_URL!),
      options: sessionOptions({ statementTimeoutMs: 120_000, idleInTransactionTimeoutMs: 200 }),
    });
    client.on("error", () => {}); // the server closes the session: expected here
    await client.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_current_xact_id()");
      await new Promise((resolve) => setTimeout(resolve, 600));
      await expect(client.query("SELECT 1")).rejects.toThrow();
    } finally {
      await client.end().catch(() => {});
    }
  });
});
