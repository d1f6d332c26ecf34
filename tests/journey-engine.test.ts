import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { asJsonInput } from "@/lib/db/json-object";
import { DEFAULT_POLICY } from "@/lib/delivery/policy/schema";
import { drainDelivery } from "@/lib/delivery/worker/delivery-round";
import { sendExperiments } from "@/lib/experiments/send-experiments";
import type { JourneyDefinitionInput, JourneyNode, Split } from "@/lib/journeys";
import { drawArm } from "@/lib/journeys/engine/draw-arm";
import { waitUntil } from "@/lib/journeys/engine/wait-until";
import { advanceJourneys, createJourney, enterJourneys, publishJourney, setJourneyStatus } from "@/lib/journeys/server";
import { ingestCalls } from "@/lib/profiles/ingest/ingest-calls";
import { captureCalls } from "@/lib/profiles/intake/capture-calls";
import { foldAll, TRIGGER_LATENESS_MS } from "@/lib/profiles/intake/fold-lane";
import { createDeliveryWorld, publishedSms, type DeliveryWorld } from "./support/delivery-fixtures";

const MINUTE = 60_000;
type RandomSplit = Extract<Split, { type: "random" }>;
let w: DeliveryWorld;
let smsTemplateId: string;
beforeAll(async () => {
  w = await createDeliveryWorld();
  smsTemplateId = await publishedSms(w.actors.marketer, "Welcome aboard");
  // No frequency caps: the default one message a day would skip a later test's send to someone a
  // former test's message was delivered to. (Skips by policy are the onSkip test's.)
  await db.policy.create({
    data: {
      workspaceId: w.workspaceId,
      caps: [],
      quietHours: asJsonInput(DEFAULT_POLICY.quietHours),
      defaultTimezone: "UTC",
      topics: [],
    },
  });
});

// Every test starts its journeys on events of its own, so one test's events never enter another's journeys.
const eventName = (what: string) => `${what}_${randomUUID().slice(0, 8)}`;
type Node = JourneyDefinitionInput["nodes"][number];
const entryNode = (
  event: string,
  next: string,
  reentry: Extract<JourneyNode, { kind: "entry" }>["reentry"] = { type: "once" },
) => ({ id: "entry", kind: "entry", trigger: { type: "event", event, where: [] }, reentry, exits: { next } }) as Node;
const exitNode = (id: string) => ({ id, kind: "exit", exits: {} }) as Node;
const waitNode = (id: string, minutes: number, next: string) =>
  ({ id, kind: "wait", wait: { type: "duration", minutes }, exits: { next } }) as Node;
const sendNode = (id: string, next: string, onSkip: "continue" | "exit" = "continue") =>
  ({ id, kind: "send", templateId: smsTemplateId, onSkip, exits: { next } }) as Node;

async function liveJourney(nodes: Node[], extra: Partial<JourneyDefinitionInput> = {}): Promise<string> {
  const { id } = await createJourney(w.actors.marketer, { name: `Journey ${randomUUID().slice(0, 6)}` });
  await publishJourney(w.actors.marketer, id, { version: 1, nodes, ...extra });
  return id;
}

/** Track calls through the synchronous ingest path, which lets every event trigger. */
async function track(userIds: readonly string[], event: string, properties: Record<string, unknown> = {}) {
  const results = await ingestCalls(
    w.workspaceId,
    userIds.map((userId) => ({
      type: "track",
      userId,
      event,
      properties,
      timestamp: new Date().toISOString(),
      messageId: randomUUID(),
    })),
  );
  expect(results.every((r: { status: string }) => r.status === "accepted")).toBe(true);
}

const advance = (minutesAhead = 0, options: Parameters<typeof advanceJourneys>[0] = {}) =>
  advanceJourneys({ now: new Date(Date.now() + minutesAhead * MINUTE), ...options });

const entries = (journeyId: string) =>
  db.journeyEntry.findMany({ where: { workspaceId: w.workspaceId, journeyId }, orderBy: [{ occurrence: "asc" }] });
