import { expect, test, type Page } from "@playwright/test";
import { shot, signInAs } from "./support";
import { publishCartRecovery } from "./support";

/** A step's card in the flow, by its label. */
const step = (page: Page, label: string) =>
  page.getByRole("region", { name: "Journey flow" }).getByRole("group", { name: `Step ${label}` });

test("a marketer creates a journey, publishes its steps, watches its figures and pauses it; an analyst only reads it", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAs(page, "marketer");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Journeys" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Journeys" })).toBeVisible();
  // The demo has three journeys; a workspace without any shows the empty state, which says what one is.
  if (await page.getByText("No journeys yet").isVisible()) {
    await expect(page.getByRole("main")).toContainText("cart recovery");
    await shot(page, "journeys-empty");
  }

  await page.getByRole("button", { name: "New journey" }).first().click();
  const dialog = page.getByRole("dialog", { name: "New journey" });
  await dialog.getByRole("button", { name: "Create journey" }).click();
  await expect(dialog.getByText("Give the journey a name.")).toBeVisible();
  await dialog.getByLabel("Name").fill("Cart nudge");
  await dialog.getByRole("button", { name: "Create journey" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Cart nudge" })).toBeVisible();
  await expect(page.getByLabel("Journey status")).toHaveText("Draft");
  await expect(page.getByText("Draft — not published yet")).toBeVisible();
  // Nothing to pause before the first publish.
  await expect(page.getByRole("button", { name: "Pause" })).toHaveCount(0);
  await shot(page, "journey-draft");
  const url = page.url();
  const journeyId = url.split("/").pop()!;

  await publishCartRecovery(page, journeyId);
  await page.reload();
  await expect(page.getByLabel("Journey status")).toHaveText("Live");
  await expect(page.getByText("Version 1, published")).toBeVisible();
  await expect(step(page, "entry")).toContainText("Enters on “e2e_cart_left”, once per person");
  await expect(step(page, "Reminder push")).toContainText(/Send mobile push “New arrivals”/);
  await expect(step(page, "wait-1h")).toContainText("Wait 1 hour");
  await expect(step(page, "Opened the reminder")).toContainText("Split: opened “Reminder push”? yes / no");
  await expect(step(page, "Reminder push")).toContainText("0 in it now · 0 passed");
  // The split's branches side by side, each under its exit.
  const branches = page.getByRole("group", { name: "Branches after Opened the reminder" });
  await expect(branches.getByRole("region", { name: "Branch No" })).toContainText("Second nudge");
  await expect(branches.getByRole("region", { name: "Branch Yes" })).toContainText("Straight on to the step below");
  await expect(step(page, "done")).toContainText("Exit the journey");
  await expect(page.getByText(/As of \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC, refreshed every 10 s/)).toBeVisible();
  const figures = page.getByRole("table", { name: "Figures per step" });
  await expect(figures.getByRole("row")).toHaveCount(7);
  await expect(figures.getByRole("row", { name: /Second nudge/ })).toContainText("Send mobile push");
  await shot(page, "journey-live");
  await page.emulateMedia({ colorScheme: "dark" });
  await shot(page, "journey-live-dark");
  await page.emulateMedia({ colorScheme: "light" });

  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByLabel("Journey status")).toHaveText("Paused");
  await expect(page.getByRole("button", { name: "Resume" })).toBeVisible();
  // Archive asks first; keeping it changes nothing.
  await page.getByRole("button", { name: "Archive" }).click();
  await expect(page.getByRole("dialog", { name: "Archive “Cart nudge”?" })).toBeVisible();
  await shot(page, "journey-archive-confirm");
  await page.getByRole("button", { name: "Keep it" }).click();
  await expect(page.getByLabel("Journey status")).toHaveText("Paused");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Journeys" }).click();
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Cart nudge", exact: true }) });
  await expect(row.first()).toContainText("Paused");
  await expect(row.first()).toContainText("v1");
  await shot(page, "journeys-list");
  await page.emulateMedia({ colorScheme: "dark" });
  await shot(page, "journeys-list-dark");

  await page.context().clearCookies();
  await page.emulateMedia({ colorScheme: "light" });
  await signInAs(page, "analyst");
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1, name: "Cart nudge" })).toBeVisible();
  await expect(page.getByLabel("Journey status")).toHaveText("Paused");
  await expect(step(page, "Second nudge")).toBeVisible();
  await expect(page.getByRole("button", { name: /Pause|Resume|Archive/ })).toHaveCount(0);
  await shot(page, "journey-analyst");
  await page.goto("/journeys");
  await expect(page.getByRole("button", { name: "New journey" })).toHaveCount(0);
  await shot(page, "journeys-analyst");
});
