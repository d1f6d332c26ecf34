"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

const LINKS = [
  { href: "/reports", label: "Overview" },
  { href: "/reports/retention", label: "Retention" },
  { href: "/reports/funnels", label: "Funnels" },
];

/** The report pages, as a row of links (the current one marked for assistive tech too). */
export function ReportsNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Reports" className="mb-6 flex gap-1 border-b">
      {LINKS.map((link) => {
        const current = link.href === "/reports" ? pathname === "/reports" : pathname.startsWith(link.href);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={current ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
              current
                ? "border-primary text-foreground"
                : "border-transparent text-muted-foreground hover:text-foreground",
            )}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
