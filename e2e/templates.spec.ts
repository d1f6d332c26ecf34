import { expect, test, type Page } from "@playwright/test";
import { shot, shotOf, signInAs } from "./support";

const emailShot = (page: Page, name: string) => shotOf(page.getByRole("figure", { name: "E-mail preview" }), name);

/** Two customers arriving through the ingestion API: one with a first name, one without. */
async function createCustomers(page: Page) {
  await signInAs(page, "admin");
  const { key } = await (await page.request.post("/api/api-keys", { data: { name: "e2e templates" } })).json();
  const now = Date.now();
  // Identified, then active (identify calls alone are not activity): the most recently seen come first in previews.
  const identify = (userId: string, traits: object, at: number) =>
    page.request.post("/api/v1/batch", {
      headers: { authorization: `Bearer ${key}` },
      data: {
        batch: [
          {
            type: "identify",
            userId,
            traits,
            timestamp: new Date(at).toISOString(),
            messageId: `e2e-tpl-${userId}-id`,
          },
          {
            type: "track",
            userId,
            event: "session_start",
            timestamp: new Date(at).toISOString(),
            messageId: `e2e-tpl-${userId}-seen`,
          },
        ],
      },
    });
  expect(
    (await identify(`nameless-${now}`, { email: `nameless-${now}@example.com`, locale: "en-GB" }, now - 1000)).ok(),
  ).toBe(true);
  expect(
    (await identify(`zoe-${now}`, { email: `zoe-${now}@example.com`, first_name: "Zoë", locale: "en-GB" }, now)).ok(),
  ).toBe(true);
  await page.context().clearCookies();
  return { nameless: `nameless-${now}@example.com`, named: `zoe-${now}@example.com` };
}

const saved = (page: Page) =>
  expect(page.locator("[data-save-state]")).toHaveAttribute("data-save-state", "saved", { timeout: 15_000 });

test("a marketer builds an e-mail from blocks, previews it for real customers, is stopped by an unknown variable, publishes v2 and reads the diff", async ({
  page,
}) => {
  test.setTimeout(150_000);
  const customers = await createCustomers(page);
  await signInAs(page, "marketer");
  const { template } = await (
    await page.request.post("/api/templates", { data: { name: "Welcome e-mail", channel: "email" } })
  ).json();
  await page.goto(`/templates/${template.id}`);
  await expect(page.getByRole("status", { name: "Preview recipient" })).toContainText("locale");

  // Blocks: the starter has a heading with the first name; add a paragraph and a button.
  const toolbar = page.getByRole("toolbar", { name: "Add a block" });
  await toolbar.getByRole("button", { name: "Add text" }).click();
  await page
    .getByRole("group", { name: "Block 3: Text" })
    .getByLabel("Paragraph")
    .fill("Our autumn sale ends on Sunday.\nEverything is 20 % off.");
  await toolbar.getByRole("button", { name: "Add button" }).click();
  await page.getByRole("group", { name: "Block 4: Button" }).getByLabel("Button text").fill("Shop the sale");
  await page
    .getByRole("group", { name: "Block 4: Button" })
    .getByLabel("Button URL")
    .fill("https://shop.example.com/sale");
  // The inbox shows the sender the template names (else the e-mail provider's From name).
  await expect(page.getByRole("group", { name: "Inbox row" })).toContainText("The e-mail provider's From name");
  await page.getByLabel("From name (optional)").fill("Acme Outfitters");
  await saved(page);
  await expect(page.getByRole("group", { name: "Inbox row" })).toContainText("Acme Outfitters");

  // The preview is rendered for a real customer: the named one sees her name…
  const recipient = page.getByRole("status", { name: "Preview recipient" });
  const mail = page.frameLocator('iframe[title="E-mail body"]');
  for (let i = 0; i < 20 && !(await recipient.innerText()).includes(customers.named); i++)
    await page.getByRole("button", { name: "Next profile" }).click();
  await expect(recipient).toContainText(customers.named);
  await expect(mail.getByText("Hello Zoë").first()).toBeVisible();
  await expect(mail.getByRole("link", { name: "Shop the sale" })).toHaveAttribute(
    "href",
    "https://shop.example.com/sale",
  );
  await shot(page, "template-email-editor");
  await emailShot(page, "template-email-named-preview");
  // …and cycling on to the one without a name shows the default.
  for (let i = 0; i < 20 && !(await recipient.innerText()).includes(customers.nameless); i++)
    await page.getByRole("button", { name: "Next profile" }).click();
  await expect(recipient).toContainText(customers.nameless);
  await expect(mail.getByText("Hello there").first()).toBeVisible();
  await emailShot(page, "template-email-nameless-preview");
  // The subject's counter counts what this recipient reads ("Hello there"), not the Liquid tags.
  const subjectCount = page.locator("#email-default-subject-count");
  await expect(subjectCount).toContainText("11 / 250");
  await expect(subjectCount).toContainText("as the preview renders it");

  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published v1", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("No draft · published v1")).toBeVisible();

  // An unknown variable on the paragraph's second line blocks publishing, naming its line.
  await expect(page.getByRole("status", { name: "Preview recipient" })).toContainText("locale");
  const paragraph = page.getByRole("group", { name: "Block 3: Text" }).getByLabel("Paragraph");
  await paragraph.fill("Our autumn sale ends on Monday.\nYour colour: {{ profile.favorite_colour }}");
  await saved(page);
  await expect(page.getByRole("region", { name: "Checks" }).or(page.locator("body"))).toContainText(
    "profile.favorite_colour",
  );
  await page.getByRole("button", { name: "Publish" }).click();
  const refusal = page.getByRole("alert").filter({ hasText: "Not published" });
  await expect(refusal).toContainText("profile.favorite_colour");
  await expect(refusal).toContainText("line 2");
  await shot(page, "template-publish-blocked");

  // Fixed, it publishes as v2.
  await paragraph.fill("Our autumn sale ends on Monday.\nEverything is 30 % off.");
  await saved(page);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published v2", { exact: true }).first()).toBeVisible();

  // Sending a test puts the rendered message in the outbox.
  await page.getByRole("button", { name: "Send test" }).click();
  await expect(page.getByText("Test sent to the outbox", { exact: true }).first()).toBeVisible();

  // The diff of v2 against v1 shows the changed lines.
  await page.getByRole("link", { name: "History" }).click();
  await expect(page).toHaveURL(new RegExp(`/templates/${template.id}/history`));
  await expect(page.getByRole("heading", { name: /^Changes from v1 \(\w+\) to v2 \(published\)$/ })).toBeVisible();
  const body = page.getByRole("region", { name: "Default locale" });
  await expect(body.getByRole("cell", { name: /^Removed line \d+: .*ends on Sunday/ })).toBeVisible();
  await expect(body.getByRole("cell", { name: /^Added line \d+: .*ends on Monday/ })).toBeVisible();
  await shot(page, "template-history");

  // The test send is in the outbox, rendered for the customer it was sent to.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Outbox" }).click();
  await expect(page.getByRole("row", { name: /Welcome e-mail/ }).first()).toContainText(
    customers.nameless.split("@")[0]!,
  );
});

