import { beforeAll, describe, expect, it } from "vitest";
import * as apiKeys from "@/app/api/api-keys/route";
import * as byChannel from "@/app/api/delivery/providers/[channel]/route";
import * as testRoute from "@/app/api/delivery/providers/[channel]/test/route";
import * as providers from "@/app/api/delivery/providers/route";
import * as track from "@/app/api/v1/[type]/route";
import * as inappEvents from "@/app/api/v1/inapp/events/route";
import * as inapp from "@/app/api/v1/inapp/route";
import * as inAppIdentity from "@/app/api/workspace/inapp-identity/route";
import type { Role } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { identitySecret, userHashFor, verifyUserHash } from "@/lib/delivery/inapp/identity";
import { inAppProvider } from "@/lib/delivery/providers/in-app";
import { providerConfigSchemas } from "@/lib/delivery/providers/config-schema";
import { providerFor } from "@/lib/delivery/providers/provider-for";
import { decryptSecrets, encryptSecrets } from "@/lib/delivery/secrets";
import { createWorkspace, request } from "./support/fixtures";
import { ingestRequest } from "./support/ingest-fixtures";
import { hmacHex, startPeer } from "./support/peer-servers";
import { createTemplateWorld, json, params, type TemplateWorld } from "./support/template-fixtures";

let w: TemplateWorld & { key?: string };
const SECRET = "whsec_super-secret-signing-value-123";

beforeAll(async () => {
  w = await createTemplateWorld();
});

const put = async (role: Role, channel: string, body: unknown) =>
  byChannel.PUT(
    await request(`/api/delivery/providers/${channel}`, { method: "PUT", actor: w.actors[role], body }),
    params({ channel }),
  );
const counts = async () => ({
  providers: await db.channelProvider.count({ where: { workspaceId: w.workspaceId } }),
  audit: await db.auditLog.count({ where: { workspaceId: w.workspaceId } }),
});

describe("provider secrets at rest", () => {
  it("round-trip through AES-256-GCM and never appear in the envelope", () => {
    const envelope = encryptSecrets({ password: "hunter2-hunter2" });
    expect(envelope).toMatch(/^v1\./);
    expect(envelope).not.toContain("hunter2");
    expect(decryptSecrets(envelope)).toEqual({ password: "hunter2-hunter2" });
    // A fresh IV each time: the same secrets never give the same envelope.
    expect(encryptSecrets({ password: "hunter2-hunter2" })).not.toBe(envelope);
  });

  it("refuse a tampered envelope and one sealed under another app key", () => {
    const envelope = encryptSecrets({ token: "abc" });
    const parts = envelope.split(".");
    const body = Buffer.from(parts[3]!, "base64url");
    body[0] = body[0]! ^ 1;
    expect(() => decryptSecrets([...parts.slice(0, 3), body.toString("base64url")].join("."))).toThrow(
      /do not decrypt/,
    );
    const saved = process.env.TAILOR_APP_KEY;
    process.env.TAILOR_APP_KEY = "another-app-key";
    try {
      expect(() => decryptSecrets(envelope)).toThrow(/app key/);
    } finally {
      if (saved === undefined) delete process.env.TAILOR_APP_KEY;
      else process.env.TAILOR_APP_KEY = saved;
    }
  });
});

