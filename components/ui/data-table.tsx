"use client";

import {
  flexRender,
  getCoreRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type RowData,
} from "@tanstack/react-table";
import { Fragment, useMemo, type ReactNode } from "react";
import { cn } from "./cn";
import { ariaSort, DataTableColumnHeader } from "./data-table/column-header";
import { DataTablePagination, type CursorPages, type Noun, type RowCount } from "./data-table/pagination";
import { useTableUrlState } from "./data-table/use-table-url-state";
import { PAGE_SIZES, type SortState, type TableViewDefaults } from "./data-table/url-state";
import { DataTableViewOptions } from "./data-table/view-options";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "./table";

declare module "@tanstack/react-table" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the generics must match the library's
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The column's name in the sort button and the "Columns" menu, when the header is not a string. */
    label?: string;
    /** Classes for the column's header and cells (alignment, width). */
    className?: string;
    /** Classes for its cells only. */
    cellClassName?: string;
  }
}

export type { ColumnDef } from "@tanstack/react-table";
export type { CursorPages, Noun, RowCount } from "./data-table/pagination";
export { keepTableView, PAGE_SIZES } from "./data-table/url-state";

/**
 * How the rows are paged and sorted:
 * - "client": `data` is the whole list; sorting and paging happen here.
 * - "server": `data` is one page, fetched by the caller for the URL's view (read it with
 *   useTableUrlState and the same `defaults`); `count` says how many rows there are in all.
 * - "cursor": `data` is one page behind a cursor in the URL (the page size is `size`); no sorting.
 * - "none": `data` is everything loaded so far, in the server's order; `footer` loads more.
 */
export type Paging =
  | { mode: "client" }
  | { mode: "server"; count: RowCount }
  | { mode: "cursor"; pages: CursorPages }
  | { mode: "none"; footer?: ReactNode };

type DataTableProps<TData> = {
  columns: ColumnDef<TData>[];
  data: TData[];
  /** The table's accessible name, e.g. "Campaigns". */
  label: string;
  /** Counted rows: { one: "campaign", other: "campaigns" }. */
  noun: Noun;
  getRowId: (row: TData) => string;
  defaultSort?: SortState | null;
  defaultPageSize?: number;
  paging?: Paging;
  /** Whether a change of view must re-render the page on the server (it reads the query itself). */
  reload?: "server" | "client";
  /** Filters and the like, beside the "Columns" menu. */
  toolbar?: ReactNode;
  /** A full-width row under a row (an opened message), or null. */
  renderDetail?: (row: TData) => ReactNode;
  /** The id of a row's detail, for the button that opens it (aria-controls). */
  detailId?: (row: TData) => string;
};

const accessed = (column: object) => "accessorFn" in column || "accessorKey" in column;

/** The view defaults of a table: what an empty query string means. Keep the result stable (useMemo). */
export function tableViewDefaults<TData>(
  columns: ColumnDef<TData>[],
  defaultSort: SortState | null = null,
  pageSize: number = 25,
): TableViewDefaults {
  const ids = columns.map((column) => column.id ?? ("accessorKey" in column ? String(column.accessorKey) : ""));
  return {
    sort: defaultSort,
    pageSize,
    pageSizes: PAGE_SIZES,
    // A column sorts by its accessor: one without cannot, whatever a link says.
    sortable: ids.filter((id, i) => columns[i]!.enableSorting !== false && accessed(columns[i]!)),
    hideable: ids.filter((id, i) => columns[i]!.enableHiding !== false),
  };
}

/**
 * A list as a table on @tanstack/react-table: sortable headers, pages, a "Columns" menu, and the
 * view in the URL. Column definitions live beside each list (e.g. campaigns/campaign-columns.tsx);
 * give every column an `id`, and `enableSorting: false` where the order would not be honest.
 */
