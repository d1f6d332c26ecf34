import { EMAIL_SPEC } from "./email";
import { IN_APP_SPEC } from "./in-app";
import { MESSENGER_SPEC } from "./messenger";
import { PUSH_SPEC } from "./push";
import { SMS_SPEC } from "./sms";
import { WEB_PUSH_SPEC } from "./web-push";
import { WEBHOOK_SPEC } from "./webhook";

export * from "./spec";
export { EMAIL_CLIP_BYTES, EMAIL_MAX_LINKS, EMAIL_SPEC } from "./email";
export { IN_APP_LAYOUTS, IN_APP_SPEC } from "./in-app";
export { MESSENGER_BUTTONS_PER_ROW, MESSENGER_CAPTION_MAX, MESSENGER_SPEC } from "./messenger";
export { PUSH_SPEC } from "./push";
export { SMS_OPT_OUT_WORDS, SMS_SPEC } from "./sms";
export { WEB_PUSH_SPEC } from "./web-push";
export { WEBHOOK_SPEC } from "./webhook";

/**
 * What a template can be written for. The delivery channels of lib/profiles/channels plus
 * `webhook`, which posts to a URL of the sender's instead of a profile's address.
 */
export const TEMPLATE_CHANNELS = ["email", "push", "web_push", "sms", "in_app", "messenger", "webhook"] as const;
export type TemplateChannel = (typeof TEMPLATE_CHANNELS)[number];

export const CHANNEL_SPECS = {
  email: EMAIL_SPEC,
  push: PUSH_SPEC,
  web_push: WEB_PUSH_SPEC,
  sms: SMS_SPEC,
  in_app: IN_APP_SPEC,
  messenger: MESSENGER_SPEC,
  webhook: WEBHOOK_SPEC,
} as const satisfies { [C in TemplateChannel]: { channel: C } };

/** A channel's name for people ("Web push", not "web_push"); an unknown value as it is. */
export const channelLabel = (channel: string): string =>
  Object.hasOwn(CHANNEL_SPECS, channel) ? CHANNEL_SPECS[channel as TemplateChannel].label : channel;
