import { ChevronDown, ChevronRight } from "lucide-react";
import Link from "next/link";
import { formatUtc } from "@/components/format-time";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { ColumnDef } from "@/components/ui/data-table";
import type { TemplateChannel } from "@/lib/templates";
import type { OutboxRow } from "@/lib/delivery/server";
import { TemplateChannelIcon } from "@/components/templates/template-channel-icon";

export const outboxDetailId = (m: OutboxRow) => `outbox-${m.id}`;
const templateLabel = (m: OutboxRow) => m.templateName ?? (m.templateId ? "Deleted template" : "No template");

/**
 * The outbox's columns. The server pages it newest first behind a cursor and sorts by nothing
 * else, so no column is sortable (ordering one page of many would mislead). `open` is the message
 * shown under its row.
 */
export function outboxColumns(open: string | null, setOpen: (id: string | null) => void): ColumnDef<OutboxRow>[] {
  return [
    {
      id: "open",
      header: () => <span className="sr-only">Message</span>,
      enableHiding: false,
      meta: { className: "w-10" },
      cell: ({ row: { original: m } }) => {
        const expanded = open === m.id;
        const label = `${expanded ? "Hide" : "Show"} the message sent ${formatUtc(m.createdAt)} (${templateLabel(m)})`;
        return (
          <Button
            variant="ghost"
            size="icon"
            className="size-7"
            aria-expanded={expanded}
            aria-controls={outboxDetailId(m)}
            aria-label={label}
            onClick={() => setOpen(expanded ? null : m.id)}
          >
            {expanded ? (
              <ChevronDown className="size-4" aria-hidden />
            ) : (
              <ChevronRight className="size-4" aria-hidden />
            )}
          </Button>
        );
      },
    },
    {
      id: "when",
      header: "When",
      meta: { cellClassName: "text-sm" },
      cell: ({ row }) => formatUtc(row.original.createdAt),
    },
    {
      id: "template",
      header: "Template",
      meta: { cellClassName: "text-sm" },
      cell: ({ row: { original: m } }) => (
        <>
          {m.templateName ? (
            <Link href={`/templates/${m.templateId}`} className="font-medium text-primary hover:underline">
              {m.templateName}
            </Link>
          ) : (
            <span className="text-muted-foreground">{templateLabel(m)}</span>
          )}{" "}
          {m.version !== null && <span className="text-muted-foreground">v{m.version.toLocaleString("en")}</span>}
        </>
      ),
    },
    {
      id: "campaign",
      header: "Campaign",
      meta: { cellClassName: "text-sm" },
      cell: ({ row: { original: m } }) =>
        m.kind === "campaign" ? (
          m.campaignId && m.campaignName ? (
            <Link href={`/campaigns/${m.campaignId}`} className="text-primary hover:underline">
              {m.campaignName}
            </Link>
          ) : (
            <span className="text-muted-foreground">Campaign delivery</span>
          )
        ) : (
          <Badge variant="outline">Test send</Badge>
        ),
    },
    {
      id: "channel",
      header: "Channel",
      meta: { cellClassName: "text-sm whitespace-nowrap" },
      cell: ({ row }) => <TemplateChannelIcon channel={row.original.channel as TemplateChannel} showLabel />,
    },
    {
      id: "profile",
      header: "Profile",
      meta: { cellClassName: "text-sm wrap-anywhere" },
      cell: ({ row: { original: m } }) =>
        m.profileLabel ? (
          <Link href={`/profiles/${m.profileId}`} className="text-primary hover:underline">
            {m.profileLabel}
          </Link>
        ) : (
          <span className="text-muted-foreground">deleted profile</span>
        ),
    },
    {
      id: "locale",
      header: "Locale",
      meta: { cellClassName: "text-sm whitespace-nowrap" },
      cell: ({ row: { original: m } }) => (
        <>
          <Badge variant={m.locale === "default" ? "secondary" : "outline"}>{m.locale}</Badge>
          {m.fallbackFrom && (
            <span
              className="ml-1.5 text-xs text-muted-foreground"
              title={`The profile's locale ${m.fallbackFrom} is not in the template, so it read ${m.locale}.`}
            >
              {`for ${m.fallbackFrom}`}
            </span>
          )}
        </>
      ),
    },
    {
      id: "sentBy",
      header: "Sent by",
      meta: { cellClassName: "text-sm wrap-anywhere" },
      cell: ({ row }) => row.original.createdBy,
    },
  ];
}
