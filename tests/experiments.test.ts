import { spawnSync } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as calculator from "@/app/api/experiments/calculator/route";
import * as conclude from "@/app/api/experiments/[experimentId]/conclude/route";
import * as exportCsv from "@/app/api/experiments/[experimentId]/export/route";
import * as readoutBreakdown from "@/app/api/experiments/[experimentId]/readout/breakdown/route";
import * as readoutRoute from "@/app/api/experiments/[experimentId]/readout/route";
import { clearBreakdownCache } from "@/lib/experiments/breakdown-cache";
import * as launch from "@/app/api/experiments/[experimentId]/launch/route";
import * as byId from "@/app/api/experiments/[experimentId]/route";
import * as experiments from "@/app/api/experiments/route";
import type { Role } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { assignArm } from "@/lib/experiments/assign-arm";
import { experimentArms } from "@/lib/experiments/experiment-arms";
import { getReadout } from "@/lib/experiments/get-readout";
import { launchExperiment } from "@/lib/experiments/launch-experiment";
import { listExperiments } from "@/lib/experiments/list-experiments";
import { drainReadoutStatistics } from "@/lib/experiments/readout-statistics";
import { recordExposures } from "@/lib/experiments/record-exposures";
import { createTemplate } from "@/lib/templates/create-template";
import { publishTemplate } from "@/lib/templates/publish-template";
import { request } from "./support/fixtures";
import { createTemplateWorld, email, json, params, type TemplateWorld } from "./support/template-fixtures";

const root = path.resolve(import.meta.dirname, "..");
let w: TemplateWorld;
let v1: string;
let v2: string;

/** A published version of a fresh e-mail template. */
async function publishedVersion(name: string) {
  const t = await createTemplate(w.actors.marketer, {
    name,
    channel: "email",
    content: email(),
    description: "",
  } as never);
  await publishTemplate(w.actors.marketer, t.id);
  return (
    await db.templateVersion.findFirstOrThrow({
      where: { workspaceId: w.workspaceId, templateId: t.id, status: "published" },
    })
  ).id;
}

const body = (over: Record<string, unknown> = {}) => ({
  name: "Subject test",
  hypothesis: "Offer first converts better.",
  channel: "email",
  audience: { kind: "all" },
  variants: [
    { name: "Story first", weight: 0.5, versionId: v1 },
    { name: "Offer first", weight: 0.5, versionId: v2 },
  ],
  holdoutShare: 0.1,
  primaryMetric: { kind: "conversion", event: "purchase", windowHours: 72 },
  guardrails: [{ kind: "unsubscribe_rate", threshold: null }],
  ...over,
});

async function create(over: Record<string, unknown> = {}, role: Role = "marketer") {
  return json(
    await experiments.POST(
      await request("/api/experiments", { method: "POST", actor: w.actors[role], body: body(over) }),
    ),
  );
}

async function counts() {
  const workspaceId = w.workspaceId;
  const [e, v, c, a] = await Promise.all([
    db.experiment.count({ where: { workspaceId } }),
    db.variant.count({ where: { workspaceId } }),
    db.campaign.count({ where: { workspaceId } }),
    db.auditLog.count({ where: { workspaceId } }),
  ]);
  return { experiments: e, variants: v, campaigns: c, audit: a };
}

beforeAll(async () => {
  w = await createTemplateWorld();
  // The five customers may be e-mailed: a launch that would expose nobody is refused (experiments-guards.test.ts).
  await db.profile.updateMany({ where: { workspaceId: w.workspaceId }, data: { consent: { email: true } } });
  v1 = await publishedVersion("Story first");
  v2 = await publishedVersion("Offer first");
});

