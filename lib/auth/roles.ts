import type { Role } from "@/lib/generated/prisma/enums";

export type { Role };

export const ROLES = ["admin", "marketer", "pm", "analyst"] as const satisfies readonly Role[];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  marketer: "Marketer",
  pm: "Product manager",
  analyst: "Analyst",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: "Runs the workspace: members, API keys, channel providers, policies. May do everything.",
  marketer: "Builds segments, templates, campaigns and experiments; reads reports.",
  pm: "Owns personas and their research; reads everything else.",
  analyst: "Reads everything, exports, concludes experiments; makes no edits.",
};

/** Who may do what. Route handlers and pages ask for one of these, never for a role by name. */
export const PERMISSIONS = {
  "members:manage": ["admin"],
  "apiKeys:manage": ["admin"],
  "profiles:read": ["admin", "marketer", "pm", "analyst"],
  "profiles:import": ["admin", "marketer"],
  "audit:read": ["admin", "analyst"],
  "segments:read": ["admin", "marketer", "pm", "analyst"],
  "segments:edit": ["admin", "marketer"],
  "personas:read": ["admin", "marketer", "pm", "analyst"],
  "personas:edit": ["admin", "pm"],
  // Flagging a trait sensitive or inferred keeps it out of message copy.
  "traits:flag": ["admin", "pm"],
  "templates:read": ["admin", "marketer", "pm", "analyst"],
  "templates:edit": ["admin", "marketer"],
  "campaigns:read": ["admin", "marketer", "pm", "analyst"],
  "campaigns:edit": ["admin", "marketer"],
  // Journeys mirror campaigns exactly: whoever reads campaigns reads journeys; whoever may launch a
  // campaign (campaigns:edit) may edit, publish, pause, resume and archive a journey, which sends.
  "journeys:read": ["admin", "marketer", "pm", "analyst"],
  "journeys:edit": ["admin", "marketer"],
  // Channel providers (secrets) and the workspace send policy.
  "delivery:configure": ["admin"],
  "experiments:read": ["admin", "marketer", "pm", "analyst"],
  "experiments:edit": ["admin", "marketer"],
  // Concluding records the decision analysts sign off; it may ship the winner.
  "experiments:conclude": ["admin", "analyst"],
  "reports:read": ["admin", "marketer", "pm", "analyst"],
  "workspace:read": ["admin", "marketer", "pm", "analyst"],
  // Workspace-wide settings, e.g. the currency revenue is shown in.
  "workspace:configure": ["admin"],
  // The ingestion health page: lanes shared by every workspace and other sessions' SQL (docs/security.md).
  "ingestion:monitor": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
