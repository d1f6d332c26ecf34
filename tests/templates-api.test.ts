import { beforeAll, describe, expect, it } from "vitest";
import * as outbox from "@/app/api/outbox/route";
import * as diff from "@/app/api/templates/[templateId]/diff/route";
import * as publish from "@/app/api/templates/[templateId]/publish/route";
import * as byId from "@/app/api/templates/[templateId]/route";
import * as testSend from "@/app/api/templates/[templateId]/test-send/route";
import * as restore from "@/app/api/templates/[templateId]/versions/[versionId]/restore/route";
import * as preview from "@/app/api/templates/preview/route";
import * as templates from "@/app/api/templates/route";
import type { Role } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { request } from "./support/fixtures";
import { createTemplateWorld, email, json, params, sms, type TemplateWorld } from "./support/template-fixtures";

let w: TemplateWorld;
let templateId: string;

beforeAll(async () => {
  w = await createTemplateWorld();
  const created = await json(
    await templates.POST(
      await request("/api/templates", {
        method: "POST",
        actor: w.actors.marketer,
        body: { name: "Welcome", channel: "email", content: email() },
      }),
    ),
  );
  templateId = created.body.template.id;
});

/** Everything a template request could write, to prove a refused one wrote nothing. */
async function counts() {
  const workspaceId = w.workspaceId;
  const [t, versions, messages, audit, latest] = await Promise.all([
    db.template.count({ where: { workspaceId } }),
    db.templateVersion.count({ where: { workspaceId } }),
    db.outboxMessage.count({ where: { workspaceId } }),
    db.auditLog.count({ where: { workspaceId } }),
    db.templateVersion.findMany({
      where: { workspaceId },
      select: { id: true, content: true, updatedAt: true, status: true },
      orderBy: { id: "asc" },
    }),
  ]);
  return { templates: t, versions, messages, audit, latest };
}

const at = (id: string) => params({ templateId: id });

