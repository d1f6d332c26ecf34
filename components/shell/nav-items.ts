import type { Permission } from "@/lib/auth";

// Only sections that exist; later issues add theirs here.
export const NAV_ITEMS: ReadonlyArray<{
  href: string;
  label: string;
  icon:
    | "home"
    | "personas"
    | "profiles"
    | "segments"
    | "templates"
    | "campaigns"
    | "journeys"
    | "experiments"
    | "reports"
    | "outbox"
    | "audit"
    | "members"
    | "apiKeys"
    | "delivery"
    | "workspace"
    | "ingestion";
  permission: Permission;
}> = [
  { href: "/", label: "Home", icon: "home", permission: "workspace:read" },
  { href: "/personas", label: "Personas", icon: "personas", permission: "personas:read" },
  { href: "/profiles", label: "Profiles", icon: "profiles", permission: "profiles:read" },
  { href: "/segments", label: "Segments", icon: "segments", permission: "segments:read" },
  { href: "/templates", label: "Templates", icon: "templates", permission: "templates:read" },
  { href: "/campaigns", label: "Campaigns", icon: "campaigns", permission: "campaigns:read" },
  { href: "/journeys", label: "Journeys", icon: "journeys", permission: "journeys:read" },
  { href: "/experiments", label: "Experiments", icon: "experiments", permission: "experiments:read" },
  { href: "/reports", label: "Reports", icon: "reports", permission: "reports:read" },
  { href: "/outbox", label: "Outbox", icon: "outbox", permission: "templates:read" },
  { href: "/audit", label: "Audit log", icon: "audit", permission: "audit:read" },
  { href: "/settings/members", label: "Members", icon: "members", permission: "members:manage" },
  { href: "/settings/api-keys", label: "API keys", icon: "apiKeys", permission: "apiKeys:manage" },
  { href: "/settings/delivery", label: "Delivery", icon: "delivery", permission: "delivery:configure" },
  { href: "/settings/workspace", label: "Workspace", icon: "workspace", permission: "workspace:configure" },
  { href: "/settings/ingestion", label: "Ingestion", icon: "ingestion", permission: "ingestion:monitor" },
];
