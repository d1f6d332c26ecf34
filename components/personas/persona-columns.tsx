import Link from "next/link";
import { ArchivedBadge } from "@/components/archived-badge";
import { formatUtc } from "@/components/format-time";
import { SizeSparkline } from "@/components/segments/size-sparkline";
import type { ColumnDef } from "@/components/ui/data-table";
import type { GalleryCard } from "@/lib/personas";
import { ChannelIcons } from "./channel-icons";
import { FreshnessBadge } from "./freshness-badge";
import { PersonaAvatar } from "./persona-avatar";

// Stale first when sorted ascending: the ones that need a look lead.
const FRESHNESS_ORDER = { never: 0, stale: 1, fresh: 2 } as const;

/**
 * The personas table's columns; in the gallery's order (each parent before its sub-personas) until a
 * header is clicked.
 */
export const personaColumns: ColumnDef<GalleryCard>[] = [
  {
    id: "name",
    header: "Persona",
    accessorFn: (p) => p.name,
    enableHiding: false,
    cell: ({ row: { original: p } }) => (
      <div className="flex items-center gap-3">
        <PersonaAvatar personaId={p.id} name={p.name} hasImage={p.hasAvatarImage} size="sm" version={p.updatedAt} />
        <div className="min-w-0">
          <div className="flex items-center gap-2">
            <Link href={`/personas/${p.id}`} className="font-medium text-primary hover:underline">
              {p.name}
            </Link>
            {p.archivedAt && <ArchivedBadge />}
          </div>
          {p.parentName && <p className="text-xs text-muted-foreground">Sub-persona of {p.parentName}</p>}
        </div>
      </div>
    ),
  },
  {
    id: "segment",
    header: "Segment",
    accessorFn: (p) => p.segment?.name,
    sortUndefined: "last",
    cell: ({ row: { original: p } }) =>
      p.segment ? (
        <Link href={`/segments/${p.segment.id}`} className="text-primary underline underline-offset-4">
          {p.segment.name}
        </Link>
      ) : (
        <span className="text-muted-foreground">None bound</span>
      ),
  },
  {
    id: "audience",
    header: "Audience",
    accessorFn: (p) => p.size ?? undefined,
    sortUndefined: "last",
    sortDescFirst: true,
    meta: { className: "text-right", cellClassName: "tabular-nums" },
    cell: ({ row: { original: p } }) => (p.size === null ? "—" : p.size.toLocaleString("en")),
  },
  {
    id: "trend",
    header: "30 days",
    enableSorting: false,
    cell: ({ row: { original: p } }) =>
      p.segment ? <SizeSparkline trend={p.trend} label={`${p.name}'s audience over 30 days`} /> : null,
  },
  {
    id: "freshness",
    header: "Validated",
    accessorFn: (p) => FRESHNESS_ORDER[p.freshness],
    cell: ({ row: { original: p } }) => <FreshnessBadge state={p.freshness} validatedAt={p.validatedAt} />,
  },
  {
    id: "channels",
    header: "Channels",
    enableSorting: false,
    cell: ({ row: { original: p } }) => <ChannelIcons channels={p.channels} />,
  },
  { id: "owner", header: "Owner", accessorFn: (p) => p.ownerEmail, meta: { cellClassName: "text-sm wrap-anywhere" } },
  {
    id: "updated",
    header: "Updated",
    accessorFn: (p) => p.updatedAt,
    sortDescFirst: true,
    meta: { cellClassName: "text-sm" },
    cell: ({ row }) => formatUtc(row.original.updatedAt),
  },
];
