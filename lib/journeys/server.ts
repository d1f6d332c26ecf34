import "server-only";

// The journey engine (docs/journeys.md): publishing, entering and moving profiles, the worker's round.
export * from "./index";
export { createJourney } from "./engine/create-journey";
export { publishJourney } from "./engine/publish-journey";
export { setJourneyStatus } from "./engine/set-journey-status";
export { enterJourneys } from "./engine/enter-journeys";
export { releaseWaits } from "./engine/release-waits";
export { advanceJourneys, type AdvanceOptions } from "./engine/advance-journeys";
export { listJourneys } from "./list-journeys";
export { getJourney } from "./get-journey";
export { saveJourneyDraft } from "./save-journey-draft";
export { publishJourneyDraft } from "./publish-journey-draft";
export { getJourneyVersion, parseJourneyVersion } from "./get-journey-version";
export { journeyStats } from "./journey-stats";
