import { beforeAll, describe, expect, it } from "vitest";
import * as conclude from "@/app/api/experiments/[experimentId]/conclude/route";
import * as estimateRoute from "@/app/api/experiments/[experimentId]/estimate/route";
import * as launchRoute from "@/app/api/experiments/[experimentId]/launch/route";
import * as experiments from "@/app/api/experiments/route";
import type { Role } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { DEFAULT_POLICY } from "@/lib/delivery/policy/schema";
import { savePolicy } from "@/lib/delivery/policy/save-policy";
import { launchCampaign } from "@/lib/delivery/launch-campaign";
import { prelaunchSummary } from "@/lib/delivery/prelaunch-summary";
import { drainDelivery } from "@/lib/delivery/worker/delivery-round";
import { sendExperiments } from "@/lib/experiments/send-experiments";
import { getReadout } from "@/lib/experiments/get-readout";
import { launchExperiment } from "@/lib/experiments/launch-experiment";
import type { LaunchEstimate } from "@/lib/experiments/launch-estimate";
import { ingestCalls } from "@/lib/profiles/ingest/ingest-calls";
import { createSegment } from "@/lib/segments/create-segment";
import { definitionSchema } from "@/lib/segments/schema";
import { request } from "./support/fixtures";
import { createDeliveryWorld, launch, publishedSms, type DeliveryWorld } from "./support/delivery-fixtures";
import { json, params } from "./support/template-fixtures";

/*
 * The guards around an experiment's launch and conclusion, on hand-made SMS populations (the
 * delivery fixtures' six people plus groups added here). The default policy caps one message a
 * day across channels, so a campaign sent to a group first puts all of it at its cap — what the
 * users who found issue 18 did by accident.
 */

async function smsVersion(w: DeliveryWorld, body: string) {
  const templateId = await publishedSms(w.actors.marketer, body);
  return (
    await db.templateVersion.findFirstOrThrow({
      where: { workspaceId: w.workspaceId, templateId, status: "published" },
    })
  ).id;
}

/** `count` identified profiles with SMS consent and a phone, in trait group `group`. */
async function addGroup(w: DeliveryWorld, group: string, count: number, timezone = "Europe/Berlin") {
  const calls = Array.from({ length: count }, (_, i) => ({
    type: "identify",
    userId: `${group}${i}`,
    messageId: `id-${group}${i}`,
    traits: {
      email: `${group}${i}@example.com`,
      phone: `+4915200${group.length}${String(10000 + i)}`,
      timezone,
      group,
      consent: { sms: true },
    },
  }));
  const results = await ingestCalls(w.workspaceId, calls);
  expect(results.every((r: { status: string }) => r.status === "accepted")).toBe(true);
}

async function segmentOf(w: DeliveryWorld, name: string, condition: Record<string, unknown>) {
  return (
    await createSegment(w.actors.marketer, {
      name,
      description: "",
      definition: definitionSchema.parse({ root: { kind: "group", id: "root", op: "and", children: [condition] } }),
    })
  ).id;
}
const inGroup = (group: string) => ({
  kind: "trait",
  id: "group",
  field: "traits.group",
  comparison: { type: "string", op: "equals", value: group },
});

async function createExperiment(
  w: DeliveryWorld,
  segmentId: string,
  versions: [string, string],
  over: Record<string, unknown> = {},
) {
  const res = await json(
    await experiments.POST(
      await request("/api/experiments", {
        method: "POST",
        actor: w.actors.marketer,
        body: {
          name: "SMS copy test",
          channel: "sms",
          audience: { kind: "segment", id: segmentId },
          variants: [
            { name: "Short", weight: 0.5, versionId: versions[0] },
            { name: "Urgent", weight: 0.5, versionId: versions[1] },
          ],
          holdoutShare: 0.1,
          primaryMetric: { kind: "conversion", event: "purchase", windowHours: 72 },
          ...over,
        },
      }),
    ),
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.experiment as { id: string; campaignId: string };
}

const postLaunch = async (w: DeliveryWorld, experimentId: string) =>
  json(
    await launchRoute.POST(
      await request(`/api/experiments/${experimentId}/launch`, { method: "POST", actor: w.actors.marketer }),
      params({ experimentId }),
    ),
  );
const getEstimate = async (w: DeliveryWorld, experimentId: string) =>
  json(
    await estimateRoute.GET(
      await request(`/api/experiments/${experimentId}/estimate`, { actor: w.actors.marketer }),
      params({ experimentId }),
    ),
  );
const postConclude = async (w: DeliveryWorld, experimentId: string, body: unknown, role: Role = "analyst") =>
  json(
    await conclude.POST(
      await request(`/api/experiments/${experimentId}/conclude`, { method: "POST", actor: w.actors[role], body }),
      params({ experimentId }),
    ),
  );
const experimentRow = (w: DeliveryWorld, id: string) =>
  db.experiment.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId: w.workspaceId, id } } });

