export type { Actor } from "./actor";
export { ROLES, ROLE_LABELS, ROLE_DESCRIPTIONS, PERMISSIONS, can, type Role, type Permission } from "./roles";
