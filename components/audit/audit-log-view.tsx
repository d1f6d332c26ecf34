"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { History } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { apiFetch } from "@/components/api-fetch";
import { queryKeys } from "@/components/query-keys";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import type { AuditRow } from "@/lib/audit/server";
import { auditColumns } from "./audit-columns";

type Page = {
  rows: AuditRow[];
  nextCursor: string | null;
  facets: { entityTypes: string[]; actors: { id: string; email: string }[] };
};
const FILTERS = ["entityType", "actorId", "from", "to"] as const;
const ALL = "all"; // Radix Select items cannot have an empty value

export function AuditLogView() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filter = Object.fromEntries(
    FILTERS.flatMap((key) => (searchParams.get(key) ? [[key, searchParams.get(key)!]] : [])),
  );

  const query = useInfiniteQuery({
    queryKey: queryKeys.audit.list(filter),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      apiFetch<Page>(`/api/audit?${new URLSearchParams({ ...filter, ...(pageParam ? { before: pageParam } : {}) })}`),
    getNextPageParam: (last) => last.nextCursor,
  });

  function setFilter(key: (typeof FILTERS)[number], value: string) {
    const next = new URLSearchParams(searchParams);
    if (value && value !== ALL) next.set(key, value);
    else next.delete(key);
    router.replace(`${pathname}?${next}`);
  }

  const facets = query.data?.pages[0]?.facets ?? { entityTypes: [], actors: [] };
  const rows = query.data?.pages.flatMap((page) => page.rows) ?? [];
  const filtered = Object.keys(filter).length > 0;

  return (
    <div className="space-y-4">
      <fieldset className="flex flex-wrap items-end gap-4">
        <legend className="sr-only">Filters</legend>
        <div className="space-y-1">
          <Label htmlFor="audit-entity">Entity type</Label>
          <Select value={filter.entityType ?? ALL} onValueChange={(value) => setFilter("entityType", value)}>
            <SelectTrigger id="audit-entity" className="w-44">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={ALL}>All entity types</SelectItem>
              {facets.entityTypes.map((type) => (
                <SelectItem key={type} value={type}>
                  {type}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <div className="space-y-1">
          <Label htmlFor="audit-actor">Actor</Label>
          <Select value={filter.actorId ?? ALL} onValueChange={(value) => setFilter("actorId", value)}>
            <SelectTrigger id="audit-actor" className="w-64">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={ALL}>Everyone</SelectItem>
              {facets.actors.map((actor) => (
                <SelectItem key={actor.id} value={actor.id}>
                  {actor.email}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <div className="space-y-1">
          <Label htmlFor="audit-from">From</Label>
          <Input
            id="audit-from"
            type="date"
            className="w-40"
            value={filter.from ?? ""}
            onChange={(e) => setFilter("from", e.target.value)}
          />
        </div>
        <div className="space-y-1">
          <Label htmlFor="audit-to">To</Label>
          <Input
            id="audit-to"
            type="date"
            className="w-40"
            value={filter.to ?? ""}
            onChange={(e) => setFilter("to", e.target.value)}
          />
        </div>
        {filtered && (
          <Button variant="ghost" onClick={() => router.replace(pathname)}>
            Clear filters
          </Button>
        )}
      </fieldset>

      {query.isPending ? (
        <Skeleton className="h-64 w-full" />
      ) : query.isError ? (
        <p role="alert" className="text-sm text-destructive">
          {query.error.message}
        </p>
      ) : rows.length === 0 ? (
        <EmptyState
          icon={History}
          title={filtered ? "No changes match these filters" : "No changes yet"}
          description={
            filtered
              ? "Widen the date range or clear a filter."
              : "Every change to members, personas, segments, templates, campaigns and experiments appears here."
          }
        />
      ) : (
        <DataTable
          columns={auditColumns}
          data={rows}
          label="Audit log"
          noun={{ one: "change", other: "changes" }}
          getRowId={(row) => row.id}
          paging={{
            mode: "none",
            footer: query.hasNextPage && (
              <Button variant="outline" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
                {query.isFetchingNextPage ? "Loading…" : "Load older changes"}
              </Button>
            ),
          }}
        />
      )}
    </div>
  );
}
