/** Why a message was not sent, as stored in Message.skipReason, with the sentence users read. */
export const SKIP_REASON_LABELS: Record<string, string> = {
  no_consent: "No consent for the channel",
  unsubscribed: "Unsubscribed from the topic",
  no_address: "No address or token for the channel",
  frequency_cap: "Frequency cap reached",
  quiet_hours: "Quiet hours (skipped by policy)",
  render_error: "Template did not render (missing variable)",
  exit_criteria: "No longer applies (bought, or came back)",
};

export const skipReasonLabel = (reason: string) => SKIP_REASON_LABELS[reason] ?? reason;
