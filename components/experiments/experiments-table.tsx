"use client";

import { DataTable } from "@/components/ui/data-table";
import type { ExperimentListItem } from "@/lib/experiments/server";
import { experimentColumns } from "./experiment-columns";

export function ExperimentsTable({ experiments }: { experiments: ExperimentListItem[] }) {
  return (
    <DataTable
      columns={experimentColumns}
      data={experiments}
      label="Experiments"
      noun={{ one: "experiment", other: "experiments" }}
      getRowId={(e) => e.id}
    />
  );
}
