import { beforeAll, describe, expect, it } from "vitest";
import * as outbox from "@/app/api/outbox/route";
import * as diff from "@/app/api/templates/[templateId]/diff/route";
import * as publish from "@/app/api/templates/[templateId]/publish/route";
import * as byId from "@/app/api/templates/[templateId]/route";
import * as testSend from "@/app/api/templates/[templateId]/test-send/route";
import * as restore from "@/app/api/templates/[templateId]/versions/[versionId]/restore/route";
import * as preview from "@/app/api/templates/preview/route";
import * as templates from "@/app/api/templates/route";
import * as samples from "@/app/api/templates/sample-profiles/route";
import { db } from "@/lib/db/client";
import { createPersona } from "@/lib/personas/create-persona";
import { variableCoverage } from "@/lib/templates/variable-coverage";
import { request } from "./support/fixtures";
import { createTemplateWorld, email, json, params, sms, type TemplateWorld } from "./support/template-fixtures";

let w: TemplateWorld;
beforeAll(async () => {
  w = await createTemplateWorld();
});

async function create(content: object, name = "Test template") {
  const channel = (content as { channel: string }).channel;
  const created = await json(
    await templates.POST(
      await request("/api/templates", { method: "POST", actor: w.actors.marketer, body: { name, channel, content } }),
    ),
  );
  expect(created.status).toBe(201);
  return created.body.template as { id: string; draft: { id: string; version: number } };
}
const get = async (id: string) =>
  (
    await json(
      await byId.GET(await request(`/api/templates/${id}`, { actor: w.actors.analyst }), params({ templateId: id })),
    )
  ).body.template;
const patch = async (id: string, body: object) =>
  json(
    await byId.PATCH(
      await request(`/api/templates/${id}`, { method: "PATCH", actor: w.actors.marketer, body }),
      params({ templateId: id }),
    ),
  );
const doPublish = async (id: string, body?: object) =>
  json(
    await publish.POST(
      await request(`/api/templates/${id}/publish`, { method: "POST", actor: w.actors.marketer, body }),
      params({ templateId: id }),
    ),
  );
// Content typed into the request: an editing role (readers preview saved templates, template-preview-limits.test.ts).
const doPreview = async (body: object) =>
  json(await preview.POST(await request("/api/templates/preview", { method: "POST", actor: w.actors.marketer, body })));

const V1 = 'Hi {{ profile.first_name | default: "there" }}\nAll is 20% off today.\nReply STOP to opt out.';
const V2 = 'Hi {{ profile.first_name | default: "there" }}\nAll is 30% off today.\nReply STOP to opt out.';

