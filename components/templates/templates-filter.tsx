"use client";

import { Search } from "lucide-react";
import { useRouter, useSearchParams } from "next/navigation";
import { Button } from "@/components/ui/button";
import { keepTableView } from "@/components/ui/data-table";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { CHANNEL_SPECS, TEMPLATE_CHANNELS, type TemplateChannel } from "@/lib/templates";

/**
 * Channel, name and "Show archived" filters kept in the URL, so a filtered list can be shared and survives a reload.
 * A plain GET form underneath: it works before hydration; the channel applies as soon as it is picked.
 */
export function TemplatesFilter({
  channel,
  q,
  archived,
}: {
  channel?: TemplateChannel;
  q?: string;
  archived?: "show";
}) {
  const router = useRouter();
  const searchParams = useSearchParams();
  const go = (form: HTMLFormElement) => {
    // The table's sort and columns stay as the reader set them; paging starts over.
    const params = keepTableView(searchParams);
    for (const [key, value] of new FormData(form))
      if (typeof value === "string" && value.trim()) params.set(key, value.trim());
    router.push(params.size > 0 ? `/templates?${params}` : "/templates");
  };
  return (
    <form
      action="/templates"
      method="get"
      role="search"
      aria-label="Filter templates"
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => (e.preventDefault(), go(e.currentTarget))}
    >
      <div className="grid gap-1.5">
        <Label htmlFor="templates-channel">Channel</Label>
        <NativeSelect
          id="templates-channel"
          name="channel"
          defaultValue={channel ?? ""}
          className="w-44"
          onChange={(e) => go(e.currentTarget.form!)}
        >
          <option value="">All channels</option>
          {TEMPLATE_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {CHANNEL_SPECS[c].label}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="templates-q">Name</Label>
        <Input
          id="templates-q"
          name="q"
          type="search"
          defaultValue={q ?? ""}
          placeholder="Search by name"
          className="h-8 w-64"
        />
      </div>
      <Button type="submit" variant="outline" size="sm">
        <Search className="size-4" aria-hidden /> Search
      </Button>
      <label className="flex h-8 items-center gap-2 text-sm">
        <input
          type="checkbox"
          name="archived"
          value="show"
          className="size-4 accent-primary"
          defaultChecked={archived === "show"}
          onChange={(e) => go(e.currentTarget.form!)}
        />
        Show archived
      </label>
    </form>
  );
}