const entryOf = async (journeyId: string, person: string) =>
  db.journeyEntry.findFirstOrThrow({
    where: { workspaceId: w.workspaceId, journeyId, profileId: w.profiles[person] },
    orderBy: { occurrence: "desc" },
  });
const messagesOf = (journeyId: string) =>
  db.message.findMany({ where: { workspaceId: w.workspaceId, campaign: { journeyId } } });
const stepOf = (entryId: string, nodeId: string) =>
  db.journeyStep.findUnique({ where: { workspaceId_entryId_nodeId: { workspaceId: w.workspaceId, entryId, nodeId } } });

describe("entering", () => {
  it("enters a live journey once per profile when re-entry is once, and only for events passing the filters", async () => {
    const start = eventName("signed_up");
    const id = await liveJourney([
      {
        ...entryNode(start, "done"),
        trigger: {
          type: "event",
          event: start,
          where: [{ key: "plan", comparison: { type: "string", op: "equals", value: "pro" } }],
        },
      } as Node,
      exitNode("done"),
    ]);
    await track(["ana", "ana"], start, { plan: "pro" });
    await track(["ben"], start, { plan: "basic" });
    await advance();
    await track(["ana"], start, { plan: "pro" });
    const rows = await entries(id);
    expect(rows.map((r) => [r.profileId, r.occurrence])).toEqual([[w.profiles.ana, 1]]);
    expect(rows[0]).toMatchObject({ state: "exited", exitReason: "completed", nodeId: "done" });
  });

  it("enters again only after the re-entry days, once the last entry has exited", async () => {
    const start = eventName("browsed");
    const id = await liveJourney([entryNode(start, "done", { type: "after", days: 2 }), exitNode("done")]);
    await track(["ana"], start);
    await track(["ana"], start);
    expect(await entries(id)).toHaveLength(1);
    await advance();
    await track(["ana"], start);
    expect(await entries(id)).toHaveLength(1);
    const later = new Date(Date.now() + 3 * 86_400_000);
    await db.$transaction((tx) =>
      enterJourneys(
        tx,
        w.workspaceId,
        [{ profileId: w.profiles.ana!, name: start, occurredAt: later, messageId: randomUUID(), properties: {} }],
        later,
      ),
    );
    expect((await entries(id)).map((r) => r.occurrence)).toEqual([1, 2]);
  });

  it("does not enter a journey that was never published", async () => {
    const start = eventName("draft_only");
    const { id } = await createJourney(w.actors.marketer, { name: "Draft" });
    await track(["ana"], start);
    expect(await entries(id)).toHaveLength(0);
  });
});

