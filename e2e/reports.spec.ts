import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { shot, shotOf, signInAs } from "./support";

test.describe("reports", () => {
  test("an analyst reads the overview, changes the range and the breakdown, reads a definition and exports CSV", async ({
    page,
  }) => {
    // Six views of the overview with their screenshots: more than the default minute on a loaded machine.
    test.slow();
    await signInAs(page, "analyst");
    await page.goto("/reports");
    await expect(page.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
    // The first visit compiles the page in dev; a built server answers at once.
    await expect(page.getByRole("region", { name: "CTR", exact: true })).toBeVisible({ timeout: 30_000 });
    await shot(page, "reports-overview");

    // Range: 90 days, in the URL; the cards change with it.
    await expect(page.getByRole("region", { name: "CTR", exact: true })).toContainText("vs previous period");
    const thirtyDays = await page.getByRole("region", { name: "CTR", exact: true }).innerText();
    await page.getByLabel("Date range").selectOption("90d");
    await expect(page).toHaveURL(/range=90d/);
    await expect(page.getByRole("region", { name: "CTR", exact: true })).not.toHaveText(thirtyDays);

    // The basis is stated where the numbers are, and when they were counted.
    await expect(page.getByText(/Campaign-attributed:/)).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: /^As of / })).toHaveText(/^As of \d{1,2}:\d{2}:\d{2}/);
    // Every KPI names its n; a rate on fewer than 30 reads "too few" instead of a number.
    await expect(page.getByRole("region", { name: "CTR", exact: true })).toContainText(/n = [\d,.]+K? profiles/);

    // By persona (the default): per-profile rates with the numerator and denominator under each.
    const breakdown = page.getByRole("region", { name: "Breakdown" });
    await breakdown.getByRole("tab", { name: "Table" }).click();
    await expect(breakdown.getByRole("columnheader", { name: "Recipients" })).toBeVisible();
    const hugo = breakdown.getByRole("row").filter({ hasText: "High-spender Hugo" });
    await expect(hugo.getByRole("cell").nth(3)).toHaveText(/^(\d+(\.\d)?%|too few)\s*\d+ \/ \d+$/);
    // What the user reads holds: below 30 recipients a rate says "too few", at 30 or more it is a percentage.
    for (const row of await breakdown.getByRole("row").all()) {
      const cells = await row.getByRole("cell").allInnerTexts();
      if (cells.length < 6) continue;
      const ctr = cells[3]!.replace(/\s+/g, " ").trim();
      const [, , n] = ctr.match(/(\d+) \/ (\d+)$/) ?? [];
      if (n === undefined) continue;
      expect(ctr, `${cells[0]}: CTR cell`).toMatch(Number(n) < 30 ? /^too few / : /^\d+(\.\d)?% /);
    }

    // By channel: SMS cannot measure opens, so its open rate reads "—", not a number.
    await page.getByLabel("Break down by").selectOption("channel");
    await expect(page).toHaveURL(/breakdown=channel/);
    const sms = breakdown.getByRole("row").filter({ hasText: "SMS" });
    await expect(sms.getByRole("cell").nth(2)).toHaveText("—");
    await shot(page, "reports-overview-by-channel");

    // Breakdown by segment (the audience each campaign targeted).
    await page.getByLabel("Break down by").selectOption("segment");
    await expect(page).toHaveURL(/breakdown=segment/);
    await expect(page.getByText("Everyone (mass send)").first()).toBeVisible();

    // A metric definition as a tooltip, word for word from docs/product.md.
    await page
      .getByRole("region", { name: "CTR", exact: true })
      .getByRole("button", { name: "How CTR is defined" })
      .hover();
    await expect(page.getByRole("tooltip")).toContainText("CTR = unique clickers / delivered");

    // CSV export of the delivery funnel.
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export delivery funnel as CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^delivery-funnel-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile(await file.path(), "utf8");
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("stage,count,rate,rate_denominator,previous_period");
    expect(lines[1]).toMatch(/^Sent \(messages\),\d+,,,\d+$/);
    expect(lines.map((l) => l.split(",")[0])).toEqual([
      "stage",
      "Sent (messages)",
      "Delivered (messages)",
      "Recipients (profiles)",
      "Opened (profiles)",
      "Clicked (profiles)",
      "Converted (profiles)",
    ]);

    // The table twin shows the same numbers.
    const funnel = page.getByRole("region", { name: "Delivery funnel" });
    await funnel.getByRole("tab", { name: "Table" }).click();
    await expect(funnel.getByRole("cell", { name: "Delivered (messages)", exact: true })).toBeVisible();
    await shot(page, "reports-overview-90d-segment");

    // Two filters changed in quick succession both stick: the second does not undo the first.
    await page.getByLabel("Compare with").selectOption("none");
    await page.getByLabel("Time series per").selectOption("week");
    await expect(page).toHaveURL(/compare=none/);
    await expect(page).toHaveURL(/interval=week/);
    await expect(page.getByLabel("Compare with")).toHaveValue("none");

    // The view is shareable: a reload keeps the filters.
    await page.reload();
    await expect(page.getByLabel("Break down by")).toHaveValue("segment", { timeout: 30_000 });
    await expect(page.getByLabel("Date range")).toHaveValue("90d");
  });

  test("an analyst opens the retention grid, switches day and week, and compares exposed with holdout", async ({
    page,
  }) => {
    await signInAs(page, "analyst");
    await page.goto("/reports/retention");
    const grid = page.getByRole("table", { name: "Cohort retention grid" });
    await expect(grid).toBeVisible({ timeout: 30_000 });
    await expect(grid.getByRole("columnheader", { name: "Week 1", exact: true })).toBeVisible();
    // Period 0 is 100 % of every cohort big enough for rates; a smaller one shows its counts, marked.
    await expect(grid.getByText(/^100\.0%$|too few — n = \d+/).first()).toBeVisible();
    await shot(page, "reports-retention-week");

    await page.getByLabel("Period", { exact: true }).selectOption("day");
    await expect(page).toHaveURL(/period=day/);
    await expect(grid.getByRole("columnheader", { name: "Day 1", exact: true })).toBeVisible();
    await expect(grid.getByRole("columnheader", { name: "Week 1", exact: true })).toHaveCount(0);

    await page.getByLabel("Counts as retained").selectOption("on_or_after");
    await expect(page).toHaveURL(/criterion=on_or_after/);
    await page.getByLabel("Cohorts", { exact: true }).selectOption("recurring");
    await expect(page).toHaveURL(/mode=recurring/);
    await expect(grid).toBeVisible();

    const exposure = page.getByRole("region", { name: "Exposed vs holdout" });
    await expect(exposure.getByText(/Exposed \(|No experiment yet|no exposures yet/).first()).toBeVisible({
      timeout: 20_000,
    });
    await shot(page, "reports-retention-day");
  });

  test("a cohort too small for a rate is marked in the grid and left out of the curve, and each point shows its n", async ({
    page,
  }) => {
    await signInAs(page, "analyst");
    // Weekly signup cohorts: the 300-profile demo signs up about 8 a week (30 a week lately).
    await page.goto("/reports/retention?cohortEvent=signup&period=week");
    const grid = page.getByRole("table", { name: "Cohort retention grid" });
    await expect(grid).toBeVisible({ timeout: 30_000 });
    const small = grid
      .getByRole("row")
      .filter({ hasText: /too few — n = \d+, not in the curve/ })
      .first();
    await expect(small).toBeVisible();
    const header = (await small.getByRole("rowheader").innerText()).trim();
    const [, day, n] = /^(\w{3} \d{1,2})\s+too few — n = (\d+)/.exec(header)!;
    // Its cells show counts of its n (numerator/denominator), never a percentage.
    await expect(small.getByRole("cell").filter({ hasText: "%" })).toHaveCount(0);
    await expect(small.getByRole("cell", { name: `${n}/${n}`, exact: true }).first()).toBeVisible();
    await expect(small.getByTitle(new RegExp(`^${n} of ${n} profiles`)).first()).toBeVisible();

    // The curve says which cohorts it leaves out, whether or not any is big enough to draw.
    const curve = page.getByRole("region", { name: "Retention curve" });
    await expect(curve).toContainText(`${day} (n = ${n})`);
    await expect(curve).toContainText(/not included, under 30 profiles|too few to draw a curve/);
    await shot(page, "reports-retention-too-few");
    if (await curve.getByRole("tab", { name: "Table" }).isVisible()) {
      // A point's tooltip gives its n and interval (week 0, at the left edge of the plot).
      await curve.getByRole("img", { name: /^retention curve:/ }).hover({ position: { x: 70, y: 60 } });
      await expect(curve.getByText(/^100% \(n = \d+, 95 % CI \d+(\.\d)?%–100\.0%\)$/)).toBeVisible();
      await shotOf(curve, "reports-retention-tooltip");
      await curve.getByRole("tab", { name: "Table" }).click();
      await expect(curve.getByRole("columnheader", { name: "All cohorts: 95 % interval" })).toBeVisible();
      await expect(curve.getByRole("cell", { name: "100.0%", exact: true })).toBeVisible();
    }

    // Exposed vs holdout the same way: every period with its n; the demo's 10 % holdout (about 15
    // profiles here) is too few to draw, the exposed profiles are drawn with their interval.
    const exposure = page.getByRole("region", { name: "Exposed vs holdout" });
    await exposure.getByRole("tab", { name: "Table" }).click();
    await expect(exposure.getByRole("columnheader", { name: /^Exposed \(\d+\): 95 % interval$/ })).toBeVisible({
      timeout: 20_000,
    });
    const week0 = exposure.getByRole("row").filter({ hasText: /^Week 0/ });
    // The holdout's week 0 is "too few" exactly when it has under 30 profiles (its size is in its header).
    const holdout = exposure.getByRole("columnheader", { name: /^Holdout \([\d,]+\): 95 % interval$/ });
    const holdoutSize = (await holdout.count())
      ? Number(/\(([\d,]+)\)/.exec(await holdout.innerText())![1]!.replace(/,/g, ""))
      : null;
    if (holdoutSize !== null && holdoutSize < 30)
      await expect(week0.getByRole("cell", { name: /^too few \(n = \d+\)$/ })).toBeVisible();
    await expect(week0.getByRole("cell", { name: /^\d+(\.\d)?%–\d+(\.\d)?%$/ }).first()).toBeVisible();
    await shot(page, "reports-retention-exposed-table");

    await page.emulateMedia({ colorScheme: "dark" });
    await exposure.getByRole("tab", { name: "Chart" }).click();
    await grid.scrollIntoViewIfNeeded();
    await shot(page, "reports-retention-too-few-dark");
  });

  test("an analyst builds a funnel: adds a step, narrows the window and breaks it down by platform", async ({
    page,
  }) => {
    await signInAs(page, "analyst");
    await page.goto("/reports/funnels?steps=product_view,add_to_cart");
    const conversion = page.getByRole("region", { name: "Conversion" });
    await expect(conversion).toBeVisible({ timeout: 30_000 });
    await page.getByRole("button", { name: "Add step" }).click();
    await page.getByLabel("Step 3", { exact: true }).selectOption("purchase");
    await expect(page).toHaveURL(/steps=product_view%2Cadd_to_cart%2Cpurchase/);
    await conversion.getByRole("tab", { name: "Table" }).click();
    await expect(conversion.getByRole("cell", { name: "3. purchase" })).toBeVisible();
    await expect(conversion.getByRole("cell", { name: "1. product_view" })).toBeVisible();

    await page.getByLabel("Conversion window").fill("2");
    await page.getByLabel("Conversion window").press("Enter");
    await expect(page).toHaveURL(/windowHours=48/);
    await expect(conversion).toContainText("within 2.0 d");

    await page.getByLabel("Break down by").selectOption("platform");
    await expect(page.getByRole("region", { name: "By platform" })).toBeVisible();
    await shot(page, "reports-funnel");
  });

  test("a campaign report shows variants, links and skip reasons, and the reports read well in dark mode", async ({
    page,
  }) => {
    // Four report pages and their screenshots: more than the default minute on a loaded machine.
    test.slow();
    await signInAs(page, "marketer");
    await page.goto("/reports?range=90d");
    await page.getByRole("link", { name: "Subject line A/B test" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Subject line A/B test" })).toBeVisible({
      timeout: 30_000,
    });
    const variants = page.getByRole("region", { name: "By variant" });
    await variants.getByRole("tab", { name: "Table" }).click();
    await expect(variants.getByRole("cell", { name: "Variant A" })).toBeVisible();
    await expect(variants.getByRole("cell", { name: "Variant B" })).toBeVisible();
    await expect(
      page.getByRole("region", { name: "Top clicked links" }).getByRole("cell", { name: /shop\.example/ }),
    ).toBeVisible();
    await expect(page.getByRole("region", { name: "Skip reasons" })).toContainText("No profile was skipped");
    await shot(page, "reports-campaign");

    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/reports");
    await expect(page.getByRole("region", { name: "CTR", exact: true })).toBeVisible({ timeout: 30_000 });
    await shot(page, "reports-overview-dark");
    await page.goto("/reports/retention?period=week");
    await expect(page.getByRole("table", { name: "Cohort retention grid" })).toBeVisible({ timeout: 30_000 });
    await shot(page, "reports-retention-dark");
  });
});