test("a triggered template previews with the customer's own event", async ({ page }) => {
  await signInAs(page, "admin");
  const { key } = await (await page.request.post("/api/api-keys", { data: { name: "e2e trigger" } })).json();
  const now = Date.now();
  const at = new Date(now).toISOString();
  const batch = [
    {
      type: "identify",
      userId: `cart-${now}`,
      traits: { email: `cart-${now}@example.com`, first_name: "Ivo" },
      timestamp: at,
      messageId: `e2e-cart-${now}-id`,
    },
    {
      type: "track",
      userId: `cart-${now}`,
      event: "add_to_cart",
      properties: { category: "wellies" },
      timestamp: at,
      messageId: `e2e-cart-${now}-cart`,
    },
  ];
  expect(
    (await page.request.post("/api/v1/batch", { headers: { authorization: `Bearer ${key}` }, data: { batch } })).ok(),
  ).toBe(true);
  await page.context().clearCookies();

  await signInAs(page, "marketer");
  const { templates } = await (await page.request.get("/api/templates?q=Cart%20reminder")).json();
  await page.goto(`/templates/${templates[0].id}`);
  await expect(page.getByLabel("Sent on an event")).toHaveValue("add_to_cart");
  const recipient = page.getByRole("status", { name: "Preview recipient" });
  await page.getByLabel("Profile", { exact: true }).selectOption({ label: `Ivo (cart-${now}@example.com)` });
  await expect(recipient).toContainText(`cart-${now}@example.com`);
  const lockScreen = page.getByRole("figure", { name: "iOS lock screen preview" });
  await expect(lockScreen).toContainText("Your wellies are waiting in your cart, Ivo.");
  await shot(page, "template-triggered");
});

test("an analyst reads a template and its live checks but has no edit controls", async ({ page }) => {
  await signInAs(page, "analyst");
  const { templates } = await (await page.request.get("/api/templates?q=Order%20shipped")).json();
  await page.goto(`/templates/${templates[0].id}`);
  await expect(page.getByText("Read only")).toBeVisible();
  await expect(page.getByRole("figure", { name: "SMS preview" })).toContainText("your order is on its way");
  await expect(page.getByLabel("Message", { exact: true })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Publish" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Send test" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Variables" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add locale" })).toHaveCount(0);
  await shot(page, "template-analyst");
});
