import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { createCampaign } from "@/lib/delivery/create-campaign";
import { launchCampaign } from "@/lib/delivery/launch-campaign";
import type { CampaignInput } from "@/lib/delivery/schema";
import { ingestCalls } from "@/lib/profiles/ingest/ingest-calls";
import { createSegment } from "@/lib/segments/create-segment";
import { definitionSchema } from "@/lib/segments/schema";
import { createTemplate } from "@/lib/templates/create-template";
import { createTemplateSchema } from "@/lib/templates/api-schema";
import { publishTemplate } from "@/lib/templates/publish-template";
import { createIngestWorkspace } from "./ingest-fixtures";

/*
 * Six people, by hand: who may be sent SMS and who can be reached.
 *   ana  — SMS consent, a phone, first name, Berlin        → sent
 *   ben  — SMS consent, a phone, first name, New York      → sent
 *   cleo — SMS consent, a phone, NO first name             → render_error when copy needs it
 *   dan  — SMS consent, no phone                           → no_address
 *   eve  — opted out of SMS, a phone                       → no_consent
 *   finn — consent unknown, a phone                        → no_consent
 */
export const PEOPLE = [
  {
    id: "ana",
    phone: "+4915100000001",
    first_name: "Ana",
    timezone: "Europe/Berlin",
    consent: { sms: true, push: true },
    push_token: "tok-ana",
  },
  {
    id: "ben",
    phone: "+12125550002",
    first_name: "Ben",
    timezone: "America/New_York",
    consent: { sms: true, push: true },
    push_token: "tok-ben",
  },
  { id: "cleo", phone: "+4915100000003", timezone: "Europe/Berlin", consent: { sms: true } },
  { id: "dan", timezone: "Europe/Berlin", first_name: "Dan", consent: { sms: true } },
  { id: "eve", phone: "+4915100000005", first_name: "Eve", consent: { sms: false } },
  { id: "finn", phone: "+4915100000006", first_name: "Finn", consent: {} },
] as const;

export type DeliveryWorld = {
  workspaceId: string;
  actors: Record<Role, Actor>;
  profiles: Record<string, string>;
  everyoneSegmentId: string;
};

export async function createDeliveryWorld(): Promise<DeliveryWorld> {
  const { workspaceId, actors } = await createIngestWorkspace();
  const results = await ingestCalls(
    workspaceId,
    PEOPLE.map((p) => ({
      type: "identify",
      userId: p.id,
      messageId: `id-${p.id}`,
      traits: { email: `${p.id}@example.com`, ...p },
    })),
  );
  if (!results.every((r: { status: string }) => r.status === "accepted"))
    throw new Error(`ingest failed: ${JSON.stringify(results)}`);
  const rows = await db.profile.findMany({ where: { workspaceId }, select: { id: true, externalId: true } });
  const profiles = Object.fromEntries(rows.map((r) => [r.externalId!, r.id]));
  const definition = definitionSchema.parse({
    root: {
      kind: "group",
      id: "root",
      op: "and",
      children: [{ kind: "trait", id: "has-email", field: "email", comparison: { type: "string", op: "exists" } }],
    },
  });
  const everyoneSegmentId = (
    await createSegment(actors.marketer, { name: "Everyone with an e-mail", description: "", definition })
  ).id;
  return { workspaceId, actors, profiles, everyoneSegmentId };
}

/** A published SMS template with this body. */
export async function publishedSms(actor: Actor, body: string, triggerEvent?: string): Promise<string> {
  const input = createTemplateSchema.parse({
    name: `SMS ${Math.random().toString(36).slice(2, 8)}`,
    channel: "sms",
    triggerEvent: triggerEvent ?? null,
    content: { channel: "sms", locales: { default: { body } } },
  });
  const template = await createTemplate(actor, input);
  await publishTemplate(actor, template.id, {});
  return template.id;
}

/** Creates and launches a campaign; returns its id. */
export async function launch(
  actor: Actor,
  input: Partial<CampaignInput> & Pick<CampaignInput, "templateId" | "audience">,
): Promise<string> {
  const campaign = await createCampaign(actor, {
    name: "Test campaign",
    channel: "sms",
    experimentId: null,
    schedule: { kind: "now" },
    transactional: false,
    topic: null,
    goalEvent: "purchase",
    attributionHours: 72,
    ...input,
  });
  await launchCampaign(actor, campaign.id);
  return campaign.id;
}
