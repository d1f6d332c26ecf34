import { expect, test, type Page } from "@playwright/test";
import { shot, signInAs } from "./support";

const TRAIT = "traits.price_sensitivity";
const row = (page: Page) =>
  page
    .getByRole("table", { name: "Trait catalog" })
    .getByRole("row", { name: new RegExp(`^${TRAIT.replace(".", "\\.")}\\b`) });

// Custom traits are learned as the demo population loads in the background.
async function openCatalog(page: Page) {
  await expect(async () => {
    await page.goto("/profiles/traits");
    await expect(row(page)).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 90_000 });
}

// One run of the file per reason, so a rerun against the same database still proves a new save.
const reason = `Guessed from coupon use, not stated by the customer (${Date.now()})`;

test("a product manager flags a trait as inferred with a reason and sees it marked", async ({ page }) => {
  await signInAs(page, "pm");
  await page.goto("/profiles");
  await page.getByRole("link", { name: "Trait catalog" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Trait catalog" })).toBeVisible();
  await expect(page.getByText(/message copy that uses them is refused/)).toBeVisible();
  await openCatalog(page);

  await row(page)
    .getByRole("button", { name: new RegExp(`^(Flag|Change flag of) ${TRAIT.replace(".", "\\.")}$`) })
    .click();
  const dialog = page.getByRole("dialog", { name: `Flag ${TRAIT}` });
  await dialog.getByLabel("Inferred").check();
  await dialog.getByLabel("Reason").fill(reason);
  await shot(page, "trait-flag-dialog");
  await dialog.getByRole("button", { name: "Save flag" }).click();
  await expect(dialog).toHaveCount(0);

  await expect(row(page)).toContainText("Inferred");
  await expect(row(page)).toContainText(reason);
  await expect(row(page)).toContainText("by pm@demo.tailor.dev");
  await expect(row(page).getByRole("button", { name: `Change flag of ${TRAIT}` })).toBeVisible();
  await shot(page, "trait-catalog-pm");

  // It sticks.
  await page.reload();
  await expect(row(page)).toContainText(reason);
});

test("an analyst sees the flag but cannot change it", async ({ page }) => {
  await signInAs(page, "analyst");
  await openCatalog(page);
  await expect(page.getByText("Product managers and admins set the flags.")).toBeVisible();
  await expect(row(page)).toContainText("Inferred");
  await expect(row(page)).toContainText("Guessed from coupon use");
  await expect(page.getByRole("button", { name: /flag/i })).toHaveCount(0);
  await shot(page, "trait-catalog-analyst");
});
