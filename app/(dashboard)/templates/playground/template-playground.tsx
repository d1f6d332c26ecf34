"use client";

import { useState } from "react";
import { AndroidNotification } from "@/components/templates/previews/android-notification";
import { EmailPreview } from "@/components/templates/previews/email-preview";
import { InAppFrame } from "@/components/templates/previews/in-app-frame";
import { IosLockScreen } from "@/components/templates/previews/ios-lock-screen";
import { MessengerBubble } from "@/components/templates/previews/messenger-bubble";
import { SmsBubble } from "@/components/templates/previews/sms-bubble";
import { WebhookPayload } from "@/components/templates/previews/webhook-payload";
import { WebPushNotification } from "@/components/templates/previews/web-push-notification";
import { ChannelFields } from "@/components/templates/editor/channel-fields";
import { EmailBlocksEditor } from "@/components/templates/editor/email-blocks-editor";
import { InsertTargetProvider } from "@/components/templates/editor/insert-target";
import { LintPanel } from "@/components/templates/editor/lint-panel";
import { LocaleTabs } from "@/components/templates/editor/locale-tabs";
import { VariablePicker } from "@/components/templates/editor/variable-picker";
import { Card, CardContent } from "@/components/ui/card";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { CHANNEL_SPECS, TEMPLATE_CHANNELS, type TemplateChannel } from "@/lib/templates/channels";
import type { Finding } from "@/lib/templates/finding";
import { DEFAULT_LOCALE, resolveLocale } from "@/lib/templates/locale";
import type { EmailBody, ResolvedContent, TemplateContent } from "@/lib/templates/schema";

const IMAGE = `data:image/svg+xml,${encodeURIComponent(
  `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="300"><defs><linearGradient id="g" x1="0" x2="1" y1="0" y2="1"><stop offset="0" stop-color="#f59e0b"/><stop offset="1" stop-color="#b45309"/></linearGradient></defs><rect width="600" height="300" fill="url(#g)"/><circle cx="470" cy="90" r="60" fill="#fde68a" opacity=".6"/><text x="40" y="250" font-family="Helvetica" font-size="44" font-weight="700" fill="#fff">Autumn edit</text></svg>`,
)}`;

const SAMPLES: { [C in TemplateChannel]: Extract<TemplateContent, { channel: C }> } = {
  email: {
    channel: "email",
    locales: {
      default: {
        subject: `{{ profile.first_name | default: "Hi" }}, your autumn picks are here`,
        preheader: `New in {{ profile.favouriteCategory | default: "your favourite categories" }}, with free returns until 30 November.`,
        body: {
          format: "blocks",
          blocks: [
            { type: "image", src: IMAGE, alt: "Autumn edit" },
            { type: "heading", text: "The autumn edit is in" },
            { type: "text", text: `Hi {{ profile.first_name | default: "there" }},\nwarm knits, waxed jackets and boots built for wet pavements: we picked the pieces we think you'll wear most.` },
            { type: "button", label: "Shop the edit", href: "https://shop.example.com/autumn?utm_source=tailor" },
            { type: "divider" },
            { type: "footer", text: "Tailor Shop · 12 Hatton Garden, London", unsubscribeLabel: "Unsubscribe" },
          ],
        },
      },
      de: { subject: `{{ profile.first_name | default: "Hallo" }}, deine Herbst-Auswahl ist da` },
      "de-AT": { preheader: "Neu eingetroffen, mit Gratis-Rücksendung bis 30. November." },
    },
  },
  push: {
    channel: "push",
    locales: {
      default: {
        title: `{{ profile.first_name | default: "Hey" }}, your basket misses you`,
        body: "You left {{ profile.favouriteCategory }} picks in your basket. They're still there, but stock is running low on two of them.",
        url: "shop://basket",
        data: `{ "campaign": "basket-reminder", "screen": "basket" }`,
      },
      ru: { title: "Ваша корзина ждёт вас", body: "Вы оставили товары в корзине. Они всё ещё там, но два из них заканчиваются." },
    },
  },
  web_push: {
    channel: "web_push",
    locales: {
      default: {
        title: "Price drop on your wishlist",
        body: `The Harris wool overshirt you saved is now £89 (was £120). Sizes S and M are going fast.`,
        url: "https://shop.example.com/wishlist",
        actions: [
          { label: "View wishlist", url: "https://shop.example.com/wishlist" },
          { label: "Not now", url: "https://shop.example.com/" },
        ],
      },
    },
  },
  sms: {
    channel: "sms",
    locales: {
      default: { body: `Tailor Shop: {{ profile.first_name | default: "Hi" }}, your order has shipped! Track it at https://tlr.sh/t/8Kd2. Reply STOP to opt out.` },
      ru: { body: "Tailor Shop: ваш заказ отправлен! Отследить: https://tlr.sh/t/8Kd2. Ответьте STOP, чтобы отписаться." },
    },
  },
  in_app: {
    channel: "in_app",
    locales: {
      default: {
        layout: "modal",
        title: "Free shipping this weekend",
        body: "Every order ships free until Sunday midnight, no minimum spend. Your basket is one tap away.",
        imageUrl: IMAGE,
        buttons: [
          { label: "Shop now", url: "shop://home" },
          { label: "Maybe later", url: "shop://dismiss" },
        ],
      },
    },
  },
  messenger: {
    channel: "messenger",
    locales: {
      default: {
        text: `{{ profile.first_name | default: "Hi" }}, your order #48213 is on its way 🚚\nExpected on Thursday between 9:00 and 13:00.`,
        buttons: [
          { label: "Track parcel", url: "https://tlr.sh/t/8Kd2" },
          { label: "Change day", url: "https://shop.example.com/delivery" },
          { label: "Help", url: "https://shop.example.com/help" },
          { label: "My orders", url: "https://shop.example.com/orders" },
        ],
      },
    },
  },
  webhook: {
    channel: "webhook",
    locales: {
      default: {
        url: "https://hooks.example.com/tailor/orders",
        payload: `{\n  "type": "order.shipped",\n  "email": "{{ profile.email }}",\n  "tier": "{{ profile.tier | default: "standard" }}",\n  "tracking": "https://tlr.sh/t/8Kd2"\n}`,
      },
    },
  },
};

