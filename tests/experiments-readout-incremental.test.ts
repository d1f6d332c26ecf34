import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createExperiment } from "@/lib/experiments/create-experiment";
import { getExperiment } from "@/lib/experiments/get-experiment";
import type { ArmStatsRow } from "@/lib/experiments/metric-measures";
import {
  allPlans,
  armRows,
  dailyStatistics,
  drainReadoutStatistics,
  plansOf,
  rebuildReadoutStatistics,
} from "@/lib/experiments/readout-statistics";
import { recordExposures } from "@/lib/experiments/record-exposures";
import { experimentInputSchema } from "@/lib/experiments/schema";
import { armStatisticsSql, conversionDaysSql } from "@/lib/experiments/sql";
import { mergeProfiles } from "@/lib/profiles/ingest/merge-profiles";
import { runSegmentQuery } from "@/lib/segments/run-query";
import { createTemplate } from "@/lib/templates/create-template";
import { publishTemplate } from "@/lib/templates/publish-template";
import { createTemplateWorld, email, type TemplateWorld } from "./support/template-fixtures";

/*
 * The readout's incremental statistics (per arm, day and measure, kept by triggers and the drain)
 * against a recomputation from the raw exposures and events (armStatisticsSql, conversionDaysSql —
 * what the readout computed before), after random exposures (re-exposures in other arms included),
 * conversions, late events, message events and identity merges, with partial drains in between.
 * READOUT_RUNS=<n> runs more; fast-check prints the seed and the shrunk command list on failure.
 */

const RUNS = Number(process.env.READOUT_RUNS ?? 20);
const PROFILES = 6;
const T0 = Date.parse("2026-11-02T09:00:00Z");
const HOUR = 3_600_000;
const ARMS = ["A", "B", "holdout"] as const;
const NAMES = [
  "purchase",
  "message_clicked",
  "message_delivered",
  "message_unsubscribed",
  "message_failed",
  "page_view",
] as const;

// Weighted so that most profiles are exposed early and collect many events, some of them in the window.
const commandArb = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("expose" as const),
      profile: fc.nat(PROFILES - 1),
      arm: fc.constantFrom(...ARMS),
      hour: fc.integer({ min: 0, max: 60 }),
    }),
  },
  // Before the exposure, inside and after the 48 h window, in any order of arrival: many are late.
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("event" as const),
      profile: fc.nat(PROFILES - 1),
      name: fc.constantFrom(...NAMES),
      hour: fc.integer({ min: -12, max: 120 }),
      revenue: fc.constantFrom(null, 10, 19.99, 250),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("merge" as const),
      from: fc.nat(PROFILES - 1),
      into: fc.nat(PROFILES - 1),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("drain" as const), limit: fc.integer({ min: 1, max: 3 }) }) },
);

let w: TemplateWorld;
let versionId: string;

beforeAll(async () => {
  w = await createTemplateWorld();
  const t = await createTemplate(w.actors.marketer, {
    name: "Incremental readout",
    channel: "email",
    content: email(),
    description: "",
  } as never);
  await publishTemplate(w.actors.marketer, t.id);
  versionId = (
    await db.templateVersion.findFirstOrThrow({
      where: { workspaceId: w.workspaceId, templateId: t.id, status: "published" },
    })
  ).id;
});

/** An experiment with every kind of measure: conversion (first event), revenue (a sum), CTR (a ratio with its cross term), both guardrails. */
async function newExperiment() {
  const input = experimentInputSchema.parse({
    name: "Incremental",
    channel: "email",
    audience: { kind: "all" },
    variants: [
      { name: "A", weight: 0.5, versionId },
      { name: "B", weight: 0.5, versionId },
    ],
    holdoutShare: 0.1,
    primaryMetric: { kind: "conversion", event: "purchase", windowHours: 48 },
    secondaryMetrics: [{ kind: "revenue_per_recipient", event: "purchase", windowHours: 48 }, { kind: "ctr" }],
    guardrails: [
      { kind: "unsubscribe_rate", threshold: null },
      { kind: "failed_rate", threshold: null },
    ],
  });
  const { id, campaignId } = await createExperiment(w.actors.marketer, input);
  await db.experiment.update({
    where: { workspaceId_id: { workspaceId: w.workspaceId, id } },
    data: { status: "running" },
  });
  return { id, campaignId };
}

type Command = typeof commandArb extends fc.Arbitrary<infer C> ? C : never;