describe("creating an experiment", () => {
  it("writes the experiment, its variants and a draft campaign with experimentId, and audits it", async () => {
    const before = await counts();
    const { status, body: res } = await create();
    expect(status).toBe(201);
    const campaign = await db.campaign.findUniqueOrThrow({ where: { experimentId: res.experiment.id } });
    expect(campaign).toMatchObject({
      status: "draft",
      channel: "email",
      experimentId: res.experiment.id,
      goalEvent: "purchase",
      attributionHours: 72,
    });
    expect(campaign.schedule).toEqual({ kind: "now" });
    expect(await counts()).toEqual({
      experiments: before.experiments + 1,
      variants: before.variants + 2,
      campaigns: before.campaigns + 1,
      audit: before.audit + 1,
    });
    const arms = await experimentArms(w.workspaceId, res.experiment.id);
    expect(arms.holdoutShare).toBe(0.1);
    expect(arms.variants).toEqual([
      { key: "A", weight: 0.5, versionId: v1, sendOption: null },
      { key: "B", weight: 0.5, versionId: v2, sendOption: null },
    ]);
  });

  it("a send-option variant sends the control's version with its option", async () => {
    const { body: res } = await create({
      variants: [
        { name: "Now", weight: 0.5, versionId: v1 },
        { name: "Later", weight: 0.5, versionId: null, sendOption: { sendDelayHours: 3 } },
      ],
    });
    const arms = await experimentArms(w.workspaceId, res.experiment.id);
    expect(arms.variants[1]).toEqual({ key: "B", weight: 0.5, versionId: v1, sendOption: { sendDelayHours: 3 } });
  });

  for (const [what, over, field] of [
    ["one variant", { variants: [{ name: "A", weight: 1, versionId: "x" }] }, "variants"],
    [
      "weights not adding to 100 %",
      {
        variants: [
          { name: "A", weight: 0.5, versionId: "x" },
          { name: "B", weight: 0.4, versionId: "y" },
        ],
      },
      "variants",
    ],
    ["a holdout over 50 %", { holdoutShare: 0.6 }, "holdoutShare"],
    [
      "a conversion without a window",
      { primaryMetric: { kind: "conversion", event: "purchase" } },
      "primaryMetric.windowHours",
    ],
    [
      "an unknown version",
      {
        variants: [
          { name: "A", weight: 0.5, versionId: "nope" },
          { name: "B", weight: 0.5, versionId: "nope2" },
        ],
      },
      "variants.0.versionId",
    ],
  ] as const) {
    it(`refuses ${what} with a 400 naming ${field}, writing nothing`, async () => {
      const before = await counts();
      const { status, body: res } = await create(over);
      expect(status).toBe(400);
      expect(res.error.field).toBe(field);
      expect(await counts()).toEqual(before);
    });
  }

  it("allows a zero holdout (the editor warns)", async () => {
    expect((await create({ holdoutShare: 0 })).status).toBe(201);
  });

  for (const role of ["pm", "analyst"] as const) {
    it(`a ${role} cannot create one (403, nothing written)`, async () => {
      const before = await counts();
      expect((await create({}, role)).status).toBe(403);
      expect(await counts()).toEqual(before);
    });
  }
});

describe("recordExposures", () => {
  it("records each profile once, keeps the first arm, and marks a later different arm as multiple", async () => {
    const { body: res } = await create();
    const id = res.experiment.id;
    const [p1, p2, p3] = [w.profiles.c1!, w.profiles.c2!, w.profiles.c3!];
    const t0 = new Date("2026-11-01T10:00:00Z");
    const t1 = new Date("2026-11-02T10:00:00Z");
    await db.$transaction((tx) =>
      recordExposures(tx, w.workspaceId, id, [
        { profileId: p1, variantKey: "A", exposedAt: t0 },
        { profileId: p2, variantKey: "holdout", exposedAt: t0 },
      ]),
    );
    await db.$transaction((tx) =>
      recordExposures(tx, w.workspaceId, id, [
        { profileId: p1, variantKey: "A", exposedAt: t1 },
        { profileId: p2, variantKey: "B", exposedAt: t1 },
        { profileId: p3, variantKey: "B", exposedAt: t1 },
        { profileId: p3, variantKey: "A", exposedAt: t0 },
      ]),
    );
    const rows = await db.exposure.findMany({
      where: { workspaceId: w.workspaceId, experimentId: id },
      orderBy: { profileId: "asc" },
    });
    const byProfile = Object.fromEntries(
      rows.map((r) => [r.profileId, { arm: r.variantKey, at: r.exposedAt.toISOString(), multiple: r.multiple }]),
    );
    expect(byProfile[p1]).toEqual({ arm: "A", at: t0.toISOString(), multiple: false });
    expect(byProfile[p2]).toEqual({ arm: "holdout", at: t0.toISOString(), multiple: true });
    expect(byProfile[p3]).toEqual({ arm: "A", at: t0.toISOString(), multiple: true });

    // The list counts exposed profiles (multiple ones too): from the exposures until the readout
    // statistics exist, from the statistics afterwards, a worker round behind new exposures.
    const listed = async () => (await listExperiments(w.workspaceId)).find((e) => e.id === id)!.exposures;
    expect(await listed()).toBe(3);
    await drainReadoutStatistics(w.workspaceId, id);
    expect(
      await db.experiment.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId: w.workspaceId, id } } }),
    ).toMatchObject({ readoutBuiltAt: expect.any(Date) });
    expect(await listed()).toBe(3);
    await db.$transaction((tx) =>
      recordExposures(tx, w.workspaceId, id, [{ profileId: w.profiles.c4!, variantKey: "B", exposedAt: t1 }]),
    );
    await drainReadoutStatistics(w.workspaceId, id);
    expect(await listed()).toBe(4);
  });
});

