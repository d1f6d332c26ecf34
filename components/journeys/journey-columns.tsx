import Link from "next/link";
import { formatCount, formatPercent } from "@/components/charts/format";
import { formatUtc } from "@/components/format-time";
import { describeRate } from "@/components/reports/rate-cell";
import type { ColumnDef } from "@/components/ui/data-table";
import { estimateRate } from "@/lib/analytics";
import { JOURNEY_STATUSES, type JourneyListItem } from "@/lib/journeys";
import { JourneyStatusBadge } from "./journey-status-badge";

const number = { meta: { className: "text-right", cellClassName: "text-right tabular-nums" } } as const;

/** The journeys list's columns; in the server's order (last changed first) until a header is clicked. */
export const journeyColumns: ColumnDef<JourneyListItem>[] = [
  {
    id: "name",
    header: "Name",
    accessorFn: (j) => j.name,
    enableHiding: false,
    meta: { cellClassName: "font-medium" },
    cell: ({ row: { original: j } }) => (
      <Link className="underline-offset-2 hover:underline" href={`/journeys/${j.id}`}>
        {j.name}
      </Link>
    ),
  },
  {
    id: "status",
    header: "Status",
    // In the order a journey goes through, not alphabetical.
    accessorFn: (j) => JOURNEY_STATUSES.indexOf(j.status),
    sortDescFirst: false,
    cell: ({ row: { original: j } }) => <JourneyStatusBadge status={j.status} />,
  },
  {
    id: "version",
    header: "Version",
    accessorFn: (j) => j.version ?? undefined,
    sortUndefined: "last",
    meta: { cellClassName: "tabular-nums text-muted-foreground" },
    cell: ({ row: { original: j } }) => (j.version === null ? "not published" : `v${j.version}`),
  },
  {
    id: "entered",
    header: "Entered",
    accessorFn: (j) => j.entered,
    cell: ({ row }) => formatCount(row.original.entered),
    ...number,
  },
  {
    id: "inJourney",
    header: "In journey now",
    accessorFn: (j) => j.inJourney,
    cell: ({ row }) => formatCount(row.original.inJourney),
    ...number,
  },
  {
    id: "converted",
    header: "Converted",
    accessorFn: (j) => j.converted,
    ...number,
    // The rate only when enough entered to say anything (MIN_RATE_N, as every rate in the reports).
    cell: ({ row: { original: j } }) => {
      const rate = estimateRate(j.converted, j.entered);
      return (
        <span className="inline-flex flex-col items-end leading-tight" title={describeRate(rate, true, "entries")}>
          <span>{formatCount(j.converted)}</span>
          {j.entered > 0 && (
            <span className="text-[11px] whitespace-nowrap text-muted-foreground">
              {rate.tooFew ? `too few for a rate (n = ${formatCount(j.entered)})` : formatPercent(rate.value)}
            </span>
          )}
        </span>
      );
    },
  },
  {
    id: "updatedAt",
    header: "Last changed",
    accessorFn: (j) => j.updatedAt,
    sortDescFirst: true,
    meta: { cellClassName: "text-sm text-muted-foreground" },
    cell: ({ row }) => formatUtc(row.original.updatedAt),
  },
];
