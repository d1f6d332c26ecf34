"use client";

import {
  Activity,
  BarChart3,
  Contact,
  FileText,
  Filter,
  FlaskConical,
  History,
  Home,
  Inbox,
  KeyRound,
  Megaphone,
  Route,
  Settings,
  SlidersHorizontal,
  UserRoundSearch,
  Users,
} from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

const ICONS = {
  home: Home,
  personas: UserRoundSearch,
  profiles: Contact,
  segments: Filter,
  templates: FileText,
  outbox: Inbox,
  audit: History,
  members: Users,
  apiKeys: KeyRound,
  campaigns: Megaphone,
  journeys: Route,
  experiments: FlaskConical,
  reports: BarChart3,
  delivery: SlidersHorizontal,
  workspace: Settings,
  ingestion: Activity,
};

export function SidebarNav({
  items,
}: {
  items: ReadonlyArray<{ href: string; label: string; icon: keyof typeof ICONS }>;
}) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-col gap-1">
      {items.map((item) => {
        const Icon = ICONS[item.icon];
        const active = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium " +
                "text-sidebar-foreground/80 transition-colors hover:bg-sidebar-accent " +
                "hover:text-sidebar-foreground",
              active && "bg-sidebar-accent text-sidebar-foreground",
            )}
          >
            <Icon className="size-4" aria-hidden />
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
