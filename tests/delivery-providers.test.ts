import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import webpush from "web-push";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as testSend from "@/app/api/templates/[templateId]/test-send/route";
import * as templates from "@/app/api/templates/route";
import { db } from "@/lib/db/client";
import { inAppProvider } from "@/lib/delivery/providers/in-app";
import { messengerBotProvider } from "@/lib/delivery/providers/messenger-bot";
import { providerConfigSchemas } from "@/lib/delivery/providers/config-schema";
import { providerFor } from "@/lib/delivery/providers/provider-for";
import { sandboxProvider } from "@/lib/delivery/providers/sandbox";
import { saveProvider } from "@/lib/delivery/providers/save-provider";
import { smsHttpProvider } from "@/lib/delivery/providers/sms-http";
import { webhookProvider } from "@/lib/delivery/providers/webhook";
import { webPushProvider } from "@/lib/delivery/providers/web-push";
import { type OutgoingMessage } from "@/lib/delivery/providers/provider";
import { request } from "./support/fixtures";
import { hmacHex, pushSubscriber, startPeer, verifyVapid } from "./support/peer-servers";
import { createTemplateWorld, json, params, type TemplateWorld } from "./support/template-fixtures";

let w: TemplateWorld;
beforeAll(async () => {
  w = await createTemplateWorld();
});

const message = (over: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  workspaceId: w.workspaceId,
  id: `msg_${randomUUID()}`,
  campaignId: "cmp_test",
  profileId: w.profiles.c1!,
  channel: "sms",
  to: "+4915112345678",
  rendered: { body: "Hi Anna" },
  locale: null,
  unsubscribeUrl: "",
  ...over,
});

