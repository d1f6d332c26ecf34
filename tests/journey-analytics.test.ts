import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { measures } from "@/lib/analytics";
import { db } from "@/lib/db/client";
import type { JourneyDefinitionInput, JourneyStats } from "@/lib/journeys";
import { createJourney, journeyStats, publishJourney } from "@/lib/journeys/server";
import { createTemplate } from "@/lib/templates/create-template";
import { publishTemplate } from "@/lib/templates/publish-template";
import { createTemplateSchema } from "@/lib/templates/api-schema";
import { createDeliveryWorld, publishedSms, type DeliveryWorld } from "./support/delivery-fixtures";
import { email } from "./support/template-fixtures";

/*
 * Journey analytics (docs/journeys.md "Stats") against an oracle over raw rows: random entries,
 * steps and messages — including rows no engine would write, such as an open without a delivery —
 * and every count must equal a recomputation, every rate's numerator be members of its denominator.
 */

const RUNS = Number(process.env.JOURNEY_ANALYTICS_RUNS ?? 15);
const BASE = Date.UTC(2026, 10, 1);

let w: DeliveryWorld;
let definition: JourneyDefinitionInput;
beforeAll(async () => {
  w = await createDeliveryWorld();
  const sms = await publishedSms(w.actors.marketer, "Hello from a journey");
  const mail = await createTemplate(
    w.actors.marketer,
    createTemplateSchema.parse({ name: `Mail ${randomUUID().slice(0, 6)}`, channel: "email", content: email() }),
  );
  await publishTemplate(w.actors.marketer, mail.id, {});
  definition = {
    version: 1,
    nodes: [
      {
        id: "entry",
        kind: "entry",
        trigger: { type: "event", event: `start_${randomUUID().slice(0, 8)}`, where: [] },
        reentry: { type: "once" },
        exits: { next: "mail" },
      },
      { id: "mail", kind: "send", templateId: mail.id, exits: { next: "test" } },
      {
        id: "test",
        kind: "split",
        split: {
          type: "random",
          arms: [
            { name: "a", percent: 50 },
            { name: "b", percent: 50 },
          ],
          holdoutPercent: 20,
        },
        exits: { a: "sms", b: "done" },
      },
      { id: "sms", kind: "send", templateId: sms, exits: { next: "done" } },
      { id: "done", kind: "exit", exits: {} },
    ],
    goal: { event: "purchase", where: [], windowDays: 7 },
  };
});

const NODES = ["entry", "mail", "test", "sms", "done"] as const;
const EXITS: Record<string, (string | null)[]> = {
  entry: ["next"],
  mail: ["next", null],
  test: ["a", "b", null],
  sms: ["next", null],
  done: [null],
};
const REASONS = ["completed", "goal", "holdout", "skipped", "exit_criteria", "profile_deleted"] as const;
const time = fc.option(fc.integer({ min: 0, max: 20 * 86_400 }), { nil: null });

const messageArb = fc.record({ sent: time, delivered: time, opened: time, clicked: time, converted: time });
const stepArb = fc.record({
  exit: fc.nat(2),
  message: fc.option(messageArb, { nil: null }),
});
const entryArb = fc.record({
  nodeId: fc.constantFrom(...NODES),
  state: fc.constantFrom("active", "waiting", "exited"),
  reason: fc.constantFrom(...REASONS),
  convertedAfter: time,
  steps: fc.record({
    entry: fc.option(stepArb, { nil: null }),
    mail: fc.option(stepArb, { nil: null }),
    test: fc.option(stepArb, { nil: null }),
    sms: fc.option(stepArb, { nil: null }),
    done: fc.option(stepArb, { nil: null }),
  }),
});

type Raw = typeof entryArb extends fc.Arbitrary<infer T> ? T : never;
const at = (seconds: number | null) => (seconds === null ? null : new Date(BASE + seconds * 1000));

