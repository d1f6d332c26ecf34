import { beforeAll, describe, expect, it } from "vitest";
import * as open from "@/app/o/[token]/route";
import * as click from "@/app/r/[token]/route";
import * as oneClick from "@/app/u/[token]/one-click/route";
import * as preferences from "@/app/u/[token]/preferences/route";
import { db } from "@/lib/db/client";
import { savePolicy } from "@/lib/delivery/policy/save-policy";
import { loadPreferences } from "@/lib/delivery/tracking/preferences";
import { openPixelUrl, signToken, unsubscribeUrl } from "@/lib/delivery/tracking/token";
import { trackLinks } from "@/lib/delivery/tracking/track-links";
import type { Actor } from "@/lib/auth/actor";
import { createCampaign, createMessage, createProfile } from "./support/tracking-fixtures";
import { createWorkspace } from "./support/fixtures";

const BASE = "http://localhost";
let workspaceId: string;
let admin: Actor;

beforeAll(async () => {
  const w = await createWorkspace();
  workspaceId = w.workspaceId;
  admin = w.actors.admin;
  await savePolicy(admin, {
    caps: [],
    quietHours: { enabled: false, start: "21:00", end: "08:00", action: "defer" },
    defaultTimezone: "UTC",
    topics: [
      { key: "deals", label: "Weekly deals" },
      { key: "news", label: "Product news" },
    ],
  });
});

const params = (token: string) => ({ params: Promise.resolve({ token }) });
const tokenOf = (url: string) => url.slice(url.lastIndexOf("/") + 1);

/** A delivered e-mail whose links went through trackLinks, as the worker stores it. */
async function trackedEmail(links = ["https://shop.example/sale", "https://shop.example/new?x=1&y=2"]) {
  const campaign = await createCampaign(workspaceId, { channel: "email", topic: "deals" });
  const profile = await createProfile(workspaceId, { consent: { email: true, push: true } });
  const message = await createMessage(workspaceId, campaign, profile.id, { variantId: "B" });
  const ref = { workspaceId, messageId: message.id };
  const html = `<html><body>${links.map((l, i) => `<a href="${l.replace(/&/g, "&amp;")}">Link ${i}</a>`).join(" ")}</body></html>`;
  const { rendered, stored } = trackLinks({ subject: "Hello", html, text: links.join("\n") }, "email", ref, BASE);
  await db.message.update({
    where: { workspaceId_id: { workspaceId, id: message.id } },
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- tsc needs it for Prisma's Json input
    data: { rendered: stored as object },
  });
  const tracked = [...(rendered.html as string).matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
  return {
    campaign,
    profile,
    message,
    ref,
    tracked,
    pixel: openPixelUrl(ref, BASE),
    unsubscribe: unsubscribeUrl(ref, BASE),
  };
}

const events = (messageId: string, name: string) =>
  db.event.findMany({ where: { workspaceId, name, properties: { path: ["messageId"], equals: messageId } } });
const daily = (campaignId: string) => db.messageDaily.findMany({ where: { workspaceId, campaignId } });

describe("click redirect /r/<token>", () => {
  it("redirects to the link's own target and records message_clicked once per message", async () => {
    const m = await trackedEmail();
    const first = await click.GET(new Request(m.tracked[1]!), params(tokenOf(m.tracked[1]!)));
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe("https://shop.example/new?x=1&y=2");
    expect(first.headers.get("cache-control")).toBe("no-store");

    const again = await click.GET(new Request(m.tracked[0]!), params(tokenOf(m.tracked[0]!)));
    expect(again.status).toBe(302);
    expect(again.headers.get("location")).toBe("https://shop.example/sale");

    const clicked = await events(m.message.id, "message_clicked");
    expect(clicked).toHaveLength(1);
    expect(clicked[0]).toMatchObject({
      messageId: `${m.message.id}:clicked`,
      campaignId: m.campaign.id,
      variantId: "B",
      channel: "email",
      profileId: m.profile.id,
    });
    expect(clicked[0]!.properties).toMatchObject({ link: 1, url: "https://shop.example/new?x=1&y=2" });
    const row = await db.message.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId, id: m.message.id } } });
    expect(row.clickedAt).not.toBeNull();
    expect((await daily(m.campaign.id)).reduce((n, d) => n + d.clicked, 0)).toBe(1);
  });

  it("HEAD (link scanners) redirects without counting a click", async () => {
    const m = await trackedEmail();
    const response = await click.HEAD(new Request(m.tracked[0]!, { method: "HEAD" }), params(tokenOf(m.tracked[0]!)));
    expect(response.status).toBe(302);
    expect(await events(m.message.id, "message_clicked")).toHaveLength(0);
  });

  it("answers 404 to a tampered token, a link index the message does not have, and a token of another kind — and records nothing", async () => {
    const m = await trackedEmail();
    const token = tokenOf(m.tracked[0]!);
    const tampered = token.slice(0, 10) + (token[10] === "A" ? "B" : "A") + token.slice(11);
    const outOfRange = signToken({ kind: "click", link: 7, ...m.ref });
    const otherWorkspace = signToken({
      kind: "click",
      link: 0,
      workspaceId: (await createWorkspace()).workspaceId,
      messageId: m.message.id,
    });
    for (const bad of [tampered, outOfRange, tokenOf(m.pixel), tokenOf(m.unsubscribe), otherWorkspace, "x"]) {
      const response = await click.GET(new Request(`${BASE}/r/${bad}`), params(bad));
      expect(response.status, bad).toBe(404);
      expect(response.headers.get("location")).toBeNull();
    }
    expect(await events(m.message.id, "message_clicked")).toHaveLength(0);
  });

  it("never redirects to a stored target that is not http(s), even with a genuine token", async () => {
    const m = await trackedEmail();
    await db.message.update({
      where: { workspaceId_id: { workspaceId, id: m.message.id } },
      data: { rendered: { __links: ["javascript:alert(1)"] } },
    });
    const token = tokenOf(m.tracked[0]!);
    expect((await click.GET(new Request(m.tracked[0]!), params(token))).status).toBe(404);
  });
});