describe("SMTP e-mail through a real SMTP server", () => {
  type Mail = Awaited<ReturnType<typeof simpleParser>> & { envelopeTo: string[] };
  const mails: Mail[] = [];
  const logins: { username: string; password: string }[] = [];
  let server: SMTPServer;
  let port: number;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onAuth(auth, _session, callback) {
        logins.push({ username: auth.username ?? "", password: auth.password ?? "" });
        if (auth.password !== "s3cret-relay-password")
          return callback(Object.assign(new Error("Invalid credentials"), { responseCode: 535 }));
        callback(null, { user: auth.username });
      },
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith("gone@"))
          return callback(Object.assign(new Error("No such mailbox"), { responseCode: 550 }));
        if (address.address.startsWith("greylisted@"))
          return callback(Object.assign(new Error("Try again later"), { responseCode: 451 }));
        callback();
      },
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            mails.push(Object.assign(parsed, { envelopeTo: session.envelope.rcptTo.map((r) => r.address) }));
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const smtpSettings = (password?: string) => ({
    kind: "smtp",
    config: {
      host: "127.0.0.1",
      port,
      secure: false,
      username: "relay-user",
      fromAddress: "news@shop.example.com",
      fromName: "Acme Outfitters",
      timeoutMs: 5_000,
    },
    secrets: password === undefined ? {} : { password },
  });

  it("delivers the personalised message with HTML and text parts, Message-ID and one-click unsubscribe headers", async () => {
    const created = await json(
      await templates.POST(
        await request("/api/templates", {
          method: "POST",
          actor: w.actors.marketer,
          body: {
            name: "Welcome mail",
            channel: "email",
            content: {
              channel: "email",
              locales: {
                default: {
                  subject: 'Hello {{ profile.first_name | default: "there" }}',
                  body: {
                    format: "blocks",
                    blocks: [
                      { type: "text", text: "Hi {{ profile.first_name }}, all is 20% off." },
                      { type: "footer", text: "Acme", unsubscribeLabel: "Unsubscribe" },
                    ],
                  },
                },
              },
            },
          },
        }),
      ),
    );
    const templateId = created.body.template.id as string;
    // The real render path: the same fields a campaign renders for Anna.
    const sent = await json(
      await testSend.POST(
        await request(`/api/templates/${templateId}/test-send`, {
          method: "POST",
          actor: w.actors.marketer,
          body: { profileId: w.profiles.c3 },
        }),
        params({ templateId }),
      ),
    );
    expect(sent.status).toBe(201);
    await saveProvider(w.actors.admin, "email", smtpSettings("s3cret-relay-password"));
    const provider = await providerFor(w.workspaceId, "email");
    expect(provider.kind).toBe("smtp");
    const m = message({
      channel: "email",
      to: "c3@example.com",
      rendered: sent.body.message.rendered,
      unsubscribeUrl: "https://tailor.example.com/u/tok123",
    });
    const result = await provider.send(m);
    expect(result).toEqual({ ok: true, providerId: `<${m.id}@shop.example.com>` });
    // The password came out of the encrypted envelope.
    expect(logins.at(-1)).toEqual({ username: "relay-user", password: "s3cret-relay-password" });
    const mail = mails.find((x) => x.messageId === `<${m.id}@shop.example.com>`)!;
    expect(mail).toBeDefined();
    expect(mail.envelopeTo).toEqual(["c3@example.com"]);
    expect(mail.subject).toBe("Hello Cleo");
    expect(mail.from?.value[0]).toEqual({ address: "news@shop.example.com", name: "Acme Outfitters" });
    expect(mail.text).toContain("Hi Cleo, all is 20% off.");
    expect(mail.html).toContain("Hi Cleo, all is 20% off.");
    const line = (key: string) => mail.headerLines.find((h) => h.key === key)?.line;
    expect(line("list-unsubscribe")).toBe("List-Unsubscribe: <https://tailor.example.com/u/tok123>");
    expect(line("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(mail.headers.get("list")).toMatchObject({ unsubscribe: { url: "https://tailor.example.com/u/tok123" } });
    expect(mail.headers.get("x-tailor-message")).toBe(m.id);
  });

  it("sends the template's personalised From name instead of the provider's, with line breaks flattened", async () => {
    const created = await json(
      await templates.POST(
        await request("/api/templates", {
          method: "POST",
          actor: w.actors.marketer,
          body: {
            name: "From the store",
            channel: "email",
            content: {
              channel: "email",
              locales: {
                default: {
                  fromName: "{{ profile.first_name }} at Acme",
                  subject: "Hi",
                  body: { format: "blocks", blocks: [{ type: "text", text: "Hello" }] },
                },
              },
            },
          },
        }),
      ),
    );
    const templateId = created.body.template.id as string;
    const sent = await json(
      await testSend.POST(
        await request(`/api/templates/${templateId}/test-send`, {
          method: "POST",
          actor: w.actors.marketer,
          body: { profileId: w.profiles.c3 },
        }),
        params({ templateId }),
      ),
    );
    expect(sent.body.message.rendered.fromName).toBe("Cleo at Acme");
    await saveProvider(w.actors.admin, "email", smtpSettings("s3cret-relay-password"));
    const provider = await providerFor(w.workspaceId, "email");
    const m = message({ channel: "email", to: "c3@example.com", rendered: sent.body.message.rendered });
    expect(await provider.send(m)).toMatchObject({ ok: true });
    expect(mails.find((x) => x.messageId === `<${m.id}@shop.example.com>`)!.from?.value[0]).toEqual({
      address: "news@shop.example.com",
      name: "Cleo at Acme",
    });

    const injected = message({
      channel: "email",
      to: "c3@example.com",
      rendered: { fromName: "Evil\r\nBcc: all@example.com", subject: "s", text: "x" },
    });
    expect(await provider.send(injected)).toMatchObject({ ok: true });
    const mail = mails.find((x) => x.messageId === `<${injected.id}@shop.example.com>`)!;
    expect(mail.from?.value[0]).toEqual({ address: "news@shop.example.com", name: "Evil Bcc: all@example.com" });
    expect(mail.envelopeTo).toEqual(["c3@example.com"]);
  });

  it("reads 550 as permanent and 451 as transient", async () => {
    await saveProvider(w.actors.admin, "email", smtpSettings());
    const provider = await providerFor(w.workspaceId, "email");
    const gone = await provider.send(
      message({ channel: "email", to: "gone@example.com", rendered: { subject: "s", html: "<p>x</p>", text: "x" } }),
    );
    expect(gone).toMatchObject({ ok: false, transient: false });
    expect((gone as { error: string }).error).toContain("550");
    const grey = await provider.send(
      message({
        channel: "email",
        to: "greylisted@example.com",
        rendered: { subject: "s", html: "<p>x</p>", text: "x" },
      }),
    );
    expect(grey).toMatchObject({ ok: false, transient: true });
  });

  it("keeps the stored password when a save leaves it blank, and a wrong password is refused with 535 (permanent)", async () => {
    await saveProvider(w.actors.admin, "email", smtpSettings(""));
    expect(
      await (
        await providerFor(w.workspaceId, "email")
      ).send(message({ channel: "email", to: "c1@example.com", rendered: { subject: "s", text: "x" } })),
    ).toMatchObject({ ok: true });
    await saveProvider(w.actors.admin, "email", smtpSettings("wrong"));
    const refused = await (
      await providerFor(w.workspaceId, "email")
    ).send(message({ channel: "email", to: "c1@example.com", rendered: { subject: "s", text: "x" } }));
    expect(refused).toMatchObject({ ok: false, transient: false });
    expect((refused as { error: string }).error).toContain("535");
  });

  it("reads a mail server that is not there as transient", async () => {
    await saveProvider(w.actors.admin, "email", {
      ...smtpSettings("x"),
      config: { ...smtpSettings().config, port: 1 },
    });
    expect(
      await (
        await providerFor(w.workspaceId, "email")
      ).send(message({ channel: "email", to: "c1@example.com", rendered: { subject: "s", text: "x" } })),
    ).toMatchObject({ ok: false, transient: true });
  });

  it("refuses a profile without an e-mail address as permanent", async () => {
    expect(
      await (await providerFor(w.workspaceId, "email")).send(message({ channel: "email", to: null })),
    ).toMatchObject({ ok: false, transient: false });
  });
});

