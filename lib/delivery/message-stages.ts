/**
 * The message events delivery writes into Event, and the MessageDaily column each one counts in.
 * Reports, experiments and the demo history all read these names.
 */
export const MESSAGE_STAGES = {
  message_sent: "sent",
  message_delivered: "delivered",
  message_opened: "opened",
  message_clicked: "clicked",
  message_converted: "converted",
  message_failed: "failed",
  message_skipped: "skipped",
  message_unsubscribed: "unsubscribed",
} as const;

export type MessageEventName = keyof typeof MESSAGE_STAGES;
export type MessageStage = (typeof MESSAGE_STAGES)[MessageEventName];
export const MESSAGE_EVENT_NAMES = Object.keys(MESSAGE_STAGES) as MessageEventName[];