describe("open pixel /o/<token>", () => {
  it("answers a 1×1 GIF that is never cached and records message_opened once", async () => {
    const m = await trackedEmail();
    for (let i = 0; i < 2; i++) {
      const response = await open.GET(new Request(m.pixel), params(tokenOf(m.pixel)));
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/gif");
      expect(response.headers.get("cache-control")).toContain("no-store");
      const body = Buffer.from(await response.arrayBuffer());
      expect(body.subarray(0, 6).toString("latin1")).toBe("GIF89a");
      expect(body.readUInt16LE(6)).toBe(1);
      expect(body.readUInt16LE(8)).toBe(1);
    }
    expect(await events(m.message.id, "message_opened")).toHaveLength(1);
    expect(
      (await db.message.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId, id: m.message.id } } })).openedAt,
    ).not.toBeNull();
    expect((await daily(m.campaign.id)).reduce((n, d) => n + d.opened, 0)).toBe(1);
  });

  it("answers 404 to a tampered token", async () => {
    const m = await trackedEmail();
    const bad = tokenOf(m.pixel).slice(0, -2) + "zz";
    expect((await open.GET(new Request(`${BASE}/o/${bad}`), params(bad))).status).toBe(404);
    expect(await events(m.message.id, "message_opened")).toHaveLength(0);
  });
});

