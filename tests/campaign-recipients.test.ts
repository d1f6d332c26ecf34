import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { rebuildMessageDaily } from "@/lib/delivery/message-daily";
import { type MessageEvent, writeMessageEvents } from "@/lib/delivery/message-events";
import type { MessageEventName } from "@/lib/delivery/message-stages";
import { random } from "./support/reports-population";
import { createWorkspace } from "./support/fixtures";
import { createCampaign, createProfile } from "./support/tracking-fixtures";

// MessageDaily's unique profiles (recipients, unique opens, clickers, converters) are kept at write
// time through CampaignRecipient, campaign-attributed: on the send day of each profile's first
// delivered message; these tests hold them to a recount from the raw events.

const DAY = 86_400_000;
const START = Date.parse("2026-05-01T00:00:00Z");
let workspaceId: string;
beforeAll(async () => {
  workspaceId = (await createWorkspace()).workspaceId;
});

const UNIQUES = { recipients: true, uniqueOpens: true, uniqueClickers: true, converters: true } as const;
const uniquesByDay = async (campaignId: string) =>
  (
    await db.messageDaily.findMany({
      where: { workspaceId, campaignId },
      select: { day: true, variantId: true, ...UNIQUES },
      orderBy: [{ day: "asc" }, { variantId: "asc" }],
    })
  )
    .map((r) => ({ ...r, day: r.day.toISOString().slice(0, 10) }))
    .filter((r) => r.recipients || r.uniqueOpens || r.uniqueClickers || r.converters);

/** One stage of one message, as the worker and tracking write it (Event.messageId "<message id>:<stage>"). */
const event = (message: MessageEvent["message"], name: MessageEventName, at: number): MessageEvent => ({
  name,
  at: new Date(at),
  message,
});
const write = (events: MessageEvent[]) => db.$transaction((tx) => writeMessageEvents(tx, workspaceId, events));

