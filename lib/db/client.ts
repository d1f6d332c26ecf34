import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { tailorDb?: PrismaClient };

function createClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error(
      "DATABASE_URL is not set: start the app with `npm run dev` / `npm start`, which start the embedded database.",
    );
  }
  // The embedded server runs one transaction at a time; a small pool keeps waiting connections few.
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 8 }) });
}

/** The app's one Prisma client, created on first use so `next build` needs no database. */
export function getDb(): PrismaClient {
  globalForDb.tailorDb ??= createClient();
  return globalForDb.tailorDb;
}

/** Lazily bound Prisma client: `db.member.findMany(...)`. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getDb();
    const value: unknown = Reflect.get(client, property, client);
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});