describe("template versions", () => {
  it("goes draft → v1 → edit → v2, supersedes v1, diffs them by line and restores v1 into the draft, audited", async () => {
    const t = await create(sms(V1), "Lifecycle");
    expect(t.draft.version).toBe(1);

    const first = await doPublish(t.id);
    expect(first.status).toBe(200);
    expect(first.body.published.version).toMatchObject({ version: 1, status: "published" });
    let detail = await get(t.id);
    expect(detail.draft).toBeNull();
    expect(detail.published.version).toBe(1);

    // The next edit starts a new draft, copied from the published one with the change.
    const edited = await patch(t.id, { content: sms(V2) });
    expect(edited.body.template).toMatchObject({ changed: true, draft: { version: 2 } });
    const second = await doPublish(t.id);
    expect(second.body.published).toMatchObject({
      version: { version: 2, status: "published" },
      superseded: { version: 1 },
    });
    detail = await get(t.id);
    expect(detail.versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [2, "published"],
      [1, "superseded"],
    ]);
    const [v2, v1] = detail.versions as { id: string }[];

    const d = await json(
      await diff.GET(
        await request(`/api/templates/${t.id}/diff?a=${v1!.id}&b=${v2!.id}`, { actor: w.actors.pm }),
        params({ templateId: t.id }),
      ),
    );
    expect(d.status).toBe(200);
    expect(d.body.diff.locales).toEqual([
      {
        locale: "default",
        change: "changed",
        fields: [
          {
            field: "body",
            change: "changed",
            kind: "text",
            lines: [
              { op: "equal", text: 'Hi {{ profile.first_name | default: "there" }}', a: 1, b: 1 },
              { op: "remove", text: "All is 20% off today.", a: 2 },
              { op: "add", text: "All is 30% off today.", b: 2 },
              { op: "equal", text: "Reply STOP to opt out.", a: 3, b: 3 },
            ],
          },
        ],
      },
    ]);

    const restored = await json(
      await restore.POST(
        await request(`/api/templates/${t.id}/versions/${v1!.id}/restore`, { method: "POST", actor: w.actors.admin }),
        params({ templateId: t.id, versionId: v1!.id }),
      ),
    );
    expect(restored.status).toBe(200);
    expect(restored.body.restored).toMatchObject({ draft: { version: 3 }, restoredFrom: { version: 1 } });
    detail = await get(t.id);
    expect(detail.draft.content).toEqual(sms(V1));
    expect(detail.published.version).toBe(2); // restoring does not publish

    const audit = await db.auditLog.findMany({
      where: { workspaceId: w.workspaceId, entityId: t.id },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "template.created",
      "template.published",
      "template.draft_saved",
      "template.published",
      "template.version_restored",
    ]);
    expect(audit[2]!.after).toMatchObject({ version: 2, content: sms(V2) });
    expect(audit[4]!.actorEmail).toBe(w.actors.admin.email);
  });

  it("refuses to publish with an unknown variable, pointing at its line and column, and publishes nothing", async () => {
    const t = await create(sms("Hello\nHi {{ profile.frist_name }}, STOP to opt out"), "Typo");
    const refused = await doPublish(t.id);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("lint_errors");
    const unknown = refused.body.error.findings.find((f: { code: string }) => f.code === "liquid.unknown_variable");
    expect(unknown).toMatchObject({
      severity: "error",
      field: "body",
      locale: "default",
      line: 2,
      column: 7,
      variable: "profile.frist_name",
    });
    expect(unknown.message).toContain("profile.frist_name is not in the profile catalog");
    const detail = await get(t.id);
    expect(detail.published).toBeNull();
    expect(detail.versions).toEqual([expect.objectContaining({ version: 1, status: "draft" })]);
    expect(
      await db.auditLog.count({ where: { workspaceId: w.workspaceId, entityId: t.id, action: "template.published" } }),
    ).toBe(0);
  });

  it("refuses a sensitive trait with the flag's reason, in lint and in the preview's render", async () => {
    const t = await create(
      sms('Your condition: {{ profile.health_condition | default: "n/a" }}. STOP to opt out'),
      "Sensitive",
    );
    const refused = await doPublish(t.id);
    expect(refused.status).toBe(422);
    expect(refused.body.error.findings).toContainEqual(
      expect.objectContaining({
        code: "liquid.refused_trait",
        severity: "error",
        message: expect.stringContaining("Health data must not be used in copy"),
      }),
    );
    // The value is withheld from the render context too, even though every profile has it.
    const p = await doPreview({ templateId: t.id, profileId: w.profiles.c1 });
    expect(p.status).toBe(200);
    expect(p.body.preview.rendered.body).toBe("Your condition: n/a. STOP to opt out");
  });
});

