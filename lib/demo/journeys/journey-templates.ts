import type { TemplateContent } from "@/lib/templates/schema";

/*
 * The templates the demo journeys send (lib/journeys/examples.ts names them), published once by the
 * journey seeder: keys are the examples' parameter names.
 */

const NAME = '{{ profile.first_name | default: "there" }}';

const email = (subject: string, heading: string, text: string, button: string, href: string): TemplateContent => ({
  channel: "email",
  locales: {
    default: {
      fromName: "Acme Outfitters",
      subject,
      preheader: text.split(".")[0]!,
      body: {
        format: "blocks",
        blocks: [
          { type: "heading", text: heading },
          { type: "text", text },
          { type: "button", label: button, href },
          { type: "divider" },
          { type: "footer", text: "Acme Outfitters · 1 Market Street", unsubscribeLabel: "Unsubscribe" },
        ],
      },
    },
  },
});

const push = (title: string, body: string, url: string): TemplateContent => ({
  channel: "push",
  locales: { default: { title, body, url } },
});

export const JOURNEY_TEMPLATES = {
  welcomePush: {
    name: "Welcome push",
    content: push("Welcome to Acme", `Hi ${NAME}, your first look at the shop is one tap away.`, "acme://home"),
  },
  gettingStartedEmail: {
    name: "Getting started e-mail",
    content: email(
      `Getting started with Acme, ${NAME}`,
      `Hi ${NAME},`,
      "Three things to try first: save a favourite, set your sizes, and turn on price alerts.",
      "Open the shop",
      "https://shop.example.com/start",
    ),
  },
  tipsInApp: {
    name: "In-app tip: price alerts",
    content: {
      channel: "in_app",
      locales: {
        default: {
          layout: "card",
          title: "Tip: price alerts",
          body: "Tap the bell on any item to hear when it drops.",
        },
      },
    },
  },
  reminderEmail: {
    name: "Abandoned cart e-mail",
    content: email(
      "You left something in your cart",
      `Still thinking it over, ${NAME}?`,
      "Your cart is saved. Pick up where you left off.",
      "Back to my cart",
      "https://shop.example.com/cart",
    ),
  },
  discountPush: {
    name: "Cart discount push",
    content: push("10 % off your cart", `${NAME}, your cart is 10 % cheaper for the next 24 hours.`, "acme://cart"),
  },
  reminderPush: {
    name: "Abandoned cart push",
    content: push("Your cart is waiting", `${NAME}, the items in your cart are still there.`, "acme://cart"),
  },
  offerA: {
    name: "Win-back offer A: free shipping",
    content: email(
      `We miss you, ${NAME}: free shipping this week`,
      `It has been a while, ${NAME}.`,
      "Free shipping on your next order, this week only.",
      "See what is new",
      "https://shop.example.com/new",
    ),
  },
  offerB: {
    name: "Win-back offer B: 15 % off",
    content: email(
      `We miss you, ${NAME}: 15 % off`,
      `It has been a while, ${NAME}.`,
      "15 % off your next order, this week only.",
      "Take 15 % off",
      "https://shop.example.com/sale",
    ),
  },
} satisfies Record<string, { name: string; content: TemplateContent }>;

export type JourneyTemplateKey = keyof typeof JOURNEY_TEMPLATES;
