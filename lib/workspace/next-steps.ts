import { can, type Role } from "@/lib/auth/roles";

export type NextStep = { title: string; description: string; href: string; done: boolean };

/** What the home page suggests, from the role and what the workspace already has. */
export function nextSteps(
  role: Role,
  overview: {
    activeMembers: number;
    segments: number;
    personas: number;
    stalePersonas: number;
    templates: number;
    isDemo: boolean;
  },
): NextStep[] {
  const steps: NextStep[] = [];
  if (can(role, "members:manage")) {
    steps.push({
      title: "Invite your team",
      description: "Add marketers, product managers and analysts, each with the role that fits their work.",
      href: "/settings/members",
      done: overview.activeMembers > 1,
    });
  }
  if (can(role, "personas:edit")) {
    steps.push(
      overview.stalePersonas > 0
        ? {
            title: `Re-validate ${overview.stalePersonas} stale persona${overview.stalePersonas === 1 ? "" : "s"}`,
            description:
              "A persona not checked with real customers for six months is stale. Record a survey, " +
              "interviews or an analytics review.",
            href: "/personas?freshness=stale",
            done: false,
          }
        : {
            title: "Write a persona",
            description:
              "Tell the story of a customer group, bind it to a live segment, and let the data confirm or " +
              "contradict your assumptions.",
            href: overview.personas > 0 ? "/personas" : "/personas/new",
            done: overview.personas > 0,
          },
    );
  }
  if (can(role, "segments:edit")) {
    steps.push({
      title: "Build a segment",
      description:
        "Describe an audience with traits, behaviour and reachability; every condition shows how " +
        "many people it matches as you type.",
      href: overview.segments > 0 ? "/segments" : "/segments/new",
      done: overview.segments > 0,
    });
  } else {
    steps.push({
      title: "See who the segments are",
      description: "Open a segment to read its conditions in plain words and check why any person is in it or not.",
      href: "/segments",
      done: false,
    });
  }
  if (can(role, "templates:edit")) {
    steps.push({
      title: "Write a template",
      description:
        "Write a message once for e-mail, SMS or push, personalise it with Liquid, and let the " +
        "linter check each channel's limits before you publish.",
      href: overview.templates > 0 ? "/templates" : "/templates/new",
      done: overview.templates > 0,
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