describe("template routes: roles", () => {
  const cases: [string, (role: Role) => Promise<Response>, readonly Role[]][] = [
    [
      "list",
      async (role) => templates.GET(await request("/api/templates", { actor: w.actors[role] })),
      ["admin", "marketer", "pm", "analyst"],
    ],
    [
      "read",
      async (role) =>
        byId.GET(await request(`/api/templates/${templateId}`, { actor: w.actors[role] }), at(templateId)),
      ["admin", "marketer", "pm", "analyst"],
    ],
    [
      "preview",
      async (role) =>
        preview.POST(
          await request("/api/templates/preview", { method: "POST", actor: w.actors[role], body: { templateId } }),
        ),
      ["admin", "marketer", "pm", "analyst"],
    ],
    [
      "outbox",
      async (role) => outbox.GET(await request("/api/outbox", { actor: w.actors[role] })),
      ["admin", "marketer", "pm", "analyst"],
    ],
    [
      "rename",
      async (role) =>
        byId.PATCH(
          await request(`/api/templates/${templateId}`, {
            method: "PATCH",
            actor: w.actors[role],
            body: { name: `Welcome (${role})` },
          }),
          at(templateId),
        ),
      ["admin", "marketer"],
    ],
    [
      "test-send",
      async (role) =>
        testSend.POST(
          await request(`/api/templates/${templateId}/test-send`, {
            method: "POST",
            actor: w.actors[role],
            body: { profileId: w.profiles.c1 },
          }),
          at(templateId),
        ),
      ["admin", "marketer"],
    ],
  ];
  for (const [what, call, allowed] of cases) {
    for (const role of ["admin", "marketer", "pm", "analyst"] as const) {
      const expected = allowed.includes(role) ? "allowed" : "403";
      it(`${what}: ${role} is ${expected}`, async () => {
        const before = await counts();
        const status = (await call(role)).status;
        if (expected === "403") {
          expect(status).toBe(403);
          expect(await counts()).toEqual(before);
        } else {
          expect(status).toBeLessThan(300);
        }
      });
    }
  }

  it("lets a marketer publish and an admin delete; a product manager neither", async () => {
    const created = await json(
      await templates.POST(
        await request("/api/templates", {
          method: "POST",
          actor: w.actors.admin,
          body: { name: "Short-lived", channel: "push" },
        }),
      ),
    );
    const id = created.body.template.id;
    expect(
      (
        await publish.POST(
          await request(`/api/templates/${id}/publish`, { method: "POST", actor: w.actors.pm }),
          at(id),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await publish.POST(
          await request(`/api/templates/${id}/publish`, { method: "POST", actor: w.actors.marketer }),
          at(id),
        )
      ).status,
    ).toBe(200);
    expect(
      (await byId.DELETE(await request(`/api/templates/${id}`, { method: "DELETE", actor: w.actors.pm }), at(id)))
        .status,
    ).toBe(403);
    expect(
      (await byId.DELETE(await request(`/api/templates/${id}`, { method: "DELETE", actor: w.actors.admin }), at(id)))
        .status,
    ).toBe(200);
    expect(await db.templateVersion.count({ where: { workspaceId: w.workspaceId, templateId: id } })).toBe(0);
    expect(
      await db.auditLog.findFirst({ where: { workspaceId: w.workspaceId, entityId: id, action: "template.deleted" } }),
    ).not.toBeNull();
  });
});

describe("template routes: bad input is a 400 naming the field, and writes nothing", () => {
  const refusals: [string, () => Promise<Response>, string][] = [
    [
      "an unknown channel",
      async () =>
        templates.POST(
          await request("/api/templates", {
            method: "POST",
            actor: w.actors.marketer,
            body: { name: "x", channel: "fax" },
          }),
        ),
      "channel",
    ],
    [
      "no name",
      async () =>
        templates.POST(
          await request("/api/templates", {
            method: "POST",
            actor: w.actors.marketer,
            body: { name: "  ", channel: "sms" },
          }),
        ),
      "name",
    ],
    [
      "content missing a required field",
      async () =>
        templates.POST(
          await request("/api/templates", {
            method: "POST",
            actor: w.actors.marketer,
            body: { name: "x", channel: "email", content: { channel: "email", locales: { default: { subject: "" } } } },
          }),
        ),
      "content.locales.default.subject",
    ],
    [
      "content of another channel",
      async () =>
        templates.POST(
          await request("/api/templates", {
            method: "POST",
            actor: w.actors.marketer,
            body: { name: "x", channel: "email", content: sms("Hi") },
          }),
        ),
      "content.channel",
    ],
    [
      "an unknown key",
      async () =>
        byId.PATCH(
          await request(`/api/templates/${templateId}`, {
            method: "PATCH",
            actor: w.actors.marketer,
            body: { title: "x" },
          }),
          at(templateId),
        ),
      "(body)",
    ],
    [
      "a change of channel",
      async () =>
        byId.PATCH(
          await request(`/api/templates/${templateId}`, {
            method: "PATCH",
            actor: w.actors.marketer,
            body: { content: sms("Hi STOP") },
          }),
          at(templateId),
        ),
      "content.channel",
    ],
    [
      "a locale that is not one",
      async () =>
        byId.PATCH(
          await request(`/api/templates/${templateId}`, {
            method: "PATCH",
            actor: w.actors.marketer,
            body: { content: { ...email(), locales: { ...email().locales, german: { subject: "x" } } } },
          }),
          at(templateId),
        ),
      "content.locales.german",
    ],
    [
      "not JSON",
      async () =>
        byId.PATCH(
          await request(`/api/templates/${templateId}`, { method: "PATCH", actor: w.actors.marketer, body: "{" }),
          at(templateId),
        ),
      "(body)",
    ],
    [
      "a test send without a profile",
      async () =>
        testSend.POST(
          await request(`/api/templates/${templateId}/test-send`, {
            method: "POST",
            actor: w.actors.marketer,
            body: {},
          }),
          at(templateId),
        ),
      "profileId",
    ],
    [
      "a test send to an unknown profile",
      async () =>
        testSend.POST(
          await request(`/api/templates/${templateId}/test-send`, {
            method: "POST",
            actor: w.actors.marketer,
            body: { profileId: "nobody" },
          }),
          at(templateId),
        ),
      "profileId",
    ],
    [
      "publishing for a segment and a persona",
      async () =>
        publish.POST(
          await request(`/api/templates/${templateId}/publish`, {
            method: "POST",
            actor: w.actors.marketer,
            body: { segmentId: "a", personaId: "b" },
          }),
          at(templateId),
        ),
      "personaId",
    ],
    [
      "publishing for an unknown segment",
      async () =>
        publish.POST(
          await request(`/api/templates/${templateId}/publish`, {
            method: "POST",
            actor: w.actors.marketer,
            body: { segmentId: "nope" },
          }),
          at(templateId),
        ),
      "segmentId",
    ],
    [
      "a diff without b",
      async () =>
        diff.GET(await request(`/api/templates/${templateId}/diff?a=x`, { actor: w.actors.pm }), at(templateId)),
      "b",
    ],
    [
      "a preview with both content and templateId",
      async () =>
        preview.POST(
          await request("/api/templates/preview", {
            method: "POST",
            actor: w.actors.pm,
            body: { content: sms("Hi"), templateId },
          }),
        ),
      "content",
    ],
    [
      "an outbox page of 0",
      async () => outbox.GET(await request("/api/outbox?limit=0", { actor: w.actors.pm })),
      "limit",
    ],
  ];
  for (const [what, call, field] of refusals) {
    it(`refuses ${what} (${field})`, async () => {
      const before = await counts();
      const response = await json(await call());
      expect([400, 404]).toContain(response.status);
      expect(response.body.error.field).toBe(field);
      expect(await counts()).toEqual(before);
    });
  }
});

describe("template routes: autosave and shapes", () => {
  it("writes nothing for an unchanged body, even with keys in another order", async () => {
    const current = (
      await json(await byId.GET(await request(`/api/templates/${templateId}`, { actor: w.actors.pm }), at(templateId)))
    ).body.template;
    const working = current.draft ?? current.published;
    const reordered = {
      locales: Object.fromEntries(Object.entries(working.content.locales).reverse()),
      channel: "email",
    };
    const before = await counts();
    const saved = await json(
      await byId.PATCH(
        await request(`/api/templates/${templateId}`, {
          method: "PATCH",
          actor: w.actors.marketer,
          body: { name: current.name, content: reordered },
        }),
        at(templateId),
      ),
    );
    expect(saved.status).toBe(200);
    expect(saved.body.template.changed).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it("publishing twice has nothing to publish the second time; restoring the draft itself is refused", async () => {
    const created = await json(
      await templates.POST(
        await request("/api/templates", {
          method: "POST",
          actor: w.actors.marketer,
          body: { name: "Once", channel: "sms", content: sms("Hi STOP") },
        }),
      ),
    );
    const id = created.body.template.id;
    expect(
      (
        await publish.POST(
          await request(`/api/templates/${id}/publish`, { method: "POST", actor: w.actors.marketer }),
          at(id),
        )
      ).status,
    ).toBe(200);
    const again = await json(
      await publish.POST(
        await request(`/api/templates/${id}/publish`, { method: "POST", actor: w.actors.marketer }),
        at(id),
      ),
    );
    expect(again.status).toBe(409);
    await byId.PATCH(
      await request(`/api/templates/${id}`, {
        method: "PATCH",
        actor: w.actors.marketer,
        body: { content: sms("Hello STOP") },
      }),
      at(id),
    );
    const draftId = (
      await db.templateVersion.findFirstOrThrow({
        where: { workspaceId: w.workspaceId, templateId: id, status: "draft" },
      })
    ).id;
    const self = await restore.POST(
      await request(`/api/templates/${id}/versions/${draftId}/restore`, { method: "POST", actor: w.actors.marketer }),
      params({ templateId: id, versionId: draftId }),
    );
    expect(self.status).toBe(409);
  });

  it("lists templates with channel, locales, last published version, draft and used-by", async () => {
    const list = await json(
      await templates.GET(await request("/api/templates?channel=email", { actor: w.actors.analyst })),
    );
    expect(list.status).toBe(200);
    const row = list.body.templates.find((t: { id: string }) => t.id === templateId);
    expect(row).toMatchObject({
      channel: "email",
      locales: ["default", "de"],
      lastPublished: null,
      draft: { version: 1 },
      usedBy: [],
    });
    expect(list.body.templates.every((t: { channel: string }) => t.channel === "email")).toBe(true);
    const searched = await json(
      await templates.GET(await request("/api/templates?q=welc", { actor: w.actors.analyst })),
    );
    expect(searched.body.templates.map((t: { id: string }) => t.id)).toContain(templateId);
  });

  it("pages the outbox newest first", async () => {
    for (const c of ["c1", "c2", "c3"]) {
      expect(
        (
          await testSend.POST(
            await request(`/api/templates/${templateId}/test-send`, {
              method: "POST",
              actor: w.actors.marketer,
              body: { profileId: w.profiles[c] },
            }),
            at(templateId),
          )
        ).status,
      ).toBe(201);
    }
    const first = await json(
      await outbox.GET(await request(`/api/outbox?limit=2&templateId=${templateId}`, { actor: w.actors.pm })),
    );
    expect(first.body.messages).toHaveLength(2);
    const rest = await json(
      await outbox.GET(
        await request(`/api/outbox?limit=50&templateId=${templateId}&before=${first.body.nextBefore}`, {
          actor: w.actors.pm,
        }),
      ),
    );
    const all = [...first.body.messages, ...rest.body.messages];
    expect(new Set(all.map((m: { id: string }) => m.id)).size).toBe(all.length);
    expect(all.map((m: { createdAt: string }) => m.createdAt)).toEqual(
      [...all.map((m: { createdAt: string }) => m.createdAt)].sort().reverse(),
    );
    expect(rest.body.nextBefore).toBeNull();
  });
});