/** Writes one version's raw rows as the engine's tables hold them. */
async function write(journeyId: string, versionId: string, campaigns: Record<string, string>, raws: Raw[]) {
  const entries = raws.map((r) => ({ ...r, id: randomUUID(), profileId: randomUUID() }));
  await db.journeyEntry.createMany({
    data: entries.map((e) => ({
      workspaceId: w.workspaceId,
      id: e.id,
      journeyId,
      versionId,
      profileId: e.profileId,
      occurrence: 1,
      enteredAt: new Date(BASE),
      nodeId: e.nodeId,
      state: e.state,
      exitReason: e.state === "exited" ? e.reason : null,
      convertedAt: at(e.convertedAfter),
    })),
  });
  const steps = entries.flatMap((e) =>
    Object.entries(e.steps).flatMap(([nodeId, s]) => {
      if (!s) return [];
      const exits = EXITS[nodeId]!;
      const messageId = campaigns[nodeId] && s.message ? randomUUID() : null;
      return [{ e, nodeId, exit: exits[s.exit % exits.length]!, messageId, message: s.message }];
    }),
  );
  await db.journeyStep.createMany({
    data: steps.map((s) => ({
      workspaceId: w.workspaceId,
      entryId: s.e.id,
      nodeId: s.nodeId,
      kind: "x",
      exit: s.exit,
      outcome: s.messageId ? "queued" : "branch",
      messageId: s.messageId,
    })),
  });
  await db.message.createMany({
    data: steps.flatMap((s) =>
      s.messageId && s.message
        ? [
            {
              workspaceId: w.workspaceId,
              id: s.messageId,
              campaignId: campaigns[s.nodeId]!,
              profileId: s.e.profileId,
              occurrence: `entry:${s.e.id}`,
              channel: s.nodeId === "mail" ? "email" : "sms",
              status: "queued",
              sendAfter: new Date(BASE),
              sentAt: at(s.message.sent),
              deliveredAt: at(s.message.delivered),
              openedAt: at(s.message.opened),
              clickedAt: at(s.message.clicked),
              convertedAt: at(s.message.converted),
            },
          ]
        : [],
    ),
  });
  return { entries, steps };
}

/** percentile_cont: linear interpolation between the closest ranks. */
function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  return sorted[lo]! + (sorted[Math.ceil(rank)]! - sorted[lo]!) * (rank - lo);
}

const tally = (keys: (string | null)[]) => {
  const out: Record<string, number> = {};
  for (const k of keys) if (k !== null) out[k] = (out[k] ?? 0) + 1;
  return out;
};

/** The stats recomputed from the rows written, with every rate as (members of the numerator, of the denominator). */
function oracle({ entries, steps }: Awaited<ReturnType<typeof write>>) {
  const exited = (e: (typeof entries)[number]) => e.state === "exited";
  const converted = (e: (typeof entries)[number]) => e.convertedAfter !== null;
  const times = entries
    .filter((e) => converted(e) && !(exited(e) && e.reason === "holdout"))
    .map((e) => e.convertedAfter!)
    .sort((a, b) => a - b);
  const nodes = NODES.map((nodeId) => {
    const ran = steps.filter((s) => s.nodeId === nodeId);
    const here = entries.filter((e) => e.nodeId === nodeId);
    const msgs = ran.flatMap((s) => (s.messageId && s.message ? [{ ...s.message, channel: s.nodeId }] : []));
    const sent = msgs.filter((m) => m.sent !== null);
    const delivered = sent.filter((m) => m.delivered !== null);
    const channel = nodeId === "mail" ? "email" : "sms";
    return {
      nodeId,
      reached: new Set([...ran.map((s) => s.e.id), ...here.map((e) => e.id)]).size,
      now: here.filter((e) => !exited(e)).length,
      passed: ran.length,
      byExit: tally(ran.map((s) => s.exit)),
      exited: tally(here.filter(exited).map((e) => e.reason)),
      converted: ran.filter((s) => converted(s.e)).length,
      convertedByExit: tally(ran.filter((s) => converted(s.e)).map((s) => s.exit)),
      messages:
        msgs.length === 0
          ? null
          : {
              queued: msgs.length,
              sent: sent.length,
              delivered: delivered.length,
              opened: measures(channel, "opens") ? delivered.filter((m) => m.opened !== null).length : 0,
              clicked: delivered.filter((m) => m.clicked !== null).length,
              converted: delivered.filter((m) => m.converted !== null).length,
            },
    };
  });
  const test = steps.filter((s) => s.nodeId === "test");
  const arm = (name: string) => {
    const by = test.filter((s) => s.exit === name);
    return { n: by.length, converted: by.filter((s) => converted(s.e)).length };
  };
  const held = entries.filter((e) => e.nodeId === "test" && exited(e) && e.reason === "holdout");
  return {
    totals: {
      entered: entries.length,
      inJourney: entries.filter((e) => !exited(e)).length,
      exited: tally(entries.filter(exited).map((e) => e.reason)),
      converted: entries.filter(converted).length,
    },
    timeToGoal: { n: times.length, medianSeconds: percentile(times, 0.5), p90Seconds: percentile(times, 0.9) },
    nodes,
    arms: [
      { name: "a", ...arm("a") },
      { name: "b", ...arm("b") },
    ],
    holdout: { n: held.length, converted: held.filter(converted).length },
  };
}

