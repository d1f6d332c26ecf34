import { beforeAll, describe, expect, it } from "vitest";
import * as launch from "@/app/api/experiments/[experimentId]/launch/route";
import * as experiments from "@/app/api/experiments/route";
import { db } from "@/lib/db/client";
import { drainDelivery } from "@/lib/delivery/worker/delivery-round";
import { sendExperiments } from "@/lib/experiments/send-experiments";
import { assignArm } from "@/lib/experiments/assign-arm";
import { getReadout } from "@/lib/experiments/get-readout";
import { ingestCalls } from "@/lib/profiles/ingest/ingest-calls";
import { request } from "./support/fixtures";
import { createDeliveryWorld, publishedSms, type DeliveryWorld } from "./support/delivery-fixtures";
import { json, params } from "./support/template-fixtures";

// Enough reachable people that both variants and the holdout get some at a 25 % holdout.
const EXTRA = 60;

let w: DeliveryWorld;
let experimentId: string;
let campaignId: string;

async function versionOf(templateId: string) {
  return (
    await db.templateVersion.findFirstOrThrow({
      where: { workspaceId: w.workspaceId, templateId, status: "published" },
    })
  ).id;
}

beforeAll(async () => {
  w = await createDeliveryWorld();
  const extra = Array.from({ length: EXTRA }, (_, i) => ({
    type: "identify",
    userId: `x${i}`,
    messageId: `id-x${i}`,
    traits: { email: `x${i}@example.com`, phone: `+49151000${String(1000 + i)}`, consent: { sms: true } },
  }));
  await ingestCalls(w.workspaceId, extra);
  const a = await versionOf(await publishedSms(w.actors.marketer, "20 % off today: https://shop.example/sale"));
  const b = await versionOf(
    await publishedSms(w.actors.marketer, "Today only: 20 % off everything. https://shop.example/sale"),
  );
  const created = await json(
    await experiments.POST(
      await request("/api/experiments", {
        method: "POST",
        actor: w.actors.marketer,
        body: {
          name: "SMS copy test",
          channel: "sms",
          audience: { kind: "segment", id: w.everyoneSegmentId },
          variants: [
            { name: "Short", weight: 0.5, versionId: a },
            { name: "Urgent", weight: 0.5, versionId: b },
          ],
          holdoutShare: 0.25,
          primaryMetric: { kind: "conversion", event: "purchase", windowHours: 72 },
        },
      }),
    ),
  );
  expect(created.status).toBe(201);
  experimentId = created.body.experiment.id;
  campaignId = created.body.experiment.campaignId;
  const launched = await json(
    await launch.POST(
      await request(`/api/experiments/${experimentId}/launch`, { method: "POST", actor: w.actors.marketer }),
      params({ experimentId }),
    ),
  );
  expect(launched.status, JSON.stringify(launched.body)).toBe(200);
  expect(launched.body.experiment.campaignLaunched).toBe(true);
  await drainDelivery(sendExperiments);
});

describe("an experiment launched on the sandbox", () => {
  it("exposes every profile that passed the policy checks, in the arm assignArm gives it, and nobody the policy skipped", async () => {
    const experiment = await db.experiment.findUniqueOrThrow({
      where: { workspaceId_id: { workspaceId: w.workspaceId, id: experimentId } },
      include: { variants: { orderBy: { position: "asc" } } },
    });
    expect(experiment.status).toBe("running");
    const exposures = await db.exposure.findMany({ where: { workspaceId: w.workspaceId, experimentId } });
    const exposed = new Map(exposures.map((e) => [e.profileId, e.variantKey]));
    // 60 extra + ana, ben, cleo (the copy has no first name, so cleo renders); dan has no phone, eve and finn no consent.
    expect(exposed.size).toBe(EXTRA + 3);
    for (const who of ["dan", "eve", "finn"]) expect(exposed.has(w.profiles[who]!)).toBe(false);
    const variants = experiment.variants.map((v) => ({ key: v.key, weight: v.weight }));
    for (const [profileId, arm] of exposed)
      expect(arm).toBe(assignArm(experiment.salt, profileId, variants, experiment.holdoutShare));
    const arms = new Set(exposed.values());
    expect(arms).toEqual(new Set(["A", "B", "holdout"]));
    expect(exposures.every((e) => !e.multiple)).toBe(true);
  });

  it("sends the variants to the sandbox outbox and never the holdout", async () => {
    const exposures = await db.exposure.findMany({ where: { workspaceId: w.workspaceId, experimentId } });
    const outbox = await db.outboxMessage.findMany({ where: { workspaceId: w.workspaceId, campaignId } });
    const sentTo = new Set(outbox.map((o) => o.profileId));
    for (const e of exposures) expect(sentTo.has(e.profileId)).toBe(e.variantKey !== "holdout");
    const bodyOf = (arm: string) =>
      outbox
        .filter((o) => exposures.find((e) => e.profileId === o.profileId)?.variantKey === arm)
        .map((o) => (o.rendered as { body: string }).body);
    expect(bodyOf("A").every((b) => b.startsWith("20 % off today"))).toBe(true);
    expect(bodyOf("B").every((b) => b.startsWith("Today only"))).toBe(true);
  });

  it("reads out the exposed counts per arm", async () => {
    const readout = await getReadout(w.workspaceId, experimentId, { breakdowns: false });
    const exposures = await db.exposure.groupBy({
      by: ["variantKey"],
      where: { workspaceId: w.workspaceId, experimentId },
      _count: true,
    });
    const count = Object.fromEntries(exposures.map((e) => [e.variantKey, e._count]));
    expect(readout.primary.arms.map((a) => [a.key, a.exposed])).toEqual([
      ["A", count.A],
      ["B", count.B],
      ["holdout", count.holdout],
    ]);
    expect(readout.decision.kind).toBe("keep-running");
  });

  it("a second drain records nothing new (exposures once per profile)", async () => {
    const before = await db.exposure.count({ where: { workspaceId: w.workspaceId, experimentId } });
    await drainDelivery(sendExperiments);
    expect(await db.exposure.count({ where: { workspaceId: w.workspaceId, experimentId } })).toBe(before);
  });
});