// What the lint API says about the samples, so the panel and the fields have something to show.
const SAMPLE_FINDINGS: Record<TemplateChannel, Finding[]> = {
  email: [{ severity: "info", code: "email.links", count: 2, locale: "default", message: "2 links in the message." }],
  push: [
    { severity: "warning", code: "liquid.no_default", field: "body", locale: "default", line: 1, column: 10, variable: "profile.favouriteCategory", message: `profile.favouriteCategory has no default: profiles without it see nothing here. Add | default: "…".` },
  ],
  web_push: [],
  sms: [{ severity: "warning", code: "sms.multipart", field: "body", locale: "ru", message: "Message is 2 parts (UCS-2): each part is billed." }],
  in_app: [],
  messenger: [],
  webhook: [{ severity: "warning", code: "liquid.no_default", field: "payload", locale: "default", line: 3, column: 13, variable: "profile.email", message: `profile.email has no default: profiles without it see nothing here. Add | default: "…".` }],
};

/*
 * The e-mail as HTML for the preview. Until the API renders MJML, blocks become plain HTML here
 * (text escaped, Liquid shown as written) and MJML is passed through as it is: browsers draw its
 * unknown mj-* elements' content, and hostile markup in it tests the preview's sandbox.
 */
function previewHtml(body: EmailBody): string {
  if (body.format === "mjml") return body.mjml;
  const esc = (s: string) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
  const inner = body.blocks
    .map((b) => {
      switch (b.type) {
        case "heading":
          return `<h1 style="font-size:${b.level === 2 ? 20 : 26}px;margin:24px 0 8px">${esc(b.text)}</h1>`;
        case "text":
          return `<p style="margin:0 0 16px">${esc(b.text).replaceAll("\n", "<br>")}</p>`;
        case "image":
          return `<img src="${esc(b.src)}" alt="${esc(b.alt)}" style="display:block;width:100%;height:auto;border-radius:4px">`;
        case "button":
          return `<p style="margin:24px 0"><a href="${esc(b.href)}" style="background:#4338ca;color:#fff;padding:12px 24px;border-radius:6px;text-decoration:none;font-weight:600">${esc(b.label)}</a></p>`;
        case "divider":
          return `<hr style="border:0;border-top:1px solid #e5e7eb;margin:24px 0">`;
        case "footer":
          return `<p style="text-align:center;font-size:12px;color:#6b7280">${b.text ? `${esc(b.text)}<br>` : ""}<a href="#unsubscribe" style="color:#6b7280">${esc(b.unsubscribeLabel)}</a></p>`;
      }
    })
    .join("\n");
  return `<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0;padding:24px;font:16px/1.5 Helvetica,Arial,sans-serif;color:#111827"><div style="max-width:600px;margin:0 auto">${inner}</div></body></html>`;
}

