import { beforeAll, describe, expect, it } from "vitest";
import * as personaAvatar from "@/app/api/personas/[personaId]/avatar/route";
import * as personaInsights from "@/app/api/personas/[personaId]/insights/route";
import * as personaById from "@/app/api/personas/[personaId]/route";
import * as subPersonas from "@/app/api/personas/[personaId]/sub-personas/route";
import * as validations from "@/app/api/personas/[personaId]/validations/route";
import * as personas from "@/app/api/personas/route";
import * as segmentById from "@/app/api/segments/[segmentId]/route";
import * as traitFlags from "@/app/api/traits/flags/route";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { addMonthsUtc } from "@/lib/personas/freshness";
import { assignPersonas } from "@/lib/personas/assign-personas";
import { audienceStats } from "@/lib/personas/audience-stats";
import { checkDuePersonas } from "@/lib/personas/check-due-personas";
import { listPersonas } from "@/lib/personas/list-personas";
import { type PersonaInsights } from "@/lib/personas/get-persona-insights";
import { claimInsights } from "@/lib/personas/compute-persona-insights";
import { ingestCalls } from "@/lib/profiles/ingest/ingest-calls";
import { countAudienceTotal } from "@/lib/segments/count-audience";
import { createSegment } from "@/lib/segments/create-segment";
import { definitionSchema } from "@/lib/segments/schema";
import { inSegmentDefinition } from "@/lib/segments/saved-audience";
import { listAudience, sampleAudience } from "@/lib/segments/list-audience";
import { request } from "./support/fixtures";
import { createIngestWorkspace } from "./support/ingest-fixtures";

let actors: Record<Role, Actor>;
let workspaceId: string;
let allSegmentId: string;

const HOUR = 3_600_000;
const day = new Date(Date.now() - 3 * 24 * HOUR);
const at = (hour: number) =>
  new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour, 15)).toISOString();
const and = (...children: object[]) => ({ root: { kind: "group", id: "root", op: "and", children } });
const trait = (id: string, field: string, value: string) => ({
  kind: "trait",
  id,
  field,
  comparison: { type: "string", op: "equals", value },
});
const params = (personaId: string) => ({ params: Promise.resolve({ personaId }) });
const json = async (response: Response) => ({ status: response.status, body: await response.json() });

/*
 * Five customers, their figures worked out by hand:
 * platform ios, ios, ios, android, web → 60 % iOS; LTV 0, 100, 200, 300, 1000 → median 200, mean 320;
 * active hours (UTC, no timezone) 19, 20, 20, 9, 21 → 4 of 5 in 18–22 h;
 * push: 4 delivered, 2 clicked (50 %); e-mail: 4 delivered, 1 opened, 0 clicked.
 */
const CUSTOMERS = [
  { id: "c1", platform: "ios", country: "DE", revenue: [], hour: 19 },
  { id: "c2", platform: "ios", country: "DE", revenue: [100], hour: 20 },
  { id: "c3", platform: "ios", country: "FR", revenue: [120, 80], hour: 20 },
  { id: "c4", platform: "android", country: "FR", revenue: [300], hour: 9 },
  { id: "c5", platform: "web", country: "DE", revenue: [400, 600], hour: 21 },
];

beforeAll(async () => {
  ({ actors, workspaceId } = await createIngestWorkspace());
  let n = 0;
  const calls: object[] = [];
  for (const c of CUSTOMERS) {
    calls.push({
      type: "identify",
      userId: c.id,
      traits: { email: `${c.id}@example.com`, platform: c.platform, country: c.country, health_condition: "none" },
      timestamp: at(c.hour),
      messageId: `id-${c.id}`,
    });
    for (const revenue of c.revenue)
      calls.push({
        type: "track",
        userId: c.id,
        event: "purchase",
        properties: { revenue },
        timestamp: at(c.hour),
        messageId: `p-${n++}`,
      });
  }
  const message = (userId: string, name: string, channel: string, campaignId: string) =>
    calls.push({
      type: "track",
      userId,
      event: name,
      properties: { channel, campaignId },
      timestamp: at(CUSTOMERS.find((c) => c.id === userId)!.hour),
      messageId: `m-${n++}`,
    });
  for (const id of ["c1", "c2", "c3", "c4"]) {
    message(id, "message_delivered", "push", "camp-push");
    message(id, "message_delivered", "email", "camp-mail");
  }
  message("c1", "message_opened", "push", "camp-push");
  message("c1", "message_clicked", "push", "camp-push");
  message("c2", "message_clicked", "push", "camp-push");
  message("c2", "message_clicked", "push", "camp-push"); // a second click on the same message: one clicker
  message("c3", "message_opened", "email", "camp-mail");
  const results = await ingestCalls(workspaceId, calls);
  expect(results.every((r: { status: string }) => r.status === "accepted")).toBe(true);
  allSegmentId = (
    await createSegment(actors.marketer, {
      name: "Everyone who bought or not",
      description: "",
      definition: definitionSchema.parse(and()),
    })
  ).id;
});

