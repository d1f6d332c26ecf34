import type { ChannelSpec } from "./spec";

/*
 * Messenger (Telegram Bot API, the first messenger Tailor sends to). sendMessage takes 1–4096
 * characters of text after entity parsing; with a photo the text becomes a caption, 0–1024.
 * Inline keyboard button text is short by convention; Telegram sets no count limit a sender can
 * rely on, so Tailor lays buttons out three to a row (readable on a phone) and keeps two rows.
 */
export const MESSENGER_SPEC = {
  channel: "messenger",
  label: "Messenger",
  fields: [
    { name: "text", label: "Message", kind: "textarea", required: true, liquid: true, maxLength: 4096 },
    { name: "imageUrl", label: "Image URL", kind: "url", required: false, liquid: true },
    {
      name: "buttons",
      label: "Buttons",
      kind: "list",
      required: false,
      liquid: true,
      maxItems: 6,
      items: [
        { name: "label", label: "Button text", kind: "text", required: true, liquid: true, maxLength: 40 },
        { name: "url", label: "Button URL", kind: "url", required: true, liquid: true },
      ],
    },
  ],
} as const satisfies ChannelSpec;

// Telegram Bot API, sendPhoto: "Photo caption … 0-1024 characters after entities parsing".
export const MESSENGER_CAPTION_MAX = 1024;
export const MESSENGER_BUTTONS_PER_ROW = 3;