describe("Web Push to a local push service", () => {
  const vapid = webpush.generateVAPIDKeys();
  const config = providerConfigSchemas.web_push.parse({
    subject: "mailto:ops@shop.example.com",
    publicKey: vapid.publicKey,
    ttlSeconds: 3600,
    timeoutMs: 2_000,
  });
  const provider = webPushProvider(config, { privateKey: vapid.privateKey });

  it("posts an aes128gcm payload the subscription's own keys decrypt, under a VAPID signature", async () => {
    const peer = await startPeer(() => ({ status: 201 }));
    try {
      const browser = pushSubscriber(`${peer.url}/push/abc123`);
      const m = message({
        channel: "web_push",
        to: JSON.stringify(browser.subscription),
        rendered: {
          title: "Hi Anna",
          body: "Your cart misses you",
          url: "https://shop.example.com/cart",
          iconUrl: "https://shop.example.com/icon.png",
        },
      });
      expect(await provider.send(m)).toEqual({ ok: true, providerId: m.id });
      const r = peer.received[0]!;
      expect(r.path).toBe("/push/abc123");
      expect(r.headers["content-encoding"]).toBe("aes128gcm");
      expect(r.headers.ttl).toBe("3600");
      expect(verifyVapid(r.headers.authorization, vapid.publicKey, peer.url).sub).toBe("mailto:ops@shop.example.com");
      expect(JSON.parse(browser.decrypt(r.body))).toMatchObject({
        title: "Hi Anna",
        body: "Your cart misses you",
        url: "https://shop.example.com/cart",
        icon: "https://shop.example.com/icon.png",
        tag: m.id,
      });
    } finally {
      await peer.close();
    }
  });

  it("reads 404 and 410 (subscription gone) as permanent, 429 and 500 as transient", async () => {
    for (const [status, transient] of [
      [404, false],
      [410, false],
      [429, true],
      [500, true],
      [400, false],
    ] as const) {
      const peer = await startPeer(() => ({ status }));
      try {
        const browser = pushSubscriber(`${peer.url}/push/x`);
        expect(
          await provider.send(
            message({ channel: "web_push", to: browser.subscription, rendered: { title: "t", body: "b" } }),
          ),
        ).toMatchObject({ ok: false, transient });
      } finally {
        await peer.close();
      }
    }
  });

  it("refuses an address that is no subscription as permanent", async () => {
    expect(await provider.send(message({ channel: "web_push", to: "not json" }))).toMatchObject({
      ok: false,
      transient: false,
    });
  });
});

