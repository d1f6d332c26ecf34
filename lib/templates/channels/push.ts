import type { ChannelSpec } from "./spec";

/*
 * Mobile push, one template for iOS and Android. Neither platform publishes visible lengths: they
 * depend on device width, font size and whether the notification is expanded. The figures are
 * assumptions from the issue and common sender guidance: the iOS lock screen shows the title on
 * one line (taken as ~50 characters) and about four lines of body (~178 characters); Android
 * shows ~65 characters of title and ~240 of body. The hard limit is the payload: APNs and FCM
 * both take 4 KB (Apple, "Sending notification requests to APNs"; Firebase, "About FCM
 * messages"), which `maxLength` keeps well inside.
 */
export const PUSH_SPEC = {
  channel: "push",
  label: "Mobile push",
  fields: [
    {
      name: "title",
      label: "Title",
      kind: "text",
      required: true,
      liquid: true,
      maxLength: 200,
      visible: { ios: 50, android: 65 },
    },
    {
      name: "body",
      label: "Body",
      kind: "textarea",
      required: true,
      liquid: true,
      maxLength: 1000,
      visible: { ios: 178, android: 240 },
    },
    { name: "imageUrl", label: "Image URL", kind: "url", required: false, liquid: true },
    { name: "url", label: "Deep link", kind: "url", required: false, liquid: true },
    // Custom key/values for the app; JSON object, Liquid allowed inside.
    { name: "data", label: "Custom data", kind: "json", required: false, liquid: true, maxBytes: 2048 },
  ],
} as const satisfies ChannelSpec;
