import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import type { CampaignSchedule } from "@/lib/delivery/schema";
import { createCampaign } from "@/lib/delivery/create-campaign";
import { launchCampaign } from "@/lib/delivery/launch-campaign";
import { encryptSecrets } from "@/lib/delivery/secrets";
import { Prisma } from "@/lib/generated/prisma/client";
import { createTemplate } from "@/lib/templates/create-template";
import { createTemplateSchema } from "@/lib/templates/api-schema";
import { publishTemplate } from "@/lib/templates/publish-template";

const db = getDb();

/**
 * A bench workspace of `profiles` reachable people (push token, phone, e-mail, consent on every
 * channel), inserted with one generate_series statement per 50k: the send benches measure the
 * queue, not the population generator. No policy caps, so nobody is skipped.
 */
export async function createSendWorkspace(
  name: string,
  profiles: number,
): Promise<{ workspaceId: string; actor: Actor }> {
  const workspace = await db.workspace.create({ data: { name } });
  for (let from = 0; from < profiles; from += 50_000) {
    const to = Math.min(profiles, from + 50_000) - 1;
    await db.$executeRaw(Prisma.sql`
      INSERT INTO "Profile" ("workspaceId", "id", "externalId", "email", "phone", "timezone", "traits", "consent",
        "updatedAt")
      SELECT ${workspace.id}, 'bp' || i, 'user-' || i, 'user' || i || '@bench.example', '+4915' || lpad(i::text, 9,
        '0'), 'Europe/Berlin',
             jsonb_build_object('first_name', 'Person ' || i, 'push_token', 'tok-' || i),
             '{"push": true, "sms": true, "email": true, "web_push": true, "in_app": true, "messenger": true}'::jsonb,
               now()
      FROM generate_series(${from}::int, ${to}::int) AS i`);
  }
  // Autovacuum is off on these machines: without fresh statistics the planner takes the new
  // workspace for one profile and scans all of it for every batch's few (quadratic).
  await db.$executeRaw`ANALYZE "Profile"`;
  await db.traitCatalog.createMany({
    data: ["first_name", "push_token"].map((key) => ({ workspaceId: workspace.id, key, type: "string", examples: [] })),
  });
  await db.policy.create({
    data: {
      workspaceId: workspace.id,
      caps: [],
      quietHours: { enabled: false, start: "21:00", end: "08:00", action: "defer" },
    },
  });
  const user = await db.user.create({
    data: { email: `bench-${workspace.id}@bench.example`, name: "Bench", passwordHash: "-" },
  });
  const member = await db.member.create({ data: { workspaceId: workspace.id, userId: user.id, role: "admin" } });
  const actor: Actor = {
    workspaceId: workspace.id,
    userId: user.id,
    memberId: member.id,
    workspaceName: name,
    email: user.email,
    name: "Bench",
    role: "admin",
    mustChangePassword: false,
  };
  return { workspaceId: workspace.id, actor };
}

/** A published push template with this default-locale content; returns its id. */
export async function publishedPush(
  actor: Actor,
  name: string,
  content: Record<string, string>,
  triggerEvent: string | null = null,
): Promise<string> {
  const template = await createTemplate(
    actor,
    createTemplateSchema.parse({
      name,
      channel: "push",
      triggerEvent,
      content: { channel: "push", locales: { default: content } },
    }),
  );
  await publishTemplate(actor, template.id, {});
  return template.id;
}

/** Creates and launches a push campaign to everyone; returns its id. */
export async function launchPush(
  actor: Actor,
  name: string,
  templateId: string,
  schedule: CampaignSchedule = { kind: "now" },
): Promise<string> {
  const campaign = await createCampaign(actor, {
    name,
    channel: "push",
    audience: { kind: "all" },
    templateId,
    experimentId: null,
    schedule,
    transactional: false,
    topic: null,
    goalEvent: "purchase",
    attributionHours: 72,
  });
  await launchCampaign(actor, campaign.id);
  return campaign.id;
}

/** Sends the workspace's push through a signed webhook to `url` (a local sink). */
export async function pushToWebhook(workspaceId: string, url: string): Promise<void> {
  await db.channelProvider.create({
    data: {
      workspaceId,
      channel: "push",
      kind: "webhook",
      config: { url, timeoutMs: 10_000 },
      secrets: encryptSecrets({ signingSecret: "bench-signing-secret-0123456789" }),
    },
  });
}

/** A local HTTP sink for webhook sends: records when each Idempotency-Key arrived (and repeats). */
export async function startSink(): Promise<{
  url: string;
  received: Map<string, number[]>;
  requests: () => number;
  close: () => Promise<void>;
}> {
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
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    requests: () => requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
