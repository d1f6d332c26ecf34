import { expect, test, type Page } from "@playwright/test";
import { shot, signInAs } from "./support";

/** The "Messages" cell of a stage's row in the delivery funnel table. */
const funnel = (page: Page, stage: string) =>
  page
    .getByRole("table", { name: "Delivery funnel" })
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name: stage, exact: true }) })
    .getByRole("cell")
    .nth(1);

test("a marketer launches a push campaign to a persona, watches it send, and follows a message to its click and unsubscribe", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signInAs(page, "marketer");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Campaigns" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Campaigns" })).toBeVisible();
  // The demo history's past sends are listed.
  await expect(page.getByRole("link", { name: "Spring sale blast" })).toBeVisible();
  await page.getByRole("link", { name: "New campaign" }).first().click();
  // A client-side navigation: the page is interactive as soon as it shows.
  await expect(page.getByRole("heading", { level: 1, name: "New campaign" })).toBeVisible();

  await page.getByLabel("Name").fill("Deal hunters: new arrivals");
  await page.getByLabel("Audience").selectOption({ label: "Deal-hunting Dani" });
  await page.getByLabel("Channel").selectOption({ label: "Mobile push" });
  await page.getByLabel("Template").selectOption({ label: "New arrivals" });
  await expect(page.getByRole("radio", { name: /^Now/ })).toBeChecked();
  await page.getByRole("button", { name: "Save draft" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Deal hunters: new arrivals" })).toBeVisible();
  await expect(page.getByText("Nothing is queued until you launch.")).toBeVisible();
  await page.getByRole("button", { name: "Launch…" }).click();
  const summary = page.getByLabel("Pre-launch summary");
  await expect(summary).toContainText("Will be sent (estimate)");
  await expect(summary).toContainText("No consent for the channel");
  await shot(page, "campaign-prelaunch");
  await page.getByRole("dialog").getByRole("button", { name: "Launch", exact: true }).click();

  // The worker inside `npm start` sends it: the bar fills and the status becomes Sent.
  await expect(page.getByLabel("Campaign status")).toHaveText("Sent", { timeout: 90_000 });
  await expect(page.getByText(/ handled \(100 %\)/)).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Send progress" })).toHaveAttribute("aria-valuenow", "100");
  const sent = Number((await funnel(page, "Sent").innerText()).replace(/\D/g, ""));
  expect(sent).toBeGreaterThan(0);
  await expect(page.getByRole("table", { name: "Skip reasons" })).toContainText("No consent for the channel");
  await expect(funnel(page, "Clicked")).toHaveText("0");
  await expect(page.getByRole("table", { name: "Messages" }).getByRole("row")).not.toHaveCount(1);
  // Send times in the dashboard's one format, as everywhere else.
  await expect(page.getByRole("table", { name: "Messages" })).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
  await shot(page, "campaign-sent");
  const campaignUrl = page.url();

  // The sandbox outbox holds each personalised message: filter to this campaign and open one.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Outbox" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Outbox" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "Deal hunters: new arrivals" }).first();
  const show = row.getByRole("button", { name: /^Show the message sent/ });
  const message = page.locator(`[id="${await show.getAttribute("aria-controls")}"]`);
  await show.click();
  // Personalised, in the recipient's language (some demo customers read German).
  await expect(message).toContainText(/(Hi [A-Z][a-z]+, new pieces just landed|Hallo [A-Z][a-z]+, es gibt neue Teile)/);
  await shot(page, "campaign-outbox-message");

  // Its link goes through the tracked redirect to the shop (not on this machine, so the redirect
  // is followed by hand), and the campaign counts the click.
  const tracked = await message.getByRole("link", { name: /\/r\// }).first().getAttribute("href");
  expect(tracked).toMatch(/\/r\/[A-Za-z0-9_-]+$/);
  const preferences = await message.getByRole("link", { name: /preference page/ }).getAttribute("href");
  const profile = await row.getByRole("link").last().getAttribute("href");
  const redirect = await page.request.get(tracked!, { maxRedirects: 0 });
  expect(redirect.status()).toBe(302);
  expect(redirect.headers().location).toBe("https://shop.example.com/new-arrivals");
  await page.goto(campaignUrl);
  await expect(funnel(page, "Clicked")).toHaveText("1");

  // Unsubscribing through the message's link turns the profile's push consent off at once.
  await page.goto(preferences!);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await shot(page, "campaign-preferences");
  const push = page.getByRole("checkbox", { name: /Mobile push/ });
  await expect(push).toBeChecked();
  await push.uncheck();
  await page.getByRole("button", { name: /Save/ }).click();
  await expect(page.getByText(/saved/i).first()).toBeVisible();
  await page.goto(profile!);
  await shot(page, "campaign-profile-consent");
  await expect(page.getByRole("listitem").filter({ hasText: "Mobile push" })).toContainText("opted out");
});
