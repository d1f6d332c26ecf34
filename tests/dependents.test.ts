import { beforeAll, describe, expect, it } from "vitest";
import * as experiments from "@/app/api/experiments/route";
import * as personaArchive from "@/app/api/personas/[personaId]/archive/route";
import * as personaById from "@/app/api/personas/[personaId]/route";
import * as personaList from "@/app/api/personas/route";
import * as segmentArchive from "@/app/api/segments/[segmentId]/archive/route";
import * as segmentById from "@/app/api/segments/[segmentId]/route";
import * as segmentList from "@/app/api/segments/route";
import * as templateArchive from "@/app/api/templates/[templateId]/archive/route";
import * as templateById from "@/app/api/templates/[templateId]/route";
import * as templateList from "@/app/api/templates/route";
import type { Role } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { audienceNames } from "@/lib/delivery/audience";
import { campaignFormOptions } from "@/lib/delivery/form-options";
import { createCampaign } from "@/lib/delivery/create-campaign";
import type { CampaignInput } from "@/lib/delivery/schema";
import { editorOptions } from "@/lib/experiments/editor-options";
import { createPersona } from "@/lib/personas/create-persona";
import { createPersonaSchema, createSubPersonaSchema } from "@/lib/personas/schema";
import { createSubPersona } from "@/lib/personas/create-sub-persona";
import { getPersona } from "@/lib/personas/get-persona";
import { createSegment } from "@/lib/segments/create-segment";
import { definitionSchema } from "@/lib/segments/schema";
import { getSegment } from "@/lib/segments/get-segment";
import { getTemplate } from "@/lib/templates/get-template";
import { createDeliveryWorld, launch, publishedSms, type DeliveryWorld } from "./support/delivery-fixtures";
import { request } from "./support/fixtures";

let w: DeliveryWorld;
beforeAll(async () => {
  w = await createDeliveryWorld();
});

const at = <K extends string>(key: K, id: string) => ({ params: Promise.resolve({ [key]: id } as Record<K, string>) });
const call = async (response: Promise<Response>) => {
  const res = await response;
  return { status: res.status, body: await res.json() };
};
const as = (role: Role, method: string, body?: unknown) => request("/", { method, actor: w.actors[role], body });
const auditOf = (entityId: string) =>
  db.auditLog.findMany({
    where: { workspaceId: w.workspaceId, entityId },
    orderBy: { at: "asc" },
    select: { action: true, before: true, after: true, actorEmail: true },
  });
const named = (dependents: { kind: string; name: string }[]) => dependents.map((d) => `${d.kind}: ${d.name}`).sort();

const trait = (id: string) => ({ kind: "trait", id, field: "email", comparison: { type: "string", op: "exists" } });
const segment = (name: string, children: unknown[] = [trait("t")]) =>
  createSegment(w.actors.marketer, {
    name,
    description: "",
    definition: definitionSchema.parse({ root: { kind: "group", id: "root", op: "and", children } }),
  });
// A condition buried two groups deep, under a NOT: "any depth" is what the finder must read.
const deep = (condition: object) => [
  trait("t"),
  {
    kind: "group",
    id: "g1",
    op: "or",
    children: [trait("t2"), { kind: "group", id: "g2", op: "and", not: true, children: [condition] }],
  },
];

const campaign = (name: string, over: Partial<CampaignInput> & Pick<CampaignInput, "templateId" | "audience">) =>
  createCampaign(w.actors.marketer, {
    name,
    channel: "sms",
    experimentId: null,
    schedule: { kind: "now" },
    transactional: false,
    topic: null,
    goalEvent: "purchase",
    attributionHours: 72,
    ...over,
  });
const publishedVersionOf = async (templateId: string) =>
  (
    await db.templateVersion.findFirstOrThrow({
      where: { workspaceId: w.workspaceId, templateId, status: "published" },
    })
  ).id;
async function experiment(name: string, audience: CampaignInput["audience"], versionIds: [string, string]) {
  const body = {
    name,
    hypothesis: "Shorter copy converts better.",
    channel: "sms",
    audience,
    variants: versionIds.map((versionId, i) => ({ name: `Arm ${i}`, weight: 0.5, versionId })),
    holdoutShare: 0.1,
    primaryMetric: { kind: "conversion", event: "purchase", windowHours: 72 },
    guardrails: [],
  };
  const created = await call(experiments.POST(await as("marketer", "POST", body)));
  expect(created.status).toBe(201);
  return created.body.experiment.id as string;
}

