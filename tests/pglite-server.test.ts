import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPgliteServer, type PgliteServer } from "@/lib/db/pglite-server";

// The embedded server puts every connection on PGlite's one session (lib/db/pglite-serve.mjs).
let server: PgliteServer;
beforeAll(async () => {
  server = await startPgliteServer({});
});
afterAll(() => server.stop());

describe("embedded database server", () => {
  it("keeps each client's queries whole while other clients run transactions", async () => {
    const pools = [0, 1, 2].map(() => new pg.Pool({ connectionString: server.url, max: 4 }));
    const problems: string[] = [];
    let answered = 0;
    await Promise.all(
      pools.flatMap((pool, p) =>
        [0, 1, 2, 3].map(async (w) => {
          for (let i = 0; i < 60; i++) {
            const n = p * 100_000 + w * 1_000 + i;
            try {
              if ((w + i) % 3 === 0) {
                // What Prisma's interactive transactions send: BEGIN, SET LOCAL, a query, COMMIT.
                const client = await pool.connect();
                try {
                  await client.query("BEGIN");
                  await client.query("SET LOCAL work_mem = '64MB'");
                  const { rows } = await client.query("SELECT $1::int AS n", [n]);
                  await client.query("COMMIT");
                  if (rows[0]?.n !== n) problems.push(`asked ${n}, got ${rows[0]?.n}`);
                } finally {
                  client.release();
                }
              } else {
                const { rows } = await pool.query("SELECT $1::int AS n, repeat('x', $2::int) AS pad", [
                  n,
                  (i % 7) * 50,
                ]);
                if (rows[0]?.n !== n) problems.push(`asked ${n}, got ${rows[0]?.n}`);
              }
              answered++;
            } catch (error) {
              problems.push((error as Error).message);
            }
          }
        }),
      ),
    );
    await Promise.all(pools.map((pool) => pool.end()));
    expect(problems.slice(0, 5)).toEqual([]);
    expect(answered).toBe(720);
  });
});
