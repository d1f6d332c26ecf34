import { loadActor } from "@/lib/auth/load-actor";
import { db } from "@/lib/db/client";
import { asRecord } from "@/lib/db/json-object";
import { campaignAudienceSql } from "@/lib/delivery/audience";
import { hasChannelAddress } from "@/lib/delivery/policy/has-address";
import { createRandom } from "@/lib/demo/population/random";
import { cartRecovery, welcomeSeries, winBack } from "@/lib/journeys/examples";
import type { JourneyDefinition } from "@/lib/journeys/schema";
import { publishJourney } from "@/lib/journeys/engine/publish-journey";
import { CHANNELS } from "@/lib/profiles/channels";
import { createSegment } from "@/lib/segments/create-segment";
import { definitionSchema } from "@/lib/segments/schema";
import { createTemplate } from "@/lib/templates/create-template";
import { publishTemplate } from "@/lib/templates/publish-template";
import { journeyHistory, type HistoryProfile, type JourneyHistory } from "./journeys/journey-history";
import { JOURNEY_TEMPLATES, type JourneyTemplateKey } from "./journeys/journey-templates";
import {
  insertEntriesSql,
  insertMessagesSql,
  insertStepsSql,
  membersAmongSql,
  sampleEventsSql,
  sampleProfilesSql,
  type SampleEventRow,
  type SampleProfileRow,
} from "./journeys/sql";

const DAY = 86_400_000;
/** The journeys went live this long ago; their history covers it. */
export const JOURNEY_HISTORY_DAYS = 45;
/**
 * Profiles whose events the history replays (the first by external id): bounds the history at any
 * population size — about 3k entries at the default 5,000 profiles, never more than this sample makes.
 */
export const JOURNEY_HISTORY_PROFILES = 5_000;
const INACTIVE_DAYS = 14;
const CHUNK = 5_000;

/**
 * The research's three sequences (lib/journeys/examples.ts) as live journeys with history: their
 * templates and the win-back's "inactive for 14 days" segment, each journey published like a
 * marketer would (publishJourney: version 1, a campaign per send step) and back-dated
 * JOURNEY_HISTORY_DAYS, then the entries, steps and messages the engine would have written over the
 * sample's events in that time (journeyHistory). Only into a workspace without journeys; returns how
 * many entries it wrote.
 */
export async function seedDemoJourneys(workspaceId: string, seed: number, now = new Date()): Promise<number> {
  if ((await db.journey.count({ where: { workspaceId } })) > 0) return 0;
  const member = await db.member.findFirst({
    where: { workspaceId, role: "marketer", deactivatedAt: null },
    select: { id: true },
  });
  const actor = member && (await loadActor(member.id));
  const dealHunter = await db.persona.findFirst({ where: { workspaceId, name: "Deal-hunting Dani" } });
  if (!actor || !dealHunter) return 0;

  const templates = {} as Record<JourneyTemplateKey, string>;
  for (const [key, t] of Object.entries(JOURNEY_TEMPLATES) as [
    JourneyTemplateKey,
    (typeof JOURNEY_TEMPLATES)[JourneyTemplateKey],
  ][]) {
    const created = await createTemplate(actor, {
      name: t.name,
      channel: t.content.channel,
      description: "Sent by a demo journey.",
      triggerEvent: null,
      content: t.content,
    });
    await publishTemplate(actor, created.id);
    templates[key] = created.id;
  }
  const inactive = await createSegment(actor, {
    name: `Inactive for ${INACTIVE_DAYS} days`,
    description: "App users who have not opened the app in 14 days: the win-back journey's entry.",
    definition: definitionSchema.parse({
      root: {
        kind: "group",
        id: "root",
        op: "and",
        children: [
          {
            kind: "trait",
            id: "app",
            field: "platform",
            comparison: { type: "string", op: "in", values: ["ios", "android"] },
          },
          {
            kind: "event",
            id: "inactive",
            event: "app_open",
            measure: { type: "not_performed" },
            window: { type: "last", amount: INACTIVE_DAYS, unit: "days" },
            where: [],
          },
        ],
      },
    }),
  });

  const since = now.getTime() - JOURNEY_HISTORY_DAYS * DAY;
  const profiles = await sample(workspaceId, dealHunter.id, since, now);
  const at = (p: HistoryProfile, name: string) => p.events.filter((e) => e.name === name).map((e) => e.at);
  const journeys: {
    id: string;
    name: string;
    definition: JourneyDefinition;
    triggers: (p: HistoryProfile) => number[];
  }[] = [
    {
      id: "demo-welcome-series",
      name: "Welcome series",
      definition: welcomeSeries(templates),
      triggers: (p) => at(p, "signup"),
    },
    {
      id: "demo-cart-recovery",
      name: "Cart recovery",
      definition: cartRecovery({ ...templates, dealHunterPersonaId: dealHunter.id }),
      triggers: (p) => at(p, "add_to_cart"),
    },
    {
      id: "demo-win-back",
      name: "Win-back after 14 days inactive",
      definition: winBack({ ...templates, inactiveSegmentId: inactive.id }),
      // Entering the segment: 14 days after an app open with none after it.
      triggers: (p) => {
        const opens = at(p, "app_open");
        return opens.flatMap((t, i) =>
          (opens[i + 1] ?? Infinity) - t > INACTIVE_DAYS * DAY ? [t + INACTIVE_DAYS * DAY] : [],
        );
      },
    },
  ];

  let written = 0;
  for (const [index, j] of journeys.entries()) {
    // A fixed id: a random split draws on it (drawArm), so the same seed holds out the same profiles.
    const { id } = await db.journey.create({
      data: { workspaceId, id: j.id, name: j.name, createdById: actor.userId, createdBy: actor.email },
      select: { id: true },
    });
    const published = await publishJourney(actor, id, j.definition);
    const version = await backDate(workspaceId, id, published.versionId, new Date(since));
    let counter = 0;
    const history = journeyHistory(profiles, {
      journeyId: id,
      definition: j.definition,
      campaigns: version,
      since,
      now: now.getTime(),
      triggers: j.triggers,
      random: createRandom(seed * 31 + index),
      id: (kind) => `demo-${kind}-${id}-${++counter}`,
    });
    await write(workspaceId, id, published.versionId, history);
    written += history.entries.length;
  }
  return written;
}

