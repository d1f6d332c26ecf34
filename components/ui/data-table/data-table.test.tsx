import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { keepTableView, parseTableView, serialiseTableView, pageRange, type TableViewDefaults } from "./url-state";

// The table reads its view from the URL: each test sets the query string the "page" was opened with.
const location = vi.hoisted(() => ({ search: "" }));
vi.mock("next/navigation", () => ({
  useSearchParams: () => new URLSearchParams(location.search),
  usePathname: () => "/things",
  useRouter: () => ({ replace: vi.fn() }),
}));

const { DataTable, tableViewDefaults } = await import("../data-table");
import type { ColumnDef } from "../data-table";

const defaults: TableViewDefaults = {
  sort: { id: "updated", desc: true },
  pageSize: 25,
  pageSizes: [10, 25, 50, 100],
  sortable: ["name", "size", "updated"],
  hideable: ["size", "owner", "updated"],
};

describe("a table's view in the URL", () => {
  it("reads sort, page, page size and hidden columns, and writes them back the same", () => {
    const params = new URLSearchParams("q=shoes&sort=name&dir=asc&page=3&size=50&hide=owner,size");
    const view = parseTableView(params, defaults);
    expect(view).toEqual({ sort: { id: "name", desc: false }, pageIndex: 2, pageSize: 50, hidden: ["owner", "size"] });
    // The list's own filter stays; the columns come back in the table's order.
    expect(serialiseTableView(params, view, defaults).toString()).toBe(
      "q=shoes&sort=name&dir=asc&page=3&size=50&hide=size%2Cowner",
    );
  });

  it("leaves the defaults out of the URL, so a plain link is the default view", () => {
    const view = { sort: { id: "updated", desc: true }, pageIndex: 0, pageSize: 25, hidden: [] };
    expect(parseTableView(new URLSearchParams(), defaults)).toEqual(view);
    expect(serialiseTableView(new URLSearchParams("archived=show"), view, defaults).toString()).toBe("archived=show");
    // The default column the other way round is not the default.
    const ascending = { ...view, sort: { id: "updated", desc: false } };
    expect(serialiseTableView(new URLSearchParams(), ascending, defaults).toString()).toBe("sort=updated&dir=asc");
  });

  it("falls back to the default for what a hand-edited or old link gets wrong", () => {
    const params = new URLSearchParams("sort=password&dir=sideways&page=-2&size=7&hide=name,nothing,owner,owner");
    expect(parseTableView(params, defaults)).toEqual({
      sort: { id: "updated", desc: true },
      pageIndex: 0,
      pageSize: 25,
      // "name" may not be hidden (it holds the row's link).
      hidden: ["owner"],
    });
    expect(parseTableView(new URLSearchParams("page=1.5"), defaults).pageIndex).toBe(0);
    // A sortable column without a direction sorts ascending.
    expect(parseTableView(new URLSearchParams("sort=size"), defaults).sort).toEqual({ id: "size", desc: false });
  });

  it("keeps the reader's sort, page size and hidden columns where a list's filters change, and starts paging over", () => {
    const kept = keepTableView(new URLSearchParams("channel=sms&sort=name&dir=desc&page=3&size=50&hide=owner"));
    expect(kept.toString()).toBe("sort=name&dir=desc&size=50&hide=owner");
    expect(keepTableView(new URLSearchParams("q=x")).toString()).toBe("");
  });

  it("counts the rows a page shows from 1", () => {
    expect(pageRange(0, 25, 25)).toEqual({ from: 1, to: 25 });
    expect(pageRange(2, 10, 3)).toEqual({ from: 21, to: 23 });
    expect(pageRange(0, 25, 0)).toEqual({ from: 0, to: 0 });
  });
});

type Thing = { id: string; name: string; size: number | null; owner: string };
const things: Thing[] = Array.from({ length: 23 }, (_, i) => ({
  id: `t${i}`,
  name: `Thing ${String(i).padStart(2, "0")}`,
  size: i % 5 === 0 ? null : i * 10,
  owner: `owner${i}@example.com`,
}));
const columns: ColumnDef<Thing>[] = [
  { id: "name", header: "Name", accessorFn: (t) => t.name, enableHiding: false },
  { id: "size", header: "Size", accessorFn: (t) => t.size ?? undefined, sortUndefined: "last", sortDescFirst: true },
  { id: "owner", header: "Owner", accessorFn: (t) => t.owner, enableSorting: false },
];

const render = (search: string) => {
  location.search = search;
  return renderToStaticMarkup(
    <DataTable
      columns={columns}
      data={things}
      label="Things"
      noun={{ one: "thing", other: "things" }}
      getRowId={(t) => t.id}
    />,
  );
};
const cellsOf = (html: string, column: number) =>
  [...html.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)]
    .slice(1)
    .map((row) => [...row[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)][column]?.[1]);

describe("the data table", () => {
  beforeEach(() => {
    location.search = "";
  });

  it("derives its URL defaults from the columns: sortable and hideable ones", () => {
    expect(tableViewDefaults(columns, null)).toMatchObject({
      sort: null,
      pageSize: 25,
      sortable: ["name", "size"],
      hideable: ["size", "owner"],
    });
  });

  it("shows the list in its own order, every sortable header a button, without aria-sort until sorted", () => {
    const html = render("");
    expect(html).toContain('aria-label="Things"');
    expect(html).not.toContain("aria-sort");
    expect(html.match(/<th[^>]*><button/g)).toHaveLength(2);
    expect(cellsOf(html, 0).slice(0, 2)).toEqual(["Thing 00", "Thing 01"]);
    expect(html).toContain("1–23 of 23 things");
  });

  it("sorts, pages and hides columns as the URL says", () => {
    const html = render("?sort=size&dir=desc&size=10&page=2&hide=owner");
    expect(html).toMatch(/<th[^>]*aria-sort="descending"[^>]*><button[^>]*>Size/);
    expect(html).not.toContain(">Owner<");
    expect(html).not.toContain("owner12@example.com");
    // Sizes 220, 210, 190, …, 110 fill the first page of ten; rows without a size come last, in list order.
    expect(cellsOf(html, 0)).toEqual([
      "Thing 09",
      "Thing 08",
      "Thing 07",
      "Thing 06",
      "Thing 04",
      "Thing 03",
      "Thing 02",
      "Thing 01",
      "Thing 00",
      "Thing 05",
    ]);
    expect(html).toContain("11–20 of 23 things");
  });

  it("shows the last page for a page past the end", () => {
    expect(render("?size=10&page=9")).toContain("21–23 of 23 things");
  });
});
