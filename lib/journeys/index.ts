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
export { insertBetween, moveStep, moveStepTo, removeNode, replaceStep } from "./edit-graph";
export { ADDABLE_STEP_KINDS, freeStepId, newStep, starterJourney, type AddableStepKind } from "./new-step";
export { diffJourney, isUnchanged, type JourneyDiff, type StepRef } from "./diff-journey";
export { cartRecovery, welcomeSeries, winBack } from "./examples";
export { unrunEntryTrigger } from "./unrun-entry";
export {
  ENTRY_STATES,
  JOURNEY_EXIT_REASONS,
  JOURNEY_STATUSES,
  type EntryState,
  type JourneyExitReason,
  type JourneyStatus,
} from "./entry-states";
export * from "./api-schema";
