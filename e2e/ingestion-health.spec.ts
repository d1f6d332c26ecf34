import { expect, test } from "@playwright/test";
import { shot, signInAs } from "./support";

test("an admin sees the fold per lane, what holds it back and the data freshness", async ({ page }) => {
  await signInAs(page, "admin");
  await page.getByRole("link", { name: "Ingestion", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ingestion" })).toBeVisible();
  const lanes = page.getByRole("table", { name: "Lanes" });
  await expect(lanes).toBeVisible();
  await expect(lanes.getByRole("row")).toHaveCount(7); // header, lanes 0–4, all
  await expect(lanes.getByRole("cell", { name: "4 (import)" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "What holds the fold back" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Refused calls" })).toBeVisible();
  await expect(page.getByRole("status", { name: "Data freshness" })).toContainText(/Data (up to date|as of)/);
  await shot(page, "ingestion-health");
  await page.emulateMedia({ colorScheme: "dark" });
  await shot(page, "ingestion-health-dark");
  const health = await page.request.get("/api/admin/ingest-health?limit=0");
  expect(health.status()).toBe(400);
  expect((await health.json()).error).toMatchObject({ field: "limit" });
});

test("a marketer sees how fresh a segment's data is, and gets the forbidden page for ingestion health", async ({
  page,
}) => {
  await signInAs(page, "marketer");
  const { segments } = (await (await page.request.get("/api/segments")).json()) as { segments: { id: string }[] };
  await page.goto(`/segments/${segments[0]!.id}`);
  const freshness = page.getByRole("status", { name: "Data freshness" });
  await expect(freshness).toContainText(/Data (up to date|as of)/);
  await shot(page, "segment-data-as-of");
  await page.emulateMedia({ colorScheme: "dark" });
  await shot(page, "segment-data-as-of-dark");
  await page.emulateMedia({ colorScheme: "light" });

  await page.goto("/settings/ingestion");
  await expect(page.getByText("403 — not for your role")).toBeVisible();
  expect((await page.request.get("/api/admin/ingest-health")).status()).toBe(403);
  expect((await page.request.get("/api/ingest/status")).status()).toBe(200);
});