describe("sending", () => {
  it("queues exactly one Message after a duration wait", async () => {
    const start = eventName("joined");
    const id = await liveJourney([
      entryNode(start, "wait"),
      waitNode("wait", 60, "send"),
      sendNode("send", "done"),
      exitNode("done"),
    ]);
    await track(["ana"], start);
    await advance();
    expect(await entryOf(id, "ana")).toMatchObject({ state: "waiting", nodeId: "wait" });
    await advance(30);
    expect(await entryOf(id, "ana")).toMatchObject({ state: "waiting", nodeId: "wait" });
    expect(await messagesOf(id)).toHaveLength(0);
    await advance(61);
    await advance(120);
    const entry = await entryOf(id, "ana");
    expect(entry).toMatchObject({ state: "exited", exitReason: "completed", nodeId: "done" });
    const messages = await messagesOf(id);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ profileId: w.profiles.ana, status: "queued", occurrence: `entry:${entry.id}` });
    expect(await stepOf(entry.id, "send")).toMatchObject({ outcome: "queued", messageId: messages[0]!.id });
  });

  it("hands the message to delivery, which renders the entering event into it and sends it", async () => {
    const start = eventName("added_to_cart");
    const templateId = await publishedSms(w.actors.marketer, "Still thinking about the {{ event.product }}?", start);
    const id = await liveJourney([
      entryNode(start, "send"),
      { ...sendNode("send", "done"), templateId } as Node,
      exitNode("done"),
    ]);
    await track(["ben"], start, { product: "Boots" });
    await advance();
    await drainDelivery(sendExperiments);
    const [message] = await messagesOf(id);
    expect(message).toMatchObject({ profileId: w.profiles.ben, status: "delivered" });
    expect(message!.rendered).toMatchObject({ body: "Still thinking about the Boots?" });
  });

  it("records why a send was skipped and follows its onSkip", async () => {
    const start = eventName("ordered");
    const id = await liveJourney([
      entryNode(start, "first"),
      sendNode("first", "second", "continue"),
      sendNode("second", "done", "exit"),
      exitNode("done"),
    ]);
    // dan has no phone; eve opted out of SMS.
    await track(["dan", "eve"], start);
    await advance();
    const dan = await entryOf(id, "dan");
    expect(dan).toMatchObject({ state: "exited", exitReason: "skipped", nodeId: "second" });
    expect(await stepOf(dan.id, "first")).toMatchObject({ outcome: "skipped", skipReason: "no_address", exit: "next" });
    expect(await stepOf(dan.id, "second")).toMatchObject({ outcome: "skipped", skipReason: "no_address", exit: null });
    expect((await entryOf(id, "eve")).exitReason).toBe("skipped");
    expect(await stepOf((await entryOf(id, "eve")).id, "first")).toMatchObject({ skipReason: "no_consent" });
    expect(await messagesOf(id)).toHaveLength(0);
  });
});

describe("waiting for an event", () => {
  const journey = (start: string, done: string) =>
    liveJourney([
      entryNode(start, "wait"),
      {
        id: "wait",
        kind: "wait",
        wait: { type: "event", event: done, where: [], timeoutMinutes: 60 },
        exits: { event: "got-it", timeout: "timed-out" },
      },
      exitNode("got-it"),
      exitNode("timed-out"),
    ]);
  const call = (userId: string, event: string, occurredAt = new Date()) => ({
    type: "track",
    userId,
    event,
    properties: {},
    timestamp: occurredAt.toISOString(),
    messageId: randomUUID(),
  });

  it("is released by the event in the fold that stores it; late and imported events neither enter nor release", async () => {
    const [start, done] = [eventName("cart"), eventName("checkout")];
    const id = await journey(start, done);
    const late = new Date(Date.now() - TRIGGER_LATENESS_MS - MINUTE);
    await captureCalls(w.workspaceId, [call("ana", start), call("ben", start), call("cleo", start, late)]);
    await captureCalls(w.workspaceId, [call("dan", start)], { lane: "import" });
    await foldAll();
    await advance();
    expect(await entryOf(id, "ana")).toMatchObject({ state: "waiting", waitingFor: done, eventAt: null });
    // Late and imported events enter no one.
    expect((await entries(id)).map((e) => e.profileId).sort()).toEqual([w.profiles.ana, w.profiles.ben].sort());
    await captureCalls(w.workspaceId, [call("ana", done), call("ben", done, late)]);
    await foldAll();
    const released = await entryOf(id, "ana");
    expect(released.eventAt).not.toBeNull();
    expect(released.dueAt!.getTime()).toBeLessThanOrEqual(Date.now());
    expect((await entryOf(id, "ben")).eventAt).toBeNull();
    await advance();
    expect(await entryOf(id, "ana")).toMatchObject({ state: "exited", nodeId: "got-it" });
    expect(await entryOf(id, "ben")).toMatchObject({ state: "waiting", nodeId: "wait" });
  });

  it("takes the timeout exit when the wait is due and the event never came", async () => {
    const [start, done] = [eventName("cart"), eventName("checkout")];
    const id = await journey(start, done);
    await track(["ben"], start);
    await advance();
    await advance(59);
    expect(await entryOf(id, "ben")).toMatchObject({ state: "waiting" });
    await advance(61);
    const ben = await entryOf(id, "ben");
    expect(ben).toMatchObject({ state: "exited", exitReason: "completed", nodeId: "timed-out" });
    expect(await stepOf(ben.id, "wait")).toMatchObject({ outcome: "waited", exit: "timeout" });
  });
});

