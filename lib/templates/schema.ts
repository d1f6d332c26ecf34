import { z } from "zod";
import { CHANNEL_SPECS } from "@/lib/templates/channels";
import { IN_APP_LAYOUTS } from "@/lib/templates/channels/in-app";
import { type ChannelSpec, type FieldName, type FieldSpec } from "@/lib/templates/channels/spec";
import { LOCALE_TAG, canonicalLocale } from "./locale-tag";

/*
 * The stored content of a template version: its channel and, per locale, the channel's fields.
 * `locales.default` is complete; every other locale (a canonical BCP-47 tag: `de`, `de-AT`,
 * `zh-Hant-TW`) defines any subset of the fields and inherits the rest (lib/templates/locale.ts).
 * A field is the unit of fallback: an e-mail body or a list of buttons is taken whole.
 *
 * The schema checks shape only — what can be stored as a draft. Whether it can be sent (lengths,
 * counts, valid JSON, known variables) is the linter's verdict, so a draft with a too-long
 * title is kept and shown with its findings instead of being refused.
 */

const STORAGE_MAX = 256 * 1024;
const MAX_LIST = 10;
const MAX_BLOCKS = 100;
// Unpaired UTF-16 surrogates cannot be stored as text by the database (as in lib/segments/schema).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function text(label: string) {
  return z
    .string({ error: `${label} must be text.` })
    .max(STORAGE_MAX, `${label} is too long to store.`)
    .refine((v) => !LONE_SURROGATE.test(v), `${label}: use valid Unicode text.`);
}

function requiredText(label: string) {
  return text(label).refine((v) => v.trim() !== "", `Fill in the ${label.charAt(0).toLowerCase()}${label.slice(1)}.`);
}

type TextSchema = ReturnType<typeof text>;

/** A text field, required or optional as its spec says (in the type too). */
function field<F extends FieldSpec>(spec: F): F["required"] extends true ? TextSchema : z.ZodOptional<TextSchema> {
  return (spec.required ? requiredText(spec.label) : text(spec.label).optional()) as F["required"] extends true
    ? TextSchema
    : z.ZodOptional<TextSchema>;
}

/** The spec entry of a channel's field, by name (typed, so a renamed field fails to compile). */
function spec<S extends ChannelSpec, N extends FieldName<S>>(
  channel: S,
  name: N,
): Extract<S["fields"][number], { name: N }> {
  return channel.fields.find((f) => f.name === name) as Extract<S["fields"][number], { name: N }>;
}

/** Buttons and actions: a label and a URL each (web push calls the label `title` on the wire). */
function buttons(list: FieldSpec) {
  const [label, url] = list.items!;
  return z
    .array(z.strictObject({ label: requiredText(label!.label), url: requiredText(url!.label) }))
    .max(MAX_LIST, `${list.label}: at most ${MAX_LIST}.`)
    .optional();
}

export const emailBlockSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("heading"),
    text: requiredText("Heading"),
    level: z.union([z.literal(1), z.literal(2)]).optional(),
  }),
  z.strictObject({ type: z.literal("text"), text: requiredText("Text") }),
  z.strictObject({
    type: z.literal("image"),
    src: requiredText("Image URL"),
    alt: text("Alt text"),
    href: text("Image link").optional(),
  }),
  z.strictObject({ type: z.literal("button"), label: requiredText("Button text"), href: requiredText("Button URL") }),
  z.strictObject({ type: z.literal("divider") }),
  // The unsubscribe link is part of the footer, not an editable URL: its href is always {{ unsubscribe_url }}.
  z.strictObject({
    type: z.literal("footer"),
    text: text("Footer text"),
    unsubscribeLabel: requiredText("Unsubscribe link text"),
  }),
]);

export const emailBodySchema = z.discriminatedUnion("format", [
  z.strictObject({
    format: z.literal("blocks"),
    blocks: z
      .array(emailBlockSchema)
      .min(1, "Add at least one block.")
      .max(MAX_BLOCKS, `At most ${MAX_BLOCKS} blocks.`),
  }),
  z.strictObject({ format: z.literal("mjml"), mjml: requiredText("MJML") }),
]);

const E = CHANNEL_SPECS.email;
const P = CHANNEL_SPECS.push;
const W = CHANNEL_SPECS.web_push;
const S = CHANNEL_SPECS.sms;
const I = CHANNEL_SPECS.in_app;
const M = CHANNEL_SPECS.messenger;
const H = CHANNEL_SPECS.webhook;

