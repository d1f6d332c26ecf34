import Link from "next/link";
import { ArchivedBadge } from "@/components/archived-badge";
import { formatAgo, formatUtc } from "@/components/format-time";
import { Badge } from "@/components/ui/badge";
import type { ColumnDef } from "@/components/ui/data-table";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import type { TemplateListItem } from "@/lib/templates/server";
import { CHANNEL_SPECS } from "@/lib/templates";
import { TemplateChannelIcon } from "./template-channel-icon";

/** The templates list's columns; in the server's order (last changed first) until a header is clicked. */
export const templateColumns: ColumnDef<TemplateListItem>[] = [
  {
    id: "name",
    header: "Name",
    accessorFn: (t) => t.name,
    enableHiding: false,
    cell: ({ row: { original: t } }) => (
      <>
        <div className="flex items-center gap-2">
          <Link href={`/templates/${t.id}`} className="font-medium text-primary hover:underline">
            {t.name}
          </Link>
          {t.archivedAt && <ArchivedBadge />}
        </div>
        {t.description && (
          <p className="max-w-48 truncate text-xs text-muted-foreground" title={t.description}>
            {t.description}
          </p>
        )}
      </>
    ),
  },
  {
    id: "channel",
    header: "Channel",
    accessorFn: (t) => CHANNEL_SPECS[t.channel]?.label ?? t.channel,
    meta: { cellClassName: "text-sm whitespace-nowrap" },
    cell: ({ row }) => <TemplateChannelIcon channel={row.original.channel} showLabel />,
  },
  {
    id: "locales",
    header: "Locales",
    enableSorting: false,
    cell: ({ row: { original: t } }) => (
      <ul className="flex gap-1" aria-label={`Locales of ${t.name}`}>
        {t.locales.map((l) => (
          <li key={l}>
            <Badge variant={l === "default" ? "secondary" : "outline"}>{l}</Badge>
          </li>
        ))}
      </ul>
    ),
  },
  {
    id: "published",
    header: "Last published",
    accessorFn: (t) => t.lastPublished?.publishedAt,
    sortUndefined: "last",
    sortDescFirst: true,
    meta: { cellClassName: "text-sm" },
    cell: ({ row: { original: t } }) =>
      t.lastPublished ? (
        <>
          v{t.lastPublished.version.toLocaleString("en")}
          {/* The line break is visual; read aloud (and as text) it stays one phrase. */}
          <span className="sr-only"> · </span>
          <span className="block text-xs text-muted-foreground">{formatUtc(t.lastPublished.publishedAt)}</span>
        </>
      ) : (
        <span className="text-muted-foreground">never published</span>
      ),
  },
  {
    id: "draft",
    header: "Draft",
    accessorFn: (t) => t.draft?.updatedAt,
    sortUndefined: "last",
    sortDescFirst: true,
    meta: { cellClassName: "text-sm" },
    cell: ({ row: { original: t } }) =>
      t.draft ? (
        <>
          draft v{t.draft.version.toLocaleString("en")}
          <span className="sr-only"> · </span>
          {/* An age in minutes: the server's render and the browser's may be a minute apart. */}
          <span className="block text-xs text-muted-foreground" suppressHydrationWarning>
            edited {formatAgo(t.draft.updatedAt)}
          </span>
        </>
      ) : (
        <span className="text-muted-foreground">no draft</span>
      ),
  },
  {
    id: "usedBy",
    header: "Used by",
    accessorFn: (t) => t.usedBy.length,
    sortDescFirst: true,
    meta: { cellClassName: "text-sm" },
    cell: ({ row: { original: t } }) =>
      t.usedBy.length > 0 ? (
        t.usedBy.map((c) => c.name).join(", ")
      ) : (
        <Tooltip>
          <TooltipTrigger asChild>
            <button
              type="button"
              className="cursor-help text-muted-foreground"
              aria-label={`Used by: no campaigns yet. Campaigns using ${t.name} will be listed here.`}
            >
              —
            </button>
          </TooltipTrigger>
          <TooltipContent>Campaigns using this template will be listed here.</TooltipContent>
        </Tooltip>
      ),
  },
  { id: "owner", header: "Owner", accessorFn: (t) => t.ownerEmail, meta: { cellClassName: "text-sm wrap-anywhere" } },
];
