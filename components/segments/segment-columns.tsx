import Link from "next/link";
import { ArchivedBadge } from "@/components/archived-badge";
import { formatUtc } from "@/components/format-time";
import { Badge } from "@/components/ui/badge";
import type { ColumnDef } from "@/components/ui/data-table";
import type { SegmentListItem } from "@/lib/segments/server";
import { SizeSparkline } from "./size-sparkline";

/** The segments list's columns; in the server's order (last changed first) until a header is clicked. */
export const segmentColumns: ColumnDef<SegmentListItem>[] = [
  {
    id: "name",
    header: "Name",
    accessorFn: (s) => s.name,
    enableHiding: false,
    cell: ({ row: { original: s } }) => (
      <>
        <div className="flex items-center gap-2">
          <Link href={`/segments/${s.id}`} className="font-medium text-primary hover:underline">
            {s.name}
          </Link>
          {s.kind === "static" && <Badge variant="secondary">static</Badge>}
          {s.archivedAt && <ArchivedBadge />}
        </div>
        {s.description && <p className="max-w-56 truncate text-xs text-muted-foreground">{s.description}</p>}
      </>
    ),
  },
  {
    id: "size",
    header: "Size",
    accessorFn: (s) => s.size ?? undefined,
    sortUndefined: "last",
    sortDescFirst: true,
    meta: { className: "text-right", cellClassName: "tabular-nums" },
    cell: ({ row: { original: s } }) => (s.size === null ? "—" : s.size.toLocaleString("en")),
  },
  {
    id: "trend",
    header: "30 days",
    enableSorting: false,
    cell: ({ row: { original: s } }) => <SizeSparkline trend={s.trend} label={`${s.name} size`} />,
  },
  { id: "owner", header: "Owner", accessorFn: (s) => s.ownerEmail, meta: { cellClassName: "text-sm wrap-anywhere" } },
  {
    id: "updated",
    header: "Updated",
    accessorFn: (s) => s.updatedAt,
    sortDescFirst: true,
    meta: { cellClassName: "text-sm" },
    cell: ({ row }) => formatUtc(row.original.updatedAt),
  },
];
