/**
 * Why a message was not sent (Message.skipReason). The worker decides render_error and exit_criteria (a triggered send
 * whose reason went away); the policy the rest.
 */
export const SKIP_REASONS = [
  "no_consent",
  "no_address",
  "unsubscribed",
  "frequency_cap",
  "quiet_hours",
  "render_error",
  "exit_criteria",
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** How the campaign page and reports name each reason. */
export const SKIP_REASON_LABELS: Record<SkipReason, string> = {
  no_consent: "No consent for the channel",
  no_address: "No address or token",
  unsubscribed: "Unsubscribed from the topic",
  frequency_cap: "Frequency cap reached",
  quiet_hours: "Quiet hours",
  render_error: "Template render error",
  exit_criteria: "No longer applies (bought, or came back)",
};

export function skipReasonLabel(reason: string): string {
  return (SKIP_REASON_LABELS as Record<string, string>)[reason] ?? reason;
}
