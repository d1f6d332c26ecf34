import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { shot, signInAs } from "./support";

test.describe("reports", () => {
  test("an analyst reads the overview, changes the range and the breakdown, reads a definition and exports CSV", async ({ page }) => {
    await signInAs(page, "analyst");
    await page.goto("/reports");
    await expect(page.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
    // The first visit compiles the page in dev; a built server answers at once.
    await expect(page.getByTestId("kpi-ctr")).toBeVisible({ timeout: 30_000 });
    await shot(page, "reports-overview");

    // Range: 90 days, in the URL; the cards change with it.
    await expect(page.getByTestId("kpi-ctr")).toContainText("vs previous period");
    const thirtyDays = await page.getByTestId("kpi-ctr").innerText();
    await page.getByLabel("Date range").selectOption("90d");
    await expect(page).toHaveURL(/range=90d/);
    await expect(page.getByTestId("kpi-ctr")).not.toHaveText(thirtyDays);

    // Breakdown by segment (the audience each campaign targeted).
    await page.getByLabel("Break down by").selectOption("segment");
    await expect(page).toHaveURL(/breakdown=segment/);
    await expect(page.getByText("Everyone (mass send)").first()).toBeVisible();

    // A metric definition as a tooltip, word for word from PRODUCT.md.
    await page.getByTestId("kpi-ctr").getByRole("button", { name: "How CTR is defined" }).hover();
    await expect(page.getByRole("tooltip")).toContainText("CTR = unique clickers / delivered");

    // CSV export of the delivery funnel.
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export delivery funnel as CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^delivery-funnel-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await file.path())!, "utf8");
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("stage,count,share_of_sent,previous_period");
    expect(lines[1]).toMatch(/^Sent,\d+,1,\d+$/);
    expect(lines.map((l) => l.split(",")[0])).toEqual(["stage", "Sent", "Delivered", "Opened (unique)", "Clicked (unique)", "Converted (profiles)"]);

    // The table twin shows the same numbers.
    const funnel = page.getByRole("region", { name: "Delivery funnel" });
    await funnel.getByRole("tab", { name: "Table" }).click();
    await expect(funnel.getByRole("cell", { name: "Delivered", exact: true })).toBeVisible();
    await shot(page, "reports-overview-90d-segment");

    // The view is shareable: a reload keeps the filters.
    await page.reload();
    await expect(page.getByLabel("Break down by")).toHaveValue("segment");
    await expect(page.getByLabel("Date range")).toHaveValue("90d");
  });
});
