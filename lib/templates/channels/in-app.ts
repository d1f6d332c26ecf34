import type { ChannelSpec } from "./spec";

/*
 * In-app messages, drawn by Tailor's SDK: there is no platform standard, so the visible lengths
 * are the SDK's layout sizes (Tailor's own design figures): a banner is one title line and two
 * body lines, a card a short title over a few lines, a modal the most room. Two buttons at most
 * in every layout: a third does not fit a phone's width side by side.
 */
export const IN_APP_LAYOUTS = ["modal", "banner", "card"] as const;

export const IN_APP_SPEC = {
  channel: "in_app",
  label: "In-app",
  fields: [
    { name: "layout", label: "Layout", kind: "choice", required: true, liquid: false, options: IN_APP_LAYOUTS },
    {
      name: "title",
      label: "Title",
      kind: "text",
      required: true,
      liquid: true,
      maxLength: 200,
      visible: { modal: 60, banner: 40, card: 50 },
    },
    {
      name: "body",
      label: "Body",
      kind: "textarea",
      required: true,
      liquid: true,
      maxLength: 2000,
      visible: { modal: 240, banner: 90, card: 150 },
    },
    { name: "imageUrl", label: "Image URL", kind: "url", required: false, liquid: true },
    {
      name: "buttons",
      label: "Buttons",
      kind: "list",
      required: false,
      liquid: true,
      maxItems: 2,
      items: [
        { name: "label", label: "Button text", kind: "text", required: true, liquid: true, maxLength: 25 },
        { name: "url", label: "Button URL", kind: "url", required: true, liquid: true },
      ],
    },
  ],
} as const satisfies ChannelSpec;