describe("unsubscribe /u/<token>", () => {
  const save = async (token: string, body: unknown) =>
    preferences.POST(
      new Request(`${BASE}/u/${token}/preferences`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
      params(token),
    );

  it("shows the profile's channels and topics, applies a change at once, and the page then reflects it", async () => {
    const m = await trackedEmail();
    const token = tokenOf(m.unsubscribe);
    const before = await loadPreferences(token);
    // In-app shows because the profile has a user id (its inbox address), though it never answered for it.
    expect(before!.channels.map((c) => [c.channel, c.subscribed])).toEqual([
      ["email", true],
      ["push", true],
      ["in_app", false],
    ]);
    expect(before!.topics).toEqual([
      { key: "deals", label: "Weekly deals", subscribed: true },
      { key: "news", label: "Product news", subscribed: true },
    ]);
    expect(before!.recipient).toMatch(/^p•••@example\.com$/);

    const response = await save(token, { consent: { email: false, push: true }, topics: { deals: false, news: true } });
    expect(response.status).toBe(200);
    const profile = await db.profile.findUniqueOrThrow({
      where: { workspaceId_id: { workspaceId, id: m.profile.id } },
    });
    expect(profile.consent).toEqual({ email: false, push: true });
    expect(profile.subscriptions).toEqual({ deals: false });
    const after = await loadPreferences(token);
    expect(after!.channels.find((c) => c.channel === "email")!.subscribed).toBe(false);
    expect(after!.topics.find((t) => t.key === "deals")!.subscribed).toBe(false);

    const unsubscribed = await events(m.message.id, "message_unsubscribed");
    expect(unsubscribed).toHaveLength(1);
    expect(unsubscribed[0]!.properties).toMatchObject({ channels: ["email"], topics: ["deals"] });
    expect((await daily(m.campaign.id)).reduce((n, d) => n + d.unsubscribed, 0)).toBe(1);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { workspaceId, entityType: "profile", entityId: m.profile.id, action: "profile.preferences_changed" },
    });
    expect(audit.actorId).toBeNull();
    expect(audit.before).toMatchObject({ consent: { email: true, push: true }, subscriptions: {} });

    // A second opt-out through the same message is a change (audited) but not a second unsubscribe event.
    await save(token, { unsubscribeAll: true });
    expect(
      (await db.profile.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId, id: m.profile.id } } })).consent,
    ).toEqual({ email: false, push: false });
    expect(await events(m.message.id, "message_unsubscribed")).toHaveLength(1);
    expect(
      await db.auditLog.count({
        where: { workspaceId, entityId: m.profile.id, action: "profile.preferences_changed" },
      }),
    ).toBe(2);

    // Ticking a channel again opts back in.
    await save(token, { consent: { email: true }, topics: {} });
    expect(
      (await db.profile.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId, id: m.profile.id } } })).consent,
    ).toMatchObject({ email: true, push: false });
  });

  it("refuses bad input with a 400 naming the field, and a tampered token with a 404; neither writes", async () => {
    const m = await trackedEmail();
    const token = tokenOf(m.unsubscribe);
    const bad = await save(token, { consent: { fax: false }, topics: {} });
    expect(bad.status).toBe(400);
    const tampered = token.slice(0, -3) + "abc";
    expect((await save(tampered, { unsubscribeAll: true })).status).toBe(404);
    expect(await loadPreferences(tampered)).toBeNull();
    expect(await loadPreferences(tokenOf(m.pixel))).toBeNull();
    expect(
      (await db.profile.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId, id: m.profile.id } } })).consent,
    ).toEqual({ email: true, push: true });
    expect(await events(m.message.id, "message_unsubscribed")).toHaveLength(0);
  });

  it("one-click POST (RFC 8058) opts out of the message's channel at once", async () => {
    const m = await trackedEmail();
    const token = tokenOf(m.unsubscribe);
    const post = (body: string, t = token) =>
      oneClick.POST(
        new Request(`${BASE}/u/${t}`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body,
        }),
        params(t),
      );
    expect((await post("something=else")).status).toBe(400);
    expect(
      (await post("List-Unsubscribe=One-Click", token.slice(0, -1) + (token.endsWith("A") ? "B" : "A"))).status,
    ).toBe(404);
    expect(
      (await db.profile.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId, id: m.profile.id } } })).consent,
    ).toEqual({ email: true, push: true });
    const response = await post("List-Unsubscribe=One-Click");
    expect(response.status).toBe(200);
    expect(
      (await db.profile.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId, id: m.profile.id } } })).consent,
    ).toEqual({ email: false, push: true });
    const [event] = await events(m.message.id, "message_unsubscribed");
    expect(event!.properties).toMatchObject({ channels: ["email"], oneClick: true });
  });
});
