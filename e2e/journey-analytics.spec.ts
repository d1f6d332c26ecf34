import { expect, test, type Page } from "@playwright/test";
import type { RateEstimate } from "@/lib/analytics/uncertainty";
import type { JourneyStats } from "@/lib/journeys/api-schema";
import { shot, signInAs } from "./support";

const count = (n: number) => n.toLocaleString("en");
/** What a rate cell says: a percentage, or "too few" under the minimum n — always with numerator / n. */
const cell = (r: RateEstimate) => new RegExp(`${r.tooFew ? "too few" : "%"}.*${count(r.numerator)} / ${count(r.n)}`);

async function stats(page: Page, journeyId: string): Promise<JourneyStats> {
  const response = await page.request.get(`/api/journeys/${journeyId}/stats`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { stats: JourneyStats }).stats;
}

test("an analyst reads a demo journey's funnel per send step and its goal against the holdout, with n and too few where due", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signInAs(page, "analyst");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Journeys" }).click();
  await page.getByRole("link", { name: "Win-back after 14 days inactive" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Win-back after 14 days inactive" })).toBeVisible();
  const s = await stats(page, "demo-win-back");
  expect(s.totals.entered).toBeGreaterThan(0);
  // It enters on a segment, which the engine does not run yet: the page says so instead of reading as running.
  await expect(page.getByText("Nobody new enters this journey yet")).toBeVisible();

  // The goal: conversion with its interval and n (or too few), the split read as an experiment.
  const goal = page.getByLabel("Goal figures");
  await expect(goal).toContainText(`of ${count(s.goal.rate.n)} entries`);
  const split = s.randomSplits[0]!;
  const arms = page.getByRole("table", { name: "Goal conversion per arm of offer-test" });
  for (const arm of [...split.arms, split.holdout!]) {
    const row = arms.getByRole("row", { name: new RegExp(`^${arm.name === "holdout" ? "Holdout" : arm.name}`) });
    await expect(row).toContainText(cell(arm.rate));
  }
  await expect(page.getByText(split.decision)).toBeVisible();
  await expect(page.getByText(/Messaged arms against the holdout/)).toBeVisible();

  // Each send step's funnel: in its card, and in the table with every rate over its own stage.
  const funnel = page.getByRole("table", { name: "Messages per send step" });
  for (const nodeId of ["send-offer-a", "send-offer-b"]) {
    const m = s.nodes.find((n) => n.nodeId === nodeId)!.messages!;
    const row = funnel.getByRole("row", { name: new RegExp(`^${nodeId}`) });
    await expect(row).toContainText(cell(m.rates.deliveryRate));
    await expect(row).toContainText(cell(m.rates.openRate!));
    await expect(row).toContainText(cell(m.rates.conversionRate));
    await expect(
      page.getByRole("region", { name: "Journey flow" }).getByRole("group", { name: `Step ${nodeId}` }),
    ).toContainText(`${count(m.sent)} sent · delivered`);
  }
  await shot(page, "journey-analytics-win-back");
  await page.emulateMedia({ colorScheme: "dark" });
  await shot(page, "journey-analytics-win-back-dark");
  await page.emulateMedia({ colorScheme: "light" });

  // Cart recovery: conversion per branch of its waits and its persona split, and time to goal.
  await page.goto("/journeys/demo-cart-recovery");
  const cart = await stats(page, "demo-cart-recovery");
  await expect(page.getByText("Nobody new enters this journey yet")).toHaveCount(0);
  const branches = page.getByRole("table", { name: "Goal conversion per branch" });
  const split2 = cart.nodes.find((n) => n.nodeId === "deal-hunter")!;
  await expect(branches.getByRole("row", { name: /Deal hunter\? Yes/ })).toContainText(
    new RegExp(`${count(split2.convertedByExit.yes ?? 0)} / ${count(split2.byExit.yes ?? 0)}`),
  );
  await expect(page.getByLabel("Goal figures")).toContainText(
    cart.goal.timeToGoal.n < 30 ? "too few to tell" : `n = ${count(cart.goal.timeToGoal.n)}`,
  );
  await shot(page, "journey-analytics-cart");
  await page.emulateMedia({ colorScheme: "dark" });
  await shot(page, "journey-analytics-cart-dark");
});
