import type { ProviderKind } from "./provider";

/** How the settings page lays out a provider's fields; validation is config-schema.ts. */
export type ProviderField = {
  name: string;
  label: string;
  type: "text" | "number" | "url" | "email" | "checkbox" | "select" | "secret";
  help?: string;
  placeholder?: string;
  options?: readonly { value: string; label: string }[];
  defaultValue?: string | number | boolean;
};

export type ProviderForm = {
  label: string;
  description: string;
  addressHint: string;
  fields: readonly ProviderField[];
};

const allowHosts: ProviderField = {
  name: "allowHosts",
  label: "Allowed internal hosts",
  type: "text",
  defaultValue: "",
  placeholder: "sms-gateway.internal, 10.0.0.7",
  help:
    "Calls to loopback, private, link-local and metadata addresses are refused; list the hosts " +
    "on your own network this provider may reach.",
};
const timeout: ProviderField = {
  name: "timeoutMs",
  label: "Timeout (ms)",
  type: "number",
  defaultValue: 10_000,
  help: "A call that takes longer is abandoned and retried later.",
};

export const PROVIDER_FORMS: Record<ProviderKind, ProviderForm> = {
  sandbox: {
    label: "Sandbox outbox",
    description:
      "Nothing leaves Tailor: every message is stored, rendered, in the Outbox page. The default for demos and tests.",
    addressHint: "any recipient id",
    fields: [],
  },
  smtp: {
    label: "SMTP (e-mail)",
    description:
      "Sends through your mail server or relay, with List-Unsubscribe one-click headers and HTML + text parts.",
    addressHint: "an e-mail address",
    fields: [
      { name: "host", label: "SMTP host", type: "text", placeholder: "smtp.example.com" },
      { name: "port", label: "Port", type: "number", defaultValue: 587 },
      {
        name: "secure",
        label: "TLS from the start (port 465)",
        type: "checkbox",
        defaultValue: false,
        help: "Off: STARTTLS when the server offers it.",
      },
      { name: "username", label: "Username", type: "text", defaultValue: "" },
      { name: "password", label: "Password", type: "secret" },
      { name: "fromAddress", label: "From address", type: "email", placeholder: "news@shop.example.com" },
      { name: "fromName", label: "From name", type: "text", defaultValue: "", placeholder: "Acme Outfitters" },
      timeout,
    ],
  },
  web_push: {
    label: "Web Push (VAPID)",
    description: "Encrypts each message for the browser's subscription (RFC 8291) and posts it to its push service.",
    addressHint: 'a subscription JSON: {"endpoint": …, "keys": {"p256dh": …, "auth": …}}',
    fields: [
      {
        name: "subject",
        label: "VAPID subject",
        type: "text",
        placeholder: "mailto:ops@shop.example.com",
        help: "How push services reach you about your traffic.",
      },
      {
        name: "publicKey",
        label: "VAPID public key",
        type: "text",
        help: "The key your site's pushManager.subscribe() uses (applicationServerKey).",
      },
      { name: "privateKey", label: "VAPID private key", type: "secret" },
      {
        name: "ttlSeconds",
        label: "Time to live (s)",
        type: "number",
        defaultValue: 86_400,
        help: "How long the push service keeps a message for an offline browser.",
      },
      timeout,
    ],
  },
  sms_http: {
    label: "SMS over HTTP (Twilio-compatible)",
    description: "POST {base URL}/2010-04-01/Accounts/{SID}/Messages.json with the account SID and auth token.",
    addressHint: "a phone number in E.164, e.g. +4915112345678",
    fields: [
      { name: "baseUrl", label: "API base URL", type: "url", defaultValue: "https://api.twilio.com" },
      { name: "accountSid", label: "Account SID", type: "text" },
      { name: "authToken", label: "Auth token", type: "secret" },
      { name: "from", label: "Sender", type: "text", placeholder: "+15005550006 or AcmeShop" },
      allowHosts,
      timeout,
    ],
  },
  messenger_bot: {
    label: "Messenger bot (Telegram Bot API)",
    description: "sendMessage through a bot; template buttons become an inline keyboard.",
    addressHint: "a chat id",
    fields: [
      { name: "baseUrl", label: "Bot API base URL", type: "url", defaultValue: "https://api.telegram.org" },
      { name: "botToken", label: "Bot token", type: "secret" },
      {
        name: "parseMode",
        label: "Parse mode",
        type: "select",
        defaultValue: "",
        options: [
          { value: "", label: "Plain text" },
          { value: "HTML", label: "HTML" },
          { value: "MarkdownV2", label: "MarkdownV2" },
        ],
      },
      allowHosts,
      timeout,
    ],
  },
  webhook: {
    label: "Signed webhook",
    description:
      "POSTs each message as JSON with X-Tailor-Signature: sha256=<HMAC of the body>, " +
      "X-Tailor-Timestamp and Idempotency-Key.",
    addressHint: "a recipient id (the endpoint is the URL below)",
    fields: [
      {
        name: "url",
        label: "Endpoint URL",
        type: "url",
        defaultValue: "",
        help: "Every message goes here. Empty: only with template URLs allowed below.",
      },
      {
        name: "allowTemplateUrls",
        label: "Let webhook templates choose where to post",
        type: "checkbox",
        defaultValue: false,
        help: "Off: template authors cannot choose where messages go. Used only while the endpoint URL above is empty.",
      },
      {
        name: "signingSecret",
        label: "Signing secret",
        type: "secret",
        help: "At least 16 characters; your endpoint verifies the signature with it.",
      },
      allowHosts,
      timeout,
    ],
  },
  in_app: {
    label: "In-app inbox",
    description:
      "Stores the message in the profile's inbox; the embeddable script (public/tailor-inapp.js) " +
      "shows it on your site.",
    addressHint: "a user id (the profile's external id)",
    fields: [{ name: "ttlDays", label: "Keep unread messages for (days)", type: "number", defaultValue: 30 }],
  },
};
