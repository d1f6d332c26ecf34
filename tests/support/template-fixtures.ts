import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { ingestCalls } from "@/lib/profiles/ingest/ingest-calls";
import { createSegment } from "@/lib/segments/create-segment";
import { definitionSchema } from "@/lib/segments/schema";
import { createIngestWorkspace } from "./ingest-fixtures";

/*
 * Five customers, figures by hand: 3 of 5 have a first name (60 %); the German ones (c1, c2, c4)
 * are 3, of whom 2 have a first name (2 of 3 → 67 %). c1 reads de-AT, c2 de, c3 English.
 */
export const CUSTOMERS = [
  { id: "c1", first_name: "Anna", locale: "de-AT", country: "DE" },
  { id: "c2", first_name: "Ben", locale: "de", country: "DE" },
  { id: "c3", first_name: "Cleo", locale: "en-GB", country: "FR" },
  { id: "c4", first_name: undefined, locale: null, country: "DE" },
  { id: "c5", first_name: undefined, locale: "fr", country: "FR" },
] as const;

export type TemplateWorld = {
  workspaceId: string;
  actors: Record<Role, Actor>;
  profiles: Record<string, string>;
  germanSegmentId: string;
};

/** A workspace with the five customers, a trait flagged sensitive and a segment of the German ones. */
export async function createTemplateWorld(): Promise<TemplateWorld> {
  const { workspaceId, actors } = await createIngestWorkspace();
  const calls = CUSTOMERS.map((c) => ({
    type: "identify",
    userId: c.id,
    traits: {
      email: `${c.id}@example.com`,
      country: c.country,
      ...(c.locale ? { locale: c.locale } : {}),
      ...(c.first_name ? { first_name: c.first_name } : {}),
      health_condition: "none",
    },
    messageId: `id-${c.id}`,
  }));
  const results = await ingestCalls(workspaceId, calls);
  if (!results.every((r: { status: string }) => r.status === "accepted"))
    throw new Error(`ingest failed: ${JSON.stringify(results)}`);
  await db.traitFlag.create({
    data: {
      workspaceId,
      key: "traits.health_condition",
      flag: "sensitive",
      reason: "Health data must not be used in copy",
      flaggedBy: actors.pm.email,
    },
  });
  const rows = await db.profile.findMany({ where: { workspaceId }, select: { id: true, externalId: true } });
  const profiles = Object.fromEntries(rows.map((r) => [r.externalId!, r.id]));
  const definition = definitionSchema.parse({
    root: {
      kind: "group",
      id: "root",
      op: "and",
      children: [
        { kind: "trait", id: "de", field: "country", comparison: { type: "string", op: "equals", value: "DE" } },
      ],
    },
  });
  const germanSegmentId = (await createSegment(actors.marketer, { name: "Germany", description: "", definition })).id;
  return { workspaceId, actors, profiles, germanSegmentId };
}

export const sms = (body: string, locales: Record<string, { body?: string }> = {}) => ({
  channel: "sms",
  locales: { default: { body }, ...locales },
});

export const email = (greeting = 'Hi {{ profile.first_name | default: "there" }},') => ({
  channel: "email",
  locales: {
    default: {
      subject: 'Hello {{ profile.first_name | default: "there" }}',
      body: {
        format: "blocks",
        blocks: [
          { type: "text", text: `${greeting}\nall is 20% off.` },
          { type: "footer", text: "Acme", unsubscribeLabel: "Unsubscribe" },
        ],
      },
    },
    de: { subject: 'Hallo {{ profile.first_name | default: "du" }}' },
  },
});

export const json = async (response: Response) => ({ status: response.status, body: await response.json() });
export const params = <T extends Record<string, string>>(value: T) => ({ params: Promise.resolve(value) });
