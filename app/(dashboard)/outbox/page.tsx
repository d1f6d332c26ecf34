import { Inbox, SearchX } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { OutboxFilters } from "@/components/delivery/outbox/outbox-filters";
import { OutboxTable } from "@/components/delivery/outbox/outbox-table";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { PAGE_SIZES } from "@/components/ui/data-table/url-state";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageRole } from "@/lib/auth/server";
import { can, PERMISSIONS } from "@/lib/auth";
import { AppError } from "@/lib/http";
import { outboxQuerySchema } from "@/lib/delivery";
import type { OutboxFilters as Filters } from "@/lib/delivery/server";
import { outboxCampaigns, outboxRows } from "@/lib/delivery/server";

export const metadata: Metadata = { title: "Outbox" };

const PAGE_SIZE = 25;
/** The page size the outbox table puts in the URL (`size`), one of its sizes; else the default. */
const pageSize = (value: unknown) =>
  PAGE_SIZES.find((size) => String(size) === (Array.isArray(value) ? value[0] : value)) ?? PAGE_SIZE;
const FILTER_KEYS = ["kind", "campaignId", "channel", "profile"] as const;

/** Each filter read on its own: one bad value (an old link) drops that filter, not the others. */
function readFilters(params: Record<string, string | string[] | undefined>): Filters {
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const parsed = outboxQuerySchema.safeParse({ [key]: params[key] });
    if (parsed.success && parsed.data[key]) (filters as Record<string, string>)[key] = parsed.data[key];
  }
  return filters;
}

export default async function OutboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageRole(PERMISSIONS["templates:read"]);
  const params = await searchParams;
  const limit = pageSize(params.size);
  const query = outboxQuerySchema.safeParse({ before: params.before, limit });
  const before = query.success ? query.data.before : undefined;
  const filters = readFilters(params);
  // A `before` that names no message (an old link) starts over at the newest page rather than failing.
  const [{ messages, nextBefore }, campaigns] = await Promise.all([
    outboxRows(actor.workspaceId, { limit, before, ...filters }).catch((error: unknown) => {
      if (error instanceof AppError && error.field === "before")
        return outboxRows(actor.workspaceId, { limit, ...filters });
      throw error;
    }),
    outboxCampaigns(actor.workspaceId),
  ]);
  const editor = can(actor.role, "templates:edit");
  const filtered = Object.keys(filters).length > 0;
  return (
    <>
      <PageHeader
        title="Outbox"
        description={
          "The sandbox: every test send and every campaign message sent through the sandbox provider, " +
          "rendered for its recipient exactly as they would read it. Nothing here left Tailor."
        }
      />
      <Card>
        <CardContent className="space-y-4 pt-6">
          {(messages.length > 0 || filtered || before) && (
            <OutboxFilters filters={filters} campaigns={campaigns} view={{ size: params.size, hide: params.hide }} />
          )}
          {messages.length === 0 && !before ? (
            filtered ? (
              <EmptyState
                icon={SearchX}
                title="No messages match these filters"
                description="Widen the filters, or clear them to see every message in the sandbox."
                action={
                  <Button variant="outline" asChild>
                    <Link href="/outbox">Clear filters</Link>
                  </Button>
                }
              />
            ) : (
              <EmptyState
                icon={Inbox}
                title="Nothing in the outbox yet"
                description={
                  editor
                    ? "Use “Send test” in the template editor, or launch a campaign on a channel that uses the " +
                      "sandbox provider (every channel does until an admin configures one): each message is " +
                      "rendered for its recipient and lands here instead of in their inbox."
                    : "Test sends from the template editor and campaign messages sent through the sandbox " +
                      "provider land here, each rendered for the profile it was sent to."
                }
                action={
                  <Button variant="outline" asChild>
                    <Link href="/templates">Go to templates</Link>
                  </Button>
                }
              />
            )
          ) : (
            <OutboxTable messages={messages} nextBefore={nextBefore} />
          )}
        </CardContent>
      </Card>
    </>
  );
}
