"use client";

import { DataTable } from "@/components/ui/data-table";
import type { TemplateListItem } from "@/lib/templates/server";
import { templateColumns } from "./template-columns";

export function TemplatesTable({ templates }: { templates: TemplateListItem[] }) {
  return (
    <DataTable
      columns={templateColumns}
      data={templates}
      label="Templates"
      noun={{ one: "template", other: "templates" }}
      getRowId={(t) => t.id}
    />
  );
}
