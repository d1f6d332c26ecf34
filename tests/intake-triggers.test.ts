import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getImport } from "@/lib/imports/get-import";
import { startImport } from "@/lib/imports/run-import";
import { captureCalls } from "@/lib/profiles/intake/capture-calls";
import { foldAll, TRIGGER_LATENESS_MS } from "@/lib/profiles/intake/fold-lane";
import { createDeliveryWorld, launch, publishedSms, type DeliveryWorld } from "./support/delivery-fixtures";

let w: DeliveryWorld;
let campaignId: string;
beforeAll(async () => {
  w = await createDeliveryWorld();
  const templateId = await publishedSms(
    w.actors.marketer,
    "Still thinking about the {{ event.product }}?",
    "add_to_cart",
  );
  campaignId = await launch(w.actors.marketer, {
    templateId,
    audience: { kind: "all" },
    schedule: { kind: "trigger", trigger: { recipe: "event", event: "add_to_cart", delayMinutes: 0 } },
  });
});

const cart = (userId: string, messageId: string, occurredAt = new Date()) => ({
  type: "track",
  userId,
  event: "add_to_cart",
  properties: { product: "Boots" },
  timestamp: occurredAt.toISOString(),
  messageId,
});
const occurrences = async () =>
  (await db.message.findMany({ where: { workspaceId: w.workspaceId, campaignId }, select: { occurrence: true } }))
    .map((m) => m.occurrence)
    .sort();

describe("triggered sends from folded calls", () => {
  it("fire for live events within the lateness bound, not for later ones nor for the import lane", async () => {
    await captureCalls(w.workspaceId, [
      cart("ben", "fresh"),
      cart("ana", "late", new Date(Date.now() - TRIGGER_LATENESS_MS - 60_000)),
    ]);
    await captureCalls(w.workspaceId, [cart("cleo", "imported")], { lane: "import" });
    await foldAll();
    expect(await db.event.count({ where: { workspaceId: w.workspaceId, name: "add_to_cart" } })).toBe(3);
    expect(await occurrences()).toEqual(["event:fresh"]);
  });

  it("fire once for an event captured twice", async () => {
    await captureCalls(w.workspaceId, [cart("ana", "twice")]);
    await captureCalls(w.workspaceId, [cart("ana", "twice")]);
    await foldAll();
    await captureCalls(w.workspaceId, [cart("ana", "twice")]);
    await foldAll();
    expect((await occurrences()).filter((o) => o === "event:twice")).toHaveLength(1);
  });
});

describe("imported history", () => {
  it("is stored but fires no triggered send (a CSV import of recent carts)", async () => {
    const started = await startImport(w.actors.admin, {
      kind: "events",
      fileName: "carts.csv",
      csv: ["customer,event,time,product", `dora,add_to_cart,${new Date().toISOString()},Boots`].join("\n"),
      mapping: {
        customer: { target: "userId", type: "string" },
        event: { target: "event", type: "string" },
        time: { target: "timestamp", type: "date" },
        product: { target: "property:product", type: "string" },
      },
    });
    for (let i = 0; i < 200 && (await getImport(w.workspaceId, started.id)).status === "running"; i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await getImport(w.workspaceId, started.id)).toMatchObject({ status: "done", acceptedRows: 1 });
    const imported = await db.event.findFirstOrThrow({
      where: { workspaceId: w.workspaceId, name: "add_to_cart", profile: { externalId: "dora" } },
    });
    expect(await occurrences()).not.toContain(`event:${imported.messageId}`);
  });
});