describe("unique profiles in MessageDaily", () => {
  it("count a profile once, on the send day of its first delivered message, whatever order the events arrive in", async () => {
    const campaign = await createCampaign(workspaceId, { channel: "push" });
    const profile = await createProfile(workspaceId);
    const m = (n: number) => ({
      id: `${campaign.id}-m${n}`,
      campaignId: campaign.id,
      profileId: profile.id,
      channel: "push",
      variantId: null,
      personaId: null,
      sentAt: new Date(START + n * DAY),
    });
    // A recurring campaign: delivered on the 5th and the 2nd; the open of the 5th arrives before the 2nd's.
    await write([
      event(m(5), "message_delivered", START + 5 * DAY),
      event(m(5), "message_opened", START + 5 * DAY + 60_000),
    ]);
    expect(await uniquesByDay(campaign.id)).toEqual([
      { day: "2026-05-06", variantId: "", recipients: 1, uniqueOpens: 1, uniqueClickers: 0, converters: 0 },
    ]);
    await write([event(m(2), "message_delivered", START + 2 * DAY), event(m(2), "message_opened", START + 3 * DAY)]);
    // The first delivery moved earlier: one recipient, with its open, on the earlier send day only.
    expect(await uniquesByDay(campaign.id)).toEqual([
      { day: "2026-05-03", variantId: "", recipients: 1, uniqueOpens: 1, uniqueClickers: 0, converters: 0 },
    ]);
    // A later click on the later message, and a replay of the earlier events, add only the click — to the same row.
    await write([event(m(5), "message_clicked", START + 6 * DAY), event(m(2), "message_opened", START + 3 * DAY)]);
    expect(await uniquesByDay(campaign.id)).toEqual([
      { day: "2026-05-03", variantId: "", recipients: 1, uniqueOpens: 1, uniqueClickers: 1, converters: 0 },
    ]);
    // Message counts go to each message's own send day: the click to the 6th (m5's), the opens to the 3rd and the 6th.
    const counts = await db.messageDaily.findMany({
      where: { workspaceId, campaignId: campaign.id },
      select: { day: true, delivered: true, opened: true, clicked: true },
      orderBy: { day: "asc" },
    });
    expect(counts.map((r) => [r.day.toISOString().slice(0, 10), r.delivered, r.opened, r.clicked])).toEqual([
      ["2026-05-03", 1, 1, 0],
      ["2026-05-06", 1, 1, 1],
    ]);
    const recipient = await db.campaignRecipient.findUniqueOrThrow({
      where: { workspaceId_campaignId_profileId: { workspaceId, campaignId: campaign.id, profileId: profile.id } },
    });
    expect([recipient.deliveredAt, recipient.openedAt, recipient.clickedAt, recipient.convertedAt]).toEqual([
      new Date(START + 2 * DAY),
      new Date(START + 3 * DAY),
      new Date(START + 6 * DAY),
      null,
    ]);
  });

  it("equal the rebuild from raw events after random batches in random order", async () => {
    const campaign = await createCampaign(workspaceId, { channel: "email" });
    const profiles = await Promise.all(Array.from({ length: 12 }, () => createProfile(workspaceId)));
    const r = random(11);
    const all: MessageEvent[] = [];
    for (const p of profiles) {
      const variantId = r.chance(0.5) ? "A" : "B";
      for (let send = 0; send < r.int(1, 3); send++) {
        const at = START + r.int(0, 20) * DAY + r.int(0, 1000) * 60_000;
        const message = {
          id: `${campaign.id}-${p.id}-${send}`,
          campaignId: campaign.id,
          profileId: p.id,
          channel: "email",
          variantId,
          personaId: null,
          sentAt: new Date(at),
        };
        all.push(event(message, "message_sent", at), event(message, "message_delivered", at + 1000));
        if (r.chance(0.6)) all.push(event(message, "message_opened", at + r.int(1, 4000) * 60_000));
        // One click per message is recorded (Event.messageId "<message>:clicked"); a profile clicks through several messages.
        if (r.chance(0.5))
          all.push({
            ...event(message, "message_clicked", at + r.int(1, 4000) * 60_000),
            properties: { url: `https://shop.example/${r.int(1, 2)}` },
          });
        if (r.chance(0.2)) all.push(event(message, "message_converted", at + r.int(1, 4000) * 60_000));
      }
    }
    // Shuffled, then written in batches of up to 7, as several workers and tracking calls would.
    for (let i = all.length - 1; i > 0; i--) {
      const j = r.int(0, i);
      [all[i], all[j]] = [all[j]!, all[i]!];
    }
    for (let i = 0; i < all.length; i += 7) await write(all.slice(i, i + 7));
    const incremental = await uniquesByDay(campaign.id);
    expect(incremental.reduce((s, row) => s + row.recipients, 0)).toBe(profiles.length);
    const links = () =>
      db.campaignLinkClicker.findMany({
        where: { workspaceId, campaignId: campaign.id },
        orderBy: [{ url: "asc" }, { profileId: "asc" }],
        omit: { workspaceId: true },
      });
    const clicked = await links();
    expect(clicked.reduce((s, row) => s + row.clicks, 0)).toBe(all.filter((e) => e.name === "message_clicked").length);
    await rebuildMessageDaily(workspaceId);
    expect(await uniquesByDay(campaign.id)).toEqual(incremental);
    expect(await links()).toEqual(clicked);
    // A large workspace is rebuilt range by range of profiles, with progress: the same rollups.
    const daily = () =>
      db.messageDaily.findMany({
        where: { workspaceId },
        orderBy: [
          { day: "asc" },
          { campaignId: "asc" },
          { variantId: "asc" },
          { channel: "asc" },
          { personaId: "asc" },
        ],
        omit: { workspaceId: true },
      });
    const recipients = () =>
      db.campaignRecipient.findMany({ where: { workspaceId }, orderBy: [{ campaignId: "asc" }, { profileId: "asc" }] });
    const [wholeDaily, wholeRecipients] = [await daily(), await recipients()];
    const lines: string[] = [];
    await rebuildMessageDaily(workspaceId, new Date(), { profilesPerRange: 3, report: (line) => lines.push(line) });
    expect(await daily()).toEqual(wholeDaily);
    expect(await recipients()).toEqual(wholeRecipients);
    expect(await uniquesByDay(campaign.id)).toEqual(incremental);
    expect(await links()).toEqual(clicked);
    expect(lines.at(-1)).toMatch(/^message rollups: [\d,]+ profiles in \d+ s$/);
  });

  it("count a first open written by two transactions at once only once", async () => {
    const campaign = await createCampaign(workspaceId, { channel: "email" });
    const profile = await createProfile(workspaceId);
    const message = (n: number) => ({
      id: `${campaign.id}-c${n}`,
      campaignId: campaign.id,
      profileId: profile.id,
      channel: "email",
      variantId: null,
      personaId: null,
      sentAt: new Date(START),
    });
    await write([1, 2, 3].map((n) => event(message(n), "message_delivered", START)));
    await Promise.all([1, 2, 3].map((n) => write([event(message(n), "message_opened", START + n * 60_000)])));
    expect((await uniquesByDay(campaign.id)).map((row) => [row.day, row.recipients, row.uniqueOpens])).toEqual([
      ["2026-05-01", 1, 1],
    ]);
  });

  it("count opens of a profile never delivered nowhere: no recipient, no opener", async () => {
    const campaign = await createCampaign(workspaceId, { channel: "email" });
    const profile = await createProfile(workspaceId);
    const message = {
      id: `${campaign.id}-lost`,
      campaignId: campaign.id,
      profileId: profile.id,
      channel: "email",
      variantId: null,
      personaId: null,
      sentAt: new Date(START),
    };
    await write([event(message, "message_opened", START + 60_000), event(message, "message_clicked", START + 120_000)]);
    expect(await uniquesByDay(campaign.id)).toEqual([]);
    // Its delivery arriving late brings the open and the click along, on the send day.
    await write([event(message, "message_delivered", START + 1000)]);
    expect(await uniquesByDay(campaign.id)).toEqual([
      { day: "2026-05-01", variantId: "", recipients: 1, uniqueOpens: 1, uniqueClickers: 1, converters: 0 },
    ]);
  });
});

describe("backfill of message rollups a migration dropped", () => {
  it("counts the same messages and unique profiles from the raw events", async () => {
    const { backfillMessageRollups } = await import("@/lib/delivery/backfill-message-rollups");
    const sums = { ...UNIQUES, sent: true, delivered: true, opened: true, clicked: true, converted: true } as const;
    const before = await db.messageDaily.aggregate({ where: { workspaceId }, _sum: sums });
    expect(before._sum.recipients).toBeGreaterThan(0);
    // The state a database is in after migration 20261206220341: no message rollups.
    await db.campaignRecipient.deleteMany({ where: { workspaceId } });
    await db.messageDaily.deleteMany({ where: { workspaceId } });
    expect(await backfillMessageRollups()).toBeGreaterThanOrEqual(1);
    expect((await db.messageDaily.aggregate({ where: { workspaceId }, _sum: sums }))._sum).toEqual(before._sum);
  });
});
