export * from "./schema";
export { inUse, uniqueDependents, type Dependent, DEPENDENT_KINDS, isActive, type DependentKind } from "./dependents";
export { archiveColumns, archivedQuerySchema, archiveStateOf } from "./archive-state";
export { dailyTrend } from "./daily-trend";
export {
  type KeyboardMove,
  countNodes,
  duplicateNode,
  findNode,
  findParent,
  insertNode,
  moveByKeyboard,
  moveNode,
  removeNode,
  replaceNode,
  starterCondition,
  toggleNot,
  wrapInGroup,
} from "./edit-tree";
export { OPERATORS, operatorOf, withOperator, defaultComparison } from "./operators";
export { dayEndIso, dayStartIso, todayUtc } from "./utc-day";
export { FIELD_LABELS, describeNode, describeDefinition } from "./describe-definition";
export { fieldToPath, issuesByNode } from "./issues-by-node";
