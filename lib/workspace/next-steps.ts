import { can, type Role } from "@/lib/auth/roles";

export type NextStep = { title: string; description: string; href: string; done: boolean };

/** What the home page suggests, from the role and what the workspace already has. */
export function nextSteps(role: Role, overview: { activeMembers: number; isDemo: boolean }): NextStep[] {
  const steps: NextStep[] = [];
  if (can(role, "members:manage")) {
    steps.push({
      title: "Invite your team",
      description: "Add marketers, product managers and analysts, each with the role that fits their work.",
      href: "/settings/members",
      done: overview.activeMembers > 1,
    });
  }
  if (can(role, "audit:read")) {
    steps.push({
      title: "Review recent changes",
      description: "The audit log records who changed what, and when, with the values before and after.",
      href: "/audit",
      done: false,
    });
  }
  steps.push({
    title: "Choose your own password",
    description: overview.isDemo
      ? "This is the demo workspace: its password is public. Change yours before you add real data."
      : "Replace the password you were given with one only you know.",
    href: "/account/password",
    done: false,
  });
  return steps;
}
