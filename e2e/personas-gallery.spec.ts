import { expect, test, type Page } from "@playwright/test";
import { shot, shotOf, signInAs } from "./support";

const DEMO_PERSONAS = [
  "Deal-hunting Dani",
  "High-spender Hugo",
  "Jewellery collector Jo",
  "Eco shopper Elif",
  "Lapsed Lars",
  "Newcomer Nina",
];

const card = (page: Page, name: string) => page.getByRole("article", { name });

// The demo personas are written once the demo population has loaded in the background.
async function openGallery(page: Page) {
  await expect(async () => {
    await page.goto("/personas");
    await expect(card(page, "Newcomer Nina")).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 90_000 });
}

test("the gallery shows the demo personas, filters to the stale ones and keeps the filter in the URL", async ({
  page,
}) => {
  await signInAs(page, "analyst");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Personas" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Personas" })).toBeVisible();
  await openGallery(page);

  for (const name of DEMO_PERSONAS) await expect(card(page, name)).toBeVisible();
  await expect(card(page, "Newcomer Nina")).toContainText(/Stale · validated/);
  await expect(card(page, "Eco shopper Elif")).toContainText(/Validated/);
  await expect(card(page, "Eco shopper Elif")).toContainText(/[\d,]+ profiles in Cares about sustainability/);
  await expect(card(page, "Jewellery collector Jo")).toContainText("Sub-persona of High-spender Hugo");
  // An analyst reads personas but does not write them.
  await expect(page.getByRole("link", { name: "New persona" })).toHaveCount(0);
  await shot(page, "personas-gallery");

  await page.getByLabel("Freshness").selectOption({ label: "Stale or never validated" });
  await expect(page).toHaveURL(/[?&]freshness=stale\b/);
  await expect(card(page, "Eco shopper Elif")).toHaveCount(0);
  await expect(card(page, "Newcomer Nina")).toBeVisible();
  for (const article of await page.getByRole("article").all()) await expect(article).toContainText("Stale");
  await shot(page, "personas-gallery-stale");

  // A link keeps the filter.
  await page.goto(page.url());
  await expect(page.getByLabel("Freshness")).toHaveValue("stale");
  await expect(card(page, "Newcomer Nina")).toBeVisible();
  await expect(card(page, "Eco shopper Elif")).toHaveCount(0);

  // By channel: only Nina prefers in-app.
  await page.getByRole("button", { name: "Clear filters" }).first().click();
  await expect(page).toHaveURL(/\/personas$/);
  await page.getByLabel("Prefers channel").selectOption({ label: "In-app" });
  await expect(page).toHaveURL(/[?&]channel=in_app\b/);
  await expect(page.getByRole("article")).toHaveCount(1);
  await expect(card(page, "Newcomer Nina")).toBeVisible();
});

test("a product manager compares two personas side by side, with their distributions", async ({ page }) => {
  await signInAs(page, "pm");
  await openGallery(page);
  await expect(page.getByRole("link", { name: "New persona" })).toBeVisible();

  await card(page, "Deal-hunting Dani").getByLabel("Compare").check();
  await card(page, "Eco shopper Elif").getByLabel("Compare").check();
  // Two at most: a third card's box waits.
  await expect(card(page, "Lapsed Lars").getByLabel("Compare")).toBeDisabled();
  await page.getByRole("link", { name: "Compare these two" }).click();

  await expect(page).toHaveURL(/\/personas\/compare\?a=[^&]+&b=[^&]+/);
  await expect(page.getByRole("heading", { level: 1, name: /Deal-hunting Dani and Eco shopper Elif/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Deal-hunting Dani" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Eco shopper Elif" })).toBeVisible();
  await expect(page.getByText("Psst — 30 % off sneakers ends at midnight")).toBeVisible();

  // The platform distribution as a table: one row per platform, a share for each persona.
  const platform = page.getByRole("region", { name: "Platform" });
  await platform.getByRole("tab", { name: "Table" }).click();
  const table = platform.getByRole("table");
  await expect(table.getByRole("columnheader", { name: /Deal-hunting Dani/ })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: /Eco shopper Elif/ })).toBeVisible();
  // Figures, not just labels: a share and its count for each persona.
  await expect(
    table
      .getByRole("row")
      .filter({ hasText: /^(iOS|Android|Web)/ })
      .first(),
  ).toContainText(/\d+(\.\d)? % \([\d,]+ of [\d,]+\).*\d+(\.\d)? % \([\d,]+ of [\d,]+\)/);
  await shot(page, "personas-compare");
  await shotOf(page.getByRole("region", { name: "Audiences" }), "personas-compare-audiences");

  // The same persona twice is explained, not compared with itself.
  const url = new URL(page.url());
  await page.goto(`/personas/compare?a=${url.searchParams.get("a")}&b=${url.searchParams.get("a")}`);
  await expect(page.getByText(/pick two different personas/i)).toBeVisible();
  // An id that names no persona is a 404.
  const missing = await page.goto(`/personas/compare?a=${url.searchParams.get("a")}&b=nope`);
  expect(missing?.status()).toBe(404);
});

test("a marketer adds an “in persona” condition to a segment and sees it in words and counted", async ({ page }) => {
  await signInAs(page, "marketer");
  await openGallery(page);
  await page.goto("/segments/new");
  await page.getByRole("main").getByRole("button", { name: "Add condition" }).click();
  await page.getByRole("menuitem", { name: "In persona" }).click();

  const persona = page.getByLabel("Persona", { exact: true });
  await expect(persona.getByRole("option", { name: "Eco shopper Elif" })).toBeEnabled();
  await persona.selectOption({ label: "Eco shopper Elif" });
  await expect(page.getByRole("status", { name: "In plain words" })).toHaveText(
    "Profiles in the persona “Eco shopper Elif”",
  );
  await expect(page.getByText("via its segment “Cares about sustainability”")).toBeVisible();

  // Counted live: the condition and the total match the persona's audience.
  const condition = page.getByRole("group", { name: "Condition: in the persona “Eco shopper Elif”" });
  await expect(condition.getByRole("status", { name: "Audience of this node" })).toContainText(/[1-9][\d,]* match/);
  await expect(page.getByLabel("Counting")).toHaveCount(0);
  await expect(page.getByRole("status", { name: "Audience total" })).toHaveText(/^[1-9][\d,]*$/);
  await shot(page, "segment-builder-in-persona");
});