describe("SMS through a Twilio-shaped REST API", () => {
  const config = (baseUrl: string, timeoutMs = 2_000) =>
    providerConfigSchemas.sms_http.parse({ baseUrl, accountSid: "AC123", from: "+15005550006", timeoutMs });

  it("posts To/From/Body form-encoded with basic auth, and keeps the sid as the provider id", async () => {
    const peer = await startPeer((r) => {
      const ok = r.headers.authorization === `Basic ${Buffer.from("AC123:tok-456").toString("base64")}`;
      return ok
        ? { status: 201, body: { sid: "SM0001", status: "queued" } }
        : { status: 401, body: { code: 20003, message: "Authenticate" } };
    });
    try {
      const result = await smsHttpProvider(config(peer.url), { authToken: "tok-456" }).send(
        message({ rendered: { body: "Hi Anna, 20 % off — today only" } }),
      );
      expect(result).toEqual({ ok: true, providerId: "SM0001" });
      const r = peer.received[0]!;
      expect([r.method, r.path]).toEqual(["POST", "/2010-04-01/Accounts/AC123/Messages.json"]);
      expect(r.headers["content-type"]).toBe("application/x-www-form-urlencoded");
      expect(Object.fromEntries(new URLSearchParams(r.body.toString()))).toEqual({
        To: "+4915112345678",
        From: "+15005550006",
        Body: "Hi Anna, 20 % off — today only",
      });
      expect(await smsHttpProvider(config(peer.url), { authToken: "wrong" }).send(message())).toMatchObject({
        ok: false,
        transient: false,
      });
    } finally {
      await peer.close();
    }
  });

  it("reads 400 as permanent, 500 as transient and no answer in time as transient", async () => {
    const peer = await startPeer((r) => {
      const to = new URLSearchParams(r.body.toString()).get("To");
      if (to === "+1bad")
        return { status: 400, body: { code: 21211, message: "The 'To' number is not a valid phone number." } };
      if (to === "+1slow") return { status: 201, body: { sid: "late" }, delayMs: 1_500 };
      return { status: 500, body: { message: "internal" } };
    });
    try {
      const sms = smsHttpProvider(config(peer.url, 300), { authToken: "t" });
      const bad = await sms.send(message({ to: "+1bad" }));
      expect(bad).toMatchObject({ ok: false, transient: false });
      expect((bad as { error: string }).error).toContain("21211");
      expect(await sms.send(message({ to: "+1down" }))).toMatchObject({ ok: false, transient: true });
      const started = Date.now();
      const slow = await sms.send(message({ to: "+1slow" }));
      expect(slow).toMatchObject({ ok: false, transient: true });
      expect((slow as { error: string }).error).toContain("No answer within 300 ms");
      expect(Date.now() - started).toBeLessThan(1_200);
    } finally {
      await peer.close();
    }
  });
});