describe("splits", () => {
  it("sends profiles in the condition's segment down yes and the others down no", async () => {
    const start = eventName("visited");
    const id = await liveJourney([
      entryNode(start, "named"),
      {
        id: "named",
        kind: "split",
        split: {
          type: "condition",
          condition: {
            type: "segment",
            definition: {
              version: 1,
              root: {
                kind: "group",
                id: "root",
                op: "and",
                children: [
                  { kind: "trait", id: "n", field: "traits.first_name", comparison: { type: "string", op: "exists" } },
                ],
              },
            },
          },
        },
        exits: { yes: "is-named", no: "no-name" },
      },
      exitNode("is-named"),
      exitNode("no-name"),
    ]);
    // cleo has no first name.
    await track(["ana", "cleo"], start);
    await advance();
    expect((await entryOf(id, "ana")).nodeId).toBe("is-named");
    expect((await entryOf(id, "cleo")).nodeId).toBe("no-name");
  });

  it("draws random arms deterministically, and the holdout exits with reason holdout", async () => {
    const start = eventName("opened_app");
    const split: RandomSplit = {
      type: "random",
      arms: [
        { name: "a", percent: 50 },
        { name: "b", percent: 50 },
      ],
      holdoutPercent: 50,
    };
    const goal = eventName("converted");
    const id = await liveJourney(
      [
        entryNode(start, "draw"),
        { id: "draw", kind: "split", split, exits: { a: "arm-a", b: "arm-b" } },
        exitNode("arm-a"),
        exitNode("arm-b"),
      ],
      { goal: { event: goal, where: [], windowDays: 7 } },
    );
    const users = Array.from({ length: 24 }, (_, i) => `random-${i}`);
    await track(users, start);
    await advance();
    const rows = await entries(id);
    expect(rows).toHaveLength(users.length);
    const drawn = rows.map((r) =>
      drawArm(split, { journeyId: id, nodeId: "draw", occurrence: 1, profileId: r.profileId }),
    );
    rows.forEach((row, i) => {
      const draw = drawn[i]!;
      if (draw.holdout) expect(row).toMatchObject({ state: "exited", exitReason: "holdout", nodeId: "draw" });
      else expect(row).toMatchObject({ state: "exited", exitReason: "completed", nodeId: `arm-${draw.arm}` });
    });
    // 24 profiles at 50 %: all on one side has odds of 2^-23.
    expect(drawn.some((d) => d.holdout)).toBe(true);
    expect(drawn.some((d) => !d.holdout)).toBe(true);
    // Conversions after exiting count for the holdout and the arms alike, without changing why they exited.
    await track(users, goal);
    const after = await entries(id);
    expect(after.every((r) => r.convertedAt !== null)).toBe(true);
    expect(after.map((r) => r.exitReason)).toEqual(rows.map((r) => r.exitReason));
  });

  it("splits a large population close to its percentages", () => {
    const split: RandomSplit = {
      type: "random",
      arms: [
        { name: "a", percent: 70 },
        { name: "b", percent: 30 },
      ],
      holdoutPercent: 10,
    };
    const counts = { holdout: 0, a: 0, b: 0 };
    for (let i = 0; i < 20_000; i++) {
      const draw = drawArm(split, { journeyId: "j", nodeId: "s", occurrence: 1, profileId: `p${i}` });
      counts[draw.holdout ? "holdout" : (draw.arm as "a" | "b")]++;
    }
    expect(counts.holdout / 20_000).toBeCloseTo(0.1, 1);
    expect(counts.a / (counts.a + counts.b)).toBeCloseTo(0.7, 1);
  });
});

