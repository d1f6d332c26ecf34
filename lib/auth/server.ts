import "server-only";

export * from "./index";
export { requireRole } from "./require-role";
export { renewedSessionCookie } from "./session-cookie";
export { changePassword } from "./change-password";
export { authOptions } from "./options";
export { requirePageRole } from "./require-page-role";
export { currentActor } from "./current-actor";
