"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

const TABS = [
  { href: "/settings/delivery/providers", label: "Providers" },
  { href: "/settings/delivery/policy", label: "Policy" },
] as const;

/**
 * The delivery settings' sub-navigation: links (each tab is its own page), the current one marked for screen readers
 * too.
 */
export function DeliverySettingsTabs() {
  const pathname = usePathname();
  return (
    <nav
      aria-label="Delivery settings"
      className="mb-6 inline-flex h-9 items-center rounded-md bg-muted p-1 text-muted-foreground"
    >
      {TABS.map((tab) => {
        const current = pathname === tab.href || pathname.startsWith(`${tab.href}/`);
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={current ? "page" : undefined}
            className={cn(
              "inline-flex items-center rounded-sm px-3 py-1 text-sm font-medium whitespace-nowrap " +
                "transition-colors hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring " +
                "focus-visible:outline-hidden",
              current && "bg-background text-foreground shadow-xs",
            )}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
