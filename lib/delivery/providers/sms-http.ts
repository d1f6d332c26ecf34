import { allowedHosts, type ProviderConfig, type ProviderSecrets } from "./config-schema";
import { classifyStatus, failure, httpCall, parseJson } from "./http-call";
import type { OutgoingMessage, Provider, SendResult } from "./provider";

/*
 * Twilio's Programmable Messaging shape (Twilio and the many providers that copy it):
 * POST {base}/2010-04-01/Accounts/{sid}/Messages.json, form-encoded To/From/Body, basic auth
 * sid:token; the created message's `sid` is the provider id. Twilio answers 400 with code 21211
 * (invalid number) or 21610 (the person replied STOP): both final.
 */
export function smsHttpProvider(
  config: ProviderConfig<"sms_http">,
  secrets: Partial<ProviderSecrets<"sms_http">>,
): Provider {
  const base = config.baseUrl.replace(/\/+$/, "");
  const url = `${base}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${config.accountSid}:${secrets.authToken ?? ""}`).toString("base64")}`;
  return {
    kind: "sms_http",
    async send(message: OutgoingMessage): Promise<SendResult> {
      if (typeof message.to !== "string" || message.to.trim() === "")
        return failure(false, "The profile has no phone number.");
      const body = typeof message.rendered.body === "string" ? message.rendered.body : "";
      const answer = await httpCall(
        url,
        {
          method: "POST",
          headers: {
            authorization,
            "content-type": "application/x-www-form-urlencoded",
            accept: "application/json",
            "X-Tailor-Message": message.id,
          },
          body: new URLSearchParams({ To: message.to.trim(), From: config.from, Body: body }).toString(),
        },
        config.timeoutMs,
        allowedHosts(config),
      );
      if (!answer.ok) return answer.failure;
      if (answer.status < 200 || answer.status >= 300) {
        const code = (parseJson(answer.body) as { code?: unknown } | null)?.code;
        return classifyStatus(
          answer.status,
          "The SMS provider",
          typeof code === "number" ? `error ${code}` : undefined,
        );
      }
      const sid = (parseJson(answer.body) as { sid?: unknown } | null)?.sid;
      if (typeof sid !== "string" || sid === "")
        return failure(true, "The SMS provider accepted the message but returned no sid.");
      return { ok: true, providerId: sid };
    },
  };
}