// Each shape `satisfies` the record of its spec's field names: a field missing from either fails to compile.
const email = z.strictObject({
  fromName: field(spec(E, "fromName")),
  subject: field(spec(E, "subject")),
  preheader: field(spec(E, "preheader")),
  body: emailBodySchema,
  // Empty is allowed here: it means "send no text part".
  text: text(spec(E, "text").label).optional(),
} satisfies Record<FieldName<typeof E>, z.ZodType>);

const push = z.strictObject({
  title: field(spec(P, "title")),
  body: field(spec(P, "body")),
  imageUrl: field(spec(P, "imageUrl")),
  url: field(spec(P, "url")),
  data: field(spec(P, "data")),
} satisfies Record<FieldName<typeof P>, z.ZodType>);

const webPush = z.strictObject({
  title: field(spec(W, "title")),
  body: field(spec(W, "body")),
  url: field(spec(W, "url")),
  iconUrl: field(spec(W, "iconUrl")),
  imageUrl: field(spec(W, "imageUrl")),
  actions: buttons(spec(W, "actions")),
} satisfies Record<FieldName<typeof W>, z.ZodType>);

const sms = z.strictObject({ body: field(spec(S, "body")) } satisfies Record<FieldName<typeof S>, z.ZodType>);

const inApp = z.strictObject({
  layout: z.enum(IN_APP_LAYOUTS, { error: `Layout is one of ${IN_APP_LAYOUTS.join(", ")}.` }),
  title: field(spec(I, "title")),
  body: field(spec(I, "body")),
  imageUrl: field(spec(I, "imageUrl")),
  buttons: buttons(spec(I, "buttons")),
} satisfies Record<FieldName<typeof I>, z.ZodType>);

const messenger = z.strictObject({
  text: field(spec(M, "text")),
  imageUrl: field(spec(M, "imageUrl")),
  buttons: buttons(spec(M, "buttons")),
} satisfies Record<FieldName<typeof M>, z.ZodType>);

const webhook = z.strictObject({ url: field(spec(H, "url")), payload: field(spec(H, "payload")) } satisfies Record<
  FieldName<typeof H>,
  z.ZodType
>);

/** One locale's complete content, per channel. */
export const channelContentSchemas = {
  email,
  push,
  web_push: webPush,
  sms,
  in_app: inApp,
  messenger,
  webhook,
} as const;

function localized<T extends z.ZodObject>(content: T) {
  return z
    .strictObject({ default: content })
    .catchall(content.partial())
    .superRefine((locales, ctx) => {
      const seen = new Set<string>();
      for (const key of Object.keys(locales)) {
        if (key === "default") continue;
        if (!LOCALE_TAG.test(key)) {
          ctx.addIssue({
            code: "custom",
            path: [key],
            message:
              `“${key}” is not a locale: use a BCP-47 tag like de or ` +
              `de-AT${canonicalLocale(key) ? ` (here ${canonicalLocale(key)})` : ""}.`,
          });
        } else if (seen.has(key.toLowerCase())) {
          ctx.addIssue({ code: "custom", path: [key], message: `Locale ${key} is defined twice.` });
        }
        seen.add(key.toLowerCase());
      }
    });
}

export const templateContentSchema = z.discriminatedUnion("channel", [
  z.strictObject({ channel: z.literal("email"), locales: localized(email) }),
  z.strictObject({ channel: z.literal("push"), locales: localized(push) }),
  z.strictObject({ channel: z.literal("web_push"), locales: localized(webPush) }),
  z.strictObject({ channel: z.literal("sms"), locales: localized(sms) }),
  z.strictObject({ channel: z.literal("in_app"), locales: localized(inApp) }),
  z.strictObject({ channel: z.literal("messenger"), locales: localized(messenger) }),
  z.strictObject({ channel: z.literal("webhook"), locales: localized(webhook) }),
]);

export type TemplateContent = z.infer<typeof templateContentSchema>;
export type EmailBlock = z.infer<typeof emailBlockSchema>;
export type EmailBody = z.infer<typeof emailBodySchema>;
/** One locale's complete content for channel C. */
export type ChannelContent<C extends keyof typeof channelContentSchemas> = z.infer<(typeof channelContentSchemas)[C]>;
/** Any channel's complete content, tagged with its channel. */
export type ResolvedContent = {
  [C in keyof typeof channelContentSchemas]: { channel: C; content: ChannelContent<C> };
}[keyof typeof channelContentSchemas];