async function apply(
  experimentId: string,
  campaignId: string,
  ids: string[],
  alive: Set<string>,
  c: Command,
  k: number,
) {
  const workspaceId = w.workspaceId;
  if (c.kind === "expose") {
    const profileId = ids[c.profile]!;
    if (!alive.has(profileId)) return;
    await db.$transaction((tx) =>
      recordExposures(tx, workspaceId, experimentId, [
        { profileId, variantKey: c.arm, exposedAt: new Date(T0 + c.hour * HOUR) },
      ]),
    );
  } else if (c.kind === "event") {
    const profileId = ids[c.profile]!;
    if (!alive.has(profileId)) return;
    const message = c.name.startsWith("message_");
    await db.event.create({
      data: {
        workspaceId,
        profileId,
        name: c.name,
        occurredAt: new Date(T0 + c.hour * HOUR),
        messageId: `${experimentId}-${k}`,
        campaignId: message ? campaignId : null,
        revenue: c.name === "purchase" ? c.revenue : null,
      },
    });
  } else if (c.kind === "merge") {
    const [from, into] = [ids[c.from]!, ids[c.into]!];
    if (from === into || !alive.has(from) || !alive.has(into)) return;
    // What identity stitching runs: events, rollups and (here) exposures move, then `from` is deleted.
    await db.$transaction((tx) => mergeProfiles(tx, workspaceId, [{ from, into, anonymousId: null, reason: "alias" }]));
    alive.delete(from);
  } else {
    await drainReadoutStatistics(workspaceId, experimentId, { limit: c.limit });
  }
}

/** Every numeric column of two sets of per-arm rows, side by side, rounded so float dust from subtraction does not count. */
function table(rows: ArmStatsRow[], columns: string[]) {
  const round = (v: unknown) => Math.round(Number(v ?? 0) * 1e6) / 1e6;
  return Object.fromEntries(
    rows
      .filter((r) => columns.some((c) => round(r[c]) !== 0))
      .map((r) => [r.variantKey, Object.fromEntries(columns.map((c) => [c, round(r[c])]))]),
  );
}

async function compare(experimentId: string) {
  const workspaceId = w.workspaceId;
  const scope = { workspaceId, experimentId };
  const e = await getExperiment(workspaceId, experimentId);
  const plans = allPlans(plansOf(e, scope));
  const measures = plans.flatMap((p) => p.measures);
  const crosses = plans.flatMap((p) => p.crosses);
  const columns = [
    "n",
    "multiple",
    ...measures.flatMap((m) => [`${m.name}__sum`, `${m.name}__sq`]),
    ...crosses.map(([a, b]) => `${a}__x__${b}`),
  ];

  const stats = await dailyStatistics(scope);
  const recomputed = await runSegmentQuery<ArmStatsRow[]>(armStatisticsSql(scope, measures, crosses));
  expect(table(armRows(stats, plans), columns)).toEqual(table(recomputed, columns));

  // The cumulative chart's rows: exposed by exposure day, converted by first-conversion day.
  const days = await runSegmentQuery<
    { variantKey: string; exposedDay: string; convertedDay: string | null; units: number }[]
  >(conversionDaysSql(scope, "purchase", 48));
  const primary = plansOf(e, scope).primary.plan;
  for (const day of [...new Set(days.flatMap((d) => [d.exposedDay, d.convertedDay ?? d.exposedDay]))]) {
    const expected: Record<string, { n: number; p__sum: number }> = {};
    for (const d of days.filter((d) => d.exposedDay <= day)) {
      const arm = (expected[d.variantKey] ??= { n: 0, p__sum: 0 });
      arm.n += d.units;
      if (d.convertedDay !== null && d.convertedDay <= day) arm.p__sum += d.units;
    }
    expect(
      table(
        armRows(stats, [primary], (s) => s.day <= day),
        ["n", "p__sum"],
      ),
      day,
    ).toEqual(
      table(
        Object.entries(expected).map(([variantKey, v]) => ({ grp: "", variantKey, multiple: 0, ...v })),
        ["n", "p__sum"],
      ),
    );
  }
}