describe("Messenger through a Telegram-shaped Bot API", () => {
  it("posts sendMessage with chat_id, text, parse_mode and buttons as an inline keyboard; message_id is the provider id", async () => {
    const peer = await startPeer((r) =>
      r.path === "/bot123:ABC/sendMessage"
        ? { status: 200, body: { ok: true, result: { message_id: 4711, chat: { id: 99 } } } }
        : { status: 404, body: { ok: false, error_code: 404, description: "Not Found" } },
    );
    try {
      const config = providerConfigSchemas.messenger_bot.parse({
        baseUrl: peer.url,
        parseMode: "HTML",
        timeoutMs: 2_000,
      });
      const bot = messengerBotProvider(config, { botToken: "123:ABC" });
      const result = await bot.send(
        message({
          channel: "messenger",
          to: "99",
          rendered: {
            text: "Hi <b>Anna</b>",
            buttons: [
              { label: "Shop", url: "https://shop.example.com/r/1" },
              { label: "Later", url: "https://shop.example.com/r/2" },
            ],
          },
        }),
      );
      expect(result).toEqual({ ok: true, providerId: "4711" });
      const r = peer.received[0]!;
      expect(r.headers["content-type"]).toBe("application/json");
      expect(JSON.parse(r.body.toString())).toEqual({
        chat_id: "99",
        text: "Hi <b>Anna</b>",
        parse_mode: "HTML",
        reply_markup: {
          inline_keyboard: [
            [
              { text: "Shop", url: "https://shop.example.com/r/1" },
              { text: "Later", url: "https://shop.example.com/r/2" },
            ],
          ],
        },
      });
      // A wrong token is a 404 from Telegram: final, and the token never appears in the error.
      const wrong = await messengerBotProvider(config, { botToken: "999:ZZZ" }).send(
        message({ channel: "messenger", to: "99", rendered: { text: "x" } }),
      );
      expect(wrong).toMatchObject({ ok: false, transient: false });
      expect((wrong as { error: string }).error).not.toContain("999:ZZZ");
    } finally {
      await peer.close();
    }
  });

  it("reads a blocked bot (403) as permanent and flood control (429) as transient", async () => {
    const peer = await startPeer((r) => {
      const chat = JSON.parse(r.body.toString()).chat_id;
      return chat === "blocked"
        ? { status: 403, body: { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" } }
        : { status: 429, body: { ok: false, error_code: 429, description: "Too Many Requests: retry after 3" } };
    });
    try {
      const bot = messengerBotProvider(providerConfigSchemas.messenger_bot.parse({ baseUrl: peer.url }), {
        botToken: "1:A",
      });
      const blocked = await bot.send(message({ channel: "messenger", to: "blocked", rendered: { text: "x" } }));
      expect(blocked).toMatchObject({ ok: false, transient: false });
      expect((blocked as { error: string }).error).toContain("blocked by the user");
      expect(await bot.send(message({ channel: "messenger", to: "busy", rendered: { text: "x" } }))).toMatchObject({
        ok: false,
        transient: true,
      });
    } finally {
      await peer.close();
    }
  });
});

describe("Signed webhooks", () => {
  const secret = "whsec_0123456789abcdef";

  it("signs the raw body with HMAC-SHA256 and sends the timestamp and the message id as the idempotency key", async () => {
    const peer = await startPeer((r) =>
      r.headers["x-tailor-signature"] === `sha256=${hmacHex(secret, r.body)}` ? { status: 202 } : { status: 401 },
    );
    try {
      const hook = webhookProvider(
        providerConfigSchemas.webhook.parse({ url: `${peer.url}/hooks/tailor`, timeoutMs: 2_000 }),
        { signingSecret: secret },
      );
      const m = message({
        channel: "webhook",
        to: "c1",
        rendered: { url: "https://ignored.example.com", payload: '{"event":"cart_reminder","name":"Anna"}' },
      });
      const before = Math.floor(Date.now() / 1000);
      expect(await hook.send(m)).toEqual({ ok: true, providerId: m.id });
      const r = peer.received[0]!;
      expect(r.path).toBe("/hooks/tailor");
      expect(r.headers["idempotency-key"]).toBe(m.id);
      expect(Number(r.headers["x-tailor-timestamp"])).toBeGreaterThanOrEqual(before);
      expect(JSON.parse(r.body.toString())).toMatchObject({
        id: m.id,
        campaignId: "cmp_test",
        channel: "webhook",
        payload: { event: "cart_reminder", name: "Anna" },
      });
      // The same message with another secret is refused by the receiver: the signature is checked, not just present.
      const forged = webhookProvider(providerConfigSchemas.webhook.parse({ url: `${peer.url}/hooks/tailor` }), {
        signingSecret: "another-secret-value",
      });
      expect(await forged.send(m)).toMatchObject({ ok: false, transient: false });
    } finally {
      await peer.close();
    }
  });

  it("posts to the template's endpoint when the provider names none and the admin allowed template URLs", async () => {
    const peer = await startPeer(() => ({ status: 200 }));
    try {
      const hook = webhookProvider(providerConfigSchemas.webhook.parse({ allowTemplateUrls: true }), {
        signingSecret: secret,
      });
      expect(
        await hook.send(message({ channel: "webhook", rendered: { url: `${peer.url}/from-template`, payload: "{}" } })),
      ).toMatchObject({ ok: true });
      expect(peer.received[0]!.path).toBe("/from-template");
    } finally {
      await peer.close();
    }
  });

  it("reads 500, 429, a timeout and an unreachable host as transient, and 400 as permanent", async () => {
    const peer = await startPeer((r) => {
      const path = r.path;
      if (path === "/slow") return { status: 200, delayMs: 1_500 };
      return { status: Number(path.slice(1)) };
    });
    try {
      const at = (path: string, timeoutMs = 300) =>
        webhookProvider(providerConfigSchemas.webhook.parse({ url: `${peer.url}${path}`, timeoutMs }), {
          signingSecret: secret,
        });
      expect(await at("/500").send(message({ channel: "webhook" }))).toMatchObject({ ok: false, transient: true });
      expect(await at("/503").send(message({ channel: "webhook" }))).toMatchObject({ ok: false, transient: true });
      expect(await at("/429").send(message({ channel: "webhook" }))).toMatchObject({ ok: false, transient: true });
      expect(await at("/400").send(message({ channel: "webhook" }))).toMatchObject({ ok: false, transient: false });
      expect(await at("/404").send(message({ channel: "webhook" }))).toMatchObject({ ok: false, transient: false });
      expect(await at("/slow").send(message({ channel: "webhook" }))).toMatchObject({ ok: false, transient: true });
    } finally {
      await peer.close();
    }
    const closed = webhookProvider(providerConfigSchemas.webhook.parse({ url: peer.url, timeoutMs: 1_000 }), {
      signingSecret: secret,
    });
    expect(await closed.send(message({ channel: "webhook" }))).toMatchObject({ ok: false, transient: true });
  });
});

describe("sandbox and in-app inbox are idempotent on retry", () => {
  it("writes one outbox row per message however often it is sent", async () => {
    const m = message({
      channel: "push",
      rendered: { title: "Hi Anna", body: "b" },
      templateId: "tpl_1",
      versionId: "ver_1",
      locale: "de",
    });
    const first = await sandboxProvider().send(m);
    const again = await sandboxProvider().send(m);
    const concurrent = await Promise.all([sandboxProvider().send(m), sandboxProvider().send(m)]);
    expect(first.ok && again.ok).toBe(true);
    for (const r of [again, ...concurrent]) expect(r).toEqual(first);
    const rows = await db.outboxMessage.findMany({ where: { workspaceId: w.workspaceId, messageId: m.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: "campaign",
      campaignId: "cmp_test",
      templateId: "tpl_1",
      versionId: "ver_1",
      locale: "de",
      channel: "push",
      profileId: w.profiles.c1,
      rendered: { title: "Hi Anna", body: "b" },
    });
  });

  it("writes one inbox message per message, with the layout and fields from the rendered template", async () => {
    const now = new Date("2026-12-01T10:00:00Z");
    const provider = inAppProvider(providerConfigSchemas.in_app.parse({ ttlDays: 7 }), () => now);
    const m = message({
      channel: "in_app",
      to: "c1",
      rendered: {
        layout: "banner",
        title: "Hi Anna",
        body: "New arrivals",
        buttons: [{ label: "Look", url: "https://shop.example.com/r/x" }],
      },
    });
    const first = await provider.send(m);
    expect(await provider.send(m)).toEqual(first);
    const rows = await db.inAppMessage.findMany({ where: { workspaceId: w.workspaceId, messageId: m.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      layout: "banner",
      campaignId: "cmp_test",
      profileId: w.profiles.c1,
      content: {
        title: "Hi Anna",
        body: "New arrivals",
        imageUrl: null,
        buttons: [{ label: "Look", url: "https://shop.example.com/r/x" }],
      },
      expiresAt: new Date("2026-12-08T10:00:00Z"),
    });
  });
});
