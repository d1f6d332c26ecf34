/*
 * The words the engine stores (docs/journeys.md). Client-safe: the builder and reports show them.
 */

/** draft: never published; live: takes entries and advances them; paused: holds everyone in place. */
export const JOURNEY_STATUSES = ["draft", "live", "paused", "archived"] as const;
export type JourneyStatus = (typeof JOURNEY_STATUSES)[number];

/** active: about to run its step; waiting: in a wait step until dueAt (or its event); exited: done. */
export const ENTRY_STATES = ["active", "waiting", "exited"] as const;
export type EntryState = (typeof ENTRY_STATES)[number];

/** Why an entry left the journey. */
export const JOURNEY_EXIT_REASONS = {
  completed: "Reached an exit step.",
  goal: "Reached the journey's goal.",
  holdout: "Held out by a random split (the journey's control group).",
  skipped: "A message was skipped (consent, caps, address…) and its step says to exit.",
  exit_criteria: "Met one of the journey's exit criteria.",
  profile_deleted: "The profile was deleted.",
} as const;
export type JourneyExitReason = keyof typeof JOURNEY_EXIT_REASONS;