describe("coverage of variables without a default", () => {
  const noDefault = sms("Hi {{ profile.first_name }}! STOP to opt out");

  it("gives the exact share of all profiles, of a segment and of a persona's segment", async () => {
    const all = await doPreview({ content: noDefault });
    const warning = all.body.preview.findings.find((f: { code: string }) => f.code === "liquid.no_default");
    expect(warning.coverage).toEqual({ key: "traits.first_name", withValue: 3, total: 5, share: 0.6, of: "all" });
    expect(warning.message).toContain("profile.first_name has no default: 60 % of all profiles have a value (3 of 5)");

    const german = await doPreview({ content: noDefault, segmentId: w.germanSegmentId });
    const g = german.body.preview.findings.find((f: { code: string }) => f.code === "liquid.no_default");
    expect(g.coverage).toMatchObject({ withValue: 2, total: 3, of: "audience" });
    expect(g.message).toContain("67 % of the audience has a value (2 of 3)");

    const persona = await createPersona(w.actors.pm, { name: "German Gerd", segmentId: w.germanSegmentId });
    const viaPersona = await doPreview({ content: noDefault, personaId: persona.id });
    expect(
      viaPersona.body.preview.findings.find((f: { code: string }) => f.code === "liquid.no_default").coverage,
    ).toMatchObject({ withValue: 2, total: 3 });
  });

  it("counts columns and traits in one statement, an empty string as no value", async () => {
    await db.profile.update({
      where: { workspaceId_id: { workspaceId: w.workspaceId, id: w.profiles.c5! } },
      data: { city: "" },
    });
    const coverage = await variableCoverage(w.workspaceId, ["traits.first_name", "email", "city", "locale"]);
    expect([...coverage.values()].map((c) => [c.key, c.withValue, c.total])).toEqual([
      ["traits.first_name", 3, 5],
      ["email", 5, 5],
      ["city", 0, 5],
      ["locale", 4, 5],
    ]);
  });

  it("carries the coverage into the findings stored at publish", async () => {
    const t = await create(noDefault, "Stored findings");
    const published = await doPublish(t.id, { segmentId: w.germanSegmentId });
    expect(published.status).toBe(200);
    const detail = await get(t.id);
    expect(detail.published.findings).toContainEqual(
      expect.objectContaining({
        code: "liquid.no_default",
        coverage: expect.objectContaining({ withValue: 2, total: 3 }),
      }),
    );
  });
});

describe("preview", () => {
  it("renders a real profile's first name, and the default for a profile without one", async () => {
    const anna = await doPreview({
      content: sms('Hi {{ profile.first_name | default: "there" }}! STOP to opt out'),
      profileId: w.profiles.c3,
    });
    expect(anna.body.preview).toMatchObject({
      locale: "default",
      rendered: { body: "Hi Cleo! STOP to opt out" },
      problems: [],
      recipient: { id: w.profiles.c3 },
    });
    const nobody = await doPreview({
      content: sms('Hi {{ profile.first_name | default: "there" }}! STOP to opt out'),
      profileId: w.profiles.c5,
    });
    expect(nobody.body.preview.rendered.body).toBe("Hi there! STOP to opt out");
  });

  it("falls back de-AT → de for the profile's locale and for a given one, and renders e-mail HTML and text", async () => {
    const p = await doPreview({ content: email(), profileId: w.profiles.c1 });
    expect(p.status).toBe(200);
    expect(p.body.preview).toMatchObject({
      locale: "de",
      fallbackFrom: "de-AT",
      from: { subject: "de", body: "default" },
    });
    expect(p.body.preview.rendered.subject).toBe("Hallo Anna");
    expect(p.body.preview.rendered.html).toContain("Hi Anna,");
    expect(p.body.preview.rendered.html).toContain("https://unsubscribe.invalid/preview");
    expect(p.body.preview.rendered.text).toContain("Hi Anna,\nall is 20% off.");

    const given = await doPreview({ content: email(), profileId: w.profiles.c3, locale: "de_at" });
    expect(given.body.preview).toMatchObject({
      locale: "de",
      fallbackFrom: "de-AT",
      rendered: { subject: "Hallo Cleo" },
    });
    const exact = await doPreview({ content: email(), profileId: w.profiles.c2 });
    expect(exact.body.preview).toMatchObject({ locale: "de", fallbackFrom: null, rendered: { subject: "Hallo Ben" } });
  });

  it("returns render problems as data, with the field and position", async () => {
    const p = await doPreview({
      content: sms("Hi\n{{ profile.frist_name }} STOP to opt out"),
      profileId: w.profiles.c1,
    });
    expect(p.status).toBe(200);
    expect(p.body.preview.rendered.body).toBeNull();
    expect(p.body.preview.problems).toEqual([expect.objectContaining({ field: "body", locale: "default", line: 2 })]);
    expect(p.body.preview.findings).toContainEqual(
      expect.objectContaining({ code: "liquid.unknown_variable", line: 2 }),
    );
  });

  it("offers sample profiles of a segment, or the most recent ones", async () => {
    const german = await json(
      await samples.GET(
        await request(`/api/templates/sample-profiles?segmentId=${w.germanSegmentId}&personaId=&limit=10`, {
          actor: w.actors.analyst,
        }),
      ),
    );
    expect(german.status).toBe(200);
    expect(german.body.profiles.map((p: { id: string }) => p.id).sort()).toEqual(
      [w.profiles.c1, w.profiles.c2, w.profiles.c4].sort(),
    );
    expect(german.body.profiles).toContainEqual({
      id: w.profiles.c1,
      name: "Anna",
      email: "c1@example.com",
      locale: "de-AT",
    });
    const all = await json(
      await samples.GET(await request("/api/templates/sample-profiles?limit=2", { actor: w.actors.analyst })),
    );
    expect(all.body.profiles).toHaveLength(2);
  });
});

