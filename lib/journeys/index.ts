// Client-safe: the journey definition and pure graph logic, shared by the builder, the API and the engine.
export * from "./schema";
export {
  entryOf,
  exitsOf,
  findCycle,
  longestStayMinutes,
  nodesById,
  predecessorsOf,
  reachableFrom,
  successorsOf,
  topologicalOrder,
} from "./graph";
export { MAX_JOURNEY_DAYS, type JourneyContext, type JourneyIssue, validateJourney } from "./validate-journey";
export { insertBetween, removeNode } from "./edit-graph";
export { cartRecovery, welcomeSeries, winBack } from "./examples";
export {
  ENTRY_STATES,
  JOURNEY_EXIT_REASONS,
  JOURNEY_STATUSES,
  type EntryState,
  type JourneyExitReason,
  type JourneyStatus,
} from "./entry-states";
export * from "./api-schema";
