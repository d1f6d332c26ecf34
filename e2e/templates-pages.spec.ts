import { expect, test, type Page } from "@playwright/test";
import { shot, signInAs } from "./support";

/** A demo template's id, read from its link in the list. */
async function templateId(page: Page, name: string): Promise<string> {
  await page.goto("/templates");
  const href = await page.getByRole("link", { name, exact: true }).first().getAttribute("href");
  return href!.split("/").at(-1)!;
}

test("a marketer lists and filters templates, creates an SMS template from the channel picker", async ({ page }) => {
  await signInAs(page, "marketer");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Templates" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Templates" })).toBeVisible();
  const sale = page.getByRole("row", { name: /Autumn sale/ });
  await expect(sale).toContainText("E-mail");
  await expect(sale).toContainText(/v1 · \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  await expect(sale).toContainText(/draft v2 · edited/);
  await expect(sale.getByRole("list", { name: "Locales of Autumn sale" })).toContainText("de");
  await shot(page, "templates-list");

  // The channel filter lives in the URL.
  await page.getByLabel("Channel").selectOption("sms");
  await expect(page).toHaveURL(/channel=sms/);
  await expect(page.getByRole("link", { name: "Order shipped", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Autumn sale", exact: true })).toHaveCount(0);
  await page.getByLabel("Name").fill("no such template");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("No template matches")).toBeVisible();

  await page.goto("/templates");
  await page.getByRole("link", { name: "New template" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New template" })).toBeVisible();
  // Leaving the empty name on the way to the button says nothing yet (the button stays where it was);
  // sent empty, each field says what it needs, at the field, and the messages go as it is filled in.
  await page.getByLabel("Name", { exact: true }).focus();
  await page.keyboard.press("Tab");
  await expect(page.getByText("Give the template a name.")).toHaveCount(0);
  await page.getByRole("button", { name: "Create and open the editor" }).click();
  await expect(page.getByText("Give the template a name.")).toBeVisible();
  await expect(page.getByText("Pick a channel.")).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Name", { exact: true }).fill("Restock alert");
  await expect(page.getByText("Give the template a name.")).toHaveCount(0);
  const sms = page.getByRole("radio", { name: /SMS/ });
  await expect(page.getByText("Message (up to 1,600 characters).")).toBeVisible();
  await sms.check();
  await expect(page.getByText("Pick a channel.")).toHaveCount(0);
  await shot(page, "templates-new");
  await page.getByRole("button", { name: "Create and open the editor" }).click();
  await expect(page).toHaveURL(/\/templates\/(?!new)[^/]+$/);
});

test("a marketer compares versions side by side and restores v1; an analyst reads the history without restoring", async ({
  page,
  browser,
}) => {
  await signInAs(page, "marketer");
  const shipped = await templateId(page, "Order shipped");
  await page.goto(`/templates/${shipped}/history`);
  await expect(page.getByRole("heading", { level: 1, name: "History of “Order shipped”" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Version 1/ })).toContainText("published");
  await expect(page.getByRole("row", { name: /Version 2/ })).toContainText("draft");
  await expect(page.getByRole("row", { name: /Version 1/ })).toContainText(/warning|note|no findings/);
  // Default comparison: the published version against the draft.
  await expect(page.getByRole("heading", { name: "Changes from v1 (published) to v2 (draft)" })).toBeVisible();
  const english = page.getByRole("region", { name: "Default locale" });
  await expect(
    english.getByRole("cell", { name: /^Removed line 1: .*your order is on its way\. Reply STOP/ }),
  ).toBeVisible();
  await expect(english.getByRole("cell", { name: /^Added line 1: .*arrives in 2–3 days/ })).toBeVisible();
  await shot(page, "templates-history");

  // Restoring is done on another demo template, so the diff above stays for the next run.
  const arrivals = await templateId(page, "New arrivals");
  await page.goto(`/templates/${arrivals}/history`);
  await page.getByRole("button", { name: "Restore this version (v1)" }).click();
  const dialog = page.getByRole("dialog", { name: "Restore v1?" });
  await expect(dialog).toContainText("unpublished edits are lost");
  await shot(page, "templates-restore-dialog");
  await dialog.getByRole("button", { name: "Restore v1 into the draft" }).click();
  await expect(page).toHaveURL(new RegExp(`/templates/${arrivals}$`));
  await page.goto(`/templates/${arrivals}/history`);
  await expect(page.getByText("v1 (published) and v2 (draft) have the same content.")).toBeVisible();

  const analyst = await browser.newPage();
  await signInAs(analyst, "analyst");
  await analyst.goto(`/templates/${shipped}/history`);
  await expect(analyst.getByRole("row", { name: /Version 1/ })).toContainText("published");
  await expect(
    analyst.getByRole("region", { name: "Default locale" }).getByRole("cell", { name: /^Added line 1:/ }),
  ).toBeVisible();
  await expect(analyst.getByRole("button", { name: /Restore/ })).toHaveCount(0);
  await shot(analyst, "templates-history-analyst");
  await analyst.close();
});

test("a test send lands in the outbox and a row opens to the rendered message", async ({ page }) => {
  await signInAs(page, "marketer");
  const shipped = await templateId(page, "Order shipped");
  const { profiles } = await (await page.request.get("/api/templates/sample-profiles?limit=1")).json();
  expect(profiles.length).toBe(1);
  const sent = await page.request.post(`/api/templates/${shipped}/test-send`, { data: { profileId: profiles[0].id } });
  expect(sent.status()).toBe(201);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Outbox" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Outbox" })).toBeVisible();
  const row = page.getByRole("row", { name: /Order shipped/ }).first();
  await expect(row).toContainText("v2");
  await expect(row).toContainText("SMS");
  await expect(row).toContainText("marketer@demo.tailor.dev");
  await row.getByRole("button", { name: /^Show the message/ }).click();
  await expect(
    page.getByText(/your order is on its way and arrives in 2–3 days|Deine Bestellung/).first(),
  ).toBeVisible();
  await shot(page, "outbox");

  // An e-mail opens with its text part and the HTML in a sandboxed frame.
  const sale = await templateId(page, "Autumn sale");
  expect(
    (await page.request.post(`/api/templates/${sale}/test-send`, { data: { profileId: profiles[0].id } })).status(),
  ).toBe(201);
  await page.goto("/outbox");
  await page
    .getByRole("row", { name: /Autumn sale/ })
    .first()
    .getByRole("button", { name: /^Show the message/ })
    .click();
  await expect(page.getByText("Plain-text part")).toBeVisible();
  await expect(page.getByTitle("E-mail body")).toHaveAttribute("sandbox", "");
  await shot(page, "outbox-email");
});
