import { z } from "zod";
import { TEMPLATE_CHANNELS, type TemplateChannel } from "@/lib/templates/channels";
import { PROVIDER_KINDS, type ProviderKind } from "./provider";

/*
 * One definition of every provider's settings, shared by the settings page, the API and the
 * provider factory. `config` is stored as plain JSON; `secrets` are encrypted (lib/delivery/secrets)
 * and never sent back: the API says which are set. In a save, a blank secret keeps the stored one.
 */

export const PROVIDER_CHANNELS = TEMPLATE_CHANNELS;
export type ProviderChannel = TemplateChannel;

/** Which providers can carry a channel. Every channel may go to the sandbox or to a signed webhook. */
export const KINDS_FOR_CHANNEL: Record<ProviderChannel, readonly ProviderKind[]> = {
  email: ["sandbox", "smtp", "webhook"],
  push: ["sandbox", "webhook"],
  web_push: ["sandbox", "web_push", "webhook"],
  sms: ["sandbox", "sms_http", "webhook"],
  in_app: ["sandbox", "in_app", "webhook"],
  messenger: ["sandbox", "messenger_bot", "webhook"],
  webhook: ["sandbox", "webhook"],
};

export const DEFAULT_TIMEOUT_MS = 10_000;

const httpUrl = (what: string) => z.url({ protocol: /^https?$/, error: `${what} must be an http(s) URL.` });
const text = (what: string, max = 500) =>
  z
    .string({ error: `Give the ${what}.` })
    .trim()
    .min(1, `Give the ${what}.`)
    .max(max, `At most ${max} characters.`);
const timeoutMs = z
  .number({ error: "The timeout is a number of milliseconds." })
  .int("Whole milliseconds.")
  .min(100, "At least 100 ms.")
  .max(60_000, "At most 60,000 ms.")
  .default(DEFAULT_TIMEOUT_MS);
/** Whether a value is URL-safe base64 of this many bytes; no Buffer, so the settings form checks it in the browser. */
const isBase64url = (v: string, bytes: number) =>
  /^[A-Za-z0-9_-]+={0,2}$/.test(v) && Math.floor((v.replace(/=+$/, "").length * 3) / 4) === bytes;
const base64urlBytes = (what: string, bytes: number) =>
  z
    .string()
    .trim()
    .refine(
      (v) => isBase64url(v, bytes),
      `${what} is ${bytes} bytes in URL-safe base64 (as web-push generateVAPIDKeys() prints).`,
    );
// Hosts the admin opens to internal addresses (outbound calls refuse loopback, private, link-local
// and metadata addresses otherwise): comma-separated host names or addresses.
const allowHosts = z
  .string()
  .max(1000, "At most 1,000 characters.")
  .default("")
  .transform((v) =>
    v
      .split(",")
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean)
      .join(", "),
  )
  .refine(
    (v) => v.split(", ").every((h) => h === "" || /^[a-z0-9.:[\]-]+$/.test(h)),
    "List host names or addresses, separated by commas (no schemes, ports or paths).",
  );
/** The allowed internal hosts of a provider's config, as a list. */
export const allowedHosts = (config: { allowHosts?: string }) =>
  (config.allowHosts ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);

/** A secret in a save: "" or absent keeps the stored value. */
const secret = (max = 4096) => z.string().max(max, `At most ${max} characters.`).optional();

