import { expect, test } from "@playwright/test";
import { shot, signInAs } from "./support";

test("an admin creates an API key, sees it once, uses it, and revokes it", async ({ page, request }) => {
  await signInAs(page, "admin");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();

  await page.getByRole("button", { name: "Create API key" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(dialog.getByText("Name the key after what uses it")).toBeVisible();
  await dialog.getByLabel("Name").fill("Storefront");
  await dialog.getByRole("button", { name: "Create key" }).click();
  const key = await dialog.getByLabel("API key", { exact: true }).inputValue();
  expect(key).toMatch(/^tlr_[0-9A-Za-z]{32}$/);
  await expect(dialog.getByText("Shown once")).toBeVisible();
  await shot(page, "api-key-created");
  await dialog.getByRole("button", { name: "Done" }).click();

  const row = page.getByRole("row", { name: "Storefront" });
  await expect(row).toContainText(key.slice(0, 12));
  await expect(row).not.toContainText(key.slice(12));
  await expect(row).toContainText("never");

  // The key works against the ingestion API at once…
  const sent = await request.post("/v1/batch", {
    headers: { authorization: `Bearer ${key}` },
    data: { batch: [{ type: "track", userId: "e2e-customer", event: "signup", messageId: `e2e-${Date.now()}` }] },
  });
  expect(sent.status()).toBe(200);
  expect(await sent.json()).toMatchObject({ accepted: 1 });
  await page.reload();
  await expect(page.getByRole("row", { name: "Storefront" })).not.toContainText("never");

  // …and stops working once revoked.
  await page.getByRole("button", { name: "Revoke Storefront" }).click();
  await expect(page.getByRole("row", { name: "Storefront" })).toContainText("Revoked");
  const refused = await request.post("/v1/batch", {
    headers: { authorization: `Bearer ${key}` },
    data: { batch: [{ type: "track", userId: "e2e-customer", event: "signup", messageId: `e2e-late-${Date.now()}` }] },
  });
  expect(refused.status()).toBe(401);
  await shot(page, "api-key-revoked");
});
