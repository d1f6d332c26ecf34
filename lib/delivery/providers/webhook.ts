import { createHmac, timingSafeEqual } from "node:crypto";
import { allowedHosts, type ProviderConfig, type ProviderSecrets } from "./config-schema";
import { classifyStatus, failure, httpCall, parseJson } from "./http-call";
import type { OutgoingMessage, Provider, SendResult } from "./provider";

/** X-Tailor-Signature's value: "sha256=" and the hex HMAC-SHA256 of the raw request body. */
export function signWebhookBody(secret: string, rawBody: string): string {
  return `sha256=${createHmac("sha256", secret).update(rawBody, "utf8").digest("hex")}`;
}

/** What a receiver runs: a constant-time comparison of the header with its own signature. */
export function verifyWebhookSignature(secret: string, rawBody: string, header: string | null): boolean {
  if (!header) return false;
  const expected = Buffer.from(signWebhookBody(secret, rawBody));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * The JSON a webhook receives. A webhook template's payload is sent parsed under `payload`; any
 * other channel routed to a webhook sends its rendered fields under `rendered`.
 */
export function webhookBody(message: OutgoingMessage): string {
  const payload = message.rendered.payload;
  return JSON.stringify({
    id: message.id,
    campaignId: message.campaignId,
    profileId: message.profileId,
    channel: message.channel,
    to: message.to ?? null,
    locale: message.locale,
    ...(message.channel === "webhook"
      ? { payload: typeof payload === "string" ? (parseJson(payload) ?? payload) : (payload ?? null) }
      : { rendered: message.rendered }),
    ...(message.unsubscribeUrl ? { unsubscribeUrl: message.unsubscribeUrl } : {}),
  });
}

/**
 * Signed webhooks: POST JSON with X-Tailor-Signature (HMAC-SHA256 of the raw body),
 * X-Tailor-Timestamp (unix seconds, for receivers that bound replays) and Idempotency-Key (the
 * Message id: a retry after a lost answer carries the same key). 2xx is delivered; 408, 429, 5xx
 * and network failures are retried; any other 4xx is final.
 */
export function webhookProvider(
  config: ProviderConfig<"webhook">,
  secrets: Partial<ProviderSecrets<"webhook">>,
): Provider {
  return {
    kind: "webhook",
    async send(message: OutgoingMessage): Promise<SendResult> {
      const templateUrl = typeof message.rendered.url === "string" ? message.rendered.url : "";
      // The admin's endpoint wins; a template's own URL only when the admin allowed template URLs.
      const target = config.url || (message.channel === "webhook" && config.allowTemplateUrls ? templateUrl : "");
      if (!/^https?:\/\//.test(target)) {
        if (config.url) return failure(false, "The webhook endpoint URL is not an http(s) URL.");
        return failure(
          false,
          config.allowTemplateUrls
            ? "No webhook endpoint: the template has no http(s) endpoint URL."
            : "No webhook endpoint: set one in the provider settings (or let templates set their own there).",
        );
      }
      const body = webhookBody(message);
      const answer = await httpCall(
        target,
        {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "user-agent": "Tailor-Webhooks/1",
            "X-Tailor-Signature": signWebhookBody(secrets.signingSecret ?? "", body),
            "X-Tailor-Timestamp": String(Math.floor(Date.now() / 1000)),
            "X-Tailor-Message": message.id,
            "Idempotency-Key": message.id,
          },
          body,
        },
        config.timeoutMs,
        allowedHosts(config),
      );
      if (!answer.ok) return answer.failure;
      if (answer.status >= 200 && answer.status < 300) return { ok: true, providerId: message.id };
      return classifyStatus(answer.status, "The webhook endpoint");
    },
  };
}