describe("engagement", () => {
  it("splits on whether the profile opened the message its earlier send step queued", async () => {
    const start = eventName("onboarded");
    const id = await liveJourney([
      entryNode(start, "send"),
      sendNode("send", "wait"),
      waitNode("wait", 60, "did-open"),
      {
        id: "did-open",
        kind: "split",
        split: { type: "condition", condition: { type: "engagement", action: "opened", sendNodeId: "send" } },
        exits: { yes: "opened", no: "not-opened" },
      },
      exitNode("opened"),
      exitNode("not-opened"),
    ]);
    await track(["ana", "ben"], start);
    await advance();
    const ana = await entryOf(id, "ana");
    const { messageId } = (await stepOf(ana.id, "send"))!;
    // As the open pixel records it.
    await db.message.update({
      where: { workspaceId_id: { workspaceId: w.workspaceId, id: messageId! } },
      data: { openedAt: new Date() },
    });
    await advance(61);
    expect((await entryOf(id, "ana")).nodeId).toBe("opened");
    expect((await entryOf(id, "ben")).nodeId).toBe("not-opened");
  });
});

describe("goal and pause", () => {
  it("exits an entry whose profile meets an exit criterion with reason exit_criteria", async () => {
    const [start, stop] = [eventName("subscribed"), eventName("unsubscribed")];
    const id = await liveJourney([entryNode(start, "wait"), waitNode("wait", 60, "done"), exitNode("done")], {
      exitCriteria: [{ type: "event", event: stop, where: [] }],
    });
    await track(["ana", "ben"], start);
    await advance();
    await track(["ana"], stop);
    expect(await entryOf(id, "ana")).toMatchObject({ state: "exited", exitReason: "exit_criteria", convertedAt: null });
    await advance(61);
    expect(await entryOf(id, "ben")).toMatchObject({ state: "exited", exitReason: "completed" });
  });

  it("exits an entry that reaches the goal with reason goal and counts the conversion", async () => {
    const [start, goal] = [eventName("trial"), eventName("subscribed")];
    const id = await liveJourney(
      [entryNode(start, "wait"), waitNode("wait", 60, "send"), sendNode("send", "done"), exitNode("done")],
      { goal: { event: goal, where: [], windowDays: 7 } },
    );
    await track(["ana", "ben"], start);
    await advance();
    await track(["ana"], goal);
    const ana = await entryOf(id, "ana");
    expect(ana).toMatchObject({ state: "exited", exitReason: "goal", dueAt: null });
    expect(ana.convertedAt).not.toBeNull();
    await advance(61);
    expect((await messagesOf(id)).map((m) => m.profileId)).toEqual([w.profiles.ben]);
  });

  it("holds everyone in place while paused and carries on when resumed", async () => {
    const start = eventName("registered");
    const id = await liveJourney([entryNode(start, "wait"), waitNode("wait", 60, "done"), exitNode("done")]);
    await track(["ana"], start);
    await advance();
    await setJourneyStatus(w.actors.marketer, id, "paused");
    await advance(61);
    expect(await entryOf(id, "ana")).toMatchObject({ state: "waiting", nodeId: "wait" });
    await track(["ben"], start);
    expect(await entries(id)).toHaveLength(1);
    await setJourneyStatus(w.actors.marketer, id, "live");
    await advance(61);
    expect(await entryOf(id, "ana")).toMatchObject({ state: "exited", nodeId: "done" });
  });
});