describe("a segment in use", () => {
  it("is not deleted: the 409 lists the persona, campaigns, experiment and segment using it, and nothing is written", async () => {
    const used = await segment("Loyal buyers");
    const templateId = await publishedSms(w.actors.marketer, "Hi");
    const version = await publishedVersionOf(templateId);
    await segment("Loyal buyers minus churners", deep({ kind: "membership", id: "m", segmentId: used.id }));
    await createPersona(w.actors.pm, createPersonaSchema.parse({ name: "Loyal Lou", segmentId: used.id }));
    await campaign("Spring draft", { templateId, audience: { kind: "segment", id: used.id } });
    await launch(w.actors.marketer, { name: "Winter sale", templateId, audience: { kind: "segment", id: used.id } });
    await experiment("Short vs long", { kind: "segment", id: used.id }, [version, version]);

    const refused = await call(segmentById.DELETE(await as("marketer", "DELETE"), at("segmentId", used.id)));
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("in_use");
    expect(named(refused.body.error.dependents)).toEqual([
      "campaign: Spring draft",
      "campaign: Winter sale",
      "experiment: Short vs long",
      "persona: Loyal Lou",
      "segment: Loyal buyers minus churners",
    ]);
    expect(
      refused.body.error.dependents.every((d: { id: string }) => typeof d.id === "string" && d.id.length > 0),
    ).toBe(true);
    expect(refused.body.error.message).toContain("Archive it instead");
    expect(await db.segment.count({ where: { workspaceId: w.workspaceId, id: used.id } })).toBe(1);
    expect((await auditOf(used.id)).map((e) => e.action)).toEqual(["segment.created"]);
  });

  it("is deleted once nothing uses it, after a confirmation the UI asks for, and audited", async () => {
    const lonely = await segment("Nobody's audience");
    expect((await call(segmentById.DELETE(await as("marketer", "DELETE"), at("segmentId", lonely.id)))).status).toBe(
      200,
    );
    expect((await auditOf(lonely.id)).map((e) => e.action)).toEqual(["segment.created", "segment.deleted"]);
  });

  it("can be archived even while a scheduled campaign sends to it: hidden from the pickers and list, still readable and named in reports", async () => {
    const archived = await segment("Last year's VIPs");
    const templateId = await publishedSms(w.actors.marketer, "Hi VIP");
    const campaignId = await launch(w.actors.marketer, {
      name: "VIP thanks",
      templateId,
      audience: { kind: "segment", id: archived.id },
    });
    for (const role of ["pm", "analyst"] as const)
      expect((await segmentArchive.POST(await as(role, "POST"), at("segmentId", archived.id))).status).toBe(403);

    const done = await call(segmentArchive.POST(await as("marketer", "POST"), at("segmentId", archived.id)));
    expect(done.status).toBe(200);
    expect(done.body.segment).toMatchObject({ id: archived.id, archivedBy: w.actors.marketer.email });
    expect(Date.parse(done.body.segment.archivedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect((await campaignFormOptions(w.workspaceId)).segments.map((s) => s.id)).not.toContain(archived.id);
    expect((await editorOptions(w.workspaceId)).segments.map((s) => s.id)).not.toContain(archived.id);
    const listed = async (query = "") =>
      (
        await call(segmentList.GET(await request(`/api/segments${query}`, { actor: w.actors.analyst })))
      ).body.segments.map((s: { id: string }) => s.id);
    expect(await listed()).not.toContain(archived.id);
    expect(await listed("?archived=show")).toContain(archived.id);
    expect(
      (await segmentList.GET(await request("/api/segments?archived=yes", { actor: w.actors.analyst }))).status,
    ).toBe(400);
    expect(await getSegment(w.workspaceId, archived.id)).toMatchObject({
      name: "Last year's VIPs",
      archivedBy: w.actors.marketer.email,
    });
    // What reports look names up with: the archived row is still there.
    expect(await audienceNames(w.workspaceId, [{ kind: "segment", id: archived.id }])).toEqual(["Last year's VIPs"]);
    expect(
      await db.campaign.findUniqueOrThrow({
        where: { workspaceId_id: { workspaceId: w.workspaceId, id: campaignId } },
      }),
    ).toMatchObject({ status: "scheduled" });

    // Archiving twice writes nothing more; unarchiving brings it back to the pickers.
    expect((await segmentArchive.POST(await as("admin", "POST"), at("segmentId", archived.id))).status).toBe(200);
    expect(
      (await call(segmentArchive.DELETE(await as("admin", "DELETE"), at("segmentId", archived.id)))).body.segment,
    ).toMatchObject({ archivedAt: null, archivedBy: null });
    expect((await campaignFormOptions(w.workspaceId)).segments.map((s) => s.id)).toContain(archived.id);
    const audit = await auditOf(archived.id);
    expect(audit.map((e) => [e.action, e.actorEmail])).toEqual([
      ["segment.created", w.actors.marketer.email],
      ["segment.archived", w.actors.marketer.email],
      ["segment.unarchived", w.actors.admin.email],
    ]);
    expect(audit[1]).toMatchObject({ before: { archivedAt: null }, after: { archivedBy: w.actors.marketer.email } });
  });

  it("cannot be newly chosen as an audience once archived (422 naming audience.id), while a draft that already had it can still be edited", async () => {
    const retired = await segment("Retired audience");
    const templateId = await publishedSms(w.actors.marketer, "Hello");
    const draft = await campaign("Draft before the archive", {
      templateId,
      audience: { kind: "segment", id: retired.id },
    });
    expect((await segmentArchive.POST(await as("marketer", "POST"), at("segmentId", retired.id))).status).toBe(200);
    const campaignsBefore = await db.campaign.count({ where: { workspaceId: w.workspaceId } });
    await expect(
      campaign("New after the archive", { templateId, audience: { kind: "segment", id: retired.id } }),
    ).rejects.toMatchObject({ status: 422, code: "archived", field: "audience.id" });
    const versionId = await publishedVersionOf(templateId);
    const refused = await call(
      experiments.POST(
        await as("marketer", "POST", {
          name: "Test on a retired audience",
          hypothesis: "",
          channel: "sms",
          audience: { kind: "segment", id: retired.id },
          variants: [0, 1].map((i) => ({ name: `Arm ${i}`, weight: 0.5, versionId })),
          holdoutShare: 0.1,
          primaryMetric: { kind: "conversion", event: "purchase", windowHours: 72 },
          guardrails: [],
        }),
      ),
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ field: "audience.id" });
    expect(await db.campaign.count({ where: { workspaceId: w.workspaceId } })).toBe(campaignsBefore);
    const { updateCampaign } = await import("@/lib/delivery/create-campaign");
    await expect(
      updateCampaign(w.actors.marketer, draft.id, {
        name: "Draft, renamed",
        channel: "sms",
        experimentId: null,
        schedule: { kind: "now" },
        transactional: false,
        topic: null,
        goalEvent: "purchase",
        attributionHours: 72,
        templateId,
        audience: { kind: "segment", id: retired.id },
      }),
    ).resolves.toBeTruthy();
  });
});

describe("a persona in use", () => {
  it("is not deleted while a segment condition, a sub-persona, a campaign, an experiment or a campaign's report uses it", async () => {
    const audience = await segment("Bargain hunters");
    const persona = await createPersona(
      w.actors.pm,
      createPersonaSchema.parse({ name: "Deal-hunting Dana", segmentId: audience.id }),
    );
    await segment("Dana without e-mail", deep({ kind: "persona", id: "p", personaId: persona.id }));
    await createSubPersona(
      w.actors.pm,
      persona.id,
      createSubPersonaSchema.parse({ name: "Weekend Dana", condition: trait("sub") }),
    );
    const templateId = await publishedSms(w.actors.marketer, "Deals!");
    await campaign("Deals for Dana", { templateId, audience: { kind: "persona", id: persona.id } });
    const version = await publishedVersionOf(templateId);
    await experiment("Deal wording", { kind: "persona", id: persona.id }, [version, version]);
    // A mass send whose report breaks recipients down by persona counted some as Dana.
    const mass = await campaign("Everyone, weekly", { templateId, audience: { kind: "all" } });
    await db.messageDaily.create({
      data: {
        workspaceId: w.workspaceId,
        day: new Date("2026-11-01"),
        campaignId: mass.id,
        channel: "sms",
        personaId: persona.id,
        sent: 3,
      },
    });
    // Another whose message to a Dana is still queued: once sent, its report counts her as Dana too.
    const queued = await campaign("Everyone, tomorrow", { templateId, audience: { kind: "all" } });
    await db.message.create({
      data: {
        workspaceId: w.workspaceId,
        campaignId: queued.id,
        profileId: w.profiles.ana!,
        occurrence: "1",
        channel: "sms",
        personaId: persona.id,
        sendAfter: new Date(),
      },
    });

    const refused = await call(personaById.DELETE(await as("pm", "DELETE"), at("personaId", persona.id)));
    expect(refused.status).toBe(409);
    expect(named(refused.body.error.dependents)).toEqual([
      "campaign: Deals for Dana",
      "campaign: Everyone, tomorrow",
      "campaign: Everyone, weekly",
      "experiment: Deal wording",
      "persona: Weekend Dana",
      "segment: Dana without e-mail",
    ]);
    expect(await db.persona.count({ where: { workspaceId: w.workspaceId, id: persona.id } })).toBe(1);
  });

  it("is deleted once nothing uses it, and audited", async () => {
    const persona = await createPersona(w.actors.pm, createPersonaSchema.parse({ name: "Draft Dora" }));
    expect((await personaById.DELETE(await as("pm", "DELETE"), at("personaId", persona.id))).status).toBe(200);
    expect((await auditOf(persona.id)).map((e) => e.action)).toEqual(["persona.created", "persona.deleted"]);
  });

  it("is archived by product managers only, hidden from the pickers and the default list, and still readable", async () => {
    const persona = await createPersona(
      w.actors.pm,
      createPersonaSchema.parse({ name: "Retired Rita", segmentId: (await segment("Rita's people")).id }),
    );
    expect((await personaArchive.POST(await as("marketer", "POST"), at("personaId", persona.id))).status).toBe(403);
    expect((await personaArchive.POST(await as("pm", "POST"), at("personaId", persona.id))).status).toBe(200);
    expect((await campaignFormOptions(w.workspaceId)).personas.map((p) => p.id)).not.toContain(persona.id);
    expect((await editorOptions(w.workspaceId)).personas.map((p) => p.id)).not.toContain(persona.id);
    const listed = async (query = "") =>
      (await call(personaList.GET(await request(`/api/personas${query}`, { actor: w.actors.marketer })))).body
        .personas as { id: string; archivedAt: string | null }[];
    expect((await listed()).map((p) => p.id)).not.toContain(persona.id);
    expect((await listed("?archived=show")).find((p) => p.id === persona.id)?.archivedAt).toEqual(expect.any(String));
    expect(await getPersona(w.workspaceId, persona.id)).toMatchObject({
      name: "Retired Rita",
      archivedBy: w.actors.pm.email,
    });
    expect(await audienceNames(w.workspaceId, [{ kind: "persona", id: persona.id }])).toEqual(["Retired Rita"]);
    expect((await personaArchive.DELETE(await as("admin", "DELETE"), at("personaId", persona.id))).status).toBe(200);
    expect((await auditOf(persona.id)).map((e) => e.action)).toEqual([
      "persona.created",
      "persona.archived",
      "persona.unarchived",
    ]);
  });
});

describe("a template in use", () => {
  it("is not deleted while a campaign sends it or an experiment has a variant on one of its versions", async () => {
    const control = await publishedSms(w.actors.marketer, "Control");
    const challenger = await publishedSms(w.actors.marketer, "Challenger");
    await campaign("Sends the control", { templateId: control, audience: { kind: "all" } });
    await experiment("Control vs challenger", { kind: "all" }, [
      await publishedVersionOf(control),
      await publishedVersionOf(challenger),
    ]);

    const refused = await call(templateById.DELETE(await as("marketer", "DELETE"), at("templateId", challenger)));
    expect(refused.status).toBe(409);
    expect(named(refused.body.error.dependents)).toEqual(["experiment: Control vs challenger"]);
    const control409 = await call(templateById.DELETE(await as("marketer", "DELETE"), at("templateId", control)));
    expect(named(control409.body.error.dependents)).toEqual([
      "campaign: Sends the control",
      "experiment: Control vs challenger",
    ]);
    expect(await db.templateVersion.count({ where: { workspaceId: w.workspaceId, templateId: challenger } })).toBe(1);
  });

  it("is deleted with its versions once nothing uses it", async () => {
    const unused = await publishedSms(w.actors.marketer, "Never sent");
    expect((await templateById.DELETE(await as("marketer", "DELETE"), at("templateId", unused))).status).toBe(200);
    expect(await db.templateVersion.count({ where: { workspaceId: w.workspaceId, templateId: unused } })).toBe(0);
  });

  it("is archived by marketers, hidden from the campaign and experiment pickers and the default list, and still readable", async () => {
    const old = await publishedSms(w.actors.marketer, "Old copy");
    await campaign("Sent with the old copy", { templateId: old, audience: { kind: "all" } });
    expect((await templateArchive.POST(await as("pm", "POST"), at("templateId", old))).status).toBe(403);
    expect((await templateArchive.POST(await as("marketer", "POST"), at("templateId", old))).status).toBe(200);
    expect((await campaignFormOptions(w.workspaceId)).templates.map((t) => t.id)).not.toContain(old);
    expect((await editorOptions(w.workspaceId)).templates.map((t) => t.id)).not.toContain(old);
    const listed = async (query = "") =>
      (
        await call(templateList.GET(await request(`/api/templates${query}`, { actor: w.actors.analyst })))
      ).body.templates.map((t: { id: string }) => t.id);
    expect(await listed()).not.toContain(old);
    expect(await listed("?archived=show")).toContain(old);
    expect(await getTemplate(w.workspaceId, old)).toMatchObject({
      archivedBy: w.actors.marketer.email,
      usedBy: [{ name: "Sent with the old copy" }],
    });
    expect((await auditOf(old)).map((e) => e.action)).toEqual([
      "template.created",
      "template.published",
      "template.archived",
    ]);
  });
});
