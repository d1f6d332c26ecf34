import webpush, { type PushSubscription } from "web-push";
import type { ProviderConfig, ProviderSecrets } from "./config-schema";
import { classifyStatus, failure, httpCall } from "./http-call";
import type { OutgoingMessage, Provider, SendResult } from "./provider";

/** A web push subscription as the browser's PushSubscription.toJSON() gives it (stored as JSON or a JSON string). */
export function parseSubscription(to: unknown): PushSubscription | null {
  let value = to;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  const s = value as { endpoint?: unknown; keys?: { p256dh?: unknown; auth?: unknown } } | null;
  if (
    !s ||
    typeof s.endpoint !== "string" ||
    !/^https?:\/\//.test(s.endpoint) ||
    typeof s.keys?.p256dh !== "string" ||
    typeof s.keys?.auth !== "string"
  )
    return null;
  return { endpoint: s.endpoint, keys: { p256dh: s.keys.p256dh, auth: s.keys.auth } };
}

/** What the site's service worker receives in its push event (event.data.json()). */
export function webPushPayload(message: OutgoingMessage): string {
  const r = message.rendered;
  const str = (key: string) => (typeof r[key] === "string" && r[key] !== "" ? r[key] : undefined);
  return JSON.stringify({
    title: str("title") ?? "",
    body: str("body") ?? "",
    url: str("url"),
    icon: str("iconUrl"),
    image: str("imageUrl"),
    actions: Array.isArray(r.actions) ? r.actions : undefined,
    // The tag collapses a retried delivery into the notification already shown.
    tag: message.id,
    messageId: message.id,
  });
}

/**
 * Web Push with VAPID: web-push encrypts the payload for the subscription (aes128gcm, RFC 8291)
 * and signs the VAPID JWT; the request itself goes out with fetch so it has a deadline. 404/410
 * mean the subscription is gone (permanent), 429/5xx are retried.
 */
export function webPushProvider(
  config: ProviderConfig<"web_push">,
  secrets: Partial<ProviderSecrets<"web_push">>,
): Provider {
  return {
    kind: "web_push",
    async send(message: OutgoingMessage): Promise<SendResult> {
      const subscription = parseSubscription(message.to);
      if (!subscription)
        return failure(
          false,
          "The profile's web push subscription is not a subscription JSON with an endpoint and p256dh/auth keys.",
        );
      let details: ReturnType<typeof webpush.generateRequestDetails>;
      try {
        details = webpush.generateRequestDetails(subscription, webPushPayload(message), {
          vapidDetails: { subject: config.subject, publicKey: config.publicKey, privateKey: secrets.privateKey ?? "" },
          TTL: config.ttlSeconds,
          headers: { "X-Tailor-Message": message.id },
        });
      } catch (error) {
        return failure(false, `The message could not be encrypted for this subscription: ${(error as Error).message}`);
      }
      const answer = await httpCall(
        details.endpoint,
        { method: details.method, headers: details.headers, body: details.body ?? "" },
        config.timeoutMs,
      );
      if (!answer.ok) return answer.failure;
      if (answer.status >= 200 && answer.status < 300) return { ok: true, providerId: message.id };
      if (answer.status === 404 || answer.status === 410)
        return failure(
          false,
          `The push service answered ${answer.status}: the subscription has expired or was removed.`,
        );
      return classifyStatus(answer.status, "The push service");
    },
  };
}
