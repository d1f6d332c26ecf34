import Link from "next/link";
import { cn } from "@/components/ui/cn";
import type { SampleProfile } from "@/lib/segments/server";

/** Matching profiles, each linking to its profile page; `detailed` adds LTV and orders. */
export function SampleProfileList({
  profiles,
  detailed = false,
  dimmed = false,
}: {
  profiles: SampleProfile[];
  detailed?: boolean;
  dimmed?: boolean;
}) {
  return (
    <ul className={cn("divide-y text-sm", dimmed && "opacity-70")}>
      {profiles.map((p) => (
        <li key={p.id} className="flex items-baseline justify-between gap-2 py-1.5">
          <Link href={`/profiles/${p.id}`} className="truncate text-primary hover:underline">
            {p.email ?? p.externalId ?? p.id}
          </Link>
          <span className="shrink-0 text-xs text-muted-foreground">
            {[
              p.country,
              p.platform,
              ...(detailed
                ? [
                    `LTV ${Number(p.ltv).toLocaleString("en")}`,
                    `${p.ordersCount} order${p.ordersCount === 1 ? "" : "s"}`,
                  ]
                : []),
            ]
              .filter(Boolean)
              .join(" · ")}
          </span>
        </li>
      ))}
    </ul>
  );
}
