import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providerConfigSchemas } from "@/lib/delivery/providers/config-schema";
import { smsHttpProvider } from "@/lib/delivery/providers/sms-http";
import { webhookProvider } from "@/lib/delivery/providers/webhook";
import { type OutgoingMessage } from "@/lib/delivery/providers/provider";
import { startPeer } from "./support/peer-servers";

// Every peer here listens on 127.0.0.1. The test setup allows that host for the other provider
// tests; these clear it to see the default, which is to refuse internal addresses.
let allowed: string | undefined;
beforeEach(() => {
  allowed = process.env.TAILOR_OUTBOUND_ALLOW_HOSTS;
  delete process.env.TAILOR_OUTBOUND_ALLOW_HOSTS;
});
afterEach(() => {
  // Test files share one process: put back exactly what was there (assigning undefined stores "undefined").
  if (allowed === undefined) delete process.env.TAILOR_OUTBOUND_ALLOW_HOSTS;
  else process.env.TAILOR_OUTBOUND_ALLOW_HOSTS = allowed;
});

const message = (over: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  workspaceId: "ws_ssrf",
  id: `msg_${randomUUID()}`,
  campaignId: "cmp_test",
  profileId: "p_1",
  channel: "webhook",
  to: "c1",
  rendered: { payload: "{}" },
  locale: null,
  unsubscribeUrl: "",
  ...over,
});
const hook = (config: Record<string, unknown>) =>
  webhookProvider(providerConfigSchemas.webhook.parse({ timeoutMs: 2_000, ...config }), {
    signingSecret: "a-signing-secret-123",
  });

describe("outbound calls refuse internal addresses unless an admin allows the host", () => {
  it("refuses a loopback endpoint by address, permanently, without connecting", async () => {
    const peer = await startPeer(() => ({ status: 200 }));
    try {
      const result = await hook({ url: `${peer.url}/hook` }).send(message());
      expect(result).toMatchObject({ ok: false, transient: false });
      expect((result as { error: string }).error).toMatch(/internal address/);
      expect(peer.received).toHaveLength(0);
    } finally {
      await peer.close();
    }
  });

  it("refuses a host name that resolves to loopback, checked on the address it connects to", async () => {
    const peer = await startPeer(() => ({ status: 200 }));
    try {
      const port = new URL(peer.url).port;
      const result = await hook({ url: `http://localhost:${port}/hook` }).send(message());
      expect(result).toMatchObject({ ok: false, transient: false });
      expect(peer.received).toHaveLength(0);
    } finally {
      await peer.close();
    }
  });

  it("refuses the cloud metadata address and IPv4-mapped loopback", async () => {
    for (const url of [
      "http://169.254.169.254/latest/meta-data/",
      "http://[::ffff:127.0.0.1]:9/",
      "http://[::1]:9/",
      "http://10.0.0.1:9/",
    ]) {
      const result = await hook({ url }).send(message());
      expect(result, url).toMatchObject({ ok: false, transient: false });
      expect((result as { error: string }).error, url).toMatch(/internal address/);
    }
  });

  it("calls a host the admin allowed in the provider settings, and the environment's list", async () => {
    const peer = await startPeer(() => ({ status: 200 }));
    try {
      expect(await hook({ url: `${peer.url}/hook`, allowHosts: "127.0.0.1" }).send(message())).toMatchObject({
        ok: true,
      });
      process.env.TAILOR_OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
      expect(await hook({ url: `${peer.url}/hook` }).send(message())).toMatchObject({ ok: true });
      expect(peer.received).toHaveLength(2);
    } finally {
      await peer.close();
    }
  });

  it("applies to every HTTP provider, not only webhooks", async () => {
    const peer = await startPeer(() => ({ status: 201, body: { sid: "SM1" } }));
    try {
      const sms = smsHttpProvider(
        providerConfigSchemas.sms_http.parse({ baseUrl: peer.url, accountSid: "AC1", from: "Shop" }),
        { authToken: "t" },
      );
      expect(await sms.send(message({ channel: "sms", to: "+4915112345678", rendered: { body: "Hi" } }))).toMatchObject(
        { ok: false, transient: false },
      );
      expect(peer.received).toHaveLength(0);
    } finally {
      await peer.close();
    }
  });
});

describe("the webhook target is the admin's, and its answers are not echoed", () => {
  it("ignores a template's endpoint URL unless the admin allowed template URLs", async () => {
    process.env.TAILOR_OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
    const peer = await startPeer(() => ({ status: 200 }));
    try {
      const result = await hook({}).send(message({ rendered: { url: `${peer.url}/from-template`, payload: "{}" } }));
      expect(result).toMatchObject({ ok: false, transient: false });
      expect(peer.received).toHaveLength(0);
    } finally {
      await peer.close();
    }
  });

  it("stores the status of a refusal but not the body the target answered with", async () => {
    process.env.TAILOR_OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
    const peer = await startPeer(() => ({ status: 400, body: "root:x:0:0:internal-secret" }));
    try {
      const result = await hook({ url: `${peer.url}/hook` }).send(message());
      expect(result).toMatchObject({ ok: false, transient: false });
      expect((result as { error: string }).error).toContain("400");
      expect((result as { error: string }).error).not.toContain("internal-secret");
    } finally {
      await peer.close();
    }
  });
});