describe("an experiment on a segment everyone of which is at the frequency cap", () => {
  let w: DeliveryWorld;
  let versions: [string, string];
  let segmentId: string;
  let experimentId: string;
  let campaignId: string;

  beforeAll(async () => {
    w = await createDeliveryWorld();
    await addGroup(w, "cap", 5);
    segmentId = await segmentOf(w, "Reachable by SMS", { kind: "reachable", id: "sms", channel: "sms" });
    versions = [await smsVersion(w, "20 % off today"), await smsVersion(w, "Today only: 20 % off")];
    // Any campaign to the segment today: the default policy's one message a day is used up.
    await launch(w.actors.marketer, {
      templateId: (
        await db.templateVersion.findUniqueOrThrow({
          where: { workspaceId_id: { workspaceId: w.workspaceId, id: versions[0] } },
        })
      ).templateId,
      audience: { kind: "segment", id: segmentId },
    });
    await drainDelivery(sendExperiments);
    ({ id: experimentId, campaignId } = await createExperiment(w, segmentId, versions, { plannedSampleSize: 500 }));
  });

  it("refuses the launch with the reason in words (409), and changes nothing", async () => {
    const before = {
      audit: await db.auditLog.count({ where: { workspaceId: w.workspaceId } }),
      messages: await db.message.count({ where: { workspaceId: w.workspaceId } }),
    };
    const res = await postLaunch(w, experimentId);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("no_reach");
    // ana, ben, cleo and the 5 of group "cap": the segment is SMS-reachable, so the cap is the one reason.
    expect(res.body.error.message).toBe(
      "Nobody would be exposed: all 8 are at their frequency cap today. Launch when they can be reached (or pick another audience).",
    );
    expect(await experimentRow(w, experimentId)).toMatchObject({
      status: "draft",
      startedAt: null,
      launchEstimate: null,
    });
    expect(await db.campaign.findUniqueOrThrow({ where: { experimentId } })).toMatchObject({
      status: "draft",
      launchedAt: null,
    });
    expect({
      audit: await db.auditLog.count({ where: { workspaceId: w.workspaceId } }),
      messages: await db.message.count({ where: { workspaceId: w.workspaceId } }),
    }).toEqual(before);
  });

  it("refuses it in lib too, whoever calls it", async () => {
    await expect(launchExperiment(w.actors.marketer, experimentId, null)).rejects.toMatchObject({
      status: 409,
      code: "no_reach",
    });
    expect((await experimentRow(w, experimentId)).status).toBe("draft");
  });

  it("refuses the campaign's own launch too: an experiment's campaign launches with its experiment", async () => {
    await expect(launchCampaign(w.actors.marketer, campaignId)).rejects.toMatchObject({
      status: 409,
      code: "launch_with_experiment",
      field: "experimentId",
    });
    expect((await experimentRow(w, experimentId)).status).toBe("draft");
  });

  it("shows the same refusal in the estimate, with nobody exposed in any arm", async () => {
    const res = await getEstimate(w, experimentId);
    expect(res.status).toBe(200);
    const estimate = res.body.estimate as LaunchEstimate;
    expect(estimate).toMatchObject({ audience: 8, reachable: 0, skips: [{ reason: "frequency_cap", count: 8 }] });
    expect(estimate.refusal).toMatch(/all 8 are at their frequency cap today/);
    expect(estimate.arms.map((a) => [a.key, a.perDay])).toEqual([
      ["A", 0],
      ["B", 0],
      ["holdout", 0],
    ]);
  });

  describe("launched anyway, as before the guard (the campaign launched directly)", () => {
    beforeAll(async () => {
      const threeHoursAgo = new Date(Date.now() - 3 * 3_600_000);
      await db.experiment.update({
        where: { workspaceId_id: { workspaceId: w.workspaceId, id: experimentId } },
        data: { status: "running", startedAt: threeHoursAgo },
      });
      await launchCampaign(w.actors.marketer, campaignId, { forExperiment: true });
      await drainDelivery(sendExperiments);
    });

    it("the readout's health says it cannot be read: no exposures 3 hours after launch, and why", async () => {
      const readout = await getReadout(w.workspaceId, experimentId, { breakdowns: false });
      expect(readout.health.exposed).toBe(0);
      expect(readout.health.readable).toBe(false);
      expect(readout.health.messages).toMatchObject({
        total: 8,
        waiting: 0,
        skipped: 8,
        skipReasons: [{ reason: "frequency_cap", count: 8 }],
      });
      expect(readout.health.findings).toContainEqual({
        tone: "warning",
        text: "No exposures 3 hours after launch: 8 of 8 messages were skipped (frequency cap reached: 8).",
      });
      // 8 messages are too few to draw a share of.
      expect(readout.health.skipped).toMatchObject({ numerator: 8, n: 8, tooFew: true });
    });

    it("its guardrail reads 'not enough data', never 'ok'", async () => {
      const readout = await getReadout(w.workspaceId, experimentId, { breakdowns: false });
      expect(readout.guardrails.flatMap((g) => g.variants.map((v) => v.status))).toEqual(["not-enough-data"]);
    });

    it("shipping B against 'keep running' without a reason is refused (400 naming overrideReason), writing nothing", async () => {
      const before = {
        audit: await db.auditLog.count({ where: { workspaceId: w.workspaceId } }),
        campaign: await db.campaign.findUniqueOrThrow({ where: { experimentId } }),
      };
      for (const overrideReason of [undefined, null, "   "]) {
        const res = await postConclude(w, experimentId, {
          decision: "ship",
          note: "B reads better.",
          shipVariantKey: "B",
          overrideReason,
        });
        expect(res.status).toBe(400);
        expect(res.body.error.field).toBe("overrideReason");
        expect(res.body.error.message).toBe(
          "Shipping B is below the decision rule's minimum data: the decision rule says “keep running: 0 % of the needed sample”. Write why you override it.",
        );
      }
      expect(await experimentRow(w, experimentId)).toMatchObject({
        status: "running",
        decision: null,
        overrideReason: null,
      });
      expect(await db.auditLog.count({ where: { workspaceId: w.workspaceId } })).toBe(before.audit);
      expect((await db.campaign.findUniqueOrThrow({ where: { experimentId } })).versionId).toBe(
        before.campaign.versionId,
      );
    });

    it("with a written reason it ships B, keeps the reason and the rule's sentence, and audits both", async () => {
      const res = await postConclude(w, experimentId, {
        decision: "ship",
        note: "B reads better.",
        shipVariantKey: "B",
        overrideReason: "  Legal asked for the shorter copy; no test can run this month.  ",
      });
      expect(res.status).toBe(200);
      const row = await experimentRow(w, experimentId);
      expect(row).toMatchObject({
        status: "concluded",
        decision: "ship",
        shippedVariantKey: "B",
        overrideReason: "Legal asked for the shorter copy; no test can run this month.",
        ruleDecision: "keep running: 0 % of the needed sample",
        concludedByEmail: w.actors.analyst.email,
      });
      expect((await db.campaign.findUniqueOrThrow({ where: { experimentId } })).versionId).toBe(versions[1]);
      const audit = await db.auditLog.findFirstOrThrow({
        where: { workspaceId: w.workspaceId, action: "experiment.concluded", entityId: experimentId },
      });
      expect(audit.actorEmail).toBe(w.actors.analyst.email);
      expect(audit.after).toMatchObject({
        decision: "ship",
        shippedVariantKey: "B",
        overrideReason: "Legal asked for the shorter copy; no test can run this month.",
        ruleDecision: "keep running: 0 % of the needed sample",
      });
    });
  });

  it("rolling back below the minimum needs no override: it changes nothing the campaign sends", async () => {
    const other = await createExperiment(w, segmentId, versions);
    await db.experiment.update({
      where: { workspaceId_id: { workspaceId: w.workspaceId, id: other.id } },
      data: { status: "running", startedAt: new Date() },
    });
    const res = await postConclude(w, other.id, {
      decision: "rollback",
      note: "Nobody was reached; re-run next week.",
    });
    expect(res.status).toBe(200);
    expect(await experimentRow(w, other.id)).toMatchObject({
      status: "concluded",
      decision: "rollback",
      overrideReason: null,
      ruleDecision: "keep running",
    });
  });
});