describe("crash safety", () => {
  it("sends once when two workers advance at once", async () => {
    const start = eventName("installed");
    const id = await liveJourney([entryNode(start, "send"), sendNode("send", "done"), exitNode("done")]);
    await track(["ana", "ben", "cleo", "dan", "eve", "finn"], start);
    const [a, b] = await Promise.all([
      advance(0, { workerId: "a", limit: 4 }),
      advance(0, { workerId: "b", limit: 4 }),
    ]);
    await advance();
    expect(a.failed + b.failed).toBe(0);
    const rows = await entries(id);
    expect(rows.every((r) => r.state === "exited")).toBe(true);
    // ana, ben and cleo can be sent SMS; dan has no phone, eve and finn no consent.
    const sent = (await messagesOf(id)).map((m) => m.profileId).sort();
    expect(sent).toEqual([w.profiles.ana, w.profiles.ben, w.profiles.cleo].sort());
  });

  it("rolls a run back when it crashes after queuing the message, and the retry queues it once", async () => {
    const start = eventName("upgraded");
    const id = await liveJourney([entryNode(start, "send"), sendNode("send", "done"), exitNode("done")]);
    await track(["ana"], start);
    const entry = await entryOf(id, "ana");
    const crash = await advance(0, {
      beforeCommit: (group) =>
        group.some((e) => e.id === entry.id) ? Promise.reject(new Error("killed")) : Promise.resolve(),
    });
    expect(crash.failed).toBeGreaterThanOrEqual(1);
    expect(await messagesOf(id)).toHaveLength(0);
    expect(await stepOf(entry.id, "send")).toBeNull();
    // The dead run's lease still holds it; once it has run out another run takes over.
    await advance(0);
    expect((await entryOf(id, "ana")).state).toBe("active");
    await advance(2);
    expect(await entryOf(id, "ana")).toMatchObject({ state: "exited", nodeId: "done" });
    expect(await messagesOf(id)).toHaveLength(1);
  });

  it("does not perform a step a run already recorded", async () => {
    const start = eventName("renewed");
    const id = await liveJourney([entryNode(start, "send"), sendNode("send", "done"), exitNode("done")]);
    await track(["ana"], start);
    const entry = await entryOf(id, "ana");
    // As if an earlier run had recorded the send (and its message) before this one claimed the entry.
    await db.journeyStep.create({
      data: {
        workspaceId: w.workspaceId,
        entryId: entry.id,
        nodeId: "send",
        kind: "send",
        exit: "next",
        outcome: "queued",
      },
    });
    await advance();
    expect(await entryOf(id, "ana")).toMatchObject({ state: "exited", nodeId: "done" });
    expect(await messagesOf(id)).toHaveLength(0);
  });
});

describe("publishing", () => {
  it("refuses a definition with an unpublished template, naming the field", async () => {
    const { id } = await createJourney(w.actors.marketer, { name: "Bad" });
    const start = eventName("x");
    const nodes = [
      entryNode(start, "send"),
      { ...sendNode("send", "done"), templateId: "nope" } as Node,
      exitNode("done"),
    ];
    await expect(publishJourney(w.actors.marketer, id, { version: 1, nodes })).rejects.toMatchObject({
      status: 422,
      code: "journey_invalid",
      field: "nodes.1.templateId",
    });
    expect(await db.journeyVersion.count({ where: { workspaceId: w.workspaceId, journeyId: id } })).toBe(0);
  });

  it("keeps entries on the version they entered when a new one is published", async () => {
    const start = eventName("signed_up");
    const id = await liveJourney([entryNode(start, "wait"), waitNode("wait", 60, "done"), exitNode("done")]);
    await track(["ana"], start);
    const v2 = await publishJourney(w.actors.marketer, id, {
      version: 1,
      nodes: [entryNode(start, "wait"), waitNode("wait", 10, "done"), exitNode("done")],
    });
    await track(["ben"], start);
    await advance();
    await advance(11);
    expect(await entryOf(id, "ben")).toMatchObject({ versionId: v2.versionId, state: "exited" });
    const ana = await entryOf(id, "ana");
    expect(ana.versionId).not.toBe(v2.versionId);
    expect(ana).toMatchObject({ state: "waiting", nodeId: "wait" });
  });
});

