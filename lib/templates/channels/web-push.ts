import type { ChannelSpec } from "./spec";

/*
 * Web push (Notifications API). Chrome shows two action buttons at most
 * (`Notification.maxActions` is 2), other browsers fewer, so a third is an error.
 * Visible lengths are an assumption from the issue, not a published figure: Chrome's system
 * notifications on macOS and Windows show about 50 characters of title and 120 of body before
 * the ellipsis. Push services cap the encrypted payload at 4 KB (RFC 8030 §7.2 asks for at least
 * 4096 bytes to be accepted), which `maxLength` stays well inside.
 */
export const WEB_PUSH_SPEC = {
  channel: "web_push",
  label: "Web push",
  fields: [
    {
      name: "title",
      label: "Title",
      kind: "text",
      required: true,
      liquid: true,
      maxLength: 200,
      visible: { chrome_macos: 50, chrome_windows: 50 },
    },
    {
      name: "body",
      label: "Body",
      kind: "textarea",
      required: true,
      liquid: true,
      maxLength: 1000,
      visible: { chrome_macos: 120, chrome_windows: 120 },
    },
    { name: "url", label: "Click URL", kind: "url", required: true, liquid: true },
    { name: "iconUrl", label: "Icon URL", kind: "url", required: false, liquid: true },
    { name: "imageUrl", label: "Image URL", kind: "url", required: false, liquid: true },
    {
      name: "actions",
      label: "Action buttons",
      kind: "list",
      required: false,
      liquid: true,
      maxItems: 2,
      items: [
        { name: "label", label: "Button text", kind: "text", required: true, liquid: true, maxLength: 30 },
        { name: "url", label: "Button URL", kind: "url", required: true, liquid: true },
      ],
    },
  ],
} as const satisfies ChannelSpec;
