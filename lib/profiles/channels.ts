/**
 * The channels Tailor sends on and where a profile's address for each lives. A profile is
 * reachable on a channel when `consent[channel]` is true and that address is present
 * (a non-empty string; for web push any JSON value — a subscription object).
 * Segments (reachability), delivery and templates all read this table.
 */
export const CHANNELS = ["email", "push", "web_push", "sms", "in_app", "messenger"] as const;
export type Channel = (typeof CHANNELS)[number];

export type ChannelAddress = { column: "email" | "phone" | "externalId" } | { trait: string; anyJson?: true };

export const CHANNEL_INFO: Record<Channel, { label: string; address: ChannelAddress; addressLabel: string }> = {
  email: { label: "E-mail", address: { column: "email" }, addressLabel: "an e-mail address" },
  push: { label: "Mobile push", address: { trait: "push_token" }, addressLabel: "a push token (traits.push_token)" },
  web_push: {
    label: "Web push",
    address: { trait: "web_push_subscription", anyJson: true },
    addressLabel: "a web push subscription (traits.web_push_subscription)",
  },
  sms: { label: "SMS", address: { column: "phone" }, addressLabel: "a phone number" },
  // The in-app inbox is keyed by the sender's user id: anonymous visitors have no inbox.
  in_app: { label: "In-app", address: { column: "externalId" }, addressLabel: "a user id (identified profile)" },
  messenger: {
    label: "Messenger",
    address: { trait: "messenger_chat_id" },
    addressLabel: "a messenger chat id (traits.messenger_chat_id)",
  },
};
