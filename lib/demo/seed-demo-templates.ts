import { loadActor } from "@/lib/auth/load-actor";
import { db } from "@/lib/db/client";
import type { TemplateContent } from "@/lib/templates/schema";
import { createTemplate } from "@/lib/templates/create-template";
import { publishTemplate } from "@/lib/templates/publish-template";
import { saveDraft } from "@/lib/templates/save-draft";

type DemoTemplate = {
  name: string;
  description: string;
  published: TemplateContent;
  draft: TemplateContent;
  triggerEvent?: string;
};

const FIRST_NAME = '{{ profile.first_name | default: "there" }}';
const VORNAME = '{{ profile.first_name | default: "du" }}';

const sale = (discount: number): TemplateContent => ({
  channel: "email",
  locales: {
    default: {
      fromName: "Acme Outfitters",
      subject: `${discount} % off for you, ${FIRST_NAME}`,
      preheader: "Our autumn sale ends Sunday.",
      body: {
        format: "blocks",
        blocks: [
          { type: "heading", text: `Hi ${FIRST_NAME},` },
          {
            type: "text",
            text:
              `Everything in the autumn collection is ${discount} % off until Sunday.\nYour favourite ` +
              `category: {{ profile.favouriteCategory | default: "all of them" }}.`,
          },
          { type: "button", label: "Shop the sale", href: "https://shop.example.com/sale" },
          { type: "divider" },
          { type: "footer", text: "Acme Outfitters · 1 Market Street", unsubscribeLabel: "Unsubscribe" },
        ],
      },
    },
    de: {
      fromName: "Acme Outfitters",
      subject: `${discount} % Rabatt für dich, ${VORNAME}`,
      preheader: "Unser Herbst-Sale endet am Sonntag.",
      body: {
        format: "blocks",
        blocks: [
          { type: "heading", text: `Hallo ${VORNAME},` },
          { type: "text", text: `Die ganze Herbstkollektion ist bis Sonntag ${discount} % günstiger.` },
          { type: "button", label: "Zum Sale", href: "https://shop.example.com/de/sale" },
          { type: "divider" },
          { type: "footer", text: "Acme Outfitters · Marktstraße 1", unsubscribeLabel: "Abmelden" },
        ],
      },
    },
  },
});

const sms = (body: string): TemplateContent => ({
  channel: "sms",
  locales: {
    default: { body },
    de: {
      body: body.replace("Your order", "Deine Bestellung").replace("Reply STOP to opt out.", "STOPP zum Abmelden."),
    },
  },
});

const push = (title: string): TemplateContent => ({
  channel: "push",
  locales: {
    default: {
      title,
      body: `Hi ${FIRST_NAME}, new pieces just landed in {{ profile.favouriteCategory | default: "the shop" }}.`,
      url: "https://shop.example.com/new-arrivals",
    },
    de: { title: "Neu eingetroffen", body: `Hallo ${VORNAME}, es gibt neue Teile im Shop.` },
  },
});

/*
 * One template per main channel, each with a published v1 and a draft that changes it, for the version
 * history and diff views.
 */
const DEMO_TEMPLATES: DemoTemplate[] = [
  {
    name: "Autumn sale",
    description: "Seasonal sale announcement, e-mail with a German version.",
    published: sale(20),
    draft: sale(30),
  },
  {
    name: "Order shipped",
    description: "Shipping confirmation by SMS.",
    published: sms(`Hi ${FIRST_NAME}, your order is on its way. Reply STOP to opt out.`),
    draft: sms(`Hi ${FIRST_NAME}, your order is on its way and arrives in 2–3 days. Reply STOP to opt out.`),
  },
  {
    name: "New arrivals",
    description: "Push to app users when a collection drops.",
    published: push("New arrivals"),
    draft: push("Just in: new arrivals"),
  },
  {
    name: "Cart reminder",
    description: "Sent on add_to_cart: the cart's category comes from the event.",
    triggerEvent: "add_to_cart",
    published: {
      channel: "push",
      locales: {
        default: {
          title: "Still thinking it over?",
          body: `Your {{ event.category | default: "picks" }} are waiting in your cart, ${FIRST_NAME}.`,
          url: "acme://cart",
        },
      },
    },
    draft: {
      channel: "push",
      locales: {
        default: {
          title: "Your cart misses you",
          body: `Your {{ event.category | default: "picks" }} are waiting in your cart, ${FIRST_NAME}.`,
          url: "acme://cart",
        },
      },
    },
  },
];

/** The demo workspace's templates, written by the demo marketer; skipped once any exist. */
export async function seedDemoTemplates(workspaceId: string): Promise<number> {
  if ((await db.template.count({ where: { workspaceId } })) > 0) return 0;
  const member = await db.member.findFirst({
    where: { workspaceId, role: "marketer", deactivatedAt: null },
    select: { id: true },
  });
  const actor = member && (await loadActor(member.id));
  if (!actor) return 0;
  for (const t of DEMO_TEMPLATES) {
    const created = await createTemplate(actor, {
      name: t.name,
      channel: t.published.channel,
      description: t.description,
      triggerEvent: t.triggerEvent ?? null,
      content: t.published,
    });
    await publishTemplate(actor, created.id);
    await saveDraft(actor, created.id, { content: t.draft });
  }
  return DEMO_TEMPLATES.length;
}