describe("other steps", () => {
  it("updates a trait, and records a webhook as not supported rather than calling it", async () => {
    const start = eventName("vip");
    const id = await liveJourney([
      entryNode(start, "tag"),
      { id: "tag", kind: "update_trait", key: "tier", value: "gold", exits: { next: "hook" } },
      { id: "hook", kind: "webhook", url: "https://example.com/hook", method: "POST", exits: { next: "done" } },
      exitNode("done"),
    ]);
    await track(["ben"], start);
    await advance();
    const ben = await entryOf(id, "ben");
    expect(ben).toMatchObject({ state: "exited", nodeId: "done" });
    const profile = await db.profile.findUniqueOrThrow({
      where: { workspaceId_id: { workspaceId: w.workspaceId, id: w.profiles.ben! } },
    });
    expect((profile.traits as Record<string, unknown>).tier).toBe("gold");
    expect(await stepOf(ben.id, "hook")).toMatchObject({ outcome: "skipped", skipReason: "not_supported" });
  });

  it("waits until the profile's local time or best hour", () => {
    const now = new Date("2026-03-10T12:00:00Z");
    const local = waitUntil({ type: "local_time", at: "09:30" }, now, { activeHour: null }, "Europe/Berlin");
    expect(local.dueAt.toISOString()).toBe("2026-03-11T08:30:00.000Z");
    const best = waitUntil({ type: "best_hour" }, now, { activeHour: 19 }, "America/New_York");
    expect(best.dueAt.toISOString()).toBe("2026-03-10T23:00:00.000Z");
  });
});

