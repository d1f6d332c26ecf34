import Link from "next/link";
import { formatUtc } from "@/components/format-time";
import { ArchivedBadge } from "@/components/archived-badge";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { SegmentListItem } from "@/lib/segments/server";
import { SizeSparkline } from "./size-sparkline";

export function SegmentsTable({ segments }: { segments: SegmentListItem[] }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Name</TableHead>
          <TableHead className="text-right">Size</TableHead>
          <TableHead>30 days</TableHead>
          <TableHead>Owner</TableHead>
          <TableHead>Updated</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {segments.map((s) => (
          <TableRow key={s.id}>
            <TableCell>
              <div className="flex items-center gap-2">
                <Link href={`/segments/${s.id}`} className="font-medium text-primary hover:underline">
                  {s.name}
                </Link>
                {s.kind === "static" && <Badge variant="secondary">static</Badge>}
                {s.archivedAt && <ArchivedBadge />}
              </div>
              {s.description && <p className="max-w-md truncate text-xs text-muted-foreground">{s.description}</p>}
            </TableCell>
            <TableCell className="text-right tabular-nums">
              {s.size === null ? "—" : s.size.toLocaleString("en")}
            </TableCell>
            <TableCell>
              <SizeSparkline trend={s.trend} label={`${s.name} size`} />
            </TableCell>
            <TableCell className="text-sm">{s.ownerEmail}</TableCell>
            <TableCell className="text-sm whitespace-nowrap">{formatUtc(s.updatedAt)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
