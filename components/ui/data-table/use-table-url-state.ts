"use client";

import type { PaginationState, SortingState, Updater, VisibilityState } from "@tanstack/react-table";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { parseTableView, serialiseTableView, type TableView, type TableViewDefaults } from "./url-state";

const apply = <T>(updater: Updater<T>, old: T): T =>
  typeof updater === "function" ? (updater as (old: T) => T)(old) : updater;

/**
 * The table's sorting, paging and hidden columns, read from and written to the query string.
 * `reload: "server"` when the page renders the rows from the query (a server component reading
 * `searchParams`): then a new order, page or page size is a router.replace. Otherwise the URL changes in place
 * (history.replaceState, which Next.js's useSearchParams follows) and nothing is fetched again.
 */
export function useTableUrlState(defaults: TableViewDefaults, reload: "server" | "client" = "client") {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const view = useMemo(() => parseTableView(params, defaults), [params, defaults]);

  // Hidden columns never change the rows: no trip to the server for those.
  function go(next: TableView, rows = true) {
    const query = serialiseTableView(params, next, defaults).toString();
    const url = query ? `${pathname}?${query}` : pathname;
    if (reload === "server" && rows) router.replace(url, { scroll: false });
    else window.history.replaceState(null, "", url);
  }

  const sorting: SortingState = view.sort ? [view.sort] : [];
  const pagination: PaginationState = { pageIndex: view.pageIndex, pageSize: view.pageSize };
  const columnVisibility: VisibilityState = Object.fromEntries(view.hidden.map((id) => [id, false]));

  return {
    view,
    sorting,
    pagination,
    columnVisibility,
    // A new order or page size starts again at the first page.
    onSortingChange: (updater: Updater<SortingState>) => {
      const [first] = apply(updater, sorting);
      go({ ...view, sort: first ? { id: first.id, desc: first.desc } : null, pageIndex: 0 });
    },
    onPaginationChange: (updater: Updater<PaginationState>) => {
      const next = apply(updater, pagination);
      go({ ...view, pageIndex: next.pageSize === view.pageSize ? next.pageIndex : 0, pageSize: next.pageSize });
    },
    onColumnVisibilityChange: (updater: Updater<VisibilityState>) => {
      const next = apply(updater, columnVisibility);
      go({ ...view, hidden: Object.keys(next).filter((id) => next[id] === false) }, false);
    },
  };
}
