"use client";

import { useQuery } from "@tanstack/react-query";
import { Ban, Search } from "lucide-react";
import { useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import type { CatalogEntry } from "@/lib/profiles/server";
import { isShadowed, liquidPath } from "@/lib/templates";
import { useInsertTarget } from "./insert-target";
import { queryKeys } from "@/components/query-keys";

const GROUPS: { source: CatalogEntry["source"]; title: string }[] = [
  { source: "profile", title: "Profile fields" },
  { source: "computed", title: "Computed" },
  { source: "trait", title: "Custom traits" },
];

const example = (values: unknown[]) =>
  values
    .slice(0, 2)
    .map((v) => (typeof v === "string" ? v : JSON.stringify(v)))
    .join(", ");

/**
 * The workspace's profile catalog as Liquid variables, grouped as the catalog lists them. A click
 * inserts `{{ profile.<key> | default: "" }}` at the caret of the field last focused — with a
 * default, so a profile without the value reads naturally. Sensitive and inferred traits are
 * listed as refused with the reason they were flagged, and custom traits hidden behind a
 * first-class field of the same name as unavailable.
 */
export function VariablePicker() {
  const target = useInsertTarget();
  const [query, setQuery] = useState("");
  const catalog = useQuery({
    queryKey: queryKeys.catalog.variableTraits,
    queryFn: ({ signal }) => apiFetch<{ traits: CatalogEntry[] }>("/api/traits", { signal }).then((r) => r.traits),
    staleTime: 5 * 60_000,
  });
  const q = query.trim().toLowerCase();
  const shown = (catalog.data ?? []).filter((t) => !q || t.key.toLowerCase().includes(q));
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Variables</h2>
        </CardTitle>
        <CardDescription aria-live="polite">
          {target ? (
            <>
              Inserts into: <span className="font-medium text-foreground">{target.label}</span>
            </>
          ) : (
            "Click in a field, then pick a variable to insert it there."
          )}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        <div className="relative">
          <Search className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted-foreground" aria-hidden />
          <Input
            aria-label="Search variables"
            placeholder="Search variables"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            className="pl-8"
          />
        </div>
        {catalog.isPending && <Skeleton className="h-40" />}
        {catalog.isError && (
          <p className="text-sm text-destructive">Could not load the catalog: {catalog.error.message}</p>
        )}
        {GROUPS.map(({ source, title }) => {
          const entries = shown.filter((t) => t.source === source);
          if (entries.length === 0) return null;
          return (
            <section key={source} aria-label={title}>
              <h3 className="mb-1 text-xs font-semibold tracking-wide text-muted-foreground uppercase">{title}</h3>
              <ul className="max-h-64 space-y-0.5 overflow-y-auto">
                {entries.map((entry) => {
                  const path = liquidPath(entry.key);
                  const refusal = entry.flag
                    ? `Refused: ${entry.flag.flag}${entry.flag.reason ? ` — ${entry.flag.reason}` : ""}`
                    : isShadowed(entry.key)
                      ? "Unavailable: a profile field has the same name"
                      : null;
                  if (refusal) {
                    return (
                      <li
                        key={entry.key}
                        className="flex items-start gap-2 rounded px-2 py-1 text-muted-foreground"
                        aria-label={`${path}: ${refusal}`}
                      >
                        <Ban className="mt-0.5 size-3.5 shrink-0" aria-hidden />
                        <span className="min-w-0">
                          <span className="block font-mono text-xs line-through">{path}</span>
                          <span className="block text-xs">{refusal}</span>
                        </span>
                      </li>
                    );
                  }
                  return (
                    <li key={entry.key}>
                      <button
                        type="button"
                        disabled={!target}
                        onClick={() => target?.insert(`{{ ${path} | default: "" }}`)}
                        className={
                          "flex w-full items-baseline gap-2 rounded px-2 py-1 text-left hover:bg-accent " +
                          "focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-hidden " +
                          "disabled:cursor-not-allowed disabled:opacity-60"
                        }
                      >
                        <span className="sr-only">Insert </span>
                        <span className="font-mono text-xs">{path}</span>
                        <Badge variant="outline" className="px-1 py-0 text-[10px]">
                          {entry.type}
                        </Badge>
                        {entry.examples.length > 0 && (
                          <span className="truncate text-xs text-muted-foreground">e.g. {example(entry.examples)}</span>
                        )}
                      </button>
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        })}
        {catalog.isSuccess && shown.length === 0 && (
          <p className="text-sm text-muted-foreground">No variable matches “{query}”.</p>
        )}
      </CardContent>
    </Card>
  );
}