describe("the readout's incremental statistics", () => {
  it("equal a recomputation from the raw exposures and events after random exposures, conversions, late events and merges", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { minLength: 15, maxLength: 60 }), async (commands) => {
        run++;
        const { id, campaignId } = await newExperiment();
        // Built while empty, as at launch: everything after is incremental.
        await rebuildReadoutStatistics(w.workspaceId, id);
        const ids = Array.from({ length: PROFILES }, (_, i) => `inc-${id}-${i}`);
        await db.profile.createMany({
          data: ids.map((pid) => ({ workspaceId: w.workspaceId, id: pid, externalId: pid })),
        });
        const alive = new Set(ids);
        for (const [k, c] of commands.entries()) await apply(id, campaignId, ids, alive, c, k);
        expect(await drainReadoutStatistics(w.workspaceId, id)).toBe(0);
        await compare(id);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    expect(run).toBeGreaterThanOrEqual(RUNS);
  });

  it("a rebuild from scratch gives the same day rows as the incremental path", async () => {
    const { id, campaignId } = await newExperiment();
    await rebuildReadoutStatistics(w.workspaceId, id);
    const ids = Array.from({ length: PROFILES }, (_, i) => `reb-${id}-${i}`);
    await db.profile.createMany({ data: ids.map((pid) => ({ workspaceId: w.workspaceId, id: pid, externalId: pid })) });
    const alive = new Set(ids);
    const commands = fc.sample(fc.array(commandArb, { minLength: 30, maxLength: 30 }), { numRuns: 1, seed: 7 })[0]!;
    for (const [k, c] of commands.entries()) await apply(id, campaignId, ids, alive, c, k);
    await drainReadoutStatistics(w.workspaceId, id);
    const rounded = (rows: Awaited<ReturnType<typeof dailyStatistics>>) =>
      rows
        .filter((r) => Math.abs(r.sum) > 1e-9 || Math.abs(r.sumSquares) > 1e-9)
        .map((r) => ({ ...r, sum: Math.round(r.sum * 1e6) / 1e6, sumSquares: Math.round(r.sumSquares * 1e6) / 1e6 }))
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    const incremental = rounded(await dailyStatistics({ workspaceId: w.workspaceId, experimentId: id }));
    expect(incremental.length).toBeGreaterThan(0);
    await rebuildReadoutStatistics(w.workspaceId, id);
    expect(rounded(await dailyStatistics({ workspaceId: w.workspaceId, experimentId: id }))).toEqual(incremental);
  });

  it("an identity merge leaves one unit per experiment: the earlier exposure's arm, multi-exposed when the arms differ", async () => {
    const { id } = await newExperiment();
    await rebuildReadoutStatistics(w.workspaceId, id);
    const [anonymous, known, other, otherKnown] = ["a", "k", "o", "ok"].map((x) => `merge-${id}-${x}`);
    await db.profile.createMany({
      data: [anonymous, known, other, otherKnown].map((pid) => ({
        workspaceId: w.workspaceId,
        id: pid!,
        externalId: pid,
      })),
    });
    await db.$transaction((tx) =>
      recordExposures(tx, w.workspaceId, id, [
        { profileId: anonymous!, variantKey: "B", exposedAt: new Date(T0) },
        { profileId: known!, variantKey: "A", exposedAt: new Date(T0 + HOUR) },
        { profileId: other!, variantKey: "A", exposedAt: new Date(T0 + 2 * HOUR) },
      ]),
    );
    await db.event.create({
      data: {
        workspaceId: w.workspaceId,
        profileId: other!,
        name: "purchase",
        occurredAt: new Date(T0 + 3 * HOUR),
        messageId: `${id}-m`,
        revenue: 10,
      },
    });
    await db.$transaction(async (tx) => {
      await mergeProfiles(tx, w.workspaceId, [
        { from: anonymous!, into: known!, anonymousId: null, reason: "identify" },
      ]);
      await mergeProfiles(tx, w.workspaceId, [
        { from: other!, into: otherKnown!, anonymousId: null, reason: "identify" },
      ]);
    });
    const exposures = await db.exposure.findMany({
      where: { workspaceId: w.workspaceId, experimentId: id },
      orderBy: { profileId: "asc" },
    });
    expect(exposures.map((x) => [x.profileId, x.variantKey, x.exposedAt.getTime(), x.multiple])).toEqual([
      [known, "B", T0, true],
      [otherKnown, "A", T0 + 2 * HOUR, false],
    ]);
    await drainReadoutStatistics(w.workspaceId, id);
    const e = await getExperiment(w.workspaceId, id);
    const rows = armRows(
      await dailyStatistics({ workspaceId: w.workspaceId, experimentId: id }),
      allPlans(plansOf(e, { workspaceId: w.workspaceId, experimentId: id })),
    );
    expect(rows.map((r) => [r.variantKey, r.n, r.multiple, Number(r.p__sum ?? 0)])).toEqual([
      ["A", 1, 0, 1],
      ["B", 0, 1, 0],
    ]);
  });
});
