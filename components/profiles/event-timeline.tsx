"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Activity } from "lucide-react";
import { useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { formatUtc } from "@/components/format-time";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import type { TimelineEvent } from "@/lib/profiles/server";
import { queryKeys } from "@/components/query-keys";

const ALL = "all";

function summary(properties: unknown): string {
  const entries = Object.entries((properties ?? {}) as Record<string, unknown>).filter(
    ([, v]) => v !== null && typeof v !== "object",
  );
  return entries
    .slice(0, 4)
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(" · ");
}

export function EventTimeline({
  profileId,
  eventNames,
}: {
  profileId: string;
  eventNames: { name: string; count: number }[];
}) {
  const [name, setName] = useState(ALL);
  const events = useInfiniteQuery({
    queryKey: queryKeys.profiles.events(profileId, name),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      apiFetch<{ events: TimelineEvent[]; nextCursor: string | null }>(
        `/api/profiles/${profileId}/events?${new URLSearchParams({
          limit: "25",
          ...(name !== ALL ? { name } : {}),
          ...(pageParam ? { before: pageParam } : {}),
        })}`,
      ),
    getNextPageParam: (last) => last.nextCursor,
  });
  const rows = events.data?.pages.flatMap((page) => page.events) ?? [];

  return (
    <div className="space-y-4">
      <div className="flex items-end gap-2">
        <div className="space-y-1">
          <Label htmlFor="timeline-event">Event</Label>
          <Select value={name} onValueChange={setName}>
            <SelectTrigger id="timeline-event" className="w-56">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={ALL}>All events</SelectItem>
              {eventNames.map((event) => (
                <SelectItem key={event.name} value={event.name}>
                  {event.name} ({event.count})
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
      </div>
      {events.isPending ? (
        <Skeleton className="h-48 w-full" />
      ) : events.isError ? (
        <p role="alert" className="text-sm text-destructive">
          {events.error.message}
        </p>
      ) : rows.length === 0 ? (
        <EmptyState
          icon={Activity}
          title="No events"
          description="Events this profile performs appear here, newest first."
        />
      ) : (
        <ol aria-label="Event timeline" className="divide-y rounded-md border">
          {rows.map((event) => (
            <li key={event.id} className="flex items-start gap-4 px-4 py-2 text-sm">
              <span className="w-40 shrink-0 tabular-nums text-muted-foreground">{formatUtc(event.occurredAt)}</span>
              <Badge variant={event.name.startsWith("$") ? "outline" : "secondary"}>{event.name}</Badge>
              <span className="min-w-0 flex-1 truncate text-muted-foreground">{summary(event.properties)}</span>
            </li>
          ))}
        </ol>
      )}
      {events.hasNextPage && (
        <Button variant="outline" onClick={() => void events.fetchNextPage()} disabled={events.isFetchingNextPage}>
          {events.isFetchingNextPage ? "Loading…" : "Load older events"}
        </Button>
      )}
    </div>
  );
}
