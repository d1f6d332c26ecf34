import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as journeyDraft from "@/app/api/journeys/[journeyId]/draft/route";
import * as journeyPublish from "@/app/api/journeys/[journeyId]/publish/route";
import * as journeyById from "@/app/api/journeys/[journeyId]/route";
import * as journeyStats from "@/app/api/journeys/[journeyId]/stats/route";
import * as journeyStatus from "@/app/api/journeys/[journeyId]/status/route";
import * as journeyVersion from "@/app/api/journeys/[journeyId]/versions/[version]/route";
import * as journeys from "@/app/api/journeys/route";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { asJsonInput } from "@/lib/db/json-object";
import { DEFAULT_POLICY } from "@/lib/delivery/policy/schema";
import { journeyStatsSchema, type JourneyDefinitionInput, type JourneyStats } from "@/lib/journeys";
import { advanceJourneys } from "@/lib/journeys/server";
import { ingestCalls } from "@/lib/profiles/ingest/ingest-calls";
import { createDeliveryWorld, publishedSms, type DeliveryWorld } from "./support/delivery-fixtures";
import { request } from "./support/fixtures";

let w: DeliveryWorld;
let smsTemplateId: string;
beforeAll(async () => {
  w = await createDeliveryWorld();
  smsTemplateId = await publishedSms(w.actors.marketer, "Hello from a journey");
  // No frequency caps, so a send is skipped only for consent or a missing address (fixtures' PEOPLE).
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

const params = (journeyId: string) => ({ params: Promise.resolve({ journeyId }) });
const eventName = (what: string) => `${what}_${randomUUID().slice(0, 8)}`;

/** entry → send (skips exit) → wait for `done` (60 min) → got-it | timed-out; goal `goal`. */
const definition = (start: string, done: string, goal: string): JourneyDefinitionInput => ({
  version: 1,
  nodes: [
    {
      id: "entry",
      kind: "entry",
      trigger: { type: "event", event: start, where: [] },
      reentry: { type: "once" },
      exits: { next: "send" },
    },
    { id: "send", kind: "send", templateId: smsTemplateId, onSkip: "exit", exits: { next: "wait" } },
    {
      id: "wait",
      kind: "wait",
      wait: { type: "event", event: done, where: [], timeoutMinutes: 60 },
      exits: { event: "got-it", timeout: "timed-out" },
    },
    { id: "got-it", kind: "exit", exits: {} },
    { id: "timed-out", kind: "exit", exits: {} },
  ],
  goal: { event: goal, where: [], windowDays: 7 },
});

async function create(actor: Actor, name = `Journey ${randomUUID().slice(0, 6)}`) {
  return journeys.POST(await request("/api/journeys", { method: "POST", actor, body: { name } }));
}
async function createdId(): Promise<string> {
  const response = await create(w.actors.marketer);
  expect(response.status).toBe(201);
  return (await response.json()).journey.id;
}
async function saveDraft(actor: Actor, id: string, body: unknown) {
  return journeyDraft.PUT(await request(`/api/journeys/${id}/draft`, { method: "PUT", actor, body }), params(id));
}
async function publish(actor: Actor, id: string, body?: unknown) {
  return journeyPublish.POST(await request(`/api/journeys/${id}/publish`, { method: "POST", actor, body }), params(id));
}
async function setStatus(actor: Actor, id: string, status: unknown) {
  return journeyStatus.POST(
    await request(`/api/journeys/${id}/status`, { method: "POST", actor, body: { status } }),
    params(id),
  );
}
async function stats(id: string, query = ""): Promise<Response> {
  return journeyStats.GET(await request(`/api/journeys/${id}/stats${query}`, { actor: w.actors.analyst }), params(id));
}
async function detail(id: string) {
  return journeyById.GET(await request(`/api/journeys/${id}`, { actor: w.actors.pm }), params(id));
}
async function version(id: string, number: string) {
  return journeyVersion.GET(await request(`/api/journeys/${id}/versions/${number}`, { actor: w.actors.analyst }), {
    params: Promise.resolve({ journeyId: id, version: number }),
  });
}

async function track(userIds: readonly string[], event: string) {
  const results = await ingestCalls(
    w.workspaceId,
    userIds.map((userId) => ({
      type: "track",
      userId,
      event,
      properties: {},
      timestamp: new Date().toISOString(),
      messageId: randomUUID(),
    })),
  );
  expect(results.every((r: { status: string }) => r.status === "accepted")).toBe(true);
}

/** What a journey wrote: a failed call must leave every count as it was. */
const writes = async (journeyId: string) => ({
  journey: await db.journey.findUniqueOrThrow({
    where: { workspaceId_id: { workspaceId: w.workspaceId, id: journeyId } },
    select: { status: true, draft: true, currentVersionId: true, updatedAt: true },
  }),
  versions: await db.journeyVersion.count({ where: { workspaceId: w.workspaceId, journeyId } }),
  campaigns: await db.campaign.count({ where: { workspaceId: w.workspaceId, journeyId } }),
  audit: await db.auditLog.count({ where: { workspaceId: w.workspaceId, entityId: journeyId } }),
});

/** The stats computed the slow way, from every raw JourneyEntry and JourneyStep row of the version. */
async function oracle(journeyId: string, versionNumber: number) {
  const v = await db.journeyVersion.findUniqueOrThrow({
    where: { workspaceId_journeyId_version: { workspaceId: w.workspaceId, journeyId, version: versionNumber } },
  });
  const entries = await db.journeyEntry.findMany({ where: { workspaceId: w.workspaceId, journeyId, versionId: v.id } });
  const steps = await db.journeyStep.findMany({
    where: { workspaceId: w.workspaceId, entryId: { in: entries.map((e) => e.id) } },
  });
  const tally = (keys: (string | null)[]) => {
    const out: Record<string, number> = {};
    for (const k of keys) if (k !== null) out[k] = (out[k] ?? 0) + 1;
    return out;
  };
  const exited = entries.filter((e) => e.state === "exited");
  const nodeIds = (v.definition as { nodes: { id: string }[] }).nodes.map((n) => n.id);
  return {
    totals: {
      entered: entries.length,
      inJourney: entries.length - exited.length,
      exited: tally(exited.map((e) => e.exitReason)),
      converted: entries.filter((e) => e.convertedAt !== null).length,
    },
    nodes: nodeIds.map((nodeId) => {
      const ran = steps.filter((s) => s.nodeId === nodeId);
      const here = entries.filter((e) => e.nodeId === nodeId);
      return {
        nodeId,
        reached: new Set([...ran.map((s) => s.entryId), ...here.map((e) => e.id)]).size,
        now: here.filter((e) => e.state !== "exited").length,
        passed: ran.length,
        byExit: tally(ran.map((s) => s.exit)),
        exited: tally(here.filter((e) => e.state === "exited").map((e) => e.exitReason)),
      };
    }),
  };
}

const pick = (s: JourneyStats) => ({
  totals: s.totals,
  nodes: s.nodes.map(({ nodeId, reached, now, passed, byExit, exited }) => ({
    nodeId,
    reached,
    now,
    passed,
    byExit,
    exited,
  })),
});

describe("journeys API", () => {
  it("creates a draft journey that the list shows with no version and no entries", async () => {
    const response = await create(w.actors.marketer, "  Welcome  ");
    expect(response.status).toBe(201);
    const { journey } = await response.json();
    expect(journey).toMatchObject({ name: "Welcome", status: "draft" });
    const list = await (await journeys.GET(await request("/api/journeys", { actor: w.actors.analyst }))).json();
    expect(list.journeys.find((j: { id: string }) => j.id === journey.id)).toMatchObject({
      name: "Welcome",
      status: "draft",
      version: null,
      entered: 0,
      inJourney: 0,
      converted: 0,
    });
  });

  it("saves an incomplete draft and answers with the issues that would stop its publishing", async () => {
    const id = await createdId();
    const draft = definition(eventName("start"), eventName("done"), eventName("goal"));
    const nodes = draft.nodes.map((n) =>
      n.id === "send" ? { ...n, templateId: "not-a-template" } : n.id === "entry" ? { ...n, exits: {} } : n,
    );
    const response = await saveDraft(w.actors.marketer, id, { ...draft, nodes });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.issues.map((i: { field: string }) => i.field)).toEqual(
      expect.arrayContaining(["nodes.0.exits.next", "nodes.1.templateId"]),
    );
    const { journey } = await (await detail(id)).json();
    expect(journey.draft.nodes[1].templateId).toBe("not-a-template");
    expect(journey.versions).toEqual([]);
  });

  it("refuses to publish an invalid draft with 422 naming the step's field, and writes nothing", async () => {
    const id = await createdId();
    const draft = definition(eventName("start"), eventName("done"), eventName("goal"));
    const nodes = draft.nodes.map((n) => (n.id === "wait" ? { ...n, exits: { event: "got-it" } } : n));
    expect((await saveDraft(w.actors.marketer, id, { ...draft, nodes })).status).toBe(200);
    const before = await writes(id);
    const response = await publish(w.actors.marketer, id);
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error).toMatchObject({ code: "journey_invalid", field: "nodes.2.exits.timeout" });
    expect(error.issues).toEqual([
      expect.objectContaining({ nodeId: "wait", field: "nodes.2.exits.timeout" }),
      expect.objectContaining({ nodeId: "timed-out", field: "nodes.4" }),
    ]);
    expect(await writes(id)).toEqual(before);
  });

  it("refuses to publish with no saved draft and no definition, naming definition", async () => {
    const id = await createdId();
    const before = await writes(id);
    const response = await publish(w.actors.marketer, id);
    expect(response.status).toBe(409);
    expect((await response.json()).error.field).toBe("definition");
    expect(await writes(id)).toEqual(before);
  });

  it("publishes the saved draft as version 1, goes live, and serves that version's definition", async () => {
    const id = await createdId();
    const draft = definition(eventName("start"), eventName("done"), eventName("goal"));
    const saved = await (await saveDraft(w.actors.marketer, id, draft)).json();
    expect(saved.issues).toEqual([]);
    const response = await publish(w.actors.marketer, id);
    expect(response.status).toBe(200);
    expect((await response.json()).published).toMatchObject({ version: 1, status: "live" });
    const { journey } = await (await detail(id)).json();
    expect(journey).toMatchObject({ status: "live", version: 1 });
    expect(journey.versions).toEqual([
      { version: 1, publishedAt: expect.any(String), publishedBy: w.actors.marketer.email },
    ]);
    const v1 = await version(id, "1");
    expect(v1.status).toBe(200);
    const body = await v1.json();
    expect(body.version).toMatchObject({ version: 1, current: true });
    expect(body.version.definition).toEqual(saved.draft);
  });

  it("publishes a definition sent in the body as the next version", async () => {
    const id = await createdId();
    const first = definition(eventName("start"), eventName("done"), eventName("goal"));
    expect((await publish(w.actors.admin, id, { definition: first })).status).toBe(200);
    const second = { ...first, goal: undefined };
    const response = await publish(w.actors.admin, id, { definition: second });
    expect((await response.json()).published).toMatchObject({ version: 2 });
    expect((await (await version(id, "1")).json()).version).toMatchObject({ current: false });
    expect((await (await version(id, "2")).json()).version.definition.goal).toBeUndefined();
  });

  it("counts per step what the raw entries and steps say, for the current version and for ?version=n", async () => {
    const [start, done, goal] = [eventName("start"), eventName("done"), eventName("goal")];
    const id = await createdId();
    await saveDraft(w.actors.marketer, id, definition(start, done, goal));
    await publish(w.actors.marketer, id);
    // ana, ben, cleo get the SMS and wait; dan (no phone), eve and finn (no consent) exit skipped at send.
    await track(["ana", "ben", "cleo", "dan", "eve", "finn"], start);
    await advanceJourneys({ now: new Date() });
    await track(["ana"], done);
    await advanceJourneys({ now: new Date() });
    // ben converts while waiting (exits with goal at the wait); dan converts after exiting (keeps skipped).
    await track(["ben", "dan"], goal);

    const response = await stats(id);
    expect(response.status).toBe(200);
    const { stats: s } = (await response.json()) as { stats: JourneyStats };
    expect(s.version).toBe(1);
    expect(Date.parse(s.asOf)).toBeLessThanOrEqual(Date.now());
    expect(pick(s)).toEqual(await oracle(id, 1));
    // The same, written out by hand.
    expect(s.totals).toEqual({ entered: 6, inJourney: 1, exited: { skipped: 3, completed: 1, goal: 1 }, converted: 2 });
    const node = (nodeId: string) => s.nodes.find((n) => n.nodeId === nodeId)!;
    expect(node("entry")).toMatchObject({ reached: 6, passed: 6, now: 0, byExit: { next: 6 } });
    expect(node("send")).toMatchObject({ reached: 6, passed: 6, byExit: { next: 3 }, exited: { skipped: 3 } });
    expect(node("wait")).toMatchObject({ reached: 3, now: 1, passed: 1, byExit: { event: 1 }, exited: { goal: 1 } });
    expect(node("got-it")).toMatchObject({ reached: 1, passed: 1, exited: { completed: 1 } });
    expect(node("timed-out")).toMatchObject({ reached: 0, passed: 0, now: 0, exited: {} });
    // The send step's funnel: three SMS queued, none sent by a delivery worker yet; rates too few to draw.
    expect(journeyStatsSchema.parse(s)).toEqual(s);
    expect(node("send").messages).toMatchObject({ channel: "sms", queued: 3, sent: 0, delivered: 0, converted: 0 });
    expect(node("send").messages!.rates).toMatchObject({ deliveryRate: { n: 0, tooFew: true }, openRate: null });
    expect(node("wait").messages).toBeNull();
    expect(s.goal.rate).toMatchObject({ numerator: 2, n: 6, tooFew: true });
    expect(s.goal.timeToGoal.n).toBe(2);
    expect(s.randomSplits).toEqual([]);

    const list = await (await journeys.GET(await request("/api/journeys", { actor: w.actors.pm }))).json();
    expect(list.journeys.find((j: { id: string }) => j.id === id)).toMatchObject({
      version: 1,
      entered: 6,
      inJourney: 1,
      converted: 2,
    });

    // Version 2 is current and nobody has entered it; version 1 keeps its counts.
    await publish(w.actors.marketer, id, { definition: definition(start, done, goal) });
    const current = ((await (await stats(id)).json()) as { stats: JourneyStats }).stats;
    expect(current.version).toBe(2);
    expect(current.totals).toEqual({ entered: 0, inJourney: 0, exited: {}, converted: 0 });
    expect(current.nodes.every((n) => n.reached === 0)).toBe(true);
    const old = ((await (await stats(id, "?version=1")).json()) as { stats: JourneyStats }).stats;
    expect(pick(old)).toEqual(await oracle(id, 1));
  });

  it("answers empty stats for a journey never published", async () => {
    const id = await createdId();
    const { stats: s } = await (await stats(id)).json();
    expect(s).toMatchObject({ version: null, nodes: [], totals: { entered: 0, converted: 0 } });
  });

  it("pauses a live journey so it takes no entries, then resumes it", async () => {
    const start = eventName("start");
    const id = await createdId();
    await publish(w.actors.marketer, id, { definition: definition(start, eventName("done"), eventName("goal")) });
    const paused = await setStatus(w.actors.marketer, id, "paused");
    expect(paused.status).toBe(200);
    expect((await paused.json()).journey).toEqual({ id, status: "paused" });
    expect(await db.campaign.findMany({ where: { workspaceId: w.workspaceId, journeyId: id } })).toEqual([
      expect.objectContaining({ status: "paused" }),
    ]);
    await track(["ana"], start);
    expect(await db.journeyEntry.count({ where: { workspaceId: w.workspaceId, journeyId: id } })).toBe(0);

    expect((await setStatus(w.actors.admin, id, "live")).status).toBe(200);
    await track(["ana"], start);
    expect(await db.journeyEntry.count({ where: { workspaceId: w.workspaceId, journeyId: id } })).toBe(1);
    expect((await (await detail(id)).json()).journey.status).toBe("live");
  });

  it("keeps an archived journey out of the list unless archived=show, and refuses to publish or edit it", async () => {
    const id = await createdId();
    const draft = definition(eventName("start"), eventName("done"), eventName("goal"));
    await publish(w.actors.marketer, id, { definition: draft });
    expect((await setStatus(w.actors.marketer, id, "archived")).status).toBe(200);
    const ids = async (query: string) =>
      (
        await (await journeys.GET(await request(`/api/journeys${query}`, { actor: w.actors.marketer }))).json()
      ).journeys.map((j: { id: string }) => j.id);
    expect(await ids("")).not.toContain(id);
    expect(await ids("?archived=show")).toContain(id);
    const before = await writes(id);
    expect((await publish(w.actors.marketer, id, { definition: draft })).status).toBe(409);
    expect((await saveDraft(w.actors.marketer, id, draft)).status).toBe(409);
    expect((await setStatus(w.actors.marketer, id, "live")).status).toBe(409);
    expect(await writes(id)).toEqual(before);
  });

  it("refuses publishing, pausing and editing to the roles that only read, and writes nothing", async () => {
    const id = await createdId();
    const draft = definition(eventName("start"), eventName("done"), eventName("goal"));
    await saveDraft(w.actors.marketer, id, draft);
    const before = await writes(id);
    for (const actor of [w.actors.analyst, w.actors.pm]) {
      expect((await publish(actor, id)).status).toBe(403);
      expect((await saveDraft(actor, id, { ...draft, goal: undefined })).status).toBe(403);
      expect((await setStatus(actor, id, "paused")).status).toBe(403);
      expect((await create(actor)).status).toBe(403);
    }
    expect(await writes(id)).toEqual(before);
    // They may read it.
    expect((await detail(id)).status).toBe(200);
    expect((await stats(id)).status).toBe(200);
  });

  it("answers bad bodies with 400 naming the field, and changes nothing", async () => {
    const id = await createdId();
    const before = await writes(id);
    const field = async (response: Response, status = 400) => {
      expect(response.status).toBe(status);
      return (await response.json()).error.field;
    };
    expect(await field(await create(w.actors.marketer, "   "))).toBe("name");
    const draft = definition(eventName("start"), eventName("done"), eventName("goal"));
    const badWait = draft.nodes.map((n) => (n.id === "wait" ? { ...n, wait: { type: "duration", minutes: 0 } } : n));
    expect(await field(await saveDraft(w.actors.marketer, id, { ...draft, nodes: badWait }))).toBe(
      "nodes.2.wait.minutes",
    );
    expect(await field(await saveDraft(w.actors.marketer, id, { ...draft, nodes: [] }))).toBe("nodes");
    expect(await field(await setStatus(w.actors.marketer, id, "draft"))).toBe("status");
    expect(await field(await saveDraft(w.actors.marketer, id, "{"))).toBe("(body)");
    // A schema-invalid definition sent to publish is publishJourney's 422, naming the step's field.
    expect(await field(await publish(w.actors.marketer, id, { definition: { ...draft, nodes: badWait } }), 422)).toBe(
      "nodes.2.wait.minutes",
    );
    expect(await writes(id)).toEqual(before);
  });

  it("answers unknown journeys and versions with 404, and a malformed version with 400, naming the field", async () => {
    const id = await createdId();
    await publish(w.actors.marketer, id, {
      definition: definition(eventName("start"), eventName("done"), eventName("goal")),
    });
    const error = async (response: Response) => [response.status, (await response.json()).error.field];
    expect(await error(await detail("no-such-journey"))).toEqual([404, "journeyId"]);
    expect(await error(await stats("no-such-journey"))).toEqual([404, "journeyId"]);
    expect(await error(await saveDraft(w.actors.marketer, "no-such-journey", definition("a", "b", "c")))).toEqual([
      404,
      "journeyId",
    ]);
    expect(await error(await publish(w.actors.marketer, "no-such-journey"))).toEqual([404, "journeyId"]);
    expect(
      await error(await publish(w.actors.marketer, "no-such-journey", { definition: definition("a", "b", "c") })),
    ).toEqual([404, "journeyId"]);
    expect(await error(await setStatus(w.actors.marketer, "no-such-journey", "paused"))).toEqual([404, "journeyId"]);
    expect(await error(await version(id, "7"))).toEqual([404, "version"]);
    expect(await error(await version(id, "first"))).toEqual([400, "version"]);
    expect(await error(await version(id, "0"))).toEqual([400, "version"]);
    expect(await error(await stats(id, "?version=x"))).toEqual([400, "version"]);
    expect(await error(await stats(id, "?version=9"))).toEqual([404, "version"]);
    // Another workspace's journey is as unknown as a missing one.
    const other = await createDeliveryWorld();
    expect(
      await error(
        await journeyById.GET(await request(`/api/journeys/${id}`, { actor: other.actors.admin }), params(id)),
      ),
    ).toEqual([404, "journeyId"]);
  });
});