/** Simulated profiles, exposures by assignArm and purchases at known rates; the oracle counts in JS. */
async function simulate(experimentId: string, n: number) {
  // A fixed salt: with the random one each experiment gets, the arms — and so the realised rates —
  // changed from run to run, and now and then B's lift fell inside the interval ("no detectable
  // difference") where the test expects "ship B". The oracle still counts whatever the arms are.
  const salt = "fixed-salt-for-the-readout-test";
  await db.experiment.update({
    where: { workspaceId_id: { workspaceId: w.workspaceId, id: experimentId } },
    data: { salt },
  });
  const exposedAt = new Date("2026-11-10T09:00:00Z");
  const ids = Array.from({ length: n }, (_, i) => `sim-${experimentId}-${i}`);
  await db.profile.createMany({ data: ids.map((id) => ({ workspaceId: w.workspaceId, id, externalId: id })) });
  const arms = ids.map((id) =>
    assignArm(
      salt,
      id,
      [
        { key: "A", weight: 0.5 },
        { key: "B", weight: 0.5 },
      ],
      0.1,
    ),
  );
  const rate: Record<string, number> = { A: 0.08, B: 0.13, holdout: 0.05 };
  const events: { profileId: string; hoursAfter: number }[] = [];
  const oracle: Record<"A" | "B" | "holdout", { n: number; x: number }> = {
    A: { n: 0, x: 0 },
    B: { n: 0, x: 0 },
    holdout: { n: 0, x: 0 },
  };
  ids.forEach((id, i) => {
    const arm = arms[i] as keyof typeof oracle;
    oracle[arm].n++;
    // A fixed pseudo-random draw per profile, so the test is the same every run.
    const u = ((i * 2654435761) % 2 ** 32) / 2 ** 32;
    if (u < rate[arm]!) {
      events.push({ profileId: id, hoursAfter: 5 });
      oracle[arm].x++;
    } else if (u < rate[arm]! + 0.03) events.push({ profileId: id, hoursAfter: 100 }); // outside the 72 h window
    if (i % 50 === 0) events.push({ profileId: id, hoursAfter: -2 }); // before exposure: never counts
  });
  await db.$transaction((tx) =>
    recordExposures(
      tx,
      w.workspaceId,
      experimentId,
      ids.map((id, i) => ({ profileId: id, variantKey: arms[i]!, exposedAt })),
    ),
  );
  await db.event.createMany({
    data: events.map((e, k) => ({
      workspaceId: w.workspaceId,
      profileId: e.profileId,
      name: "purchase",
      occurredAt: new Date(exposedAt.getTime() + e.hoursAfter * 3_600_000),
      messageId: `sim-${experimentId}-${k}`,
      revenue: 40,
    })),
  });
  return oracle;
}