describe("the launch estimate on a hand-made population", () => {
  let w: DeliveryWorld;
  let experimentId: string;
  let estimate: LaunchEstimate;

  beforeAll(async () => {
    w = await createDeliveryWorld();
    await addGroup(w, "ok", 30);
    await addGroup(w, "capped", 10);
    await addGroup(w, "quiet", 5, "UTC");
    const versions: [string, string] = [
      await smsVersion(w, "20 % off today"),
      await smsVersion(w, "Today only: 20 % off"),
    ];
    const capped = await segmentOf(w, "Capped group", inGroup("capped"));
    await launch(w.actors.marketer, {
      templateId: (
        await db.templateVersion.findUniqueOrThrow({
          where: { workspaceId_id: { workspaceId: w.workspaceId, id: versions[0] } },
        })
      ).templateId,
      audience: { kind: "segment", id: capped },
    });
    await drainDelivery(sendExperiments);
    // Quiet hours that skip, from half an hour ago to half an hour ahead in UTC: group "quiet" (UTC) is inside, Berlin and New York are not.
    const hhmm = (offsetMinutes: number) => new Date(Date.now() + offsetMinutes * 60_000).toISOString().slice(11, 16);
    await savePolicy(w.actors.admin, {
      ...DEFAULT_POLICY,
      quietHours: { enabled: true, start: hhmm(-30), end: hhmm(30), action: "skip" },
    });
    experimentId = (await createExperiment(w, w.everyoneSegmentId, versions, { plannedSampleSize: 200 })).id;
    const res = await getEstimate(w, experimentId);
    expect(res.status).toBe(200);
    estimate = res.body.estimate;
  });

  it("counts the audience and each policy skip as the sender would", () => {
    // Everyone with an e-mail: the six people (dan no phone; eve, finn no consent) + 30 ok + 10 capped + 5 in quiet hours.
    expect(estimate.audience).toBe(51);
    expect(Object.fromEntries(estimate.skips.map((s) => [s.reason, s.count]))).toEqual({
      no_consent: 2,
      no_address: 1,
      frequency_cap: 10,
      quiet_hours: 5,
    });
    expect(estimate.reachable).toBe(33);
    expect(estimate.refusal).toBeNull();
  });

  it("splits the reach into expected exposures per arm, the holdout included", () => {
    // 45 % / 45 % / 10 % of 33.
    expect(estimate.arms.map((a) => [a.key, a.share, a.perDay])).toEqual([
      ["A", 0.45, 15],
      ["B", 0.45, 15],
      ["holdout", 0.1, 3],
    ]);
  });

  it("warns below the planned sample: one send gives the smallest arm 14 of 200", () => {
    expect(estimate.days).toEqual({ ok: false, reason: "not reached: one send gives the smallest arm 7 % of it" });
    expect(estimate.warnings).toEqual([
      `Below the planned sample: this send exposes about 14 profiles in the smallest arm, 7 % of the planned 200. The readout will say "keep running" until more profiles are exposed.`,
    ]);
  });

  it("matches the campaign's own pre-launch summary", async () => {
    const campaign = await db.campaign.findUniqueOrThrow({ where: { experimentId } });
    const summary = await prelaunchSummary(w.workspaceId, campaign.id);
    expect({ audience: summary.audience, reachable: summary.willSend, skips: summary.skips }).toEqual({
      audience: estimate.audience,
      reachable: estimate.reachable,
      skips: estimate.skips,
    });
  });

  it("launches below plan (a warning, not a refusal), keeps the estimate, and the sender exposes exactly the estimated reach", async () => {
    const res = await postLaunch(w, experimentId);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await drainDelivery(sendExperiments);
    const readout = await getReadout(w.workspaceId, experimentId, { breakdowns: false });
    expect(readout.experiment.launchEstimate).toMatchObject({ audience: 51, reachable: 33 });
    expect(readout.health.expected).toBe(33);
    expect(readout.health.exposed).toBe(33);
    expect(readout.health.messages).toMatchObject({ total: 51, skipped: 18 });
    expect(readout.health.skipped).toMatchObject({ numerator: 18, n: 51, tooFew: false });
    expect(readout.health.findings).toEqual([]);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { workspaceId: w.workspaceId, action: "experiment.launched", entityId: experimentId },
    });
    expect(audit.after).toMatchObject({ estimate: { reachable: 33, audience: 51 } });
  });
});
