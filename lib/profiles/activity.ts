/**
 * Events Tailor writes about its own sends: they are in the rollups (segments can ask "received 3
 * pushes this week") but are not the customer being active. An experiment_exposure (the demo
 * history's, an import's) records an assignment — a holdout profile is "exposed" to nothing.
 */
export const TAILOR_SIDE_EVENTS = [
  "message_sent",
  "message_delivered",
  "message_failed",
  "message_skipped",
  "experiment_exposure",
] as const;

const tailorSide = new Set<string>(TAILOR_SIDE_EVENTS);

/** The customer's own activity: not a "$" bookkeeping row, not a message Tailor sent them. */
export const isActivity = (name: string) => !name.startsWith("$") && !tailorSide.has(name);
