import { expect, test, type Page } from "@playwright/test";
import { shot, signInAs } from "./support";

// The lists share one table: sortable headers (aria-sort on the header), pages, a "Columns" menu,
// and the view in the URL, so a reload (or a shared link) shows the same rows the same way.

const names = (page: Page, table: string) =>
  page.getByRole("table", { name: table }).getByRole("row").locator("td:first-child a").allTextContents();

test("a marketer sorts the campaigns by name, hides a column, and a reload keeps the view", async ({ page }) => {
  await signInAs(page, "marketer");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Campaigns" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Campaigns" })).toBeVisible();
  const table = page.getByRole("table", { name: "Campaigns" });
  const name = table.getByRole("columnheader", { name: "Name" });
  await expect(name).not.toHaveAttribute("aria-sort");

  await name.getByRole("button").click();
  await expect(name).toHaveAttribute("aria-sort", "ascending");
  await expect(page).toHaveURL(/sort=name&dir=asc/);
  const ascending = await names(page, "Campaigns");
  // By keyboard too: the header's button takes Enter.
  await name.getByRole("button").press("Enter");
  await expect(name).toHaveAttribute("aria-sort", "descending");
  await expect.poll(() => names(page, "Campaigns")).toEqual([...ascending].reverse());

  await page.getByRole("button", { name: /^Columns of Campaigns/ }).click();
  await page.getByRole("menuitemcheckbox", { name: "Owner" }).click();
  await page.keyboard.press("Escape");
  await expect(table.getByRole("columnheader", { name: "Owner" })).toHaveCount(0);
  await expect(page).toHaveURL(/hide=owner/);

  await page.reload();
  await expect(name).toHaveAttribute("aria-sort", "descending");
  await expect(table.getByRole("columnheader", { name: "Owner" })).toHaveCount(0);
  await expect(table.getByRole("columnheader", { name: "Status" })).toBeVisible();
  expect(await names(page, "Campaigns")).toEqual([...ascending].reverse());
  await expect(page.getByRole("button", { name: "Columns of Campaigns (1 hidden)" })).toBeVisible();
  await shot(page, "tables-campaigns-sorted");
});

test("an analyst pages the profiles by orders, ten at a time without the country, and a reload keeps the page", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAs(page, "analyst");
  // The demo population loads in the background on first start: wait for its last customer.
  await expect
    .poll(
      async () => ((await (await page.request.get("/api/profiles?q=cust-000300")).json()) as { total: number }).total,
      {
        timeout: 60_000,
      },
    )
    .toBe(1);
  await page.goto("/profiles");
  const table = page.getByRole("table", { name: "Profiles" });
  const orders = table.getByRole("columnheader", { name: "Orders" });
  await orders.getByRole("button").click();
  await expect(orders).toHaveAttribute("aria-sort", "descending");
  await expect(page).toHaveURL(/sort=ordersCount&dir=desc/);

  const pages = page.getByRole("navigation", { name: "Profiles pages" });
  await pages.getByLabel("Rows per page").selectOption("10");
  await expect(pages).toContainText(/1–10 of (more than )?[\d,]+ profiles/);
  await pages.getByRole("button", { name: "Next" }).click();
  await expect(pages).toContainText(/11–20 of (more than )?[\d,]+ profiles/);
  await expect(page).toHaveURL(/page=2/);
  await expect(table.getByRole("row")).toHaveCount(11);
  const second = await names(page, "Profiles");

  await page.getByRole("button", { name: /^Columns of Profiles/ }).click();
  await page.getByRole("menuitemcheckbox", { name: "Country" }).click();
  await page.keyboard.press("Escape");
  await expect(table.getByRole("columnheader", { name: "Country" })).toHaveCount(0);

  await page.reload();
  await expect(pages).toContainText(/11–20 of (more than )?[\d,]+ profiles/);
  await expect(orders).toHaveAttribute("aria-sort", "descending");
  await expect(table.getByRole("columnheader", { name: "Country" })).toHaveCount(0);
  await expect(pages.getByLabel("Rows per page")).toHaveValue("10");
  expect(await names(page, "Profiles")).toEqual(second);

  await pages.getByRole("button", { name: "Previous" }).click();
  await expect(pages).toContainText(/1–10 of (more than )?[\d,]+ profiles/);
  await shot(page, "tables-profiles-paged");
});

test("a product manager lays the personas out as a table, sorts by audience, and a filter keeps the sort", async ({
  page,
}) => {
  await signInAs(page, "pm");
  await page.goto("/personas");
  await expect(page.getByRole("heading", { level: 1, name: "Personas" })).toBeVisible();
  const layout = page.getByRole("group", { name: "Layout" });
  await expect(layout.getByRole("button", { name: "Cards" })).toHaveAttribute("aria-pressed", "true");
  await layout.getByRole("button", { name: "Table" }).click();
  await expect(page).toHaveURL(/layout=table/);
  const table = page.getByRole("table", { name: "Personas" });
  await expect(table.getByRole("link", { name: "High-spender Hugo", exact: true })).toBeVisible();

  const audience = table.getByRole("columnheader", { name: "Audience" });
  await audience.getByRole("button").click();
  await expect(audience).toHaveAttribute("aria-sort", "descending");
  const sizes = async () =>
    (await table.locator("tbody tr td:nth-child(3)").allTextContents())
      .filter((text) => text !== "—")
      .map((text) => Number(text.replace(/\D/g, "")));
  const sorted = await sizes();
  expect(sorted.length).toBeGreaterThan(1);
  expect(sorted).toEqual([...sorted].sort((a, b) => b - a));

  // A filter narrows the rows; the reader's sort and layout stay.
  await page.getByLabel("Freshness").selectOption("stale");
  await expect(page).toHaveURL(/freshness=stale/);
  await expect(page).toHaveURL(/sort=audience&dir=desc/);
  await expect(audience).toHaveAttribute("aria-sort", "descending");
  await expect(page.getByText(/^\d+ of \d+ personas$/)).toBeVisible();
  await shot(page, "tables-personas-sorted");

  await layout.getByRole("button", { name: "Cards" }).click();
  await expect(page.getByRole("list", { name: "Personas" })).toBeVisible();
  await expect(table).toHaveCount(0);
});
