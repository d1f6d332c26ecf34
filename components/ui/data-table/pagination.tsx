"use client";

import type { Table } from "@tanstack/react-table";
import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useId } from "react";
import { Button } from "../button";
import { NativeSelect } from "../native-select";
import { pageRange } from "./url-state";

/** How the rows are counted: the whole list, or a server's count that may stop at a cap. */
export type RowCount = { total: number; exact: boolean };
/**
 * Pages behind a cursor (newest first): no count, only the way to the newest and to older rows.
 * `param` is the query parameter holding the cursor; `next` is the cursor of the older page, if any.
 */
export type CursorPages = { param: string; next: string | null };

export type Noun = { one: string; other: string };

const number = (n: number) => n.toLocaleString("en");

type PaginationProps<TData> = {
  table: Table<TData>;
  label: string;
  noun: Noun;
  pageSizes: readonly number[];
} & ({ count: RowCount; cursor?: never } | { cursor: CursorPages; count?: never });

/** "x–y of n", the page size and previous/next; for cursor pages, "Newest" and "Older". */
export function DataTablePagination<TData>({ table, label, noun, pageSizes, count, cursor }: PaginationProps<TData>) {
  const sizeId = useId();
  const pathname = usePathname();
  const params = useSearchParams();
  // The cursor links keep the other parameters (filters, page size, hidden columns).
  const href = (cursor: string | null, param: string) => {
    const next = new URLSearchParams(params);
    if (cursor) next.set(param, cursor);
    else next.delete(param);
    return next.size > 0 ? `${pathname}?${next}` : pathname;
  };
  const later = cursor ? params.has(cursor.param) : false;
  const { pageIndex, pageSize } = table.getState().pagination;
  const rows = table.getRowModel().rows.length;
  const { from, to } = pageRange(cursor ? 0 : pageIndex, pageSize, rows);
  const size = (
    <span className="flex items-center gap-2">
      <label htmlFor={sizeId} className="whitespace-nowrap text-muted-foreground">
        Rows per page
      </label>
      <NativeSelect
        id={sizeId}
        className="w-20"
        value={pageSize}
        onChange={(event) => table.setPageSize(Number(event.target.value))}
      >
        {pageSizes.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </NativeSelect>
    </span>
  );

  if (cursor)
    return (
      <nav aria-label={`${label} pages`} className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <span className="text-muted-foreground">
          {later ? "Older" : "Newest"} {number(rows)} {rows === 1 ? noun.one : noun.other}
        </span>
        <span className="flex flex-wrap items-center gap-4">
          {size}
          <span className="flex gap-2">
            {later && (
              <Button variant="outline" size="sm" asChild>
                <Link href={href(null, cursor.param)}>Newest</Link>
              </Button>
            )}
            {cursor.next && (
              <Button variant="outline" size="sm" asChild>
                <Link href={href(cursor.next, cursor.param)}>Older {noun.other}</Link>
              </Button>
            )}
          </span>
        </span>
      </nav>
    );

  const total = count?.total ?? 0;
  const last = count?.exact ? !table.getCanNextPage() : rows < pageSize;
  return (
    <nav aria-label={`${label} pages`} className="flex flex-wrap items-center justify-between gap-2 text-sm">
      <span className="text-muted-foreground" aria-live="polite">
        {number(from)}–{number(to)} of {count?.exact ? "" : "more than "}
        {number(total)} {total === 1 && count?.exact ? noun.one : noun.other}
      </span>
      <span className="flex flex-wrap items-center gap-4">
        {size}
        <span className="flex gap-2">
          <Button variant="outline" size="sm" disabled={pageIndex === 0} onClick={() => table.previousPage()}>
            <ChevronLeft className="size-4" aria-hidden /> Previous
          </Button>
          <Button variant="outline" size="sm" disabled={last} onClick={() => table.nextPage()}>
            Next <ChevronRight className="size-4" aria-hidden />
          </Button>
        </span>
      </span>
    </nav>
  );
}