describe("test sends", () => {
  it("renders the draft for the profile in its locale and stores it in the outbox, audited", async () => {
    const t = await create(email(), "Test send");
    const before = await db.outboxMessage.count({ where: { workspaceId: w.workspaceId } });
    const sent = await json(
      await testSend.POST(
        await request(`/api/templates/${t.id}/test-send`, {
          method: "POST",
          actor: w.actors.marketer,
          body: { profileId: w.profiles.c2 },
        }),
        params({ templateId: t.id }),
      ),
    );
    expect(sent.status).toBe(201);
    expect(sent.body.message).toMatchObject({
      kind: "test",
      templateId: t.id,
      versionId: t.draft.id,
      profileId: w.profiles.c2,
      channel: "email",
      locale: "de",
      rendered: { subject: "Hallo Ben" },
    });
    expect(await db.outboxMessage.count({ where: { workspaceId: w.workspaceId } })).toBe(before + 1);
    const row = await db.outboxMessage.findUniqueOrThrow({
      where: { workspaceId_id: { workspaceId: w.workspaceId, id: sent.body.message.id } },
    });
    expect((row.rendered as { html: string }).html).toContain("Hi Ben,");
    expect(row.createdBy).toBe(w.actors.marketer.email);

    const listed = await json(await outbox.GET(await request("/api/outbox?limit=5", { actor: w.actors.analyst })));
    expect(listed.body.messages[0]).toMatchObject({ id: sent.body.message.id, rendered: { subject: "Hallo Ben" } });
    const audit = await db.auditLog.findFirst({
      where: { workspaceId: w.workspaceId, entityId: t.id, action: "template.test_sent" },
    });
    expect(audit?.after).toMatchObject({
      outboxMessageId: sent.body.message.id,
      profileId: w.profiles.c2,
      locale: "de",
    });

    // Anna reads de-AT: the template has de, and the outbox keeps what was asked for.
    const austrian = await json(
      await testSend.POST(
        await request(`/api/templates/${t.id}/test-send`, {
          method: "POST",
          actor: w.actors.marketer,
          body: { profileId: w.profiles.c1 },
        }),
        params({ templateId: t.id }),
      ),
    );
    expect(
      (
        await db.outboxMessage.findUniqueOrThrow({
          where: { workspaceId_id: { workspaceId: w.workspaceId, id: austrian.body.message.id } },
        })
      ).fallbackFrom,
    ).toBe("de-AT");
    const page = await json(await outbox.GET(await request("/api/outbox?limit=5", { actor: w.actors.analyst })));
    expect(page.body.messages[0]).toMatchObject({ id: austrian.body.message.id, locale: "de", fallbackFrom: "de-AT" });
  });

  it("refuses a message that does not render, storing nothing", async () => {
    const t = await create(sms("Hi {{ profile.health_condition }} STOP"), "Broken");
    const before = await db.outboxMessage.count({ where: { workspaceId: w.workspaceId } });
    const sent = await json(
      await testSend.POST(
        await request(`/api/templates/${t.id}/test-send`, {
          method: "POST",
          actor: w.actors.marketer,
          body: { profileId: w.profiles.c1 },
        }),
        params({ templateId: t.id }),
      ),
    );
    expect(sent.status).toBe(422);
    expect(sent.body.error).toMatchObject({
      code: "render_failed",
      field: "body",
      problems: [expect.objectContaining({ field: "body" })],
    });
    expect(await db.outboxMessage.count({ where: { workspaceId: w.workspaceId } })).toBe(before);
  });
});
