export { type Actor } from "./actor";
export { ROLES, ROLE_LABELS, ROLE_DESCRIPTIONS, PERMISSIONS, can, type Role, type Permission } from "./roles";
export { changePasswordSchema, type ChangePasswordInput } from "./change-password-schema";
export { signInSchema, type SignInInput } from "./sign-in-schema";
export { callbackPath } from "./callback-path";
