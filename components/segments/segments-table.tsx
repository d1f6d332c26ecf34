"use client";

import { DataTable } from "@/components/ui/data-table";
import type { SegmentListItem } from "@/lib/segments/server";
import { segmentColumns } from "./segment-columns";

export function SegmentsTable({ segments }: { segments: SegmentListItem[] }) {
  return (
    <DataTable
      columns={segmentColumns}
      data={segments}
      label="Segments"
      noun={{ one: "segment", other: "segments" }}
      getRowId={(s) => s.id}
    />
  );
}
