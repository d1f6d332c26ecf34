import { beforeAll, describe, expect, it } from "vitest";
import * as publish from "@/app/api/templates/[templateId]/publish/route";
import * as byId from "@/app/api/templates/[templateId]/route";
import * as testSend from "@/app/api/templates/[templateId]/test-send/route";
import * as preview from "@/app/api/templates/preview/route";
import * as templates from "@/app/api/templates/route";
import { db } from "@/lib/db/client";
import { ingestCalls } from "@/lib/profiles/ingest/ingest-calls";
import { request } from "./support/fixtures";
import { createTemplateWorld, json, params, sms, type TemplateWorld } from "./support/template-fixtures";

let w: TemplateWorld;
const recent = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
beforeAll(async () => {
  w = await createTemplateWorld();
  // Anna added boots to her cart, then a scarf: the latest add_to_cart is the scarf.
  await ingestCalls(w.workspaceId, [
    {
      type: "track",
      userId: "c1",
      event: "add_to_cart",
      properties: { product: "Boots" },
      timestamp: recent(30),
      messageId: "cart-1",
    },
    {
      type: "track",
      userId: "c1",
      event: "add_to_cart",
      properties: { product: "Scarf" },
      timestamp: recent(10),
      messageId: "cart-2",
    },
  ] as never);
});

const BODY = "You left a {{ event.product }} in your cart. Reply STOP to opt out.";
const create = async (body: object) =>
  json(await templates.POST(await request("/api/templates", { method: "POST", actor: w.actors.marketer, body })));
const doPreview = async (body: object) =>
  (
    await json(
      await preview.POST(await request("/api/templates/preview", { method: "POST", actor: w.actors.marketer, body })),
    )
  ).body.preview;

describe("templates sent on an event", () => {
  it("refuses event variables in a template that is not sent on an event", async () => {
    const { body } = await create({ name: "Scheduled", channel: "sms", content: sms(BODY) });
    const refused = await json(
      await publish.POST(
        await request(`/api/templates/${body.template.id}/publish`, { method: "POST", actor: w.actors.marketer }),
        params({ templateId: body.template.id }),
      ),
    );
    expect(refused).toMatchObject({
      status: 422,
      body: {
        error: {
          code: "lint_errors",
          findings: expect.arrayContaining([
            expect.objectContaining({ code: "liquid.unknown_variable", variable: "event.product" }),
          ]),
        },
      },
    });
  });

  it("renders a triggered template with the profile's latest such event and publishes it", async () => {
    const { body } = await create({
      name: "Cart reminder",
      channel: "sms",
      triggerEvent: "add_to_cart",
      content: sms(BODY),
    });
    const id = body.template.id as string;
    const rendered = await doPreview({ templateId: id, profileId: w.profiles.c1 });
    expect(rendered.rendered.body).toBe("You left a Scarf in your cart. Reply STOP to opt out.");
    // Ben never added anything: the variable without a default breaks for him, and says so.
    const broken = await doPreview({ templateId: id, profileId: w.profiles.c2 });
    // Column 15: where `event.product` starts inside "You left a {{ event.product }}".
    expect(broken.problems[0]).toMatchObject({ field: "body", line: 1, column: 15 });
    expect(
      (
        await publish.POST(
          await request(`/api/templates/${id}/publish`, { method: "POST", actor: w.actors.marketer }),
          params({ templateId: id }),
        )
      ).status,
    ).toBe(200);
    const sent = await json(
      await testSend.POST(
        await request(`/api/templates/${id}/test-send`, {
          method: "POST",
          actor: w.actors.marketer,
          body: { profileId: w.profiles.c1, version: "published" },
        }),
        params({ templateId: id }),
      ),
    );
    expect(sent.body.message.rendered.body).toContain("Scarf");
  });

  it("lets the editor preview inline content with a trigger and saves a trigger change, audited", async () => {
    const inline = await doPreview({ content: sms(BODY), triggerEvent: "add_to_cart", profileId: w.profiles.c1 });
    expect(inline.rendered.body).toContain("Scarf");
    expect(inline.findings.filter((f: { severity: string }) => f.severity === "error")).toEqual([]);
    const { body } = await create({
      name: "Later triggered",
      channel: "sms",
      content: sms("Hello. Reply STOP to opt out."),
    });
    const id = body.template.id as string;
    const saved = await json(
      await byId.PATCH(
        await request(`/api/templates/${id}`, {
          method: "PATCH",
          actor: w.actors.marketer,
          body: { triggerEvent: "add_to_cart" },
        }),
        params({ templateId: id }),
      ),
    );
    expect(saved.body.template.changed).toBe(true);
    const entry = await db.auditLog.findFirstOrThrow({ where: { entityId: id, action: "template.updated" } });
    expect([entry.before, entry.after]).toEqual([{ triggerEvent: null }, { triggerEvent: "add_to_cart" }]);
    const bad = await json(
      await byId.PATCH(
        await request(`/api/templates/${id}`, {
          method: "PATCH",
          actor: w.actors.marketer,
          body: { triggerEvent: "" },
        }),
        params({ templateId: id }),
      ),
    );
    expect(bad).toMatchObject({ status: 400, body: { error: { field: "triggerEvent" } } });
  });
});
