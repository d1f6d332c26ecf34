import { expect, test } from "@playwright/test";
import { shot, signInAs } from "./support";

test("a marketer finds a demo customer by e-mail, opens the profile and filters the timeline", async ({ page }) => {
  await signInAs(page, "marketer");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Profiles" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Profiles" })).toBeVisible();
  // The demo population loads in the background on first start: wait for its last customer.
  await expect(async () => {
    await page.goto("/profiles?q=cust-000300");
    await expect(page.getByText("1–1 of 1 profile", { exact: true })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await page.goto("/profiles");
  await shot(page, "profiles-list");

  // Sorting by lifetime value puts a big spender first.
  await page.getByRole("button", { name: "Lifetime value" }).click();
  await expect(page).toHaveURL(/sort=ltv/);
  await expect(page.getByRole("columnheader", { name: "Lifetime value" })).toHaveAttribute("aria-sort", "descending");

  const email = (await page.getByRole("table", { name: "Profiles" }).getByRole("link").first().textContent())!;
  await page.getByLabel("Search profiles").fill(email);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("1–1 of 1 profile", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: email }).click();

  await expect(page.getByRole("heading", { level: 1, name: email })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Computed traits" })).toBeVisible();
  const timeline = page.getByRole("list", { name: "Event timeline" });
  await expect(timeline.getByRole("listitem").first()).toBeVisible();
  await page.getByLabel("Event", { exact: true }).click();
  // The profile's own event names, with counts; filter by the first one (purchase when it has any).
  const purchase = page.getByRole("option", { name: /^purchase \(\d+\)$/ });
  const option = (await purchase.count()) > 0 ? purchase : page.getByRole("option", { name: /^\S+ \(\d+\)$/ }).first();
  const event = (await option.textContent())!.replace(/ \(\d+\)$/, "");
  await option.click();
  await expect(timeline.getByRole("listitem").first()).toContainText(event);
  for (const item of await timeline.getByRole("listitem").all()) await expect(item).toContainText(event);
  await shot(page, "profile-page");
});