export const providerConfigSchemas = {
  sandbox: z.strictObject({}),
  smtp: z.strictObject({
    host: text("SMTP host", 255),
    port: z
      .number({ error: "The port is a number." })
      .int("The port is a whole number.")
      .min(1, "Ports are 1–65535.")
      .max(65_535, "Ports are 1–65535.")
      .default(587),
    // true: TLS from the first byte (port 465); false: STARTTLS when the server offers it.
    secure: z.boolean().default(false),
    username: z.string().trim().max(255, "At most 255 characters.").default(""),
    fromAddress: z.email({ error: "The From address must be an e-mail address." }),
    fromName: z.string().trim().max(120, "At most 120 characters.").default(""),
    timeoutMs,
  }),
  web_push: z.strictObject({
    subject: z
      .string()
      .trim()
      .refine(
        (v) => /^mailto:.+@.+/.test(v) || /^https:\/\/.+/.test(v),
        "The VAPID subject is a mailto: address or an https: URL.",
      ),
    publicKey: base64urlBytes("The VAPID public key", 65),
    ttlSeconds: z
      .number()
      .int("Whole seconds.")
      .min(0, "At least 0.")
      .max(2_419_200, "At most 28 days.")
      .default(86_400),
    timeoutMs,
  }),
  sms_http: z.strictObject({
    baseUrl: httpUrl("The API base URL").default("https://api.twilio.com"),
    accountSid: text("account SID", 64),
    from: text("sender (a phone number or an alphanumeric sender id)", 32),
    allowHosts,
    timeoutMs,
  }),
  messenger_bot: z.strictObject({
    baseUrl: httpUrl("The Bot API base URL").default("https://api.telegram.org"),
    parseMode: z.enum(["", "HTML", "MarkdownV2"], { error: "The parse mode is none, HTML or MarkdownV2." }).default(""),
    allowHosts,
    timeoutMs,
  }),
  webhook: z.strictObject({
    // Set: every message goes here. Empty: the webhook template's own endpoint URL is used.
    url: z.union([z.literal(""), httpUrl("The endpoint URL")]).default(""),
    // Off (the default), only the URL above is ever called: a template author cannot pick the target.
    allowTemplateUrls: z.boolean().default(false),
    allowHosts,
    timeoutMs,
  }),
  in_app: z.strictObject({
    ttlDays: z
      .number({ error: "Days are a number." })
      .int("Whole days.")
      .min(1, "At least 1 day.")
      .max(365, "At most 365 days.")
      .default(30),
  }),
} satisfies Record<ProviderKind, z.ZodType>;

export const providerSecretSchemas = {
  sandbox: z.strictObject({}),
  smtp: z.strictObject({ password: secret() }),
  web_push: z.strictObject({
    privateKey: secret().refine(
      (v) => !v || isBase64url(v.trim(), 32),
      "The VAPID private key is 32 bytes in URL-safe base64.",
    ),
  }),
  sms_http: z.strictObject({ authToken: secret(256) }),
  messenger_bot: z.strictObject({ botToken: secret(256) }),
  webhook: z.strictObject({
    signingSecret: secret(256).refine((v) => !v || v.length >= 16, "Use a signing secret of at least 16 characters."),
  }),
  in_app: z.strictObject({}),
} satisfies Record<ProviderKind, z.ZodType>;

/** Secrets a provider cannot work without (SMTP may relay without a password). */
export const REQUIRED_SECRETS: Record<ProviderKind, readonly string[]> = {
  sandbox: [],
  smtp: [],
  web_push: ["privateKey"],
  sms_http: ["authToken"],
  messenger_bot: ["botToken"],
  webhook: ["signingSecret"],
  in_app: [],
};

export type ProviderConfig<K extends ProviderKind> = z.output<(typeof providerConfigSchemas)[K]>;
export type ProviderSecrets<K extends ProviderKind> = {
  [F in keyof z.output<(typeof providerSecretSchemas)[K]>]-?: string;
};

// `prefault`: a left-out config or secrets object is parsed as {} (so its defaults and required fields apply).
const c = providerConfigSchemas;
const s = providerSecretSchemas;

/** PUT /api/delivery/providers/<channel>. */
export const saveProviderSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("sandbox"), config: c.sandbox.prefault({}), secrets: s.sandbox.prefault({}) }),
    z.strictObject({ kind: z.literal("smtp"), config: c.smtp, secrets: s.smtp.prefault({}) }),
    z.strictObject({ kind: z.literal("web_push"), config: c.web_push, secrets: s.web_push.prefault({}) }),
    z.strictObject({ kind: z.literal("sms_http"), config: c.sms_http, secrets: s.sms_http.prefault({}) }),
    z.strictObject({
      kind: z.literal("messenger_bot"),
      config: c.messenger_bot.prefault({}),
      secrets: s.messenger_bot.prefault({}),
    }),
    z.strictObject({ kind: z.literal("webhook"), config: c.webhook.prefault({}), secrets: s.webhook.prefault({}) }),
    z.strictObject({ kind: z.literal("in_app"), config: c.in_app.prefault({}), secrets: s.in_app.prefault({}) }),
  ],
  { error: `The provider kind is one of ${PROVIDER_KINDS.join(", ")}.` },
);
export type SaveProviderInput = z.input<typeof saveProviderSchema>;

export const providerChannelSchema = z.enum(PROVIDER_CHANNELS, {
  error: `The channel is one of ${PROVIDER_CHANNELS.join(", ")}.`,
});

/** POST /api/delivery/providers/<channel>/test: one message to this address through the saved provider. */
export const testProviderSchema = z.strictObject({
  to: z
    .string({ error: "Give the address to send the test to." })
    .trim()
    .min(1, "Give the address to send the test to.")
    .max(4096, "At most 4,096 characters."),
});
export type TestProviderInput = z.infer<typeof testProviderSchema>;
