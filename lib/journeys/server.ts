import "server-only";

// The journey engine (docs/journeys.md): publishing, entering and moving profiles, the worker's round.
export * from "./index";
export { createJourney } from "./engine/create-journey";
export { publishJourney } from "./engine/publish-journey";
export { setJourneyStatus } from "./engine/set-journey-status";
export { enterJourneys } from "./engine/enter-journeys";
export { releaseWaits } from "./engine/release-waits";
export { advanceJourneys, type AdvanceOptions } from "./engine/advance-journeys";
