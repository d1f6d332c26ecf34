import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

const db = getDb();

/**
 * A bench workspace of `profiles` reachable people (push token, phone, e-mail, consent on every
 * channel), inserted with one generate_series statement per 50k: the send benches measure the
 * queue, not the population generator. No policy caps, so nobody is skipped.
 */
export async function createSendWorkspace(name: string, profiles: number): Promise<string> {
  const workspace = await db.workspace.create({ data: { name } });
  for (let from = 0; from < profiles; from += 50_000) {
    const to = Math.min(profiles, from + 50_000) - 1;
    await db.$executeRaw(Prisma.sql`
      INSERT INTO "Profile" ("workspaceId", "id", "externalId", "email", "phone", "timezone", "traits", "consent", "updatedAt")
      SELECT ${workspace.id}, 'bp' || i, 'user-' || i, 'user' || i || '@bench.example', '+4915' || lpad(i::text, 9, '0'), 'Europe/Berlin',
             jsonb_build_object('first_name', 'Person ' || i, 'push_token', 'tok-' || i),
             '{"push": true, "sms": true, "email": true, "web_push": true, "in_app": true, "messenger": true}'::jsonb, now()
      FROM generate_series(${from}::int, ${to}::int) AS i`);
  }
  await db.traitCatalog.createMany({ data: ["first_name", "push_token"].map((key) => ({ workspaceId: workspace.id, key, type: "string", examples: [] })) });
  await db.policy.create({ data: { workspaceId: workspace.id, caps: [], quietHours: { enabled: false, start: "21:00", end: "08:00", action: "defer" } } });
  return workspace.id;
}

/** A local HTTP sink for webhook sends: records when each Idempotency-Key arrived (and repeats). */
export async function startSink(): Promise<{ url: string; received: Map<string, number[]>; requests: () => number; close: () => Promise<void> }> {
  const received = new Map<string, number[]>();
  let requests = 0;
  const server: Server = createServer((req, res) => {
    const key = String(req.headers["idempotency-key"] ?? "");
    req.resume();
    req.on("end", () => {
      requests++;
      const at = Date.now();
      const seen = received.get(key);
      if (seen) seen.push(at);
      else received.set(key, [at]);
      res.writeHead(200, { "content-type": "application/json" }).end(`{"id":"sink-${requests}"}`);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, received, requests: () => requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
