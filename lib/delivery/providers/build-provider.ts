import { providerConfigSchemas } from "./config-schema";
import { inAppProvider } from "./in-app";
import { messengerBotProvider } from "./messenger-bot";
import type { Provider, ProviderKind } from "./provider";
import { sandboxProvider } from "./sandbox";
import { smsHttpProvider } from "./sms-http";
import { smtpProvider } from "./smtp";
import { webPushProvider } from "./web-push";
import { webhookProvider } from "./webhook";

/**
 * A provider from stored settings. The config is parsed again here, so defaults added in a later
 * version apply to rows saved before it.
 */
export function buildProvider(kind: ProviderKind, rawConfig: unknown, secrets: Record<string, string>): Provider {
  switch (kind) {
    case "sandbox":
      return sandboxProvider();
    case "smtp":
      return smtpProvider(providerConfigSchemas.smtp.parse(rawConfig), secrets);
    case "web_push":
      return webPushProvider(providerConfigSchemas.web_push.parse(rawConfig), secrets);
    case "sms_http":
      return smsHttpProvider(providerConfigSchemas.sms_http.parse(rawConfig), secrets);
    case "messenger_bot":
      return messengerBotProvider(providerConfigSchemas.messenger_bot.parse(rawConfig), secrets);
    case "webhook":
      return webhookProvider(providerConfigSchemas.webhook.parse(rawConfig), secrets);
    case "in_app":
      return inAppProvider(providerConfigSchemas.in_app.parse(rawConfig));
  }
}
