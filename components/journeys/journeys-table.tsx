"use client";

import { DataTable } from "@/components/ui/data-table";
import type { JourneyListItem } from "@/lib/journeys";
import { journeyColumns } from "./journey-columns";

export function JourneysTable({ journeys }: { journeys: JourneyListItem[] }) {
  return (
    <DataTable
      columns={journeyColumns}
      data={journeys}
      label="Journeys"
      noun={{ one: "journey", other: "journeys" }}
      getRowId={(j) => j.id}
    />
  );
}