describe("groups", () => {
  // Entries standing at the wait (ana and ben, due once it is over) and at the entry (cleo and dan, just entered).
  async function twoGroups(): Promise<{ id: string; waiting: string[]; entering: string[] }> {
    const start = eventName("grouped");
    const id = await liveJourney([
      entryNode(start, "wait"),
      waitNode("wait", 60, "send"),
      sendNode("send", "done"),
      exitNode("done"),
    ]);
    await track(["ana", "ben"], start);
    await advance();
    await track(["cleo", "dan"], start);
    const ids = async (people: string[]) => Promise.all(people.map(async (p) => (await entryOf(id, p)).id));
    return { id, waiting: await ids(["ana", "ben"]), entering: await ids(["cleo", "dan"]) };
  }
  const stepsOf = (entryIds: string[]) =>
    db.journeyStep.findMany({ where: { workspaceId: w.workspaceId, entryId: { in: entryIds } } });

  it("runs the entries of one claim that stand at different steps as one group per step", async () => {
    const { id, waiting, entering } = await twoGroups();
    const groups: string[][] = [];
    await advance(61, {
      beforeCommit: (group) => {
        const mine = group.map((e) => e.id).filter((e) => [...waiting, ...entering].includes(e));
        if (mine.length > 0) groups.push(mine.sort());
        return Promise.resolve();
      },
    });
    expect(groups.sort()).toEqual([[...waiting].sort(), [...entering].sort()].sort());
    expect(await entryOf(id, "ana")).toMatchObject({ state: "exited", nodeId: "done", exitReason: "completed" });
    expect(await entryOf(id, "cleo")).toMatchObject({ state: "waiting", nodeId: "wait" });
    expect((await messagesOf(id)).map((m) => m.profileId).sort()).toEqual([w.profiles.ana, w.profiles.ben].sort());
    expect((await stepsOf(waiting)).map((s) => s.nodeId).sort()).toEqual([
      "done",
      "done",
      "entry",
      "entry",
      "send",
      "send",
      "wait",
      "wait",
    ]);
    expect((await stepsOf(entering)).map((s) => s.nodeId)).toEqual(["entry", "entry"]);
  });

  it("takes entries that part at a split and meet again through the shared steps once each", async () => {
    const start = eventName("rejoined");
    const split: RandomSplit = {
      type: "random",
      arms: [
        { name: "a", percent: 50 },
        { name: "b", percent: 50 },
      ],
      holdoutPercent: 0,
    };
    const id = await liveJourney([
      entryNode(start, "draw"),
      { id: "draw", kind: "split", split, exits: { a: "tag", b: "send" } },
      { id: "tag", kind: "update_trait", key: "rejoined", value: "a", exits: { next: "send" } },
      sendNode("send", "done"),
      exitNode("done"),
    ]);
    await track(["ana", "ben", "cleo"], start);
    await advance();
    const rows = await entries(id);
    expect(rows.every((r) => r.state === "exited" && r.nodeId === "done")).toBe(true);
    const armA = rows.filter((r) => {
      const draw = drawArm(split, { journeyId: id, nodeId: "draw", occurrence: 1, profileId: r.profileId });
      return !draw.holdout && draw.arm === "a";
    });
    // entry, draw, send and done for everyone, and the trait step for arm a.
    expect(await stepsOf(rows.map((r) => r.id))).toHaveLength(rows.length * 4 + armA.length);
    expect((await messagesOf(id)).map((m) => m.profileId).sort()).toEqual(
      [w.profiles.ana, w.profiles.ben, w.profiles.cleo].sort(),
    );
  });

  it("keeps what a group committed when the next group of the claim crashes, and runs the crashed one once after its lease", async () => {
    const { id, waiting, entering } = await twoGroups();
    const crash = await advance(61, {
      beforeCommit: (group) =>
        group.some((e) => waiting.includes(e.id)) ? Promise.reject(new Error("killed")) : Promise.resolve(),
    });
    expect(crash.failed).toBe(2);
    expect(await entryOf(id, "cleo")).toMatchObject({ state: "waiting", nodeId: "wait" });
    expect(await entryOf(id, "ana")).toMatchObject({ state: "waiting", nodeId: "wait" });
    expect(await stepsOf(waiting)).toHaveLength(2);
    expect(await messagesOf(id)).toHaveLength(0);
    // Still leased to the dead run, then taken again once the lease has run out.
    await advance(61.5);
    expect(await messagesOf(id)).toHaveLength(0);
    await advance(63);
    expect((await messagesOf(id)).map((m) => m.profileId).sort()).toEqual([w.profiles.ana, w.profiles.ben].sort());
    expect(await stepsOf(waiting)).toHaveLength(8);
    expect(await stepsOf(entering)).toHaveLength(2);
  });

  it("follows the steps an earlier run recorded when a group runs again after its lease, and performs only the rest", async () => {
    const start = eventName("regrouped");
    const id = await liveJourney([
      entryNode(start, "send"),
      sendNode("send", "tag"),
      { id: "tag", kind: "update_trait", key: "regrouped", value: start, exits: { next: "done" } },
      exitNode("done"),
    ]);
    await track(["ana", "ben", "cleo"], start);
    const [ana, ben, cleo] = await Promise.all(["ana", "ben", "cleo"].map((p) => entryOf(id, p)));
    await advance(0, {
      beforeCommit: (group) =>
        group.some((e) => [ana!.id, ben!.id, cleo!.id].includes(e.id))
          ? Promise.reject(new Error("killed"))
          : Promise.resolve(),
    });
    expect(await messagesOf(id)).toHaveLength(0);
    // As if a run had recorded ana's send (its message with it) before the lease ran out.
    await db.journeyStep.create({
      data: {
        workspaceId: w.workspaceId,
        entryId: ana!.id,
        nodeId: "send",
        kind: "send",
        exit: "next",
        outcome: "queued",
      },
    });
    await advance(2);
    for (const entry of [ana!, ben!, cleo!])
      expect(
        await db.journeyEntry.findUniqueOrThrow({
          where: { workspaceId_id: { workspaceId: w.workspaceId, id: entry.id } },
        }),
      ).toMatchObject({ state: "exited", nodeId: "done", leaseUntil: null });
    expect((await messagesOf(id)).map((m) => m.profileId).sort()).toEqual([w.profiles.ben, w.profiles.cleo].sort());
    expect(await stepsOf([ana!.id, ben!.id, cleo!.id])).toHaveLength(12);
    const traits = await db.profile.findMany({
      where: { workspaceId: w.workspaceId, id: { in: [w.profiles.ana!, w.profiles.ben!, w.profiles.cleo!] } },
    });
    expect(traits.every((p) => (p.traits as Record<string, unknown>).regrouped === start)).toBe(true);
  });
});
