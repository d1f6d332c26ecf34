import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { experimentRetentionQuerySchema, retentionQuerySchema } from "@/lib/analytics/schema";
import { getExperimentRetention } from "@/lib/analytics/get-experiment-retention";
import { getRetention, assembleRetention } from "@/lib/analytics/get-retention";
import { MIN_RATE_N, wilsonInterval } from "@/lib/analytics/uncertainty";
import { ingestCalls } from "@/lib/profiles/ingest/ingest-calls";
import { createWorkspace } from "./support/fixtures";

// A Tuesday: the week of 2026-06-29 (Monday) is running, the three before it are over.
const NOW = new Date("2026-06-30T12:00:00Z");
const DAY = 86_400_000;
const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00Z`).toISOString();

/**
 * 40 profiles sign up in the week of 06-08 and 3 in the week of 06-15; every other one comes back
 * in the next week, every third in the one after. 40 of them are exposed to an experiment, 5 are
 * its holdout.
 */
async function smallCohortWorkspace() {
  const { workspaceId, actors } = await createWorkspace();
  const items: object[] = [];
  let n = 0;
  const track = (userId: string, event: string, timestamp: string) =>
    items.push({ type: "track", userId, event, properties: {}, timestamp, messageId: `r-${n++}` });
  const cohorts = [
    { week: "2026-06-08", size: 40, prefix: "big" },
    { week: "2026-06-15", size: 3, prefix: "small" },
  ];
  for (const { week, size, prefix } of cohorts) {
    for (let i = 0; i < size; i++) {
      const signup = new Date(Date.parse(`${week}T00:00:00Z`) + (i % 5) * DAY).toISOString().slice(0, 10);
      track(`${prefix}${i}`, "signup", at(signup));
      if (i % 2 === 0)
        track(
          `${prefix}${i}`,
          "app_open",
          at(new Date(Date.parse(`${week}T00:00:00Z`) + 8 * DAY).toISOString().slice(0, 10)),
        );
      if (i % 3 === 0)
        track(
          `${prefix}${i}`,
          "app_open",
          at(new Date(Date.parse(`${week}T00:00:00Z`) + 15 * DAY).toISOString().slice(0, 10)),
        );
    }
  }
  await ingestCalls(workspaceId, items);
  return { workspaceId, actors };
}

let workspace: Awaited<ReturnType<typeof smallCohortWorkspace>>;
beforeAll(async () => {
  workspace = await smallCohortWorkspace();
});

describe("retention with too few profiles", () => {
  const query = retentionQuerySchema.parse({ cohortEvent: "signup", period: "week", cohorts: 4, periods: 3 });

  it("lists a cohort under the minimum in the grid, marked, with its counts but no rates", async () => {
    const retention = await getRetention(workspace.workspaceId, query, NOW);
    expect(retention.minimum).toBe(MIN_RATE_N);
    const small = retention.cohorts.find((c) => c.cohort === "2026-06-15")!;
    expect(small).toMatchObject({ size: 3, tooFew: true });
    expect(small.active).toEqual([3, 2, 1, null]);
    expect(small.rate).toEqual([null, null, null, null]);
    const big = retention.cohorts.find((c) => c.cohort === "2026-06-08")!;
    expect(big).toMatchObject({ size: 40, tooFew: false });
    expect(big.rate.slice(0, 3)).toEqual([1, 20 / 40, 14 / 40]);
  });

  it("leaves the small cohort out of the curve and gives every point its n and 95 % Wilson interval", async () => {
    const { curve } = await getRetention(workspace.workspaceId, query, NOW);
    // Only the 40-profile cohort: the 3-profile one would have added 2 of 3 to week 1.
    expect(curve[0]).toMatchObject({ k: 0, active: 40, eligible: 40, rate: 1, tooFew: false });
    expect(curve[1]).toEqual({
      k: 1,
      active: 20,
      eligible: 40,
      rate: 0.5,
      interval: wilsonInterval(20, 40),
      tooFew: false,
    });
    expect(curve[2]).toEqual({
      k: 2,
      active: 14,
      eligible: 40,
      rate: 14 / 40,
      interval: wilsonInterval(14, 40),
      tooFew: false,
    });
    // Week 3 of 06-08 is the running week: no cohort is eligible, nothing is drawn.
    expect(curve[3]).toMatchObject({ k: 3, eligible: 0, rate: null, interval: null });
  });

  it("does not draw a curve point whose eligible profiles are under the minimum", () => {
    // Two cohorts of 30 and 35 by day; day 2 of the second one is today, so only the first is eligible
    // for day 2. With a minimum of 31 the 30-profile cohort is out: day 1 has 35, day 2 nobody.
    const rows = [
      { cohort: "2026-06-26", k: -1, active: 30 },
      { cohort: "2026-06-26", k: 1, active: 12 },
      { cohort: "2026-06-26", k: 2, active: 9 },
      { cohort: "2026-06-28", k: -1, active: 35 },
      { cohort: "2026-06-28", k: 1, active: 20 },
    ];
    const { curve } = assembleRetention(rows, ["2026-06-26", "2026-06-27", "2026-06-28"], 3, 1, "2026-06-30");
    expect(curve[1]).toMatchObject({ active: 32, eligible: 65, rate: 32 / 65, tooFew: false });
    expect(curve[2]).toMatchObject({ active: 9, eligible: 30, rate: 9 / 30, tooFew: false });
    const strict = assembleRetention(rows, ["2026-06-26", "2026-06-27", "2026-06-28"], 3, 1, "2026-06-30", 31);
    expect(strict.cohorts[0]!.tooFew).toBe(true);
    expect(strict.curve[1]).toMatchObject({ active: 20, eligible: 35, tooFew: false });
    expect(strict.curve[2]).toEqual({ k: 2, active: 0, eligible: 0, rate: null, interval: null, tooFew: true });
  });

  it("draws no exposed or holdout point under the minimum, and gives the others their n and interval", async () => {
    const { workspaceId, actors } = workspace;
    const experiment = await db.experiment.create({
      data: {
        workspaceId,
        name: "Small holdout",
        salt: "s",
        primaryMetric: { kind: "ctr" },
        stats: {},
        ownerEmail: actors.marketer.email,
        status: "running",
      },
    });
    const profiles = await db.profile.findMany({
      where: { workspaceId },
      select: { id: true, externalId: true },
      orderBy: { externalId: "asc" },
    });
    const exposedAt = new Date("2026-06-15T09:00:00Z");
    await db.exposure.createMany({
      data: profiles.map((p, i) => ({
        workspaceId,
        experimentId: experiment.id,
        profileId: p.id,
        variantKey: i < 5 ? "holdout" : "A",
        exposedAt,
      })),
    });
    const result = await getExperimentRetention(
      workspaceId,
      experimentRetentionQuerySchema.parse({ experimentId: experiment.id, period: "week", periods: 2 }),
      NOW,
    );
    expect(result.minimum).toBe(MIN_RATE_N);
    expect(result.holdout!.size).toBe(5);
    for (const point of result.holdout!.points.filter((p) => p.eligible > 0))
      expect(point).toMatchObject({ rate: null, interval: null, tooFew: true });
    expect(result.exposed!.size).toBe(profiles.length - 5);
    const week1 = result.exposed!.points[1]!;
    expect(week1.eligible).toBe(profiles.length - 5);
    expect(week1.tooFew).toBe(false);
    expect(week1.interval).toEqual(wilsonInterval(week1.active, week1.eligible));
  });
});

describe("retention up to today", () => {
  // Four profiles sign up on Monday 06-08. Read on Tuesday 06-30: "ahead" opened the app on
  // Wednesday 07-01 (a clock a day ahead, or a report read for an earlier day) and "later" on 07-08.
  it("counts no activity dated after today, in the running week or after it", async () => {
    const { workspaceId } = await createWorkspace();
    let n = 0;
    const track = (userId: string, event: string, day: string) => ({
      type: "track",
      userId,
      event,
      properties: {},
      timestamp: at(day),
      messageId: `t-${n++}`,
    });
    await ingestCalls(workspaceId, [
      ...["back", "ahead", "later", "quiet"].map((user) => track(user, "signup", "2026-06-08")),
      track("back", "app_open", "2026-06-16"),
      track("back", "app_open", "2026-06-30"),
      track("ahead", "app_open", "2026-07-01"),
      track("later", "app_open", "2026-07-08"),
    ]);
    const read = (criterion: "on" | "on_or_after", period: "week" | "day") =>
      getRetention(
        workspaceId,
        retentionQuerySchema.parse({
          cohortEvent: "signup",
          period,
          criterion,
          cohorts: period === "week" ? 4 : 23,
          periods: period === "week" ? 3 : 30,
        }),
        NOW,
      );
    const cohort = async (criterion: "on" | "on_or_after", period: "week" | "day") =>
      (await read(criterion, period)).cohorts.find((c) => c.cohort === "2026-06-08")!.active;
    expect(await cohort("on", "week")).toEqual([4, 1, 0, 1]);
    expect(await cohort("on_or_after", "week")).toEqual([4, 1, 1, 1]);
    // Days: "back" returned on day 8 and day 22 (today); periods after today have not started.
    const days = await cohort("on_or_after", "day");
    expect(days.slice(0, 24)).toEqual([4, ...Array.from({ length: 22 }, () => 1), null]);
    expect((await cohort("on", "day")).filter((v) => v === 1).map((_, i) => i)).toHaveLength(2);
  });
});
