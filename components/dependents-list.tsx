import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DEPENDENT_KINDS, isActive, type Dependent, type DependentKind } from "@/lib/segments";

const KINDS: Record<DependentKind, { plural: string; href: (id: string) => string }> = {
  persona: { plural: "Personas", href: (id) => `/personas/${id}` },
  segment: { plural: "Segments", href: (id) => `/segments/${id}` },
  campaign: { plural: "Campaigns", href: (id) => `/campaigns/${id}` },
  experiment: { plural: "Experiments", href: (id) => `/experiments/${id}` },
};

/** What uses a segment, persona or template, by kind, each a link; sends still going carry their status. */
export function DependentsList({ dependents, label }: { dependents: readonly Dependent[]; label: string }) {
  return (
    <div
      role="group"
      aria-label={label}
      className="grid max-h-64 gap-3 overflow-y-auto rounded-md border bg-muted/40 p-3 text-sm"
    >
      {DEPENDENT_KINDS.map((kind) => {
        const items = dependents.filter((d) => d.kind === kind);
        if (items.length === 0) return null;
        return (
          <div key={kind} className="grid gap-1">
            <p className="text-xs font-medium text-muted-foreground">{KINDS[kind].plural}</p>
            <ul className="grid gap-1">
              {items.map((d) => (
                <li key={d.id} className="flex flex-wrap items-center gap-2">
                  <Link href={KINDS[kind].href(d.id)} className="text-primary hover:underline">
                    {d.name}
                  </Link>
                  {d.status && <Badge variant={isActive(d) ? "warning" : "outline"}>{d.status}</Badge>}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </div>
  );
}
