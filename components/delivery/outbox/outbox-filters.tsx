import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { CHANNEL_SPECS, TEMPLATE_CHANNELS } from "@/lib/templates";
import type { OutboxFilters as Filters } from "@/lib/delivery/server";

/** The outbox's filters as a plain GET form: they live in the URL, so a filtered view can be shared and paged. */
export function OutboxFilters({
  filters,
  campaigns,
  view = {},
}: {
  filters: Filters;
  campaigns: { id: string; name: string }[];
  /** The table's page size and hidden columns, kept when the filters change. */
  view?: Record<string, string | string[] | undefined>;
}) {
  const active = Object.values(filters).some(Boolean);
  return (
    <form
      method="get"
      action="/outbox"
      role="search"
      aria-label="Filter the outbox"
      className="flex flex-wrap items-end gap-3"
    >
      {Object.entries(view).map(
        ([name, value]) => typeof value === "string" && <input key={name} type="hidden" name={name} value={value} />,
      )}
      <div className="space-y-1.5">
        <Label htmlFor="outbox-kind" className="block">
          Kind
        </Label>
        <NativeSelect id="outbox-kind" name="kind" defaultValue={filters.kind ?? ""} className="w-44">
          <option value="">All messages</option>
          <option value="test">Test sends</option>
          <option value="campaign">Campaign deliveries</option>
        </NativeSelect>
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="outbox-campaign" className="block">
          Campaign
        </Label>
        <NativeSelect id="outbox-campaign" name="campaignId" defaultValue={filters.campaignId ?? ""} className="w-56">
          <option value="">All campaigns</option>
          {campaigns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="outbox-channel" className="block">
          Channel
        </Label>
        <NativeSelect id="outbox-channel" name="channel" defaultValue={filters.channel ?? ""} className="w-40">
          <option value="">All channels</option>
          {TEMPLATE_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {CHANNEL_SPECS[c].label}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="outbox-profile" className="block">
          Profile
        </Label>
        <Input
          id="outbox-profile"
          name="profile"
          defaultValue={filters.profile ?? ""}
          placeholder="E-mail or user id"
          className="h-8 w-56"
        />
      </div>
      <Button type="submit" size="sm">
        Filter
      </Button>
      {active && (
        <Button variant="ghost" size="sm" asChild>
          <Link href="/outbox">Clear filters</Link>
        </Button>
      )}
    </form>
  );
}
