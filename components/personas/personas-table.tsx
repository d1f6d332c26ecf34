"use client";

import { DataTable } from "@/components/ui/data-table";
import type { GalleryCard } from "@/lib/personas";
import { personaColumns } from "./persona-columns";

/** The personas as rows: sortable, paged, columns to hide, the view kept in the URL. */
export function PersonasTable({ personas }: { personas: GalleryCard[] }) {
  return (
    <DataTable
      columns={personaColumns}
      data={personas}
      label="Personas"
      noun={{ one: "persona", other: "personas" }}
      getRowId={(p) => p.id}
    />
  );
}
