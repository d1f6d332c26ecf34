import type { Role } from "@/lib/auth/roles";

/** Shown in the README and on the sign-in page while the demo workspace exists. Never for production. */
export const DEMO_PASSWORD = "tailor-demo";
export const DEMO_WORKSPACE_NAME = "Acme Outfitters (demo)";
/** An empty second workspace of the demo admin's, for trying the workspace menu and invitations. */
export const DEMO_SANDBOX_NAME = "Acme Sandbox (demo)";

export const DEMO_USERS: ReadonlyArray<{ email: string; name: string; role: Role }> = [
  { email: "admin@demo.tailor.dev", name: "Ada Admin", role: "admin" },
  { email: "marketer@demo.tailor.dev", name: "Mira Marketer", role: "marketer" },
  { email: "pm@demo.tailor.dev", name: "Paul Product", role: "pm" },
  { email: "analyst@demo.tailor.dev", name: "Ana Analyst", role: "analyst" },
];
