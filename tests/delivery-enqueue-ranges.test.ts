import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { enqueueOccurrence, type EnqueueTarget } from "@/lib/delivery/enqueue";
import { createDeliveryWorld, launch, PEOPLE, publishedSms, type DeliveryWorld } from "./support/delivery-fixtures";

let w: DeliveryWorld;
beforeAll(async () => {
  w = await createDeliveryWorld();
});

describe("enqueueing an occurrence range by range", () => {
  it("writes each audience profile once across short transactions, and nothing more when run again", async () => {
    const templateId = await publishedSms(w.actors.marketer, "Ranges");
    const schedule = { kind: "local_time", date: "2027-05-03", time: "09:00" } as const;
    const campaignId = await launch(w.actors.marketer, { templateId, audience: { kind: "all" }, schedule });
    const target: EnqueueTarget = {
      workspaceId: w.workspaceId,
      campaignId,
      channel: "sms",
      audience: { kind: "all" },
      schedule,
      defaultTimezone: "UTC",
    };
    const start = new Date("2027-05-02T19:00:00Z");
    // Two profiles a range: three transactions for the six people.
    expect(await enqueueOccurrence(target, "1", start, { perRange: 2 })).toBe(PEOPLE.length);
    expect(await enqueueOccurrence(target, "1", start, { perRange: 2 })).toBe(0);
    expect(await enqueueOccurrence(target, "1", start)).toBe(0);
    const rows = await db.message.findMany({
      where: { workspaceId: w.workspaceId, campaignId },
      select: { profileId: true },
    });
    expect(rows.map((r) => r.profileId).sort()).toEqual(Object.values(w.profiles).sort());
  });
});
