"use client";

import type { Column } from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { cn } from "../cn";

/** What a column is called in its header, the column menu and the sort button. */
export function columnLabel<TData>(column: Column<TData, unknown>): string {
  const { meta, header } = column.columnDef;
  return meta?.label ?? (typeof header === "string" ? header : column.id);
}

/** `aria-sort` for the column's <th>: set only on the column the rows are ordered by. */
export function ariaSort<TData>(column: Column<TData, unknown>): "ascending" | "descending" | undefined {
  const sorted = column.getIsSorted();
  return sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined;
}

/** A sortable header: a button named like the column (the <th> carries aria-sort), arrows for the order. */
export function DataTableColumnHeader<TData>({ column }: { column: Column<TData, unknown> }) {
  const sorted = column.getIsSorted();
  const Icon = sorted === "asc" ? ArrowUp : sorted === "desc" ? ArrowDown : ArrowUpDown;
  return (
    <button
      type="button"
      className={cn(
        "-mx-1 inline-flex items-center gap-1 rounded-sm px-1 py-0.5 hover:text-foreground",
        "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
        sorted && "text-foreground",
      )}
      onClick={column.getToggleSortingHandler()}
    >
      {columnLabel(column)}
      <Icon className={cn("size-3 shrink-0", !sorted && "opacity-50")} aria-hidden />
    </button>
  );
}