function check(s: JourneyStats, o: ReturnType<typeof oracle>) {
  expect(s.totals).toEqual(o.totals);
  expect(s.goal.rate).toMatchObject({ numerator: o.totals.converted, n: o.totals.entered });
  expect(s.goal.timeToGoal.n).toBe(o.timeToGoal.n);
  for (const key of ["medianSeconds", "p90Seconds"] as const)
    if (o.timeToGoal[key] === null) expect(s.goal.timeToGoal[key]).toBeNull();
    else expect(s.goal.timeToGoal[key]).toBeCloseTo(o.timeToGoal[key], 3);
  for (const expected of o.nodes) {
    const node = s.nodes.find((n) => n.nodeId === expected.nodeId)!;
    const { messages, ...counts } = expected;
    expect(node).toMatchObject(counts);
    if (messages === null) {
      expect(node.messages).toBeNull();
      continue;
    }
    expect(node.messages).toMatchObject(messages);
    const r = node.messages!.rates;
    expect(r.deliveryRate).toMatchObject({ numerator: messages.delivered, n: messages.sent });
    expect(r.conversionRate).toMatchObject({ numerator: messages.converted, n: messages.delivered });
    expect(r.ctr).toMatchObject({ numerator: messages.clicked, n: messages.delivered });
    if (expected.nodeId === "mail")
      expect(r.openRate).toMatchObject({ numerator: messages.opened, n: messages.delivered });
    else expect(r.openRate).toBeNull();
  }
  // Every rate on the page: its numerator counts members of its denominator, so it is never above n.
  const rates = [
    s.goal.rate,
    ...s.nodes.flatMap((n) => (n.messages ? Object.values(n.messages.rates).filter((x) => x !== null) : [])),
    ...s.randomSplits.flatMap((x) => [...x.arms.map((a) => a.rate), ...(x.holdout ? [x.holdout.rate] : [])]),
  ];
  for (const rate of rates) {
    expect(rate.numerator).toBeLessThanOrEqual(rate.n);
    expect(rate.tooFew).toBe(rate.n < 30);
  }
  const [split] = s.randomSplits;
  expect(split?.arms.map(({ name, n, converted }) => ({ name, n, converted }))).toEqual(o.arms);
  expect(split?.holdout).toMatchObject(o.holdout);
}

describe("journey analytics", () => {
  it("equal a recomputation from random raw entries, steps and messages, each numerator within its denominator", async () => {
    const { id: journeyId } = await createJourney(w.actors.marketer, { name: `Analytics ${randomUUID().slice(0, 6)}` });
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(entryArb, { maxLength: 25 }), async (raws) => {
        runs++;
        const published = await publishJourney(w.actors.marketer, journeyId, definition);
        const version = await db.journeyVersion.findUniqueOrThrow({
          where: { workspaceId_id: { workspaceId: w.workspaceId, id: published.versionId } },
          select: { sendCampaigns: true },
        });
        const campaigns = Object.fromEntries(
          Object.entries(version.sendCampaigns as Record<string, { campaignId: string }>).map(([k, v]) => [
            k,
            v.campaignId,
          ]),
        );
        const written = await write(journeyId, published.versionId, campaigns, raws);
        check(await journeyStats(w.workspaceId, journeyId), oracle(written));
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    expect(runs).toBe(RUNS);
  });

  it("reads a random split with a holdout as an experiment: lifts of the arms, the difference from the holdout", async () => {
    const { id: journeyId } = await createJourney(w.actors.marketer, { name: `Split ${randomUUID().slice(0, 6)}` });
    const published = await publishJourney(w.actors.marketer, journeyId, definition);
    const arm = (exit: string, n: number, conv: number, reason?: string): Raw[] =>
      Array.from({ length: n }, (_, i) => ({
        nodeId: reason ? "test" : "done",
        state: "exited",
        reason: (reason ?? "completed") as Raw["reason"],
        convertedAfter: i < conv ? 3600 * (i + 1) : null,
        steps: {
          entry: null,
          mail: null,
          test: reason ? null : { exit: exit === "a" ? 0 : 1, message: null },
          sms: null,
          done: null,
        },
      }));
    await write(journeyId, published.versionId, {}, [
      ...arm("a", 400, 80),
      ...arm("b", 400, 120),
      ...arm("", 100, 5, "holdout"),
    ]);
    const s = await journeyStats(w.workspaceId, journeyId);
    const [split] = s.randomSplits;
    expect(split?.arms.map((a) => [a.name, a.n, a.converted])).toEqual([
      ["a", 400, 80],
      ["b", 400, 120],
    ]);
    // 30 % against 20 %: b's relative lift is +50 %, significant at 400 a side (Welch, Holm over one comparison).
    expect(split?.lifts[0]).toMatchObject({ name: "b", lift: { ok: true } });
    const lift = split!.lifts[0]!.lift;
    if (!lift.ok) throw new Error(lift.reason);
    expect(lift.value).toBeCloseTo(0.5, 6);
    expect(lift.pValue).toBeLessThan(0.05);
    expect(split?.decision).toBe("ship b");
    // Arms 200 / 800 = 25 % against the holdout's 5 / 100 = 5 %.
    const d = split!.holdoutDifference!;
    if (!d.ok) throw new Error(d.reason);
    expect(d.value).toBeCloseTo(0.2, 6);
    expect(d.ciLow).toBeGreaterThan(0);
    expect(s.goal.timeToGoal.n).toBe(200);
    expect(s.goal.rate).toMatchObject({ numerator: 205, n: 900, tooFew: false });
  });
});
