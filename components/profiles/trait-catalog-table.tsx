"use client";

import { useQuery } from "@tanstack/react-query";
import { EyeOff, ShieldAlert } from "lucide-react";
import { apiFetch } from "@/components/api-fetch";
import { queryKeys } from "@/components/query-keys";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { CatalogEntry } from "@/lib/profiles/server";
import type { TraitFlagKind } from "@/lib/profiles";
import { TraitFlagDialog } from "./trait-flag-dialog";

const SOURCE_LABELS: Record<CatalogEntry["source"], string> = {
  profile: "Profile field",
  computed: "Computed",
  trait: "Custom trait",
};
const FLAG_BADGES: Record<TraitFlagKind, { label: string; icon: typeof ShieldAlert }> = {
  sensitive: { label: "Sensitive", icon: ShieldAlert },
  inferred: { label: "Inferred", icon: EyeOff },
};

const example = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

/** Every name the workspace knows, what it holds, and whether message copy may use it. */
export function TraitCatalogTable({ initial, canFlag }: { initial: CatalogEntry[]; canFlag: boolean }) {
  const catalog = useQuery({
    queryKey: queryKeys.catalog.allTraits,
    queryFn: ({ signal }) => apiFetch<{ traits: CatalogEntry[] }>("/api/traits", { signal }).then((r) => r.traits),
    initialData: initial,
  });
  const entries = catalog.data;
  return (
    <div className="flex flex-col gap-3">
      {catalog.isError && (
        <p role="alert" className="text-sm text-destructive">
          Could not refresh the catalog: {catalog.error.message}
        </p>
      )}
      {/* Profile fields and computed traits always exist; custom ones arrive with data. */}
      {!entries.some((e) => e.source === "trait") && (
        <p className="text-sm text-muted-foreground">
          No custom traits yet: they appear here as your apps send identify calls with properties, or when you import a
          CSV.
        </p>
      )}
      <Table aria-label="Trait catalog">
        <TableHeader>
          <TableRow>
            <TableHead>Name</TableHead>
            <TableHead>Type</TableHead>
            <TableHead>Source</TableHead>
            <TableHead>Example values</TableHead>
            <TableHead>Flag</TableHead>
            {canFlag && (
              <TableHead>
                <span className="sr-only">Actions</span>
              </TableHead>
            )}
          </TableRow>
        </TableHeader>
        <TableBody>
          {entries.map((entry) => {
            const badge = entry.flag && FLAG_BADGES[entry.flag.flag];
            return (
              <TableRow key={entry.key}>
                <TableHead scope="row" className="font-mono text-sm font-normal text-foreground">
                  {entry.key}
                </TableHead>
                <TableCell>{entry.type}</TableCell>
                <TableCell>
                  <Badge variant="secondary">{SOURCE_LABELS[entry.source]}</Badge>
                </TableCell>
                <TableCell className="max-w-64">
                  {entry.examples.length === 0 ? (
                    <span className="text-muted-foreground">—</span>
                  ) : (
                    <span
                      className="block truncate text-muted-foreground"
                      title={entry.examples.map(example).join(", ")}
                    >
                      {entry.examples.slice(0, 3).map(example).join(", ")}
                    </span>
                  )}
                </TableCell>
                <TableCell className="max-w-80">
                  {entry.flag && badge ? (
                    <div className="flex flex-col gap-0.5">
                      <Badge variant="warning">
                        <badge.icon aria-hidden /> {badge.label}
                      </Badge>
                      {entry.flag.reason && <span className="text-xs whitespace-normal">{entry.flag.reason}</span>}
                      <span className="text-xs text-muted-foreground">by {entry.flag.flaggedBy}</span>
                    </div>
                  ) : (
                    <span className="text-muted-foreground">Not flagged</span>
                  )}
                </TableCell>
                {canFlag && (
                  <TableCell className="text-right">
                    <TraitFlagDialog entry={entry} queryKey={queryKeys.catalog.allTraits} />
                  </TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