describe("provider settings API", () => {
  it("lists every channel, unconfigured ones on the sandbox", async () => {
    const res = await json(await providers.GET(await request("/api/delivery/providers", { actor: w.actors.admin })));
    expect(res.status).toBe(200);
    expect(res.body.providers.map((p: { channel: string }) => p.channel)).toEqual([
      "email",
      "push",
      "web_push",
      "sms",
      "in_app",
      "messenger",
      "webhook",
    ]);
    expect(
      res.body.providers.every((p: { kind: string; configured: boolean }) => p.kind === "sandbox" && !p.configured),
    ).toBe(true);
  });

  for (const role of ["marketer", "pm", "analyst"] as const) {
    it(`refuses a ${role} with 403 and writes nothing`, async () => {
      const before = await counts();
      expect((await providers.GET(await request("/api/delivery/providers", { actor: w.actors[role] }))).status).toBe(
        403,
      );
      expect(
        (
          await put(role, "webhook", {
            kind: "webhook",
            config: { url: "https://hooks.example.com" },
            secrets: { signingSecret: SECRET },
          })
        ).status,
      ).toBe(403);
      expect(
        (
          await testRoute.POST(
            await request("/api/delivery/providers/webhook/test", {
              method: "POST",
              actor: w.actors[role],
              body: { to: "x" },
            }),
            params({ channel: "webhook" }),
          )
        ).status,
      ).toBe(403);
      expect(await counts()).toEqual(before);
    });
  }

  const refusals: [string, string, unknown, string][] = [
    ["an unknown kind", "email", { kind: "fax" }, "kind"],
    [
      "a kind that cannot carry the channel",
      "sms",
      { kind: "smtp", config: { host: "h", fromAddress: "a@b.co" } },
      "kind",
    ],
    ["an SMTP host left out", "email", { kind: "smtp", config: { fromAddress: "a@b.co" } }, "config.host"],
    [
      "a From address that is none",
      "email",
      { kind: "smtp", config: { host: "smtp.example.com", fromAddress: "nope" } },
      "config.fromAddress",
    ],
    [
      "a webhook without its signing secret",
      "webhook",
      { kind: "webhook", config: { url: "https://hooks.example.com" } },
      "secrets.signingSecret",
    ],
    [
      "a short signing secret",
      "webhook",
      { kind: "webhook", config: {}, secrets: { signingSecret: "short" } },
      "secrets.signingSecret",
    ],
    [
      "a non-http endpoint",
      "webhook",
      { kind: "webhook", config: { url: "ftp://x" }, secrets: { signingSecret: SECRET } },
      "config.url",
    ],
    [
      "a misspelt setting",
      "sms",
      { kind: "sms_http", config: { accountSid: "AC1", from: "+1", sender: "x" }, secrets: { authToken: "t" } },
      "config",
    ],
    ["an unknown channel", "fax", { kind: "sandbox" }, "channel"],
  ];
  for (const [what, channel, body, field] of refusals) {
    it(`refuses ${what} with 400 naming ${field}, writing nothing`, async () => {
      const before = await counts();
      const res = await json(await put("admin", channel, body));
      expect(res.status).toBe(400);
      expect(res.body.error.field).toBe(field);
      expect(await counts()).toEqual(before);
    });
  }

  it("stores the signing secret encrypted, says it is set, and never returns or audits its value", async () => {
    const saved = await put("admin", "webhook", {
      kind: "webhook",
      config: { url: "https://hooks.example.com/t", timeoutMs: 5000 },
      secrets: { signingSecret: SECRET },
    });
    const text = await saved.text();
    expect(saved.status).toBe(200);
    expect(text).not.toContain(SECRET);
    expect(JSON.parse(text).provider).toMatchObject({
      channel: "webhook",
      kind: "webhook",
      configured: true,
      config: { url: "https://hooks.example.com/t", timeoutMs: 5000 },
      secretsSet: { signingSecret: true },
    });
    const listed = await (
      await providers.GET(await request("/api/delivery/providers", { actor: w.actors.admin }))
    ).text();
    expect(listed).not.toContain(SECRET);
    const row = await db.channelProvider.findUniqueOrThrow({
      where: { workspaceId_channel: { workspaceId: w.workspaceId, channel: "webhook" } },
    });
    expect(row.secrets).not.toContain(SECRET);
    expect(decryptSecrets(row.secrets!)).toEqual({ signingSecret: SECRET });
    const audit = await db.auditLog.findMany({ where: { workspaceId: w.workspaceId, entityType: "channel_provider" } });
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit.map((a) => [a.before, a.after]))).not.toContain(SECRET);
    expect(audit.at(-1)!.after).toMatchObject({
      secretsChanged: ["signingSecret"],
      secretsSet: { signingSecret: true },
    });
  });

  it("keeps the stored secret when a save leaves it blank, and uses the new config at once", async () => {
    const res = await json(
      await put("admin", "webhook", {
        kind: "webhook",
        config: { url: "https://hooks.example.com/v2" },
        secrets: { signingSecret: "" },
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body.provider.secretsSet).toEqual({ signingSecret: true });
    const row = await db.channelProvider.findUniqueOrThrow({
      where: { workspaceId_channel: { workspaceId: w.workspaceId, channel: "webhook" } },
    });
    expect(decryptSecrets(row.secrets!)).toEqual({ signingSecret: SECRET });
    expect((await providerFor(w.workspaceId, "webhook")).kind).toBe("webhook");
    await put("admin", "webhook", { kind: "sandbox" });
    // The cache was dropped on save: the next send takes the new provider.
    expect((await providerFor(w.workspaceId, "webhook")).kind).toBe("sandbox");
  });

  it("sends a test through the saved provider and reports the endpoint's answer", async () => {
    const peer = await startPeer((r) =>
      r.headers["x-tailor-signature"] === `sha256=${hmacHex(SECRET, r.body)}`
        ? { status: 200 }
        : { status: 401, body: "bad signature" },
    );
    try {
      await put("admin", "webhook", {
        kind: "webhook",
        config: { url: `${peer.url}/ok` },
        secrets: { signingSecret: SECRET },
      });
      const ok = await json(
        await testRoute.POST(
          await request("/api/delivery/providers/webhook/test", {
            method: "POST",
            actor: w.actors.admin,
            body: { to: "c1" },
          }),
          params({ channel: "webhook" }),
        ),
      );
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ kind: "webhook", result: { ok: true } });
      expect(JSON.parse(peer.received[0]!.body.toString())).toMatchObject({
        campaignId: "provider-test",
        payload: { test: true },
      });
      await put("admin", "webhook", {
        kind: "webhook",
        config: { url: `${peer.url}/ok` },
        secrets: { signingSecret: "a-different-secret-000" },
      });
      const refused = await json(
        await testRoute.POST(
          await request("/api/delivery/providers/webhook/test", {
            method: "POST",
            actor: w.actors.admin,
            body: { to: "c1" },
          }),
          params({ channel: "webhook" }),
        ),
      );
      expect(refused.body).toMatchObject({ result: { ok: false, transient: false } });
      expect(refused.body.result.error).toContain("401");
      expect(JSON.stringify(refused.body)).not.toContain("a-different-secret-000");
    } finally {
      await peer.close();
    }
  });

  it("refuses a test without an address with 400 naming to", async () => {
    const res = await json(
      await testRoute.POST(
        await request("/api/delivery/providers/webhook/test", {
          method: "POST",
          actor: w.actors.admin,
          body: { to: " " },
        }),
        params({ channel: "webhook" }),
      ),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe("to");
  });
});

