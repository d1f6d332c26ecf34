"use client";

import { Archive, GitCompareArrows, LayoutGrid, Loader2, SearchX, Table2 } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState, useTransition } from "react";
import { ShowArchivedToggle } from "@/components/show-archived-toggle";
import { Button } from "@/components/ui/button";
import { keepTableView } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { GalleryFilters, GalleryView } from "@/lib/personas";
import { CHANNELS, CHANNEL_INFO } from "@/lib/profiles";
import { PersonaCard } from "./persona-card";
import { PersonasTable } from "./personas-table";

const FRESHNESS_LABELS = { all: "All", stale: "Stale or never validated", fresh: "Fresh" } as const;

/**
 * The personas as cards (with a pick-two-to-compare selection) or as a table, with their filters; the
 * filters and the layout are kept in the URL.
 */
export function PersonaGallery({ view, filters }: { view: GalleryView; filters: GalleryFilters }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  // Names kept with the ids: a pick stays readable when a filter hides its card.
  const [picked, setPicked] = useState<{ id: string; name: string }[]>([]);

  // The server filters (the page reads the query), so a shared link shows the same cards.
  // The table's sort and columns stay as the reader set them; paging starts over.
  function navigate(changes: Partial<Record<keyof GalleryFilters, string>>) {
    const next = keepTableView(searchParams);
    for (const [key, value] of Object.entries({ ...filters, ...changes }))
      if (value && value !== "all") next.set(key, value);
    startTransition(() => router.replace(next.size > 0 ? `${pathname}?${next}` : pathname, { scroll: false }));
  }
  const toggle = (card: { id: string; name: string }, checked: boolean) =>
    setPicked((current) =>
      checked ? [...current, { id: card.id, name: card.name }] : current.filter((p) => p.id !== card.id),
    );
  const isPicked = (id: string) => picked.some((p) => p.id === id);
  const [a, b] = picked;
  const table = filters.layout === "table";

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end gap-4" role="group" aria-label="Filter personas">
        <div className="grid gap-1.5">
          <Label htmlFor="filter-freshness">Freshness</Label>
          <NativeSelect
            id="filter-freshness"
            className="w-52"
            value={filters.freshness}
            onChange={(e) => navigate({ freshness: e.target.value })}
          >
            {Object.entries(FRESHNESS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="filter-owner">Owner</Label>
          <NativeSelect
            id="filter-owner"
            className="w-56"
            value={filters.owner ?? ""}
            onChange={(e) => navigate({ owner: e.target.value })}
          >
            <option value="">Anyone</option>
            {view.owners.map((owner) => (
              <option key={owner} value={owner}>
                {owner}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="filter-channel">Prefers channel</Label>
          <NativeSelect
            id="filter-channel"
            className="w-44"
            value={filters.channel ?? ""}
            onChange={(e) => navigate({ channel: e.target.value })}
          >
            <option value="">Any channel</option>
            {CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {CHANNEL_INFO[channel].label}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="mb-1.5">
          <ShowArchivedToggle shown={filters.archived === "show"} />
        </div>
        {view.filtered && (
          <Button variant="ghost" size="sm" onClick={() => navigate({ freshness: "all", owner: "", channel: "" })}>
            Clear filters
          </Button>
        )}
        <div className="mb-0.5 ml-auto flex rounded-md border p-0.5" role="group" aria-label="Layout">
          {(
            [
              ["cards", "Cards", LayoutGrid],
              ["table", "Table", Table2],
            ] as const
          ).map(([layout, label, Icon]) => (
            <Button
              key={layout}
              variant={(filters.layout ?? "cards") === layout ? "secondary" : "ghost"}
              size="sm"
              aria-pressed={(filters.layout ?? "cards") === layout}
              onClick={() => navigate({ layout: layout === "cards" ? "" : layout })}
            >
              <Icon className="size-4" aria-hidden /> {label}
            </Button>
          ))}
        </div>
        <p className="mb-1.5 flex items-center gap-2 text-sm text-muted-foreground" aria-live="polite">
          {pending && <Loader2 className="size-4 animate-spin" aria-hidden />}
          {view.filtered
            ? `${view.cards.length.toLocaleString("en")} of ${view.total.toLocaleString("en")} personas`
            : `${view.total.toLocaleString("en")} personas`}
        </p>
      </div>

      {/* Nothing to pick from when the filters hide every card. */}
      {table
        ? null
        : (view.cards.length > 0 || picked.length > 0) && (
            <div
              className="flex flex-wrap items-center gap-3 rounded-lg border bg-muted/40 px-4 py-2 text-sm"
              role="region"
              aria-label="Compare personas"
            >
              <GitCompareArrows className="size-4 text-muted-foreground" aria-hidden />
              <span className="min-w-0 flex-1">
                {picked.length === 0
                  ? "Tick “Compare” on two cards to see their stories and audiences side by side."
                  : picked.length === 1
                    ? `${a!.name} picked — pick one more.`
                    : `${a!.name} and ${b!.name}`}
              </span>
              {picked.length > 0 && (
                <Button variant="ghost" size="sm" onClick={() => setPicked([])}>
                  Clear picks
                </Button>
              )}
              {picked.length === 2 ? (
                <Button asChild size="sm">
                  <Link href={`/personas/compare?${new URLSearchParams({ a: a!.id, b: b!.id })}`}>
                    Compare these two
                  </Link>
                </Button>
              ) : (
                <Button size="sm" disabled>
                  Compare these two
                </Button>
              )}
            </div>
          )}

      {view.total === 0 ? (
        <EmptyState
          icon={Archive}
          title="Every persona is archived"
          description={
            "Archived personas stay out of pickers and this gallery; tick “Show archived” to see them " +
            "and bring one back."
          }
        />
      ) : view.cards.length === 0 ? (
        <EmptyState
          icon={SearchX}
          title="No persona matches these filters"
          description={
            "Stale means not validated in the last six months, or never. Loosen a filter to see more " + "personas."
          }
          action={
            <Button variant="outline" onClick={() => navigate({ freshness: "all", owner: "", channel: "" })}>
              Clear filters
            </Button>
          }
        />
      ) : table ? (
        <PersonasTable personas={view.cards} />
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" aria-label="Personas">
          {view.cards.map((card) => (
            <li key={card.id}>
              <PersonaCard
                persona={card}
                // Two at most: the other boxes wait until a pick is cleared.
                compare={{
                  checked: isPicked(card.id),
                  disabled: picked.length === 2 && !isPicked(card.id),
                  onChange: (checked) => toggle(card, checked),
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
