import { expect, test } from "@playwright/test";
import { shot, signInAs } from "./support";

test("an admin sets the workspace currency and the reports show revenue in it; a marketer may not change it", async ({
  page,
}) => {
  await signInAs(page, "admin");
  await page.getByRole("link", { name: "Workspace", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Workspace" })).toBeVisible();
  const currency = page.getByLabel("Currency");
  // The demo shop sells in euros.
  await expect(currency).toHaveValue("EUR");
  await expect(page.getByRole("button", { name: "Save settings" })).toBeDisabled();
  await currency.selectOption("GBP");
  await expect(page.getByText("Revenue will read like £1,234.50.")).toBeVisible();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved", { exact: true }).first()).toBeVisible();
  await shot(page, "workspace-settings");

  await page.goto("/reports?range=90d");
  await expect(page.getByRole("region", { name: "Revenue per recipient", exact: true })).toContainText("£", {
    timeout: 30_000,
  });
  await expect(page.getByRole("region", { name: "Revenue per recipient", exact: true })).not.toContainText("€");

  // The change is in the audit log.
  await page.goto("/audit");
  await expect(page.getByText("workspace.settings_changed").first()).toBeVisible();

  // Back to euros for the other tests.
  await page.goto("/settings/workspace");
  await page.getByLabel("Currency").selectOption("EUR");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved", { exact: true }).first()).toBeVisible();
  await page.emulateMedia({ colorScheme: "dark" });
  await shot(page, "workspace-settings-dark");
});

test("a marketer gets the forbidden page for workspace settings, and the API refuses a change and names a bad currency", async ({
  page,
}) => {
  await signInAs(page, "marketer");
  await page.goto("/settings/workspace");
  await expect(page.getByText("403 — not for your role")).toBeVisible();
  const write = await page.request.put("/api/workspace", { data: { currency: "USD" } });
  expect(write.status()).toBe(403);
  await page.context().clearCookies();
  await signInAs(page, "admin");
  const bad = await page.request.put("/api/workspace", { data: { currency: "XYZ" } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatchObject({ field: "currency" });
});