function runCli(stdin: unknown) {
  const result = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["scripts/stats.ts"], {
    cwd: root,
    input: JSON.stringify(stdin),
    encoding: "utf8",
  });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describe("the readout", () => {
  let experimentId: string;
  let oracle: Awaited<ReturnType<typeof simulate>>;

  beforeAll(async () => {
    experimentId = (await create({ plannedSampleSize: 500 })).body.experiment.id;
    await launchExperiment(w.actors.marketer, experimentId, null);
    oracle = await simulate(experimentId, 3000);
  });

  it("turns exposures and goal events in the window into the oracle's sufficient statistics", async () => {
    const readout = await getReadout(w.workspaceId, experimentId, { breakdowns: false });
    expect(readout.primary.arms.map((a) => [a.key, a.exposed, a.total])).toEqual([
      ["A", oracle.A.n, oracle.A.x],
      ["B", oracle.B.n, oracle.B.x],
      ["holdout", oracle.holdout.n, oracle.holdout.x],
    ]);
    expect(readout.primary.request).toMatchObject({
      metric: "proportion",
      control: { n: oracle.A.n, sum: oracle.A.x },
      variants: [{ n: oracle.B.n, sum: oracle.B.x }],
    });
  });

  it("equals the stats CLI's output for the same sufficient statistics", async () => {
    const readout = await getReadout(w.workspaceId, experimentId, { breakdowns: false });
    const cli = runCli(readout.primary.request);
    expect(JSON.parse(JSON.stringify(readout.primary.report))).toEqual(cli);
    expect(readout.decision.sentence).toBe("ship B");
  });

  it("breaks the primary metric down by segment and over time", async () => {
    const readout = await getReadout(w.workspaceId, experimentId);
    expect(readout.cumulative.length).toBeGreaterThan(0);
    const last = readout.cumulative.at(-1)!;
    const b = readout.primary.report!.variants[0]!;
    expect(last.lifts.B?.ok && b.ok && Math.abs(last.lifts.B.value - b.lift)).toBeLessThan(1e-12);
    // The Germany segment holds only the fixture customers, none of whom is a simulated profile.
    expect(readout.bySegment.groups).toEqual([]);
  });

  it("the readout route carries a breakdown only once cached; each tab's route computes it once per data version", async () => {
    clearBreakdownCache();
    const readout = async () =>
      (
        await json(
          await readoutRoute.GET(
            await request(`/api/experiments/${experimentId}/readout`, { actor: w.actors.analyst }),
            params({ experimentId }),
          ),
        )
      ).body.readout;
    const tab = async (by: string) =>
      json(
        await readoutBreakdown.GET(
          await request(`/api/experiments/${experimentId}/readout/breakdown?by=${by}`, { actor: w.actors.analyst }),
          params({ experimentId }),
        ),
      );
    expect((await readout()).bySegment).toEqual({ groups: [], pending: true });
    const bad = await tab("country");
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("by");
    const first = await tab("segment");
    expect(first.status).toBe(200);
    expect(first.body.breakdown.asOf).toMatch(/^\d{4}-/);
    expect((await tab("segment")).body.breakdown.asOf).toBe(first.body.breakdown.asOf);
    expect((await readout()).bySegment).toEqual(first.body.breakdown);
    // A new conversion changes the data version: the next request computes it again.
    const [unit] = await db.$queryRaw<{ profileId: string; exposedAt: Date }[]>`
      SELECT x."profileId", x."exposedAt" FROM "Exposure" x WHERE x."workspaceId" = ${w.workspaceId} AND x."experimentId" = ${experimentId} AND x."variantKey" = 'A' AND NOT x."multiple"
        AND NOT EXISTS (SELECT 1 FROM "Event" e WHERE e."workspaceId" = x."workspaceId" AND e."profileId" = x."profileId" AND e."name" = 'purchase')
      ORDER BY x."profileId" LIMIT 1`;
    await db.event.create({
      data: {
        workspaceId: w.workspaceId,
        profileId: unit!.profileId,
        name: "purchase",
        occurredAt: new Date(unit!.exposedAt.getTime() + 60_000),
        messageId: `late-${experimentId}`,
      },
    });
    expect((await readout()).bySegment).toEqual({ groups: [], pending: true });
    await db.event.delete({
      where: { workspaceId_messageId: { workspaceId: w.workspaceId, messageId: `late-${experimentId}` } },
    });
  });

  it("exports the readout as CSV for readers", async () => {
    const res = await exportCsv.GET(
      await request(`/api/experiments/${experimentId}/export`, { actor: w.actors.analyst }),
      params({ experimentId }),
    );
    expect(res.headers.get("content-type")).toContain("text/csv");
    const lines = (await res.text()).trim().split("\r\n");
    expect(lines.at(-1)).toBe("decision,,,,,,,,,,,,,,,ship B");
    expect(lines.filter((l) => l.startsWith("primary,")).map((l) => l.split(",").slice(2, 6))).toEqual([
      ["A", "Story first", String(oracle.A.n), String(oracle.A.x)],
      ["B", "Offer first", String(oracle.B.n), String(oracle.B.x)],
      ["holdout", "Holdout", String(oracle.holdout.n), String(oracle.holdout.x)],
    ]);
  });

  it("a marketer cannot conclude; an analyst concludes, ships B's version to the campaign, and it is audited", async () => {
    const call = async (role: Role, b: unknown) =>
      conclude.POST(
        await request(`/api/experiments/${experimentId}/conclude`, { method: "POST", actor: w.actors[role], body: b }),
        params({ experimentId }),
      );
    const ship = { decision: "ship", note: "B wins by a clear margin.", shipVariantKey: "B" };
    expect((await call("marketer", ship)).status).toBe(403);
    expect((await json(await call("analyst", { decision: "ship", note: "" }))).body.error.field).toBe("note");
    const done = await json(await call("analyst", ship));
    expect(done.status).toBe(200);
    expect(await db.campaign.findUniqueOrThrow({ where: { experimentId } })).toMatchObject({ versionId: v2 });
    expect(
      await db.experiment.findUniqueOrThrow({
        where: { workspaceId_id: { workspaceId: w.workspaceId, id: experimentId } },
      }),
    ).toMatchObject({
      status: "concluded",
      decision: "ship",
      shippedVariantKey: "B",
      concludedByEmail: w.actors.analyst.email,
      ruleDecision: "ship B",
      overrideReason: null,
    });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { workspaceId: w.workspaceId, action: "experiment.concluded", entityId: experimentId },
    });
    expect(audit.after).toMatchObject({
      decision: "ship",
      note: "B wins by a clear margin.",
      shippedVersion: { versionId: v2 },
    });
    expect((await call("analyst", ship)).status).toBe(409);
  });
});