function Previews({ resolved, findings }: { resolved: ResolvedContent; findings: readonly Finding[] }) {
  const of = (field: string) => findings.filter((f) => f.field === field);
  switch (resolved.channel) {
    case "email": {
      const c = resolved.content;
      return <EmailPreview fromName="Tailor Shop" subject={c.subject} preheader={c.preheader} html={previewHtml(c.body)} findings={findings.filter((f) => !f.field)} />;
    }
    case "push": {
      const c = resolved.content;
      return (
        <div className="flex flex-wrap gap-6">
          <IosLockScreen appName="Tailor Shop" title={c.title} body={c.body} imageUrl={c.imageUrl} findings={[...of("title"), ...of("body")]} />
          <AndroidNotification appName="Tailor Shop" title={c.title} body={c.body} imageUrl={c.imageUrl} />
        </div>
      );
    }
    case "web_push": {
      const c = resolved.content;
      return <WebPushNotification title={c.title} body={c.body} site="shop.example.com" iconUrl={c.iconUrl} imageUrl={c.imageUrl} actions={c.actions ?? []} findings={of("actions")} />;
    }
    case "sms":
      return <SmsBubble body={resolved.content.body} sender="TailorShop" findings={of("body")} />;
    case "in_app": {
      const c = resolved.content;
      return <InAppFrame layout={c.layout} title={c.title} body={c.body} imageUrl={c.imageUrl} buttons={c.buttons ?? []} appName="Tailor Shop" />;
    }
    case "messenger": {
      const c = resolved.content;
      return <MessengerBubble botName="Tailor Shop" text={c.text} imageUrl={c.imageUrl} buttons={c.buttons ?? []} findings={of("text")} />;
    }
    case "webhook":
      return <WebhookPayload url={resolved.content.url} payload={resolved.content.payload} findings={of("payload")} />;
  }
}

export function TemplatePlayground() {
  const [channel, setChannel] = useState<TemplateChannel>("email");
  const [contents, setContents] = useState(SAMPLES);
  const [locales, setLocales] = useState<Record<TemplateChannel, string>>(() => Object.fromEntries(TEMPLATE_CHANNELS.map((c) => [c, DEFAULT_LOCALE])) as Record<TemplateChannel, string>);
  const content: TemplateContent = contents[channel];
  const locale = locales[channel];
  const spec = CHANNEL_SPECS[channel];
  const all = SAMPLE_FINDINGS[channel];
  const localeFindings = all.filter((f) => (f.locale ?? DEFAULT_LOCALE) === locale);
  const resolved = resolveLocale(content, locale === DEFAULT_LOCALE ? null : locale);
  const own = (content.locales as Record<string, Record<string, unknown>>)[locale] ?? {};

  const setLocaleValues = (update: (locales: Record<string, Record<string, unknown>>) => Record<string, Record<string, unknown>>) =>
    setContents((all) => ({ ...all, [channel]: { ...all[channel], locales: update({ ...all[channel].locales } as Record<string, Record<string, unknown>>) } }));
  const setField = (name: string, value: unknown) =>
    setLocaleValues((locales) => {
      const next = { ...locales[locale] };
      // Undefined is "inherit" in a locale; default always keeps its value.
      if (value === undefined) delete next[name];
      else next[name] = value;
      return { ...locales, [locale]: next };
    });
  const setLocale = (next: string) => setLocales((all) => ({ ...all, [channel]: next }));

  return (
    <InsertTargetProvider>
      <Tabs value={channel} onValueChange={(v) => setChannel(v as TemplateChannel)}>
        <TabsList aria-label="Channel" className="mb-4">
          {TEMPLATE_CHANNELS.map((c) => (
            <TabsTrigger key={c} value={c}>
              {CHANNEL_SPECS[c].label}
            </TabsTrigger>
          ))}
        </TabsList>
      </Tabs>
      {/* Side by side only where the previews fit: the e-mail's 640 px desktop width needs the full row. */}
      <div className={channel === "email" ? "grid gap-6" : "grid gap-6 2xl:grid-cols-2"}>
        <div className="min-w-0 space-y-4">
          <Card>
            <CardContent className="space-y-5 pt-6">
              <LocaleTabs
                content={content}
                active={locale}
                onActiveChange={setLocale}
                onAdd={(tag) => {
                  setLocaleValues((locales) => ({ ...locales, [tag]: {} }));
                  setLocale(tag);
                }}
                onRemove={(tag) => {
                  setLocaleValues(({ [tag]: _removed, ...rest }) => rest);
                  setLocale(DEFAULT_LOCALE);
                }}
              />
              <ChannelFields
                key={`${channel}-${locale}`}
                spec={spec}
                idPrefix={`${channel}-${locale}`}
                values={own}
                onChange={setField}
                findings={localeFindings}
                surfaces={resolved.channel === "in_app" ? [resolved.content.layout] : undefined}
                inherited={locale === DEFAULT_LOCALE ? undefined : { content: resolved.content as Record<string, unknown>, from: resolved.from }}
                renderBody={(value, onChange) => <EmailBlocksEditor idPrefix={`${channel}-${locale}-body`} value={value as EmailBody} onChange={onChange} />}
              />
            </CardContent>
          </Card>
        </div>
        <div className="min-w-0 space-y-4">
          <section aria-label="Previews" className="space-y-3">
            <h2 className="text-sm font-semibold">Preview · {locale === DEFAULT_LOCALE ? "default" : locale}</h2>
            <Previews resolved={resolved} findings={localeFindings} />
          </section>
          <LintPanel spec={spec} findings={all} />
          <VariablePicker />
        </div>
      </div>
    </InsertTargetProvider>
  );
}
