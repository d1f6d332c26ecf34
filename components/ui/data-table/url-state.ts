/**
 * A data table's view in the query string, so a reload, the back button and a shared link keep it:
 * `sort` and `dir` (one column), `page` (from 1), `size` (rows a page) and `hide` (comma-separated
 * column ids). Values equal to the table's defaults are left out; anything unreadable (an old or
 * hand-edited link) falls back to the default rather than failing. Other parameters (a list's own
 * filters) pass through untouched.
 */
export type SortState = { id: string; desc: boolean };

export type TableView = {
  sort: SortState | null;
  /** 0-based, as @tanstack/react-table counts. */
  pageIndex: number;
  pageSize: number;
  hidden: string[];
};

export type TableViewDefaults = {
  sort: SortState | null;
  pageSize: number;
  pageSizes: readonly number[];
  /** The ids a link may sort by; any other `sort` falls back to the default. */
  sortable: readonly string[];
  /** The ids a link may hide. */
  hideable: readonly string[];
};

/** The page sizes every data table offers. */
export const PAGE_SIZES = [10, 25, 50, 100] as const;

export const TABLE_VIEW_KEYS = ["sort", "dir", "page", "size", "hide"] as const;

type Params = { get(name: string): string | null; toString(): string };

export function parseTableView(params: Params, defaults: TableViewDefaults): TableView {
  const sortId = params.get("sort");
  const dir = params.get("dir");
  const sort =
    sortId && defaults.sortable.includes(sortId)
      ? { id: sortId, desc: dir === "desc" || (dir !== "asc" && defaults.sort?.id === sortId && defaults.sort.desc) }
      : defaults.sort;
  const page = Number(params.get("page"));
  const size = Number(params.get("size"));
  const hidden = (params.get("hide") ?? "")
    .split(",")
    .filter((id, i, all) => defaults.hideable.includes(id) && all.indexOf(id) === i);
  return {
    sort,
    pageIndex: Number.isSafeInteger(page) && page >= 1 ? page - 1 : 0,
    pageSize: defaults.pageSizes.includes(size) ? size : defaults.pageSize,
    hidden,
  };
}

const sameSort = (a: SortState | null, b: SortState | null) => a?.id === b?.id && a?.desc === b?.desc;

/** The query string for `view`, keeping `params`' other entries; defaults are left out. */
export function serialiseTableView(params: Params, view: TableView, defaults: TableViewDefaults): URLSearchParams {
  const next = new URLSearchParams(params.toString());
  for (const key of TABLE_VIEW_KEYS) next.delete(key);
  if (view.sort && !sameSort(view.sort, defaults.sort)) {
    next.set("sort", view.sort.id);
    next.set("dir", view.sort.desc ? "desc" : "asc");
  }
  if (view.pageIndex > 0) next.set("page", String(view.pageIndex + 1));
  if (view.pageSize !== defaults.pageSize) next.set("size", String(view.pageSize));
  const hidden = defaults.hideable.filter((id) => view.hidden.includes(id));
  if (hidden.length > 0) next.set("hide", hidden.join(","));
  return next;
}

/** "1–25 of 120": the rows a page shows, counted from 1. */
export function pageRange(pageIndex: number, pageSize: number, rowsOnPage: number): { from: number; to: number } {
  const from = pageIndex * pageSize + 1;
  return rowsOnPage === 0 ? { from: 0, to: 0 } : { from, to: from + rowsOnPage - 1 };
}

/**
 * The table's view (sort, page size, hidden columns) from `params`, without its page: where a list's
 * filters change, the new query starts from this, so the reader's view stays and paging starts over.
 */
export function keepTableView(params: Params): URLSearchParams {
  const current = new URLSearchParams(params.toString());
  const next = new URLSearchParams();
  for (const key of TABLE_VIEW_KEYS) {
    const value = current.get(key);
    if (key !== "page" && value !== null) next.set(key, value);
  }
  return next;
}