describe("launching and editing", () => {
  it("edits a draft, launches it (running, audited), then refuses edits and a second launch", async () => {
    const id = (await create()).body.experiment.id;
    const put = await byId.PUT(
      await request(`/api/experiments/${id}`, {
        method: "PUT",
        actor: w.actors.marketer,
        body: body({ name: "Renamed", holdoutShare: 0.2 }),
      }),
      params({ experimentId: id }),
    );
    expect(put.status).toBe(200);
    expect(await db.campaign.findUniqueOrThrow({ where: { experimentId: id } })).toMatchObject({ name: "Renamed" });
    expect(
      (
        await launch.POST(
          await request(`/api/experiments/${id}/launch`, { method: "POST", actor: w.actors.analyst }),
          params({ experimentId: id }),
        )
      ).status,
    ).toBe(403);
    const launched = await json(
      await launch.POST(
        await request(`/api/experiments/${id}/launch`, { method: "POST", actor: w.actors.marketer }),
        params({ experimentId: id }),
      ),
    );
    expect(launched.status).toBe(200);
    expect(
      await db.experiment.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId: w.workspaceId, id } } }),
    ).toMatchObject({ status: "running", holdoutShare: 0.2 });
    expect(
      await db.auditLog.count({ where: { workspaceId: w.workspaceId, action: "experiment.launched", entityId: id } }),
    ).toBe(1);
    expect(
      (
        await byId.PUT(
          await request(`/api/experiments/${id}`, { method: "PUT", actor: w.actors.marketer, body: body() }),
          params({ experimentId: id }),
        )
      ).status,
    ).toBe(409);
    expect(
      (
        await launch.POST(
          await request(`/api/experiments/${id}/launch`, { method: "POST", actor: w.actors.marketer }),
          params({ experimentId: id }),
        )
      ).status,
    ).toBe(409);
  });

  it("puts the experiment back to draft when the campaign launch fails", async () => {
    const id = (await create()).body.experiment.id;
    await expect(
      launchExperiment(w.actors.marketer, id, async () => Promise.reject(new Error("provider down"))),
    ).rejects.toThrow("provider down");
    expect(
      (await db.experiment.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId: w.workspaceId, id } } })).status,
    ).toBe("draft");
  });
});

describe("the calculator", () => {
  it("counts the audience and answers with reasons when there is no history", async () => {
    const res = await json(
      await calculator.POST(
        await request("/api/experiments/calculator", {
          method: "POST",
          actor: w.actors.analyst,
          body: {
            channel: "sms",
            audience: { kind: "segment", id: w.germanSegmentId },
            metric: { kind: "conversion", event: "purchase", windowHours: 72 },
            weights: [0.5, 0.5],
            target: { solve: "power", mde: 0.1 },
          },
        }),
      ),
    );
    expect(res.status).toBe(200);
    expect(res.body.plan.audienceSize).toBe(3);
    expect(res.body.plan.baseline.scope).toBe("none");
    expect(res.body.plan.power.ok).toBe(false);
  });

  it("refuses a bad request naming the field", async () => {
    const res = await json(
      await calculator.POST(
        await request("/api/experiments/calculator", {
          method: "POST",
          actor: w.actors.analyst,
          body: {
            channel: "email",
            audience: { kind: "all" },
            metric: { kind: "ctr" },
            weights: [1],
            target: { solve: "power", mde: 0.1 },
          },
        }),
      ),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe("weights");
  });
});