describe("in-app inbox with a client key", () => {
  let clientKey: string;
  let serverKey: string;
  let campaignId: string;
  let messageId: string;
  let otherUsersMessageId: string;

  // What the customer's server renders into the page beside the user id.
  const hashOf = async (userId: string) => userHashFor(await identitySecret(w.workspaceId), userId);
  const inboxWith = (key: string | null, userId: string, userHash: string | null) =>
    inapp.GET(
      new Request(
        `http://localhost/api/v1/inapp?userId=${encodeURIComponent(userId)}${userHash === null ? "" : `&userHash=${userHash}`}`,
        {
          headers: key ? { authorization: `Bearer ${key}`, origin: "https://shop.example.com" } : {},
        },
      ),
    );
  const inbox = async (key: string | null, userId: string) => inboxWith(key, userId, await hashOf(userId));
  const event = async (body: { userId: string } & Record<string, unknown>, key = clientKey) =>
    inappEvents.POST(ingestRequest("/api/v1/inapp/events", { userHash: await hashOf(body.userId), ...body }, key));

  beforeAll(async () => {
    const client = await json(
      await apiKeys.POST(
        await request("/api/api-keys", {
          method: "POST",
          actor: w.actors.admin,
          body: { name: "Shop site", kind: "client" },
        }),
      ),
    );
    expect(client.status).toBe(201);
    clientKey = client.body.key;
    serverKey = (
      await json(
        await apiKeys.POST(
          await request("/api/api-keys", { method: "POST", actor: w.actors.admin, body: { name: "Backend" } }),
        ),
      )
    ).body.key;
    const campaign = await db.campaign.create({
      data: {
        workspaceId: w.workspaceId,
        name: "Spring banner",
        channel: "in_app",
        audience: {},
        schedule: { kind: "now" },
        ownerEmail: w.actors.marketer.email,
        status: "sending",
      },
    });
    campaignId = campaign.id;
    const provider = inAppProvider(providerConfigSchemas.in_app.parse({ ttlDays: 30 }));
    const enqueue = async (profile: string) => {
      const m = await db.message.create({
        data: {
          workspaceId: w.workspaceId,
          campaignId,
          profileId: w.profiles[profile]!,
          occurrence: "1",
          channel: "in_app",
          variantId: "B",
          personaId: "persona-deal",
          sendAfter: new Date(),
          status: "sending",
        },
      });
      const r = await provider.send({
        workspaceId: w.workspaceId,
        id: m.id,
        campaignId,
        profileId: m.profileId,
        channel: "in_app",
        to: profile,
        rendered: {
          layout: "card",
          title: `Hi ${profile}`,
          body: "Spring is here",
          buttons: [{ label: "Shop now", url: "https://shop.example.com/spring" }],
        },
        locale: null,
        unsubscribeUrl: "",
      });
      expect(r.ok).toBe(true);
      return m.id;
    };
    messageId = await enqueue("c1");
    otherUsersMessageId = await enqueue("c2");
    // Expired and dismissed messages stay out of the inbox.
    await db.inAppMessage.create({
      data: {
        workspaceId: w.workspaceId,
        profileId: w.profiles.c1!,
        messageId: "old-1",
        campaignId,
        layout: "banner",
        content: { title: "Old", body: "x" },
        expiresAt: new Date(Date.now() - 1000),
      },
    });
    await db.inAppMessage.create({
      data: {
        workspaceId: w.workspaceId,
        profileId: w.profiles.c1!,
        messageId: "gone-1",
        campaignId,
        layout: "banner",
        content: { title: "Gone", body: "x" },
        dismissedAt: new Date(),
      },
    });
  });

  it("gives client keys their own prefix and lists their kind", async () => {
    expect(clientKey).toMatch(/^tlp_/);
    const listed = await json(await apiKeys.GET(await request("/api/api-keys", { actor: w.actors.admin })));
    expect(listed.body.apiKeys.find((k: { name: string }) => k.name === "Shop site")).toMatchObject({ kind: "client" });
    expect(listed.body.apiKeys.find((k: { name: string }) => k.name === "Backend")).toMatchObject({ kind: "server" });
  });

  it("returns the user's unexpired, undismissed messages, with CORS for the embedding site", async () => {
    const res = await inbox(clientKey, "c1");
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const body = await res.json();
    expect(body.messages).toEqual([
      expect.objectContaining({
        messageId,
        layout: "card",
        title: "Hi c1",
        body: "Spring is here",
        buttons: [{ label: "Shop now", url: "https://shop.example.com/spring" }],
        seen: false,
        clicked: false,
      }),
    ]);
    expect((await (await inbox(clientKey, "nobody")).json()).messages).toEqual([]);
    const preflight = inapp.OPTIONS();
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-headers")).toContain("authorization");
  });

  it("refuses a server key on the inbox and a client key on the ingestion API", async () => {
    const wrongDoor = await inbox(serverKey, "c1");
    expect(wrongDoor.status).toBe(403);
    expect(wrongDoor.headers.get("access-control-allow-origin")).toBe("*");
    expect((await inbox(null, "c1")).status).toBe(401);
    const before = await db.event.count({ where: { workspaceId: w.workspaceId } });
    const res = await json(
      await track.POST(
        ingestRequest("/api/v1/track", { userId: "c1", event: "purchase", messageId: "x-1" }, clientKey),
        params({ type: "track" }),
      ),
    );
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("client_key");
    expect(await db.event.count({ where: { workspaceId: w.workspaceId } })).toBe(before);
  });

  it("reads no inbox and records nothing for a user id without the hash the customer's server made for it", async () => {
    const missing = await json(await inboxWith(clientKey, "c1", null));
    expect(missing.status).toBe(400);
    expect(missing.body.error.field).toBe("userHash");
    // c2's valid hash does not open c1's inbox; nor does a hash of c1 made with another secret.
    const borrowed = await json(await inboxWith(clientKey, "c1", await hashOf("c2")));
    expect(borrowed.status).toBe(401);
    expect(borrowed.body.error).toMatchObject({ code: "identity_not_verified", field: "userHash" });
    expect((await inboxWith(clientKey, "c1", userHashFor("tis_guessed", "c1"))).status).toBe(401);
    const forged = await json(await event({ userId: "c1", userHash: await hashOf("c2"), messageId, type: "click" }));
    expect(forged.status).toBe(401);
    const row = await db.inAppMessage.findUniqueOrThrow({
      where: { workspaceId_messageId: { workspaceId: w.workspaceId, messageId } },
    });
    expect(row.clickedAt).toBeNull();
  });

  it("lets an admin rotate the identity secret: hashes made with the old one stop working at once", async () => {
    const { workspaceId, actors } = await createWorkspace();
    const first = await json(
      await inAppIdentity.GET(await request("/api/workspace/inapp-identity", { actor: actors.admin })),
    );
    expect(first.body.secret).toMatch(/^tis_[\w-]{43}$/);
    expect(
      (await json(await inAppIdentity.GET(await request("/api/workspace/inapp-identity", { actor: actors.admin }))))
        .body.secret,
    ).toBe(first.body.secret);
    const rotated = await json(
      await inAppIdentity.POST(await request("/api/workspace/inapp-identity", { method: "POST", actor: actors.admin })),
    );
    expect(rotated.body.secret).not.toBe(first.body.secret);
    await expect(verifyUserHash(workspaceId, "u1", userHashFor(first.body.secret, "u1"))).rejects.toMatchObject({
      status: 401,
    });
    await expect(verifyUserHash(workspaceId, "u1", userHashFor(rotated.body.secret, "u1"))).resolves.toBeUndefined();
    expect(await db.auditLog.count({ where: { workspaceId, action: "inapp_identity.rotated" } })).toBe(1);
    const stored = await db.workspace.findUniqueOrThrow({
      where: { id: workspaceId },
      select: { inAppIdentitySecret: true },
    });
    expect(stored.inAppIdentitySecret).not.toContain(rotated.body.secret);
  });

  it("records an impression once: seenAt, one message_opened event and one opened in MessageDaily", async () => {
    for (let i = 0; i < 2; i++) expect((await event({ userId: "c1", messageId, type: "impression" })).status).toBe(200);
    const row = await db.inAppMessage.findUniqueOrThrow({
      where: { workspaceId_messageId: { workspaceId: w.workspaceId, messageId } },
    });
    expect(row.seenAt).not.toBeNull();
    const events = await db.event.findMany({ where: { workspaceId: w.workspaceId, campaignId } });
    expect(events.map((e) => [e.name, e.messageId, e.channel, e.variantId])).toEqual([
      ["message_opened", `${messageId}:opened`, "in_app", "B"],
    ]);
    const daily = await db.messageDaily.findMany({ where: { workspaceId: w.workspaceId, campaignId } });
    expect(daily).toEqual([
      expect.objectContaining({ channel: "in_app", variantId: "B", personaId: "persona-deal", opened: 1, clicked: 0 }),
    ]);
  });

  it("records a click once and a dismissal hides the message", async () => {
    for (let i = 0; i < 2; i++) expect((await event({ userId: "c1", messageId, type: "click" })).status).toBe(200);
    const daily = await db.messageDaily.findMany({ where: { workspaceId: w.workspaceId, campaignId } });
    expect(daily).toEqual([expect.objectContaining({ opened: 1, clicked: 1 })]);
    const message = await db.message.findUniqueOrThrow({
      where: { workspaceId_id: { workspaceId: w.workspaceId, id: messageId } },
    });
    expect(message.openedAt).not.toBeNull();
    expect(message.clickedAt).not.toBeNull();
    expect((await event({ userId: "c1", messageId, type: "dismiss" })).status).toBe(200);
    expect((await (await inbox(clientKey, "c1")).json()).messages).toEqual([]);
  });

  it("treats another user's message as absent and bad input as a 400 naming the field", async () => {
    const before = await db.event.count({ where: { workspaceId: w.workspaceId } });
    const res = await json(await event({ userId: "c1", messageId: otherUsersMessageId, type: "click" }));
    expect(res.status).toBe(404);
    expect(res.body.error.field).toBe("messageId");
    const bad = await json(await event({ userId: "c1", messageId, type: "hover" }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("type");
    expect(await db.event.count({ where: { workspaceId: w.workspaceId } })).toBe(before);
    const other = await db.inAppMessage.findUniqueOrThrow({
      where: { workspaceId_messageId: { workspaceId: w.workspaceId, messageId: otherUsersMessageId } },
    });
    expect(other.clickedAt).toBeNull();
  });
});