const readInsights = async (id: string, actor = actors.analyst) =>
  (await json(await personaInsights.GET(await request(`/api/personas/${id}/insights`, { actor }), params(id)))).body
    .insights as PersonaInsights;

/** Asks again, as the page does, until the background computation is done. */
async function settledInsights(id: string, actor = actors.analyst) {
  for (let i = 0; i < 600; i++) {
    const insights = await readInsights(id, actor);
    if (!insights.computing) return insights;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`persona ${id}: insights still computing after 30 s`);
}

async function createEmma(body: object = {}) {
  const created = await json(
    await personas.POST(
      await request("/api/personas", {
        method: "POST",
        actor: actors.pm,
        body: { name: "Eco-conscious Emma", ...body },
      }),
    ),
  );
  expect(created.status).toBe(201);
  return created.body.persona.id as string;
}

describe("personas", () => {
  it("checks each kind of assumption against the bound audience with exact figures", async () => {
    const id = await createEmma({
      segmentId: allSegmentId,
      assumptions: [
        { kind: "share", id: "ios", dimension: "platform", value: "ios", op: "at_least", percent: 60 },
        { kind: "metric", id: "ltv", metric: "ltv", stat: "median", op: "gt", value: 200 },
        { kind: "active_hours", id: "evening", from: 18, to: 22 },
        { kind: "channel_preference", id: "push", channel: "push", over: "email", rate: "click" },
        { kind: "text", id: "free", text: "Reads labels" },
      ],
    });
    const insights = await settledInsights(id);
    expect(insights.stats?.size).toBe(5);
    expect(insights.stats?.summary).toMatchObject({ ltvMedian: 200, ltvMean: 320, ordersCountMedian: 1 });
    expect(insights.stats?.channels).toEqual([
      { channel: "email", delivered: 4, opened: 1, clicked: 0 },
      { channel: "push", delivered: 4, opened: 1, clicked: 2 },
    ]);
    // LTV 0, 100, 200, 300, 1000: buckets are inclusive at the top.
    expect(insights.stats?.distributions.ltv).toEqual([
      { value: "0", profiles: 1 },
      { value: "100–250", profiles: 1 },
      { value: "250–500", profiles: 1 },
      { value: "50–100", profiles: 1 },
      { value: "500–1000", profiles: 1 },
    ]);
    expect(insights.verdicts.map((v) => [v.id, v.status, v.actual])).toEqual([
      ["ios", "confirmed", "60 % are on iOS (3 of 5)"],
      ["ltv", "contradicted", "Median lifetime value is 200"],
      ["evening", "confirmed", "80 % are most active 18–22 h (4 of 5); the peak is 20 h"],
      // 2 of 4 vs 0 of 4: z ≈ 1.63, not clear of noise with four messages a side.
      [
        "push",
        "inconclusive",
        "Mobile push click rate 50 % ± 49 % (n = 4) vs E-mail click rate 0 % ± 0 % (n = 4): the difference is within noise",
      ],
      ["free", "not_checkable", null],
    ]);
    const stored = await db.persona.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId, id } } });
    expect(stored.lastCheck).toMatchObject({ size: 5, confirmed: 2, contradicted: 1, checkable: 4 });
  });

  it("answers at once while the figures are computed in the background, then serves stored figures equal to a fresh computation", async () => {
    const id = await createEmma({
      segmentId: allSegmentId,
      assumptions: [{ kind: "share", id: "ios", dimension: "platform", value: "ios", op: "at_least", percent: 60 }],
    });
    const first = await readInsights(id);
    // Nothing computed on the request: no figures yet, and it says a computation is running.
    expect(first).toMatchObject({ asOf: null, stats: null, sample: [], computing: { estimateMs: null } });
    expect(first.verdicts.map((v) => v.status)).toEqual(["no_data"]);
    const settled = await settledInsights(id);
    const row = await db.personaInsight.findUniqueOrThrow({
      where: { workspaceId_personaId: { workspaceId, personaId: id } },
    });
    expect(settled.asOf).toBe(row.asOf!.toISOString());
    expect(row.durationMs).toBeGreaterThanOrEqual(0);
    expect(settled.stats).toEqual(await audienceStats(workspaceId, allSegmentId));
    expect(settled.sample.map((p) => p.id)).toEqual(
      (await sampleAudience(workspaceId, inSegmentDefinition(allSegmentId), 8)).map((p) => p.id),
    );
    expect(settled.verdicts.map((v) => v.status)).toEqual(["confirmed"]);
    // Read again: served from the store, nothing started.
    expect(await readInsights(id)).toMatchObject({ asOf: settled.asOf, computing: null });
  });

  it("marks the figures stale when the bound segment is edited and computes them again; an edited claim is re-checked without a recount", async () => {
    const segment = await createSegment(actors.marketer, {
      name: "German customers",
      description: "",
      definition: definitionSchema.parse(and(trait("de", "country", "DE"))),
    });
    const id = await createEmma({
      segmentId: segment.id,
      assumptions: [{ kind: "share", id: "ios", dimension: "platform", value: "ios", op: "at_least", percent: 60 }],
    });
    const before = await settledInsights(id);
    expect(before.stats?.size).toBe(3); // c1, c2, c5
    expect(before.verdicts[0]!.status).toBe("confirmed"); // 2 of 3 on iOS

    const stricter = [{ kind: "share", id: "ios", dimension: "platform", value: "ios", op: "at_least", percent: 90 }];
    const patched = await personaById.PATCH(
      await request(`/api/personas/${id}`, { method: "PATCH", actor: actors.pm, body: { assumptions: stricter } }),
      params(id),
    );
    expect(patched.status).toBe(200);
    const reclaimed = await readInsights(id);
    expect(reclaimed).toMatchObject({ asOf: before.asOf, computing: null });
    expect(reclaimed.verdicts[0]!.status).toBe("contradicted");

    const edited = await segmentById.PATCH(
      await request(`/api/segments/${segment.id}`, {
        method: "PATCH",
        actor: actors.marketer,
        body: { definition: and(trait("fr", "country", "FR")) },
      }),
      { params: Promise.resolve({ segmentId: segment.id }) },
    );
    expect(edited.status).toBe(200);
    const stale = await readInsights(id);
    // The old figures stay on show, as of their time, while the new ones are computed.
    expect(stale).toMatchObject({
      asOf: before.asOf,
      stats: { size: 3 },
      computing: { estimateMs: expect.any(Number) },
    });
    const after = await settledInsights(id);
    expect(after.stats?.size).toBe(2); // c3, c4
    expect(Date.parse(after.asOf!)).toBeGreaterThan(Date.parse(before.asOf!));
  });

  it("starts one computation however many requests ask at once", async () => {
    const id = await createEmma({ segmentId: allSegmentId });
    const answers = await Promise.all(Array.from({ length: 6 }, () => readInsights(id)));
    // Every answer that saw a computation running saw the same one. On a busy machine a request can
    // arrive after that computation finished (a small persona computes in milliseconds): it gets its
    // result, never a second computation.
    const since = new Set(answers.flatMap((a) => (a.computing ? [a.computing.since] : [])));
    expect(since.size).toBe(1);
    const settled = await settledInsights(id);
    for (const answer of answers.filter((a) => !a.computing)) expect(answer.asOf).toBe(settled.asOf);
    // Workers racing for the daily computation: of concurrent claims exactly one wins.
    const tomorrow = new Date(Date.now() + 24 * HOUR);
    const claims = await Promise.all(
      Array.from({ length: 6 }, () => claimInsights(workspaceId, id, "basis", tomorrow)),
    );
    expect(claims.filter((c) => c !== null)).toHaveLength(1);
    await db.personaInsight.update({
      where: { workspaceId_personaId: { workspaceId, personaId: id } },
      data: { computingSince: null },
    });
  });

  it("re-checks bound personas once a day so the gallery can warn about contradicted ones", async () => {
    const id = await createEmma({
      segmentId: allSegmentId,
      assumptions: [{ kind: "metric", id: "rich", metric: "ltv", stat: "mean", op: "gt", value: 5000 }],
    });
    const now = new Date();
    expect((await listPersonas(workspaceId, { now })).find((p) => p.id === id)!.warnings).toEqual([]);
    await checkDuePersonas(now);
    expect((await listPersonas(workspaceId, { now })).find((p) => p.id === id)!.warnings).toEqual([
      "1 of 1 checkable assumptions are contradicted by the data: the story needs revisiting.",
    ]);
    const checkedAt = (await db.persona.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId, id } } }))
      .lastCheck;
    await checkDuePersonas(now);
    expect((await db.persona.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId, id } } })).lastCheck).toEqual(
      checkedAt,
    );
  });

  it("turns stale exactly six months after the latest validation, and an older study only adds history", async () => {
    const id = await createEmma();
    const validatedAt = new Date("2026-03-31T10:00:00Z");
    const recorded = await validations.POST(
      await request(`/api/personas/${id}/validations`, {
        method: "POST",
        actor: actors.pm,
        body: { method: "survey", validatedAt: validatedAt.toISOString(), sampleSize: 1200, notes: "Spring survey" },
      }),
      params(id),
    );
    expect(recorded.status).toBe(201);
    const staleAt = addMonthsUtc(validatedAt, 6);
    expect(staleAt.toISOString()).toBe("2026-09-30T10:00:00.000Z");
    const stateAt = async (now: Date) => (await listPersonas(workspaceId, { now })).find((p) => p.id === id)!.freshness;
    expect(await stateAt(new Date(staleAt.getTime() - 1))).toBe("fresh");
    expect(await stateAt(staleAt)).toBe("stale");

    // An older study adds history without changing the persona's validation date.
    await validations.POST(
      await request(`/api/personas/${id}/validations`, {
        method: "POST",
        actor: actors.pm,
        body: { method: "interviews", validatedAt: "2025-01-10T00:00:00Z", sampleSize: 9 },
      }),
      params(id),
    );
    const detail = (
      await json(await personaById.GET(await request(`/api/personas/${id}`, { actor: actors.marketer }), params(id)))
    ).body.persona;
    expect(detail.freshness.validatedAt).toBe(validatedAt.toISOString());
    expect(detail.validations.map((v: { method: string }) => v.method)).toEqual(["survey", "interviews"]);
    expect(await db.auditLog.count({ where: { entityId: id, action: "persona.validated" } })).toBe(2);
  });

  it("refuses a validation in the future or with a bad method, naming the field and writing nothing", async () => {
    const id = await createEmma();
    const future = await json(
      await validations.POST(
        await request(`/api/personas/${id}/validations`, {
          method: "POST",
          actor: actors.pm,
          body: { method: "survey", validatedAt: new Date(Date.now() + 3 * 86_400_000).toISOString() },
        }),
        params(id),
      ),
    );
    expect(future).toMatchObject({ status: 400, body: { error: { field: "validatedAt" } } });
    const method = await json(
      await validations.POST(
        await request(`/api/personas/${id}/validations`, {
          method: "POST",
          actor: actors.pm,
          body: { method: "horoscope", validatedAt: "2026-01-01" },
        }),
        params(id),
      ),
    );
    expect(method).toMatchObject({ status: 400, body: { error: { field: "method" } } });
    expect(await db.personaValidation.count({ where: { personaId: id } })).toBe(0);
  });

  it("creates a sub-persona whose segment is the parent's segment AND the new condition, and shows its share", async () => {
    const parentId = await createEmma({
      newSegment: { name: "iPhone people", definition: and(trait("ios", "platform", "ios")) },
    });
    const created = await json(
      await subPersonas.POST(
        await request(`/api/personas/${parentId}/sub-personas`, {
          method: "POST",
          actor: actors.pm,
          body: { name: "German Emma", condition: trait("de", "country", "DE") },
        }),
        params(parentId),
      ),
    );
    expect(created.status).toBe(201);
    const child = await db.persona.findUniqueOrThrow({
      where: { workspaceId_id: { workspaceId, id: created.body.persona.id } },
      include: { segment: true, parent: true },
    });
    expect(child.parent?.id).toBe(parentId);
    const parent = await db.persona.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId, id: parentId } } });
    expect(child.segment?.definition).toMatchObject({
      root: {
        op: "and",
        children: [
          { kind: "membership", segmentId: parent.segmentId },
          { kind: "trait", field: "country", comparison: { value: "DE" } },
        ],
      },
    });
    expect((await listAudience(workspaceId, definitionSchema.parse(child.segment!.definition))).length).toBe(2); // c1, c2
    expect((await settledInsights(parentId, actors.marketer)).children).toEqual([
      { id: child.id, size: 2, share: 2 / 3 },
    ]);
    // The parent cannot be deleted while it has a sub-persona.
    expect(
      (
        await personaById.DELETE(
          await request(`/api/personas/${parentId}`, { method: "DELETE", actor: actors.pm }),
          params(parentId),
        )
      ).status,
    ).toBe(409);
  });

  it("audits creation and each real change, and leaves no trace for an autosave that changes nothing", async () => {
    const id = await createEmma({ goals: ["Buy less"] });
    const send = async (body: object) =>
      personaById.PATCH(await request(`/api/personas/${id}`, { method: "PATCH", actor: actors.pm, body }), params(id));
    expect((await send({ goals: ["Buy less", "Buy better"], summary: "Chooses sustainable products" })).status).toBe(
      200,
    );
    expect((await send({ goals: ["Buy less", "Buy better"] })).status).toBe(200); // the same again
    const entries = await db.auditLog.findMany({ where: { entityId: id }, orderBy: { at: "asc" } });
    expect(entries.map((e) => e.action)).toEqual(["persona.created", "persona.updated"]);
    expect(entries[1]!.before).toEqual({ goals: ["Buy less"], summary: "" });
    expect(entries[1]!.after).toEqual({ goals: ["Buy less", "Buy better"], summary: "Chooses sustainable products" });
    expect(entries[1]!.actorEmail).toBe(actors.pm.email);
  });

  it("lets only product managers and admins edit, and rejects bad input by field without writing", async () => {
    const id = await createEmma();
    for (const role of ["marketer", "analyst"] as const) {
      expect(
        (
          await personas.POST(
            await request("/api/personas", { method: "POST", actor: actors[role], body: { name: "Nope" } }),
          )
        ).status,
      ).toBe(403);
      expect(
        (
          await personaById.PATCH(
            await request(`/api/personas/${id}`, { method: "PATCH", actor: actors[role], body: { summary: "x" } }),
            params(id),
          )
        ).status,
      ).toBe(403);
    }
    const before = await db.persona.count({ where: { workspaceId } });
    const audit = await db.auditLog.count({ where: { workspaceId } });
    const bad = [
      [{ name: "" }, "name"],
      [{ name: "Ok", priorities: ["price", "price"] }, "priorities"],
      [{ name: "Ok", channels: ["fax"] }, "channels.0"],
      [
        {
          name: "Ok",
          assumptions: [{ kind: "share", id: "x", dimension: "platform", value: "ios", op: "at_least", percent: 140 }],
        },
        "assumptions.0.percent",
      ],
      [{ name: "Ok", segmentId: "missing" }, "segmentId"],
    ] as const;
    for (const [body, field] of bad) {
      const response = await json(
        await personas.POST(await request("/api/personas", { method: "POST", actor: actors.pm, body })),
      );
      expect(response, JSON.stringify(body)).toMatchObject({ status: 400, body: { error: { field } } });
    }
    expect(await db.persona.count({ where: { workspaceId } })).toBe(before);
    expect(await db.auditLog.count({ where: { workspaceId } })).toBe(audit);
  });

  it("binds a segment defined inline, refuses one defined through the persona itself, and protects a bound segment", async () => {
    const id = await createEmma({
      newSegment: { name: "French customers", definition: and(trait("fr", "country", "FR")) },
    });
    const persona = await db.persona.findUniqueOrThrow({
      where: { workspaceId_id: { workspaceId, id } },
      include: { segment: true },
    });
    expect(persona.segment).toMatchObject({ name: "French customers", size: 2, ownerEmail: actors.pm.email });
    const cycle = await json(
      await personaById.PATCH(
        await request(`/api/personas/${id}`, {
          method: "PATCH",
          actor: actors.pm,
          body: { newSegment: { name: "Loop", definition: and({ kind: "persona", id: "self", personaId: id }) } },
        }),
        params(id),
      ),
    );
    expect(cycle).toMatchObject({ status: 400, body: { error: { code: "persona_cycle" } } });
    const removal = await segmentById.DELETE(
      await request(`/api/segments/${persona.segmentId}`, { method: "DELETE", actor: actors.marketer }),
      { params: Promise.resolve({ segmentId: persona.segmentId! }) },
    );
    expect(removal.status).toBe(409);
  });

  it("counts an 'in persona' condition through the persona's current segment", async () => {
    const id = await createEmma({
      newSegment: {
        name: "Web and Android",
        definition: {
          root: {
            kind: "group",
            id: "root",
            op: "or",
            children: [trait("w", "platform", "web"), trait("a", "platform", "android")],
          },
        },
      },
    });
    expect(
      await countAudienceTotal(workspaceId, definitionSchema.parse(and({ kind: "persona", id: "p", personaId: id }))),
    ).toBe(2);
    expect(
      await countAudienceTotal(
        workspaceId,
        definitionSchema.parse(and({ kind: "persona", id: "p", personaId: id, not: true })),
      ),
    ).toBe(3);
    await expect(
      countAudienceTotal(workspaceId, definitionSchema.parse(and({ kind: "persona", id: "p", personaId: "gone" }))),
    ).rejects.toMatchObject({ code: "unknown_persona", field: "definition.root.children.0.personaId" });
    const unbound = await createEmma();
    await expect(
      countAudienceTotal(workspaceId, definitionSchema.parse(and({ kind: "persona", id: "p", personaId: unbound }))),
    ).rejects.toMatchObject({ code: "persona_unbound" });
  });

  it("maps each profile to its most specific persona for a date", async () => {
    const { workspaceId: own, actors: ownActors } = await createIngestWorkspace();
    await ingestCalls(
      own,
      CUSTOMERS.map((c) => ({
        type: "identify",
        userId: c.id,
        traits: { platform: c.platform, country: c.country },
        timestamp: at(c.hour),
        messageId: `x-${c.id}`,
      })),
    );
    const ios = await createSegment(ownActors.marketer, {
      name: "iOS",
      description: "",
      definition: definitionSchema.parse(and(trait("ios", "platform", "ios"))),
    });
    const { createPersona, createSubPersona } = await import("@/lib/personas/server");
    const parent = await createPersona(ownActors.pm, { name: "iPhone fans", segmentId: ios.id });
    const child = await createSubPersona(ownActors.pm, parent.id, {
      name: "German iPhone fans",
      summary: "",
      condition: definitionSchema.parse(and(trait("de", "country", "DE"))).root.children[0]!,
    });
    const profiles = await db.profile.findMany({ where: { workspaceId: own }, select: { id: true, externalId: true } });
    const assigned = await assignPersonas(
      own,
      new Date(),
      profiles.map((p) => p.id),
    );
    const byUser = Object.fromEntries(profiles.map((p) => [p.externalId, assigned.get(p.id)]));
    expect(byUser).toEqual({ c1: child.id, c2: child.id, c3: parent.id, c4: null, c5: null });
  });

  it("stores an uploaded PNG avatar and refuses an SVG", async () => {
    const id = await createEmma();
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const upload = (body: Uint8Array<ArrayBuffer> | string) =>
      request(`/api/personas/${id}/avatar`, { method: "PUT", actor: actors.pm }).then(
        (r) => new Request(r.url, { method: "PUT", headers: r.headers, body }),
      );
    expect((await personaAvatar.PUT(await upload(png), params(id))).status).toBe(200);
    const served = await personaAvatar.GET(
      await request(`/api/personas/${id}/avatar`, { actor: actors.analyst }),
      params(id),
    );
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(png);
    const svg = await json(
      await personaAvatar.PUT(await upload('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), params(id)),
    );
    expect(svg).toMatchObject({ status: 400, body: { error: { field: "avatar" } } });
  });

  it("lets a product manager flag a trait as sensitive, audited, and refuses unknown traits", async () => {
    const flag = await json(
      await traitFlags.PUT(
        await request("/api/traits/flags", {
          method: "PUT",
          actor: actors.pm,
          body: { key: "traits.health_condition", flag: "sensitive", reason: "Health data" },
        }),
      ),
    );
    expect(flag).toMatchObject({ status: 200, body: { trait: { key: "traits.health_condition", flag: "sensitive" } } });
    expect(
      await db.auditLog.count({ where: { workspaceId, action: "trait.flagged", entityId: "traits.health_condition" } }),
    ).toBe(1);
    expect(
      (
        await traitFlags.PUT(
          await request("/api/traits/flags", {
            method: "PUT",
            actor: actors.marketer,
            body: { key: "traits.health_condition", flag: null },
          }),
        )
      ).status,
    ).toBe(403);
    const unknown = await json(
      await traitFlags.PUT(
        await request("/api/traits/flags", {
          method: "PUT",
          actor: actors.admin,
          body: { key: "traits.nope", flag: "inferred" },
        }),
      ),
    );
    expect(unknown).toMatchObject({ status: 400, body: { error: { field: "key" } } });
    expect(await db.traitFlag.count({ where: { workspaceId } })).toBe(1);
  });
});
