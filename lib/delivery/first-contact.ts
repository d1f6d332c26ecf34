import type { MessageEventName } from "./message-stages";

/**
 * The stages a recipient is counted once for (docs/reports.md, "Attribution basis"): the message
 * event that marks it, the CampaignRecipient column holding its first instant, and the MessageDaily
 * counter of unique profiles.
 */
export const FIRST_CONTACT = {
  message_delivered: { column: "deliveredAt", counter: "recipients" },
  message_opened: { column: "openedAt", counter: "uniqueOpens" },
  message_clicked: { column: "clickedAt", counter: "uniqueClickers" },
  message_converted: { column: "convertedAt", counter: "converters" },
} as const satisfies Partial<Record<MessageEventName, { column: string; counter: string }>>;

export type Stage = keyof typeof FIRST_CONTACT;
export const STAGES = Object.keys(FIRST_CONTACT) as Stage[];

/** A recipient's dimensions in CampaignRecipient and MessageDaily. */
export const DIMS = ["variantId", "channel", "personaId"] as const;

/**
 * A (campaign, profile)'s first instants of a batch; dimensions and sentAt of its earliest delivery
 * (else of its earliest event).
 */
export type Contact = {
  campaignId: string;
  profileId: string;
  variantId: string;
  channel: string;
  personaId: string;
  sentAt: Date | null;
  first: Partial<Record<Stage, Date>>;
};