/** The sample's profiles with what the journeys read of them: consent, addresses, persona, events. */
async function sample(workspaceId: string, personaId: string, since: number, now: Date): Promise<HistoryProfile[]> {
  const rows = await db.$queryRaw<SampleProfileRow[]>(sampleProfilesSql(workspaceId, JOURNEY_HISTORY_PROFILES));
  const ids = rows.map((r) => r.id);
  const events = await db.$queryRaw<SampleEventRow[]>(
    sampleEventsSql(
      workspaceId,
      ids,
      ["signup", "app_open", "add_to_cart", "purchase"],
      new Date(since - INACTIVE_DAYS * DAY),
    ),
  );
  const members = await db.$queryRaw<{ id: string }[]>(
    membersAmongSql(await campaignAudienceSql(workspaceId, { kind: "persona", id: personaId }, now), ids),
  );
  const dealHunters = new Set(members.map((m) => m.id));
  const byProfile = new Map<string, { name: string; at: number }[]>();
  for (const e of events) {
    const list = byProfile.get(e.profileId) ?? [];
    list.push({ name: e.name, at: e.at.getTime() });
    byProfile.set(e.profileId, list);
  }
  return rows.map((r) => ({
    id: r.id,
    consent: asRecord(r.consent) as Record<string, boolean>,
    reachable: new Set(CHANNELS.filter((c) => hasChannelAddress(r, c))),
    personas: new Set(dealHunters.has(r.id) ? [personaId] : []),
    events: byProfile.get(r.id) ?? [],
  }));
}

/** Published "then": the version, its send campaigns and the journey itself date from the history's start. */
async function backDate(workspaceId: string, journeyId: string, versionId: string, at: Date) {
  await db.journey.update({ where: { workspaceId_id: { workspaceId, id: journeyId } }, data: { createdAt: at } });
  const version = await db.journeyVersion.update({
    where: { workspaceId_id: { workspaceId, id: versionId } },
    data: { publishedAt: at },
    select: { sendCampaigns: true },
  });
  await db.campaign.updateMany({ where: { workspaceId, journeyId }, data: { createdAt: at, launchedAt: at } });
  return version.sendCampaigns as Record<string, { campaignId: string; channel: string }>;
}

async function write(workspaceId: string, journeyId: string, versionId: string, h: JourneyHistory) {
  const chunks = <T>(rows: T[]) =>
    Array.from({ length: Math.ceil(rows.length / CHUNK) }, (_, i) => rows.slice(i * CHUNK, (i + 1) * CHUNK));
  for (const rows of chunks(h.entries)) await db.$executeRaw(insertEntriesSql(workspaceId, journeyId, versionId, rows));
  for (const rows of chunks(h.messages)) await db.$executeRaw(insertMessagesSql(workspaceId, rows));
  for (const rows of chunks(h.steps)) await db.$executeRaw(insertStepsSql(workspaceId, rows));
}