export function DataTable<TData>({
  columns,
  data,
  label,
  noun,
  getRowId,
  defaultSort = null,
  defaultPageSize = 25,
  paging = { mode: "client" },
  reload = "client",
  toolbar,
  renderDetail,
  detailId,
}: DataTableProps<TData>) {
  const sortable = paging.mode === "client" || paging.mode === "server";
  const defaults = useMemo(
    () =>
      tableViewDefaults(
        sortable ? columns : columns.map((column) => ({ ...column, enableSorting: false })),
        defaultSort,
        defaultPageSize,
      ),
    [columns, sortable, defaultSort, defaultPageSize],
  );
  const url = useTableUrlState(defaults, reload);
  const client = paging.mode === "client";
  // A page past the end (rows archived since the link was made) shows the last page instead.
  const pages = client ? Math.max(1, Math.ceil(data.length / url.pagination.pageSize)) : undefined;
  const pagination = pages
    ? { ...url.pagination, pageIndex: Math.min(url.pagination.pageIndex, pages - 1) }
    : url.pagination;

  const table = useReactTable({
    data,
    columns,
    getRowId,
    state: { sorting: sortable ? url.sorting : [], pagination, columnVisibility: url.columnVisibility },
    onSortingChange: url.onSortingChange,
    onPaginationChange: url.onPaginationChange,
    onColumnVisibilityChange: url.onColumnVisibilityChange,
    enableSorting: sortable,
    enableSortingRemoval: false,
    enableMultiSort: false,
    manualSorting: !client,
    manualPagination: !client,
    autoResetPageIndex: false,
    rowCount: paging.mode === "server" && paging.count.exact ? paging.count.total : undefined,
    pageCount: paging.mode === "server" && !paging.count.exact ? -1 : undefined,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: client ? getSortedRowModel() : undefined,
    getPaginationRowModel: client ? getPaginationRowModel() : undefined,
  });
  const width = table.getVisibleLeafColumns().length;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div className="min-w-0">{toolbar}</div>
        <DataTableViewOptions table={table} label={label} />
      </div>
      <Table aria-label={label}>
        <TableHeader>
          {table.getHeaderGroups().map((group) => (
            <TableRow key={group.id}>
              {group.headers.map((header) => (
                <TableHead
                  key={header.id}
                  className={header.column.columnDef.meta?.className}
                  aria-sort={ariaSort(header.column)}
                >
                  {header.isPlaceholder ? null : header.column.getCanSort() ? (
                    <DataTableColumnHeader column={header.column} />
                  ) : (
                    flexRender(header.column.columnDef.header, header.getContext())
                  )}
                </TableHead>
              ))}
            </TableRow>
          ))}
        </TableHeader>
        <TableBody>
          {table.getRowModel().rows.map((row) => {
            const detail = renderDetail?.(row.original);
            return (
              <Fragment key={row.id}>
                <TableRow>
                  {row.getVisibleCells().map((cell) => {
                    const meta = cell.column.columnDef.meta;
                    return (
                      <TableCell key={cell.id} className={cn(meta?.className, meta?.cellClassName)}>
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </TableCell>
                    );
                  })}
                </TableRow>
                {detail && (
                  <TableRow id={detailId?.(row.original)} className="hover:bg-transparent">
                    <TableCell colSpan={width} className="bg-muted/20 p-4">
                      {detail}
                    </TableCell>
                  </TableRow>
                )}
              </Fragment>
            );
          })}
          {table.getRowModel().rows.length === 0 && (
            <TableRow className="hover:bg-transparent">
              <TableCell colSpan={width} className="py-8 text-center text-muted-foreground">
                No {noun.other} on this page.
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
      {paging.mode === "none" ? (
        paging.footer
      ) : paging.mode === "cursor" ? (
        <DataTablePagination table={table} label={label} noun={noun} pageSizes={PAGE_SIZES} cursor={paging.pages} />
      ) : (
        <DataTablePagination
          table={table}
          label={label}
          noun={noun}
          pageSizes={PAGE_SIZES}
          count={paging.mode === "server" ? paging.count : { total: data.length, exact: true }}
        />
      )}
    </div>
  );
}
