import "server-only";

export * from "./index";
export { audienceStats } from "./audience-stats";
export { checkDuePersonas } from "./check-due-personas";
export { createPersona } from "./create-persona";
export { updatePersona } from "./update-persona";
export { deletePersona } from "./delete-persona";
export { archivePersona } from "./archive-persona";
export { findPersonaDependents } from "./find-persona-dependents";
export { createSubPersona } from "./create-sub-persona";
export { recordValidation } from "./record-validation";
export { getPersona, type PersonaDetail, type PersonaValidationEntry } from "./get-persona";
export { getPersonaInsights, type PersonaInsights } from "./get-persona-insights";
export { countPersonaAudience } from "./count-persona-audience";
export { listPersonas, type PersonaCard } from "./list-personas";
export { personaAssignmentSql, assignPersonas } from "./assign-personas";
export { setPersonaAvatar, getPersonaAvatar, detectImageType, MAX_AVATAR_BYTES } from "./avatar";
